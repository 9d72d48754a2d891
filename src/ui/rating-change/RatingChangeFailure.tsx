import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { findRating, type RatingScale } from '../../domain';
import { ReadOnlyError } from '../../plan/errors';
import { describeError } from '../ErrorMessage';
import type { RatingFailure } from './use-rating-change';

/** A rating change that did not save: the card is back where it was; "Try again" reopens the note as typed. */
export function RatingChangeFailure(props: {
  failure: RatingFailure;
  scale: RatingScale;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const { draft, error } = props.failure;
  const readOnly = error instanceof ReadOnlyError;
  const label = (key: string) => findRating(props.scale, key)?.label ?? 'Not rated';
  return (
    <MessageBar intent={readOnly ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          Could not move {draft.action.reference} to {label(draft.toRating)}
        </MessageBarTitle>
        {describeError(error).detail} It is back in {label(draft.action.status)}.
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss"
            icon={<Dismiss16Regular />}
            onClick={props.onDismiss}
          />
        }
      >
        {!readOnly && <Button onClick={props.onRetry}>Try again</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
