import { isIsoDate, type IsoDate, type PersonRef } from '../domain';

/**
 * Codecs between one domain property and the SharePoint column(s) that hold it.
 * Each codec also describes its columns, so the lists provisioned are exactly the
 * columns the mappings read and write. Reading is lenient about absent values
 * (SharePoint omits empty fields) but never turns malformed data into a default:
 * that is reported by the entity's schema.
 */
export type FieldValue = string | number | boolean | null;
export type Fields = Record<string, unknown>;

/** A column as Graph's columnDefinition describes it (one type facet). */
export type ColumnKind =
  | { text: { allowMultipleLines?: boolean; maxLength?: number } }
  | { number: { decimalPlaces?: 'automatic' | 'none' | 'one' | 'two' } }
  | { dateTime: { format: 'dateOnly' | 'dateTime' } }
  | { choice: { choices: string[]; allowTextEntry?: boolean; displayAs?: 'dropDownMenu' } }
  | { boolean: Record<string, never> };

export type ColumnSpec = { name: string; indexed?: boolean } & ColumnKind;

export interface Codec<V> {
  columns: readonly ColumnSpec[];
  read(fields: Fields): unknown;
  write(value: V): Record<string, FieldValue>;
}

/** Filtering or ordering on a column needs it indexed (SharePoint refuses otherwise past 5,000 items). */
export interface ColumnOptions {
  indexed?: boolean;
}

export class FieldFormatError extends Error {}

function raw(fields: Fields, column: string): unknown {
  const value = fields[column];
  return value === undefined ? null : value;
}

const singleLine = (name: string, options: ColumnOptions = {}): ColumnSpec => ({
  name,
  indexed: options.indexed ?? false,
  text: { maxLength: 255 },
});
const multiLine = (name: string): ColumnSpec => ({ name, text: { allowMultipleLines: true } });

/** A codec for one column whose value is stored as it is. */
function plain<V>(column: ColumnSpec, read: (fields: Fields) => unknown): Codec<V> {
  return { columns: [column], read, write: (value) => ({ [column.name]: value as FieldValue }) };
}

function textCodec(column: ColumnSpec, emptyAs: '' | null): Codec<string | null> {
  return {
    columns: [column],
    read: (f) => {
      const value = raw(f, column.name);
      return value === null ? emptyAs : value;
    },
    write: (value) => ({ [column.name]: value === null || value === '' ? null : value }),
  };
}

type TextOptions = ColumnOptions & { emptyAs?: '' | null };

/** A single line of text (SharePoint keeps at most 255 characters). */
export const text = (column: string, options: TextOptions = {}): Codec<string | null> =>
  textCodec(singleLine(column, options), options.emptyAs === null ? null : '');

/** Multiple lines of text. */
export const note = (column: string): Codec<string> => textCodec(multiLine(column), '');

/** One of the domain's own values: the column's choices come from the same list, so they cannot drift. */
export const choice = (
  column: string,
  choices: readonly string[],
  options: TextOptions = {},
): Codec<string | null> =>
  textCodec(
    {
      name: column,
      indexed: options.indexed ?? false,
      choice: { choices: [...choices], displayAs: 'dropDownMenu' },
    },
    options.emptyAs === null ? null : '',
  );

export const number = (column: string, options: ColumnOptions = {}): Codec<number | null> =>
  plain({ name: column, indexed: options.indexed ?? false, number: { decimalPlaces: 'automatic' } }, (f) =>
    raw(f, column),
  );

/** A number SharePoint leaves out when empty, read as `whenEmpty`. */
export const count = (column: string, whenEmpty = 0): Codec<number> =>
  plain({ name: column, number: { decimalPlaces: 'none' } }, (f) => raw(f, column) ?? whenEmpty);

export const boolean = (column: string, whenEmpty: boolean): Codec<boolean> =>
  plain({ name: column, boolean: {} }, (f) => raw(f, column) ?? whenEmpty);

/** SharePoint keeps a date-only column as midnight UTC: "2026-11-23T00:00:00Z". */
export const date = (column: string, options: ColumnOptions = {}): Codec<IsoDate | null> => ({
  columns: [{ name: column, indexed: options.indexed ?? false, dateTime: { format: 'dateOnly' } }],
  read: (f) => {
    const value = raw(f, column);
    return typeof value === 'string' ? value.slice(0, 10) : value;
  },
  write: (value) => ({ [column]: value === null ? null : toSharePointDate(value) }),
});

function toSharePointDate(value: IsoDate): string {
  if (!isIsoDate(value)) throw new FieldFormatError(`"${value}" is not a date`);
  return `${value}T00:00:00Z`;
}

export const dateTime = (column: string, options: ColumnOptions = {}): Codec<string | null> =>
  plain({ name: column, indexed: options.indexed ?? false, dateTime: { format: 'dateTime' } }, (f) =>
    raw(f, column),
  );

/** A structured value kept as JSON in a multi-line text column. */
export const json = <V>(column: string, whenEmpty: V): Codec<V> => ({
  columns: [multiLine(column)],
  read: (f) => {
    const value = raw(f, column);
    if (value === null || value === '') return whenEmpty;
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      throw new FieldFormatError(`column ${column} does not hold valid JSON`);
    }
  },
  write: (value) => ({ [column]: JSON.stringify(value) }),
});

/** Person columns are awkward through Graph, so a person is four text columns. */
export const person = (prefix: string, options: { indexUpn?: boolean } = {}): Codec<PersonRef | null> => ({
  columns: [
    singleLine(`${prefix}EntraId`),
    singleLine(`${prefix}Upn`, { indexed: options.indexUpn }),
    singleLine(`${prefix}Name`),
    singleLine(`${prefix}Agency`),
  ],
  read: (f) => {
    const entraId = raw(f, `${prefix}EntraId`);
    if (entraId === null || entraId === '') return null;
    return {
      entraId,
      upn: raw(f, `${prefix}Upn`),
      displayName: raw(f, `${prefix}Name`),
      agency: raw(f, `${prefix}Agency`) ?? '',
    };
  },
  write: (value) => ({
    [`${prefix}EntraId`]: value?.entraId ?? null,
    [`${prefix}Upn`]: value?.upn ?? null,
    [`${prefix}Name`]: value?.displayName ?? null,
    [`${prefix}Agency`]: value?.agency || null,
  }),
});

/** A list of numbers kept as "1,2" in a text column. */
export const numberList = (column: string): Codec<number[]> => ({
  columns: [singleLine(column)],
  read: (f) => {
    const value = raw(f, column);
    if (value === null || value === '') return [];
    if (typeof value !== 'string') return value;
    return value.split(',').map((part) => Number(part.trim()));
  },
  write: (value) => ({ [column]: value.length ? value.join(',') : null }),
});

/**
 * Wraps a codec so that writing also sets a column derived from the value (a sort
 * key, say), kept in a single-line text column of its own.
 */
export const withDerived = <V>(
  codec: Codec<V>,
  derived: { column: string } & ColumnOptions,
  derive: (value: V) => FieldValue,
): Codec<V> => ({
  columns: [...codec.columns, singleLine(derived.column, derived)],
  read: codec.read,
  write: (value) => ({ ...codec.write(value), [derived.column]: derive(value) }),
});
