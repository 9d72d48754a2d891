import {
  ArrowTrending16Regular,
  CheckmarkCircle16Regular,
  CircleOff16Regular,
  QuestionCircle16Regular,
  Warning16Regular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { RatingTone } from '../domain';
import { MEASURE_STATUS_TEXT, type MeasureStatusKind } from '../domain/measures';
import { ToneBadge } from './ToneBadge';

/** Each status in words, a shape and a colour: the words alone carry the meaning. */
const LOOK: Record<MeasureStatusKind, { tone: RatingTone; Icon: FluentIcon }> = {
  met: { tone: 'blue', Icon: CheckmarkCircle16Regular },
  'on trajectory': { tone: 'green', Icon: ArrowTrending16Regular },
  'off trajectory': { tone: 'red', Icon: Warning16Regular },
  'no readings': { tone: 'grey', Icon: QuestionCircle16Regular },
  'no target': { tone: 'grey', Icon: CircleOff16Regular },
};

export function MeasureStatusBadge(props: { status: MeasureStatusKind }) {
  const { tone, Icon } = LOOK[props.status];
  return (
    <ToneBadge tone={tone} size="medium">
      <Icon aria-hidden />
      {MEASURE_STATUS_TEXT[props.status]}
    </ToneBadge>
  );
}
