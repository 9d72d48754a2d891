import { makeStyles, tokens } from '@fluentui/react-components';
import type { RatingScale } from '../domain';
import { RATING_TONE_STYLES } from './rating-tones';
import { ToneBadge } from './ToneBadge';

const useStyles = makeStyles({
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
  const tone = definition?.tone ?? 'grey';
  const label = definition?.label ?? 'Not rated';
  return (
    <ToneBadge tone={tone} size="medium" className={props.className}>
      <span className={styles.dot} style={{ backgroundColor: RATING_TONE_STYLES[tone].border }} aria-hidden />
      {props.prefix ? `${props.prefix}: ${label}` : label}
    </ToneBadge>
  );
}
