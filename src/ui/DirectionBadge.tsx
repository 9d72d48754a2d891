import { type RatingTone } from '../domain';
import { DIRECTION_ARROW, DIRECTION_TEXT, type Direction } from '../domain/direction';
import { ToneBadge } from './ToneBadge';

const TONES: Record<Direction, RatingTone> = { improved: 'green', same: 'grey', worse: 'red', new: 'blue' };

/** Direction of travel since the last cycle: an arrow for the eye, the words for everyone. */
export function DirectionBadge(props: { direction: Direction; detail?: string; size?: 'small' | 'medium' }) {
  const { direction } = props;
  return (
    <ToneBadge tone={TONES[direction]} size={props.size}>
      <span aria-hidden>{DIRECTION_ARROW[direction]}</span> {DIRECTION_TEXT[direction]}
      {props.detail ? ` (${props.detail})` : ''}
    </ToneBadge>
  );
}
