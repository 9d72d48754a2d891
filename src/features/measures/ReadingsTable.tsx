import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, type Measure, type MeasureReading } from '../../domain';
import { expectedValue, formatValue } from '../../domain/measures';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { width: '100%', borderCollapse: 'collapse' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
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
  nowrap: { whiteSpace: 'nowrap' },
  note: { whiteSpace: 'pre-line', minWidth: '200px' },
});

/** The chart's data as a table: each reading, oldest first, with where the trajectory stood that day. */
export function ReadingsTable(props: {
  measure: Measure;
  readings: readonly MeasureReading[];
  /** A member's "Edit" for one reading; none for a visitor. */
  onEdit?: (reading: MeasureReading) => void;
}) {
  const styles = useStyles();
  const { measure, readings, onEdit } = props;
  const columns = ['Date', 'Reading', 'Expected on the trajectory', 'Note'];
  if (onEdit) columns.push('Change');
  return (
    // Focusable so that a keyboard can scroll a wide table on a narrow screen.
    <div className={styles.scroll} role="region" aria-label={`Readings of ${measure.title}`} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>Readings of {measure.title}</caption>
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
          {readings.map((reading) => {
            const expected = expectedValue(measure, readings, reading.date);
            return (
              <tr key={reading.id}>
                <th scope="row" className={`${styles.cell} ${styles.nowrap}`}>
                  {formatDate(reading.date)}
                </th>
                <td className={`${styles.cell} ${styles.nowrap}`}>
                  {formatValue(reading.value, measure.unit)}
                </td>
                <td className={`${styles.cell} ${styles.nowrap}`}>
                  {expected === null ? '—' : formatValue(expected, measure.unit)}
                </td>
                <td className={`${styles.cell} ${styles.note}`}>{reading.note}</td>
                {onEdit && (
                  <td className={styles.cell}>
                    <Button
                      size="small"
                      aria-label={`Edit the reading of ${formatDate(reading.date)}`}
                      onClick={() => onEdit(reading)}
                    >
                      Edit
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
