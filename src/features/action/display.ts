import { findRating, formatDate, type Action, type PersonRef, type RatingScale } from '../../domain';
import { readDueDate, type ActionFormField, type ActionFormValues } from './form-model';
import { IMPACT_SCALE, SUSTAINED_SCALE } from './rating-scales';

/** Words for a form field's value, as the read-only view and the conflict view show it. */
export function displayFormValue(
  field: ActionFormField,
  values: ActionFormValues,
  scale: RatingScale,
): string {
  switch (field) {
    case 'lead':
      return describePerson(values.lead);
    case 'dueDate': {
      const due = readDueDate(values.dueDate);
      if (!due.ok) return values.dueDate.trim();
      return due.value ? formatDate(due.value.date, due.value.precision) : 'No due date';
    }
    case 'status':
      return findRating(scale, values.status)?.label ?? 'Not rated';
    case 'impactRating':
      return findRating(IMPACT_SCALE, values.impactRating)?.label ?? 'Not rated';
    case 'sustainedRating':
      return findRating(SUSTAINED_SCALE, values.sustainedRating)?.label ?? 'Not rated';
    case 'evidenceLinks': {
      const rows = values.evidenceLinks.filter((r) => r.title.trim() || r.url.trim());
      return rows.length ? rows.map((r) => `${r.title.trim()} (${r.url.trim()})`).join('; ') : 'None';
    }
    default:
      return values[field].trim() || 'Empty';
  }
}

/** The action's lead: the person, else the leads as the imported plan wrote them. */
export function describeLead(action: Pick<Action, 'lead' | 'leadAsWritten'>): string {
  if (action.lead || !action.leadAsWritten) return describePerson(action.lead);
  return `${action.leadAsWritten} (as the imported plan names them: choose the person)`;
}

export function describePerson(person: PersonRef | null): string {
  if (!person) return 'No lead';
  return person.agency ? `${person.displayName}, ${person.agency}` : person.displayName;
}
