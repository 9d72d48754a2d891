import type { Action, RatingScale } from '../../domain';
import { displayFormValue } from './display';
import {
  ACTION_FORM_FIELDS,
  FIELD_LABELS,
  toFormValues,
  type ActionFormField,
  type ActionFormValues,
} from './form-model';
import { sameFieldValue } from './form-compare';

/** One field that differs between what is stored now and what this person would save. */
export interface ConflictRow {
  field: ActionFormField;
  label: string;
  /** The value stored now (someone else's, where they changed it). */
  stored: string;
  /** The value this person would save. */
  yours: string;
  changedByThem: boolean;
  changedByYou: boolean;
}

/**
 * After a 412: every field that someone else changed since `base` was read, or
 * that this person changed, with the stored value beside theirs. Fields both
 * changed to the same value are not a difference and are left out.
 */
export function conflictRows(
  base: Action,
  latest: Action,
  values: ActionFormValues,
  scale: RatingScale,
): ConflictRow[] {
  const original = toFormValues(base);
  const stored = toFormValues(latest);
  return ACTION_FORM_FIELDS.flatMap((field) => {
    const changedByThem = !sameFieldValue(field, original, stored);
    const changedByYou = !sameFieldValue(field, original, values);
    if (!changedByThem && !changedByYou) return [];
    if (changedByThem && changedByYou && sameFieldValue(field, stored, values)) return [];
    return [
      {
        field,
        label: FIELD_LABELS[field],
        stored: displayFormValue(field, stored, scale),
        yours: displayFormValue(field, changedByYou ? values : stored, scale),
        changedByThem,
        changedByYou,
      },
    ];
  });
}
