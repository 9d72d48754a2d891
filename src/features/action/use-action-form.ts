import { useRef, useState } from 'react';
import type { Action, FieldIssue, Stored } from '../../domain';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { changedFields, rebaseFormValues } from './form-compare';
import { toFormValues, type ActionFormValues, type EvidenceRow } from './form-model';

interface FormState {
  /** The stored action the form's changes apply to (its eTag goes with the save). */
  base: Stored<Action>;
  values: ActionFormValues;
  /** The eTag of the action last handed in, to notice a newer one. */
  seenEtag: string;
}

function fresh(action: Stored<Action>): FormState {
  return { base: action, values: toFormValues(action), seenEtag: action.etag };
}

/**
 * The action detail form's state. It follows the stored action while nothing has
 * been typed; once something has, it keeps the person's values (and the eTag
 * they started from, so a save over someone else's change is a conflict).
 */
export function useActionForm(action: Stored<Action>) {
  const [state, setState] = useState(() => fresh(action));
  const errors = useFormErrors();
  const rowCount = useRef(0);
  if (state.seenEtag !== action.etag) {
    const untouched = changedFields(state.base, state.values).length === 0;
    setState(untouched ? fresh(action) : { ...state, seenEtag: action.etag });
  }

  const update = setState;
  const changed = changedFields(state.base, state.values);

  return {
    base: state.base,
    values: state.values,
    errors,
    messages: errors.messages,
    changed,
    dirty: changed.length > 0,
    setField<K extends keyof ActionFormValues>(field: K, value: ActionFormValues[K]) {
      update((s) => ({ ...s, values: { ...s.values, [field]: value } }));
      errors.clear(...(field === 'status' ? [field, 'ratingNote'] : [field]));
    },
    setEvidence(key: string, patch: Partial<Pick<EvidenceRow, 'title' | 'url'>>) {
      update((s) => ({
        ...s,
        values: {
          ...s.values,
          evidenceLinks: s.values.evidenceLinks.map((r) => (r.key === key ? { ...r, ...patch } : r)),
        },
      }));
      errors.clear(...Object.keys(patch).map((p) => `evidenceLinks.${key}.${p}`));
    },
    /** Adds an empty evidence row and returns its key. */
    addEvidence(): string {
      const key = `new-${rowCount.current++}`;
      update((s) => ({
        ...s,
        values: { ...s.values, evidenceLinks: [...s.values.evidenceLinks, { key, title: '', url: '' }] },
      }));
      return key;
    },
    removeEvidence(key: string) {
      update((s) => ({
        ...s,
        values: { ...s.values, evidenceLinks: s.values.evidenceLinks.filter((r) => r.key !== key) },
      }));
      errors.clear(`evidenceLinks.${key}.title`, `evidenceLinks.${key}.url`);
    },
    showIssues(issues: readonly FieldIssue[]) {
      errors.show(messagesOf(issues));
    },
    /** Starts again from a stored action (after a save, or to discard changes). */
    reset(next: Stored<Action>) {
      update(fresh(next));
      errors.reset();
    },
    /** Puts this person's changes on top of `latest`; returns the values to save. */
    rebase(latest: Stored<Action>): ActionFormValues {
      const values = rebaseFormValues(state.base, latest, state.values);
      update({ base: latest, values, seenEtag: latest.etag });
      errors.reset();
      return values;
    },
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;
