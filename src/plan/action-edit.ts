import type { QueryClient } from '@tanstack/react-query';
import { wholeSecondsIso, type Action, type PersonRef, type ProgressUpdate, type Stored } from '../domain';
import type { PlanStore } from '../graph/store';
import type { ActionDetailData } from './action-detail';
import { invalidatePlan } from './cache';
import { queryKeys } from './query-keys';
import { patchRecordingRating } from './rating-change';
import { saveOrReload, type SaveOutcome } from './save-outcome';

/** What the action detail form may change; ids are fixed and `updatedAt` is the save's own time. */
export type ActionPatch = Partial<Omit<Action, 'id' | 'planId' | 'priorityId' | 'updatedAt'>>;

export interface ActionEdit {
  action: Stored<Action>;
  patch: ActionPatch;
  /** The progress note recorded in the history when the patch changes the rating. */
  note: string;
  author: PersonRef;
  /** ISO date-time of the save. */
  at: string;
}

export interface SavedActionEdit {
  value: Stored<Action>;
  /** The history item, when the rating changed. */
  update: Stored<ProgressUpdate> | null;
}

/**
 * Saves an edit of an action's fields with If-Match. When the rating changes too,
 * the patch and its history item go as one `$batch` (as a rating change does), so
 * a conflict (412) leaves neither behind.
 */
export async function saveActionEdit(store: PlanStore, edit: ActionEdit): Promise<SavedActionEdit> {
  const { action } = edit;
  const patch: ActionPatch & { updatedAt: string } = { ...edit.patch, updatedAt: edit.at };
  // Once a person is chosen as the lead, the names the imported plan gave are spent.
  if (edit.patch.lead && action.leadAsWritten && edit.patch.lead.upn !== action.lead?.upn)
    patch.leadAsWritten = '';
  const toRating = edit.patch.status;
  if (toRating === undefined || toRating === action.status) {
    return { value: await store.actions.update(action, patch), update: null };
  }
  return patchRecordingRating(store, action, patch, {
    toRating,
    note: edit.note,
    author: edit.author,
    at: edit.at,
  });
}

export type ActionEditInput = Omit<ActionEdit, 'author' | 'at'>;

/** Saving the action page's form: a 412 comes back as a conflict with the action as it is now. */
export function saveActionMutation(store: PlanStore, queryClient: QueryClient, author: PersonRef) {
  return {
    mutationFn: (input: ActionEditInput) =>
      saveOrReload(
        () => saveActionEdit(store, { ...input, author, at: wholeSecondsIso() }),
        () => store.actions.get(input.action.id),
      ),
    onSuccess: (outcome: SaveOutcome<SavedActionEdit, Stored<Action>>) => {
      if (outcome.kind !== 'saved') return;
      const { value, update } = outcome.result;
      queryClient.setQueryData<ActionDetailData>(queryKeys.action(value.id), (current) =>
        current
          ? { ...current, action: value, updates: update ? [update, ...current.updates] : current.updates }
          : current,
      );
    },
    onSettled: (_outcome: unknown, _error: unknown, input: ActionEditInput) =>
      invalidatePlan(queryClient, input.action.planId, input.action.id),
  };
}
