import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, "" for the whole object. */
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Runs a schema and returns field-level messages a form or a command can show as they are. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  };
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
}
