import type { QueryClient } from '@tanstack/react-query';
import { wholeSecondsIso, type Action, type PersonRef, type Stored } from '../domain';
import type { PlanStore } from '../graph/store';
import { loadActionDetail, type ActionDetailData } from './action-detail';
import { invalidatePlan, showAction } from './cache';
import { recordChange, type RecordedChange } from './history';
import { queryKeys } from './query-keys';
import { saveOrReload, type SaveOutcome } from './save-outcome';

/** An action's rating changing, with the progress note that says why. */
export interface RatingChange {
  action: Stored<Action>;
  toRating: string;
  note: string;
  author: PersonRef;
  /** ISO date-time of the change. */
  at: string;
}

export async function changeRating(store: PlanStore, change: RatingChange): Promise<RecordedChange<Action>> {
  return patchRecordingRating(
    store,
    change.action,
    { status: change.toRating, updatedAt: change.at },
    change,
  );
}

/**
 * Patches an action whose rating changes to `change.toRating`, with the history
 * item depending on the patch, so a 412 leaves neither behind.
 */
export async function patchRecordingRating(
  store: PlanStore,
  action: Stored<Action>,
  patch: Partial<Omit<Action, 'id'>>,
  change: Omit<RatingChange, 'action'>,
): Promise<RecordedChange<Action>> {
  return recordChange(
    store,
    {
      repository: store.actions,
      request: store.actions.updateRequest(action, patch),
      changed: { ...action, ...patch },
    },
    (a) => ({
      planId: a.planId,
      priorityId: a.priorityId,
      actionId: a.id,
      author: change.author,
      at: change.at,
      kind: 'rating',
      fromRating: action.status,
      toRating: change.toRating,
      note: change.note.trim(),
    }),
  );
}

/** What a progress note starts as when the action has no narrative yet. */
const PROGRESS_NOTE_TEMPLATE = 'What has changed: \nWhat happens next: ';

const MAX_NOTE = 4000;

/** The note starts from the last narrative, so a lead edits it rather than retyping it. */
export function prefillNote(action: Pick<Action, 'progressNarrative'>): string {
  return action.progressNarrative.trim() || PROGRESS_NOTE_TEMPLATE;
}

/** Why a note cannot be saved, or null. The untouched template counts as no note. */
export function noteProblem(note: string, required: boolean): string | null {
  const text = note.trim();
  if (text.length > MAX_NOTE) return `A progress note must be at most ${MAX_NOTE} characters`;
  if (required && (text === '' || text === PROGRESS_NOTE_TEMPLATE.trim()))
    return 'Write a short progress note: this plan asks for one with every change';
  return null;
}

export type RatingChangeInput = Pick<RatingChange, 'action' | 'toRating' | 'note'>;

const RATING_CHANGE_KEY = [...queryKeys.all, 'change-rating'] as const;

export type RatingChangeOutcome = SaveOutcome<RecordedChange<Action>, ActionDetailData>;

/**
 * The rating change as a mutation of the tab's cache: the board and My work show
 * the card in its new column at once; when it does not save only this action goes
 * back (other changes in flight stay). A 412 comes back as a conflict with the
 * action and its history as they are now; once settled, the plan's views refresh.
 */
export function ratingChangeMutation(store: PlanStore, queryClient: QueryClient, author: PersonRef) {
  return {
    mutationKey: RATING_CHANGE_KEY,
    mutationFn: (input: RatingChangeInput): Promise<RatingChangeOutcome> =>
      saveOrReload(
        () => changeRating(store, { ...input, author, at: wholeSecondsIso() }),
        () => loadActionDetail(store, input.action.id),
      ),
    onMutate: async (input: RatingChangeInput) => {
      await Promise.all([
        queryClient.cancelQueries({
          queryKey: queryKeys.board(input.action.planId, input.action.priorityId),
        }),
        queryClient.cancelQueries({ queryKey: queryKeys.myWork() }),
      ]);
      showAction(queryClient, { ...input.action, status: input.toRating });
    },
    onError: (_error: unknown, input: RatingChangeInput) => showAction(queryClient, input.action),
    onSuccess: (outcome: RatingChangeOutcome, input: RatingChangeInput) =>
      showAction(queryClient, outcome.kind === 'saved' ? outcome.result.value : input.action),
    onSettled: (_result: unknown, _error: unknown, input: RatingChangeInput) => {
      // A refetch while another change is still on its way would show that card back where it was.
      if (queryClient.isMutating({ mutationKey: RATING_CHANGE_KEY }) > 1)
        return queryClient.invalidateQueries({ queryKey: queryKeys.action(input.action.id) });
      return invalidatePlan(queryClient, input.action.planId, input.action.id);
    },
  };
}
