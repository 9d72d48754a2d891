import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatDate } from '../../domain';
import type { PlanGlance } from '../../domain/glance';
import { formatValue } from '../../domain/measures';
import { riskBand, RISK_TREND_ARROW, RISK_TREND_TEXT } from '../../domain/risks';
import { AppLink } from '../../ui/AppLink';
import { DirectionBadge } from '../../ui/DirectionBadge';
import { MeasureStatusBadge } from '../../ui/MeasureStatusBadge';
import { PageSection } from '../../ui/PageSection';
import { RiskBandBadge } from '../../ui/RiskBandBadge';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    breakInside: 'avoid',
    overflowWrap: 'anywhere',
  },
  facts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The measures the board should worry about: those behind their trajectory. */
export function OffTrajectorySection(props: { glance: PlanGlance; measuresHref: string }) {
  const styles = useStyles();
  const { offTrajectory, measures } = props.glance;
  return (
    <PageSection title={`Measures off trajectory (${offTrajectory.length} of ${measures.length})`}>
      {offTrajectory.length === 0 ? (
        <Text>Every measure with a target and a reading is on its trajectory or has met its target.</Text>
      ) : (
        <ul className={styles.list}>
          {offTrajectory.map(({ measure, status, direction }) => (
            <li key={measure.measureId} className={styles.item}>
              <Text weight="semibold">{measure.title}</Text>
              <span className={styles.facts}>
                <MeasureStatusBadge status={status.status} />
                <DirectionBadge direction={direction} />
                {status.latest && (
                  <Text size={200}>
                    {formatValue(status.latest.value, measure.unit)} on {formatDate(status.latest.date)}
                    {status.expected !== null && `, expected ${formatValue(status.expected, measure.unit)}`}
                    {measure.target !== null &&
                      measure.targetDate !== null &&
                      `; target ${formatValue(measure.target, measure.unit)} by ${formatDate(measure.targetDate)}`}
                  </Text>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <AppLink to={props.measuresHref}>All measures and their readings</AppLink>
    </PageSection>
  );
}

/** The highest-scoring open risks of the joint register. */
export function TopRisksSection(props: { glance: PlanGlance; risksHref: string }) {
  const styles = useStyles();
  const { topRisks } = props.glance;
  return (
    <PageSection title="Top risks">
      {topRisks.length === 0 ? (
        <Text>No open risk on the register.</Text>
      ) : (
        <ol className={styles.list}>
          {topRisks.map((risk) => {
            const score = risk.consequence * risk.likelihood;
            return (
              <li key={risk.riskId} className={styles.item}>
                <Text weight="semibold">{risk.title}</Text>
                <span className={styles.facts}>
                  <RiskBandBadge band={riskBand(score)} />
                  <Text size={200}>
                    Score {score} (consequence {risk.consequence} × likelihood {risk.likelihood}) ·{' '}
                    <span aria-hidden>{RISK_TREND_ARROW[risk.trend]}</span> {RISK_TREND_TEXT[risk.trend]}
                    {risk.owner ? ` · Owner: ${risk.owner}` : ''}
                  </Text>
                </span>
                {risk.mitigation && <Text size={200}>Mitigation: {risk.mitigation}</Text>}
              </li>
            );
          })}
        </ol>
      )}
      <AppLink to={props.risksHref}>The risk register and heat map</AppLink>
    </PageSection>
  );
}
