import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { riskScoreOf, type Priority, type Risk } from '../../domain';
import { riskBand, RISK_TREND_ARROW, RISK_TREND_TEXT } from '../../domain/risks';
import { RiskBandBadge } from '../../ui/RiskBandBadge';
import { ScrollArea } from './ScrollArea';

const useStyles = makeStyles({
  table: { width: '100%', minWidth: '720px', borderCollapse: 'collapse' },
  head: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
  },
  title: { fontWeight: tokens.fontWeightSemibold, minWidth: '160px' },
  mitigation: { minWidth: '200px', whiteSpace: 'pre-line' },
  nowrap: { whiteSpace: 'nowrap' },
  quiet: { color: tokens.colorNeutralForeground2 },
});

/** Risks as a register: score, band, risk, priority, owner, mitigation, trend (and what a member may do). */
export function RegisterTable(props: {
  /** Names the table and its scrolling frame: "Open risks". */
  label: string;
  risks: readonly Risk[];
  priorities: readonly Priority[];
  /** A member's buttons for one risk; none for a visitor. */
  actions?: (risk: Risk) => ReactNode;
}) {
  const styles = useStyles();
  const priorityOf = (id: string | null) => props.priorities.find((p) => p.id === id);
  const columns = ['Score', 'Band', 'Risk', 'Priority', 'Owner', 'Mitigation', 'Trend'];
  if (props.actions) columns.push('Actions');
  return (
    <ScrollArea label={props.label}>
      <table className={styles.table} aria-label={props.label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={styles.head}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.risks.map((risk) => {
            const score = riskScoreOf(risk);
            const priority = priorityOf(risk.priorityId);
            return (
              <tr key={risk.id}>
                <td className={mergeClasses(styles.cell, styles.nowrap)}>
                  {score}{' '}
                  <span className={styles.quiet}>
                    ({risk.consequence} × {risk.likelihood})
                  </span>
                </td>
                <td className={styles.cell}>
                  <RiskBandBadge band={riskBand(score)} />
                </td>
                <th scope="row" className={mergeClasses(styles.cell, styles.title)}>
                  {risk.title}
                </th>
                <td className={styles.cell}>
                  {priority ? (
                    `${priority.label}: ${priority.title}`
                  ) : (
                    <span className={styles.quiet}>Whole plan</span>
                  )}
                </td>
                <td className={styles.cell}>
                  {risk.owner || <span className={styles.quiet}>Not named</span>}
                </td>
                <td className={mergeClasses(styles.cell, styles.mitigation)}>
                  {risk.mitigation || <span className={styles.quiet}>None recorded</span>}
                </td>
                <td className={mergeClasses(styles.cell, styles.nowrap)}>
                  <span aria-hidden="true">{RISK_TREND_ARROW[risk.trend]}</span> {RISK_TREND_TEXT[risk.trend]}
                </td>
                {props.actions && (
                  <td className={mergeClasses(styles.cell, styles.nowrap)}>{props.actions(risk)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
