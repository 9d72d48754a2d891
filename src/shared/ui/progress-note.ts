import type { Action } from '../../domain';

/** What a progress note starts as when the action has no narrative yet. */
export const PROGRESS_NOTE_TEMPLATE = 'What has changed: \nWhat happens next: ';

const MAX_NOTE = 4000;

/** The dialog starts from the last narrative, so a lead edits it rather than retyping it. */
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
