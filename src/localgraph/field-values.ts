import type { ColumnDef } from './columns';
import { badRequest } from './errors';

export type StoredValue = string | number | boolean;
/** null means "clear this field". */
export type FieldChanges = Map<string, StoredValue | null>;

/** SharePoint keeps whole seconds; Graph renders them as `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function normalizeDateTime(value: string, format: 'dateOnly' | 'dateTime'): string | undefined {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  if (format === 'dateOnly') return `${(dateOnly ? value : date.toISOString()).slice(0, 10)}T00:00:00Z`;
  return isoSeconds(date);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

function normalizeValue(col: ColumnDef, value: unknown): StoredValue {
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
      const normalized =
        typeof value === 'string' ? normalizeDateTime(value, col.dateTime.format) : undefined;
      if (normalized === undefined) throw fail('an ISO 8601 date or date-time string');
      return normalized;
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
): FieldChanges {
  const changes: FieldChanges = new Map();
  for (const [key, value] of Object.entries(input)) {
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
      changes.set(col.name, normalizeValue(col, value));
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
