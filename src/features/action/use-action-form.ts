import { useRef, useState } from 'react';
import type { Action, FieldIssue } from '../../domain';
import type { Stored } from '../../graph/mapping';
import {
  messagesOf,
  toFormValues,
  type ActionFormValues,
  type EvidenceRow,
  type FieldMessages,
} from './form-model';
import { changedFields, rebaseFormValues } from './form-compare';

interface FormState {
  /** The stored action the form's changes apply to (its eTag goes with the save). */
  base: Stored<Action>;
  values: ActionFormValues;
  messages: FieldMessages;
  /** The eTag of the action last handed in, to notice a newer one. */
  seenEtag: string;
  /** Grows with every attempt that found problems, so the view can move focus to the first. */
  attempt: number;
}

function fresh(action: Stored<Action>, previous?: FormState): FormState {
  return {
    base: action,
    values: toFormValues(action),
    messages: {},
    seenEtag: action.etag,
    attempt: previous?.attempt ?? 0,
  };
}

/**
 * The action detail form's state. It follows the stored action while nothing has
 * been typed; once something has, it keeps the person's values (and the eTag
 * they started from, so a save over someone else's change is a conflict).
 */
export function useActionForm(action: Stored<Action>) {
  const [state, setState] = useState(() => fresh(action));
  const rowCount = useRef(0);
  if (state.seenEtag !== action.etag) {
    const untouched = changedFields(state.base, state.values).length === 0;
    setState(untouched ? fresh(action, state) : { ...state, seenEtag: action.etag });
  }

  const update = setState;
  const changed = changedFields(state.base, state.values);

  return {
    base: state.base,
    values: state.values,
    messages: state.messages,
    attempt: state.attempt,
    changed,
    dirty: changed.length > 0,
    setField<K extends keyof ActionFormValues>(field: K, value: ActionFormValues[K]) {
      update((s) => ({
        ...s,
        values: { ...s.values, [field]: value },
        messages: without(s.messages, field === 'status' ? [field, 'ratingNote'] : [field]),
      }));
    },
    setEvidence(key: string, patch: Partial<Pick<EvidenceRow, 'title' | 'url'>>) {
      update((s) => ({
        ...s,
        values: {
          ...s.values,
          evidenceLinks: s.values.evidenceLinks.map((r) => (r.key === key ? { ...r, ...patch } : r)),
        },
        messages: without(
          s.messages,
          Object.keys(patch).map((p) => `evidenceLinks.${key}.${p}`),
        ),
      }));
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
        messages: without(s.messages, [`evidenceLinks.${key}.title`, `evidenceLinks.${key}.url`]),
      }));
    },
    showIssues(issues: readonly FieldIssue[]) {
      update((s) => ({ ...s, messages: messagesOf(issues), attempt: s.attempt + 1 }));
    },
    /** Starts again from a stored action (after a save, or to discard changes). */
    reset(next: Stored<Action>) {
      update((s) => fresh(next, s));
    },
    /** Puts this person's changes on top of `latest`; returns the values to save. */
    rebase(latest: Stored<Action>): ActionFormValues {
      const values = rebaseFormValues(state.base, latest, state.values);
      update((s) => ({ ...s, base: latest, values, messages: {}, seenEtag: latest.etag }));
      return values;
    },
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;

function without(messages: FieldMessages, fields: readonly string[]): FieldMessages {
  const next = { ...messages };
  for (const field of fields) delete next[field];
  delete next[''];
  return next;
}
