import type { ColumnDef } from './columns';
import { MAX_YEAR, MIN_YEAR, dateOnlyInstant, isoFromSeconds, parseInstant } from './dates';
import { badRequest } from './errors';

export type StoredValue = string | number | boolean;
/** null means "clear this field". */
export type FieldChanges = Map<string, StoredValue | null>;

/** SharePoint keeps whole seconds; Graph renders them as `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Names that would reach an object's prototype machinery; never a field. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What a write needs to know about where the item lives. */
export interface WriteContext {
  /** The site's time zone (IANA name): date-only values are midnight there. */
  timeZone: string;
}

/**
 * A date-time value as SharePoint stores it: an instant to the whole second, or for a
 * date-only column the site-zone midnight of the date the instant falls on in that zone.
 * Zone-less text (a bare date too) is read as UTC. Undefined when the text is not a
 * possible ISO 8601 date or date-time; a RangeError message when outside SharePoint's range.
 */
export function storedDateTime(
  value: string,
  format: 'dateOnly' | 'dateTime',
  timeZone: string,
): { value: string } | { error: string } {
  const parsed = parseInstant(value);
  if (!parsed)
    return { error: 'an ISO 8601 date or date-time string (a real date, e.g. 2026-06-30T23:00:00Z)' };
  if (parsed.year < MIN_YEAR || parsed.year > MAX_YEAR) {
    return { error: `a date within the range of 1/1/${MIN_YEAR} and 12/31/${MAX_YEAR}` };
  }
  const seconds = format === 'dateOnly' ? dateOnlyInstant(parsed.seconds, timeZone) : parsed.seconds;
  const iso = isoFromSeconds(seconds);
  return iso === undefined ? { error: 'a date SharePoint can store' } : { value: iso };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

function normalizeValue(col: ColumnDef, value: unknown, write: WriteContext): StoredValue {
  const fail = (expected: string) =>
    badRequest(`Invalid value ${describe(value)} for field '${col.name}': expected ${expected}.`);
  switch (col.kind) {
    case 'text': {
      if (typeof value !== 'string') throw fail('a string');
      if (!col.text.allowMultipleLines && value.length > col.text.maxLength) {
        throw badRequest(
          `Value for field '${col.name}' is ${value.length} characters long; the maximum is ${col.text.maxLength}.`,
        );
      }
      return value;
    }
    case 'number': {
      const n = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('a number');
      const { minimum, maximum } = col.number;
      if (minimum !== undefined && n < minimum)
        throw badRequest(`Value ${n} for field '${col.name}' is below the minimum of ${minimum}.`);
      if (maximum !== undefined && n > maximum)
        throw badRequest(`Value ${n} for field '${col.name}' is above the maximum of ${maximum}.`);
      return n;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('true or false');
      return value;
    case 'dateTime': {
      if (typeof value !== 'string') throw fail('an ISO 8601 date or date-time string');
      const stored = storedDateTime(value, col.dateTime.format, write.timeZone);
      if ('error' in stored) throw fail(stored.error);
      return stored.value;
    }
    case 'choice': {
      if (typeof value !== 'string') throw fail('a string');
      if (!col.choice.allowTextEntry && !col.choice.choices.includes(value)) {
        throw badRequest(
          `Value '${value}' is not one of the choices of field '${col.name}': ${col.choice.choices.map((c) => `'${c}'`).join(', ')}.`,
        );
      }
      return value;
    }
    case 'personOrGroup':
      throw badRequest(`Field '${col.name}' is read-only.`);
  }
}

/**
 * Validates a fieldValueSet from POST …/items or PATCH …/fields against the list's columns.
 * Throws Graph-style 400s naming the field; returns the normalized changes.
 */
export function validateFieldChanges(
  columns: ColumnDef[],
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  write: WriteContext,
): FieldChanges {
  const changes: FieldChanges = new Map();
  for (const [key, value] of Object.entries(input)) {
    if (RESERVED_KEYS.has(key)) throw badRequest(`Field name '${key}' is not allowed.`);
    if (key.startsWith('@')) continue;
    const col =
      columns.find((c) => c.name === key) ??
      (key.toLowerCase() === 'id' ? columns.find((c) => c.name === 'ID') : undefined);
    if (!col) throw badRequest(`Field '${key}' is not recognized`);
    if (col.readOnly) throw badRequest(`Field '${key}' is read-only and cannot be set.`);
    if (value === null || value === undefined || value === '') {
      if (col.required) throw badRequest(`Field '${col.name}' is required and cannot be cleared.`);
      changes.set(col.name, null);
    } else {
      changes.set(col.name, normalizeValue(col, value, write));
    }
  }
  if (mode === 'create') {
    for (const col of columns) {
      if (col.required && !col.readOnly && (changes.get(col.name) ?? null) === null) {
        throw badRequest(`Field '${col.name}' is required.`);
      }
    }
  }
  return changes;
}
