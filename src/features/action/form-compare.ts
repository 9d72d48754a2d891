import type { Action } from '../../domain';
import {
  ACTION_FORM_FIELDS,
  filledEvidence,
  readDueDate,
  toFormValues,
  type ActionFormField,
  type ActionFormValues,
  type EvidenceRow,
} from './form-model';
import { sameJson } from './same-json';

/** Whether two form values of a field mean the same (a date typed two ways, spaces, blank evidence rows). */
export function sameFieldValue(field: ActionFormField, a: ActionFormValues, b: ActionFormValues): boolean {
  switch (field) {
    case 'lead':
      return (a.lead?.upn ?? null) === (b.lead?.upn ?? null);
    case 'dueDate': {
      const [x, y] = [readDueDate(a.dueDate), readDueDate(b.dueDate)];
      if (x.ok && y.ok) return sameJson(x.value, y.value);
      return a.dueDate.trim() === b.dueDate.trim();
    }
    case 'evidenceLinks':
      return sameJson(evidenceKey(a.evidenceLinks), evidenceKey(b.evidenceLinks));
    case 'status':
    case 'impactRating':
    case 'sustainedRating':
      return a[field] === b[field];
    default:
      return a[field].trim() === b[field].trim();
  }
}

function evidenceKey(rows: readonly EvidenceRow[]) {
  return filledEvidence(rows).map((r) => [r.title.trim(), r.url.trim()]);
}

/** The fields the person has changed since the form was filled from `base`. */
export function changedFields(base: Action, values: ActionFormValues): ActionFormField[] {
  const original = toFormValues(base);
  return ACTION_FORM_FIELDS.filter((f) => !sameFieldValue(f, original, values));
}

/**
 * "Re-apply my changes": the latest stored action, with the fields this person
 * changed (since `base`) put back on top. Fields they did not touch take the latest values.
 */
export function rebaseFormValues(base: Action, latest: Action, values: ActionFormValues): ActionFormValues {
  const mine = new Set(changedFields(base, values));
  const next = toFormValues(latest);
  const result: ActionFormValues = { ...next, ratingNote: values.ratingNote };
  const keep = <K extends ActionFormField>(field: K) => {
    if (mine.has(field)) result[field] = values[field];
  };
  ACTION_FORM_FIELDS.forEach(keep);
  return result;
}
