import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ValidationError } from '../../plan/errors';
import { measureMutation, type MeasureCommand } from '../../plan/measures';
import { messagesOf, useFormErrors } from '../../ui/form-errors';
import { usePlanStore } from '../../ui/store-context';

/**
 * One add or edit form of the Measures page. A refused save keeps what was typed
 * and shows each message on its field (focus goes to the first); after a conflict
 * the page shows the measures as they are now, and saving again applies the form
 * on top of them. `onSaved` runs once the page has been read again.
 */
export function useMeasureForm<V extends Record<string, string>>(
  planId: string,
  initial: V,
  toCommand: (values: V) => MeasureCommand,
  onSaved: (values: V) => void,
) {
  const mutation = useMutation(measureMutation(usePlanStore(), useQueryClient(), planId));
  const [values, setValues] = useState<V>(initial);
  const errors = useFormErrors();
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const set = (field: keyof V & string, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    setConflict(false);
    setFailure(null);
    try {
      const outcome = await mutation.mutateAsync(toCommand(values));
      if (outcome.kind === 'saved') onSaved(values);
      else setConflict(true);
    } catch (error) {
      if (error instanceof ValidationError && error.issues.length > 0) errors.show(messagesOf(error.issues));
      else setFailure(error);
    }
  };

  return { values, set, errors, submit, pending: mutation.isPending, conflict, failure };
}

export type MeasureFormState = ReturnType<typeof useMeasureForm>;
