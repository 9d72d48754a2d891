import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RatingScale } from '../../domain';
import { RATING_TONE_STYLES } from './rating-tones';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: '1px solid',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  dot: { width: '8px', height: '8px', borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
});

/** A rating as text with its colour beside it (colour is never the only signal). */
export function RatingBadge(props: {
  scale: RatingScale;
  rating: string | null;
  prefix?: string;
  className?: string;
}) {
  const styles = useStyles();
  const definition = props.scale.ratings.find((r) => r.key === props.rating);
  const tone = RATING_TONE_STYLES[definition?.tone ?? 'grey'];
  const label = definition?.label ?? 'Not rated';
  return (
    <span
      className={mergeClasses(styles.badge, props.className)}
      style={{ backgroundColor: tone.background, color: tone.foreground, borderColor: tone.border }}
    >
      <span className={styles.dot} style={{ backgroundColor: tone.border }} aria-hidden />
      {props.prefix ? `${props.prefix}: ${label}` : label}
    </span>
  );
}
