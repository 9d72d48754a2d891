import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { findRating, formatDateTime, type RatingScale } from '../../domain';
import { noteProblem } from '../../plan/rating-change';
import type { ConflictInfo, RatingDraft } from './use-rating-change';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actionText: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    color: tokens.colorNeutralForeground2,
  },
  quote: { fontStyle: 'italic' },
});

export interface ProgressNoteDialogProps {
  draft: RatingDraft;
  scale: RatingScale;
  requireNote: boolean;
  /** False while closed (it stays mounted between a save and a conflict that reopens it). */
  open: boolean;
  onEdit: (patch: Partial<Pick<RatingDraft, 'toRating' | 'note'>>) => void;
  onSubmit: (noteOverride?: string) => void;
  onCancel: () => void;
}

/**
 * Asks for the progress note that goes with a rating change. After a conflict it
 * says what somebody else changed and offers to apply this change on top, or to
 * discard it; the note typed so far stays in the box either way.
 */
export function ProgressNoteDialog(props: ProgressNoteDialogProps) {
  const styles = useStyles();
  const { draft, scale, requireNote, open } = props;
  const [attempted, setAttempted] = useState(false);
  // Each opening starts without "you tried to save" messages.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setAttempted(false);
  }
  const problem = noteProblem(draft.note, requireNote);
  const base = draft.conflict?.current ?? draft.action;
  const label = (key: string | null) => findRating(scale, key)?.label ?? 'Not rated';

  const save = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!problem) props.onSubmit();
  };

  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => (data.open ? undefined : props.onCancel())}
    >
      <DialogSurface>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>
              Update {draft.action.reference}: {label(draft.toRating)}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Text className={styles.actionText}>{draft.action.text}</Text>
              {draft.conflict && <ConflictNotice conflict={draft.conflict} label={label} />}
              <Field label={`New rating (now ${label(base.status)})`}>
                <RadioGroup
                  value={draft.toRating}
                  onChange={(_, data) => props.onEdit({ toRating: data.value })}
                >
                  {scale.ratings.map((r) => (
                    <Radio key={r.key} value={r.key} label={r.label} />
                  ))}
                </RadioGroup>
              </Field>
              <Field
                label="Progress note"
                required={requireNote}
                hint={
                  draft.action.progressNarrative.trim()
                    ? 'Starts from the last progress update: say what has changed.'
                    : 'Say what has changed, and what happens next.'
                }
                validationMessage={attempted && problem ? problem : undefined}
              >
                <Textarea
                  value={draft.note}
                  onChange={(_, data) => props.onEdit({ note: data.value })}
                  rows={5}
                  resize="vertical"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {draft.conflict ? 'Apply my change' : 'Save'}
              </Button>
              {!requireNote && !draft.conflict && (
                <Button onClick={() => props.onSubmit('')}>Save without a note</Button>
              )}
              <Button onClick={props.onCancel}>{draft.conflict ? 'Discard my change' : 'Cancel'}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function ConflictNotice(props: { conflict: ConflictInfo; label: (key: string | null) => string }) {
  const styles = useStyles();
  const { current, lastUpdate } = props.conflict;
  const who = lastUpdate
    ? `${lastUpdate.author.displayName} updated it on ${formatDateTime(lastUpdate.at)}`
    : current.updatedAt
      ? `It was changed on ${formatDateTime(current.updatedAt)}`
      : 'It was changed';
  return (
    <Notice intent="warning" title="Someone else changed this action">
      {who}. It is now rated {props.label(current.status)}.
      {lastUpdate?.note ? <span className={styles.quote}> “{lastUpdate.note}”</span> : null} Your note is kept
      below: apply your change on top of theirs, or discard it.
    </Notice>
  );
}
