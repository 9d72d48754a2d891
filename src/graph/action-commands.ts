import type { Action, PersonRef, ProgressUpdate } from '../domain';
import { patchRecordingRating } from './commands';
import type { Stored } from './mapping';
import type { PlanStore } from './store';

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
 * the patch and its history item go as one `$batch` (as `changeRating` does), so
 * a conflict (412) leaves neither behind.
 */
export async function saveActionEdit(store: PlanStore, edit: ActionEdit): Promise<SavedActionEdit> {
  const { action } = edit;
  const patch = { ...edit.patch, updatedAt: edit.at };
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
