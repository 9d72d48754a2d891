import type { z } from 'zod';
import { describeIssues, validate, type FieldIssue, type Validated } from '../../domain';
import { NotFoundError, ValidationError } from '../../graph/errors';

/**
 * A command's input checked before anything is sent: a ValidationError naming each
 * field ("title: Priority title is required") when it does not fit.
 */
export function checkedInput<S extends z.ZodType>(schema: S, input: unknown, notDone: string): z.infer<S> {
  return orRefuse(validate(schema, input), notDone);
}

export function orRefuse<T>(validated: Validated<T>, notDone: string): T {
  if (!validated.ok) throw refusal(notDone, validated.issues);
  return validated.value;
}

export function refusal(notDone: string, issues: FieldIssue[]): ValidationError {
  return new ValidationError(`${notDone}: ${describeIssues(issues)}`, issues);
}

/** The item of the structure the command is about; archived ones only where `archivedToo`. */
export function itemOf<T extends { id: string; archived: boolean }>(
  items: readonly T[],
  id: string,
  name: string,
  notDone: string,
  archivedToo = false,
): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new NotFoundError(`${notDone}: the ${name} is not part of this plan (reload the plan)`);
  if (item.archived && !archivedToo)
    throw refusal(notDone, [{ field: '', message: `The ${name} is archived: restore it first` }]);
  return item;
}
