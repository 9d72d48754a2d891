import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Action, ProgressUpdate, Stored } from '../../domain';
import { prefillNote, ratingChangeMutation, type RatingChangeInput } from '../../plan/rating-change';
import { describeError } from '../ErrorMessage';
import { useSession } from '../session';
import { usePlanStore } from '../store-context';
import { useETagSave } from '../use-etag-save';

/** A rating change the person is writing the progress note for. */
export interface RatingDraft {
  action: Stored<Action>;
  toRating: string;
  note: string;
  /** Set when saving met somebody else's change (412): what the action looks like now. */
  conflict: ConflictInfo | null;
}

export interface ConflictInfo {
  current: Stored<Action>;
  /** The latest entry of the action's history, if it has one. */
  lastUpdate: Stored<ProgressUpdate> | null;
}

export interface RatingFailure {
  draft: RatingDraft;
  error: unknown;
}

export interface RatingChangeOptions {
  /** "Good progress" for an action's rating key (in its plan's scale). */
  ratingLabel: (action: Stored<Action>, rating: string) => string;
  announce: (message: string) => void;
  /** After the dialog closes, whichever way: the view puts focus back on the action. */
  onClosed?: (actionId: string) => void;
}

/**
 * The whole "change a rating" conversation, shared by the board and My work:
 * ask for a note, save (the card moves at once and goes back if the save fails),
 * and on a 412 reopen the dialog with what changed, keeping the note the person
 * typed. Other failures keep the draft so "Try again" loses nothing either.
 */
export function useRatingChange(options: RatingChangeOptions) {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const { person } = useSession();
  const saver = useETagSave(ratingChangeMutation(store, queryClient, person));
  const { save, settle } = saver;
  const [draft, setDraft] = useState<RatingDraft | null>(null);
  /** Changes on their way to Graph: action id -> the rating it is moving to. */
  const [moving, setMoving] = useState<ReadonlyMap<string, string>>(() => new Map());
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  });

  const setMovingTo = useCallback((id: string, rating: string | null) => {
    setMoving((current) => {
      const next = new Map(current);
      if (rating === null) next.delete(id);
      else next.set(id, rating);
      return next;
    });
  }, []);

  const start = useCallback(
    (action: Stored<Action>, toRating: string) => {
      settle();
      setDraft({ action, toRating, note: prefillNote(action), conflict: null });
    },
    [settle],
  );

  const edit = useCallback((patch: Partial<Pick<RatingDraft, 'toRating' | 'note'>>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
  }, []);

  const close = useCallback((actionId: string) => {
    setDraft(null);
    optionsRef.current.onClosed?.(actionId);
  }, []);

  /** Saves the draft; `noteOverride` is for "Save without a note". */
  const submit = useCallback(
    (noteOverride?: string) => {
      if (!draft) return;
      // After a conflict the change goes on top of what is there now (its fresh eTag).
      const action = draft.conflict?.current ?? draft.action;
      const sent: RatingChangeInput = { action, toRating: draft.toRating, note: noteOverride ?? draft.note };
      const { announce, ratingLabel } = optionsRef.current;
      close(action.id);
      setMovingTo(action.id, sent.toRating);
      announce(`Moved ${action.reference} to ${ratingLabel(action, sent.toRating)}.`);
      void save(sent)
        .then((attempt) => {
          if (attempt.kind === 'conflict') {
            const { action: current, updates } = attempt.latest;
            setDraft({ ...sent, conflict: { current, lastUpdate: updates[0] ?? null } });
            announce(
              `${action.reference} was changed by someone else: your note is kept, apply it or discard it.`,
            );
          } else if (attempt.kind === 'failed') {
            announce(
              `Could not move ${action.reference}: ${describeError(attempt.error).detail} It is back in ${ratingLabel(action, action.status)}.`,
            );
          }
        })
        .finally(() => setMovingTo(action.id, null));
    },
    [draft, close, save, setMovingTo],
  );

  const cancel = useCallback(() => {
    if (draft) close(draft.action.id);
  }, [draft, close]);

  const failed = saver.failure;
  const failure = useMemo<RatingFailure | null>(
    () => failed && { draft: { ...failed.sent, conflict: null }, error: failed.error },
    [failed],
  );

  const retry = useCallback(() => {
    if (!failure) return;
    setDraft(failure.draft);
    settle();
  }, [failure, settle]);

  return { draft, failure, moving, start, edit, submit, cancel, retry, dismissFailure: settle };
}

export type RatingChangeFlow = ReturnType<typeof useRatingChange>;
