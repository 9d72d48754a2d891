import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Action, ProgressUpdate } from '../../domain';
import { ConflictError } from '../../graph/errors';
import type { Stored } from '../../graph/mapping';
import { loadActionDetail } from '../../graph/queries';
import { useChangeRating } from '../data/mutations';
import { usePlanStore } from '../data/store-context';
import { describeError } from './ErrorMessage';
import { prefillNote } from './progress-note';

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
 * ask for a note, save through `useChangeRating` (optimistic, rolled back on
 * error), and on a 412 re-read the action and reopen the dialog with what
 * changed, keeping the note the person typed. Other failures keep the draft so
 * "Try again" loses nothing either.
 */
export function useRatingChange(options: RatingChangeOptions) {
  const store = usePlanStore();
  const mutation = useChangeRating();
  const [draft, setDraft] = useState<RatingDraft | null>(null);
  const [failure, setFailure] = useState<RatingFailure | null>(null);
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

  const start = useCallback((action: Stored<Action>, toRating: string) => {
    setFailure(null);
    setDraft({ action, toRating, note: prefillNote(action), conflict: null });
  }, []);

  const edit = useCallback((patch: Partial<Pick<RatingDraft, 'toRating' | 'note'>>) => {
    setDraft((current) => (current ? { ...current, ...patch } : current));
  }, []);

  const close = useCallback((actionId: string) => {
    setDraft(null);
    optionsRef.current.onClosed?.(actionId);
  }, []);

  const onConflict = useCallback(
    async (sent: RatingDraft, error: unknown) => {
      try {
        const detail = await loadActionDetail(store, sent.action.id);
        const conflict = { current: detail.action, lastUpdate: detail.updates[0] ?? null };
        setDraft({ ...sent, conflict });
        optionsRef.current.announce(
          `${sent.action.reference} was changed by someone else: your note is kept, apply it or discard it.`,
        );
      } catch {
        setFailure({ draft: sent, error });
      }
    },
    [store],
  );

  /** Saves the draft; `noteOverride` is for "Save without a note". */
  const submit = useCallback(
    (noteOverride?: string) => {
      if (!draft) return;
      const note = noteOverride ?? draft.note;
      const sent = { ...draft, note };
      // After a conflict the change goes on top of what is there now (its fresh eTag).
      const action = draft.conflict?.current ?? draft.action;
      const { announce, ratingLabel } = optionsRef.current;
      const label = ratingLabel(action, sent.toRating);
      close(action.id);
      setMovingTo(action.id, sent.toRating);
      announce(`Moved ${action.reference} to ${label}.`);
      // mutateAsync, not mutate's callbacks: those fire only for the latest of several changes in flight.
      mutation
        .mutateAsync({ action, toRating: sent.toRating, note })
        .catch((error: unknown) => {
          if (error instanceof ConflictError) {
            void onConflict({ ...sent, action }, error);
            return;
          }
          setFailure({ draft: { ...sent, action }, error });
          announce(
            `Could not move ${action.reference}: ${describeError(error).detail} It is back in ${ratingLabel(action, action.status)}.`,
          );
        })
        .finally(() => setMovingTo(action.id, null));
    },
    [draft, close, mutation, onConflict, setMovingTo],
  );

  const cancel = useCallback(() => {
    if (draft) close(draft.action.id);
  }, [draft, close]);

  const retry = useCallback(() => {
    if (!failure) return;
    setDraft({ ...failure.draft, conflict: null });
    setFailure(null);
  }, [failure]);

  const dismissFailure = useCallback(() => setFailure(null), []);

  return { draft, failure, moving, start, edit, submit, cancel, retry, dismissFailure };
}

export type RatingChangeFlow = ReturnType<typeof useRatingChange>;
