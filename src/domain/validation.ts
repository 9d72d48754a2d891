import { z } from 'zod';
import { DEFAULT_SITE_TIME_ZONE, isTimeZone } from './dates';

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

/** A configured site time zone: an IANA name, checked, or the default when unset. */
export function siteTimeZoneSchema(variable: string) {
  return z
    .string()
    .trim()
    .refine(isTimeZone, {
      message: `${variable} must be the SharePoint site's time zone as an IANA name, such as Europe/London`,
    })
    .default(DEFAULT_SITE_TIME_ZONE);
}
