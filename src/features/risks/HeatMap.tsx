import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Risk } from '../../domain';
import {
  CONSEQUENCE_TEXT,
  heatMap,
  LIKELIHOOD_TEXT,
  RISK_BAND_TEXT,
  RISK_SCORES,
  type HeatMapCell,
} from '../../domain/risks';
import { VisuallyHidden } from '../../ui/VisuallyHidden';
import { bandStyle } from '../../ui/risk-band-styles';
import { ScrollArea } from './ScrollArea';

const useStyles = makeStyles({
  table: {
    width: '100%',
    minWidth: '320px',
    maxWidth: '720px',
    tableLayout: 'fixed',
    borderCollapse: 'separate',
    borderSpacing: tokens.spacingHorizontalXXS,
  },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  corner: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    verticalAlign: 'bottom',
  },
  header: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalXXS,
  },
  rowHeader: { textAlign: 'end' },
  cell: {
    height: '56px',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXXS,
  },
  count: { display: 'block', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  band: { display: 'block', fontSize: tokens.fontSizeBase100, overflowWrap: 'anywhere' },
  empty: { opacity: 0.75 },
});

/** The 5x5 matrix of open risks: likelihood across, consequence up, each cell its count and band. */
export function HeatMap(props: { risks: readonly Risk[] }) {
  const styles = useStyles();
  const rows = useMemo(() => heatMap(props.risks), [props.risks]);
  return (
    <ScrollArea label="Heat map of open risks">
      <table className={styles.table}>
        <caption className={styles.caption}>
          Open risks by consequence (up) and likelihood (across). Each cell gives how many risks it holds and
          its band.
        </caption>
        <thead>
          <tr>
            <td className={styles.corner}>
              Likelihood →<br />
              Consequence ↑
            </td>
            {RISK_SCORES.map((likelihood) => (
              <th key={likelihood} scope="col" className={styles.header}>
                <VisuallyHidden>Likelihood </VisuallyHidden>
                {likelihood} {LIKELIHOOD_TEXT[likelihood]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.consequence}>
              <th scope="row" className={mergeClasses(styles.header, styles.rowHeader)}>
                <VisuallyHidden>Consequence </VisuallyHidden>
                {row.consequence} {CONSEQUENCE_TEXT[row.consequence]}
              </th>
              {row.cells.map((cell) => (
                <HeatMapCellView key={cell.likelihood} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

function HeatMapCellView({ cell }: { cell: HeatMapCell<Risk> }) {
  const styles = useStyles();
  return (
    <td className={styles.cell} style={bandStyle(cell.band)}>
      <span className={mergeClasses(styles.count, cell.count === 0 && styles.empty)}>{cell.count}</span>
      <VisuallyHidden>{cell.count === 1 ? ' open risk, ' : ' open risks, '}</VisuallyHidden>
      <span className={styles.band}>{RISK_BAND_TEXT[cell.band]}</span>
      <VisuallyHidden>{` band, score ${cell.score}`}</VisuallyHidden>
    </td>
  );
}
