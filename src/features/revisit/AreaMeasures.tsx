import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatDate } from '../../domain';
import { formatValue } from '../../domain/measures';
import type { MeasureReadiness } from '../../domain/revisit';
import { MeasureStatusBadge } from '../../ui/MeasureStatusBadge';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

/** The measures of the answering priorities: the latest reading against the target, and whether it is on track. */
export function AreaMeasures(props: { measures: readonly MeasureReadiness[]; label: string }) {
  const styles = useStyles();
  if (props.measures.length === 0) return <Text>No measures tracked for these priorities.</Text>;
  return (
    <ul className={styles.list} aria-label={props.label}>
      {props.measures.map(({ measure, status }) => (
        <li key={measure.id} className={styles.item}>
          <Text weight="semibold">{measure.title}</Text>
          <Text size={200}>
            {status.latest
              ? `Latest ${formatValue(status.latest.value, measure.unit)} on ${formatDate(status.latest.date)}`
              : 'No reading yet'}
            {' · '}
            {measure.target !== null
              ? `Target ${formatValue(measure.target, measure.unit)}${measure.targetDate ? ` by ${formatDate(measure.targetDate)}` : ''}`
              : 'No target'}
          </Text>
          <MeasureStatusBadge status={status.status} />
        </li>
      ))}
    </ul>
  );
}
