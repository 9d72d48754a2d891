import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../domain';
import { ValidationError } from '../../plan/errors';
import type { StructureCommand } from '../../plan/structure/mutations';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { useStructure } from './structure-context';
import { useStructureCommand } from './use-structure-command';

/**
 * One add or edit form of the structure page. A refused save keeps what was typed
 * and shows each message on its field (focus goes to the first); a conflict keeps
 * it too, while the page shows the structure as it is now, to save on top of.
 */
export function useStructureForm<V extends Record<string, string | string[]>>(
  initial: V,
  toCommand: (values: V) => StructureCommand,
  onSaved: () => void,
) {
  const { data } = useStructure();
  const [values, setValues] = useState<V>(initial);
  const errors = useFormErrors();
  const { run, pending } = useStructureCommand(data.plan.id);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const set = <K extends keyof V & string>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    setConflict(false);
    setFailure(null);
    const attempt = await run(toCommand(values));
    if (attempt.kind === 'saved') onSaved();
    else if (attempt.kind === 'conflict') setConflict(true);
    else if (attempt.error instanceof ValidationError && attempt.error.issues.length > 0)
      errors.show(messagesOf(attempt.error.issues.map(onFormField)));
    else setFailure(attempt.error);
  };

  return { values, set, errors, submit, pending, conflict, failure };
}

export type StructureFormState = ReturnType<typeof useStructureForm>;

/** "weaknessNumbers.1" is the list's field on the form. */
function onFormField(issue: FieldIssue): FieldIssue {
  return { ...issue, field: issue.field.split('.')[0] ?? '' };
}
