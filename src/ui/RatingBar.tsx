import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { RatingCounts, RatingScale } from '../domain';
import { RATING_TONE_STYLES } from './rating-tones';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
    outline: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  segment: { height: '100%', borderRight: `1px solid ${tokens.colorNeutralBackground1}` },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: {
    width: '10px',
    height: '10px',
    borderRadius: tokens.borderRadiusSmall,
    flexShrink: 0,
    border: '1px solid',
  },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The headline chart of every progress report: actions per rating, as a stacked bar with text labels. */
export function RatingBar(props: { counts: RatingCounts; scale: RatingScale; label: string }) {
  const styles = useStyles();
  const { counts, scale } = props;
  const summary = counts.byRating.map((c) => `${c.label}: ${c.count}`).join(', ');
  return (
    <div className={styles.root}>
      <div className={styles.bar} role="img" aria-label={`${props.label}: ${summary}`}>
        {counts.byRating.map((c) => {
          const tone = scale.ratings.find((r) => r.key === c.key)?.tone ?? 'grey';
          return c.count > 0 ? (
            <div
              key={c.key}
              className={styles.segment}
              style={{
                width: `${(c.count / Math.max(counts.total, 1)) * 100}%`,
                backgroundColor: RATING_TONE_STYLES[tone].border,
              }}
            />
          ) : null;
        })}
      </div>
      <ul className={styles.legend}>
        {counts.byRating.map((c) => {
          const tone = scale.ratings.find((r) => r.key === c.key)?.tone ?? 'grey';
          return (
            <li key={c.key} className={styles.item}>
              <span
                className={styles.swatch}
                style={{
                  backgroundColor: RATING_TONE_STYLES[tone].border,
                  borderColor: RATING_TONE_STYLES[tone].foreground,
                }}
                aria-hidden
              />
              <Text size={200}>
                {c.label} <strong>{c.count}</strong>
              </Text>
            </li>
          );
        })}
        {counts.unrated > 0 && (
          <li className={styles.item}>
            <Text size={200}>
              Not rated <strong>{counts.unrated}</strong>
            </Text>
          </li>
        )}
      </ul>
    </div>
  );
}
