import { isIsoDate, type IsoDate, type PersonRef } from '../domain';

/**
 * Codecs between one domain property and the SharePoint column(s) that hold it.
 * Reading is lenient about absent values (SharePoint omits empty fields) but never
 * turns malformed data into a default: that is reported by the entity's schema.
 */
export type FieldValue = string | number | boolean | null;
export type Fields = Record<string, unknown>;

export interface Codec<V> {
  columns: readonly string[];
  read(fields: Fields): unknown;
  write(value: V): Record<string, FieldValue>;
}

export class FieldFormatError extends Error {}

function raw(fields: Fields, column: string): unknown {
  const value = fields[column];
  return value === undefined ? null : value;
}

export const text = (column: string, options: { emptyAs?: '' | null } = {}): Codec<string | null> => ({
  columns: [column],
  read: (f) => {
    const value = raw(f, column);
    return value === null ? (options.emptyAs === null ? null : '') : value;
  },
  write: (value) => ({ [column]: value === null || value === '' ? null : value }),
});

export const number = (column: string): Codec<number | null> => ({
  columns: [column],
  read: (f) => raw(f, column),
  write: (value) => ({ [column]: value }),
});

export const boolean = (column: string, whenEmpty: boolean): Codec<boolean> => ({
  columns: [column],
  read: (f) => raw(f, column) ?? whenEmpty,
  write: (value) => ({ [column]: value }),
});

/** SharePoint keeps a date-only column as midnight UTC: "2026-11-23T00:00:00Z". */
export const date = (column: string): Codec<IsoDate | null> => ({
  columns: [column],
  read: (f) => {
    const value = raw(f, column);
    return typeof value === 'string' ? value.slice(0, 10) : value;
  },
  write: (value) => ({ [column]: value === null ? null : toSharePointDate(value) }),
});

export function toSharePointDate(value: IsoDate): string {
  if (!isIsoDate(value)) throw new FieldFormatError(`"${value}" is not a date`);
  return `${value}T00:00:00Z`;
}

export const dateTime = (column: string): Codec<string | null> => ({
  columns: [column],
  read: (f) => raw(f, column),
  write: (value) => ({ [column]: value }),
});

/** A structured value kept as JSON in a multi-line text column. */
export const json = <V>(column: string, whenEmpty: V): Codec<V> => ({
  columns: [column],
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
export const person = (prefix: string): Codec<PersonRef | null> => ({
  columns: [`${prefix}EntraId`, `${prefix}Upn`, `${prefix}Name`, `${prefix}Agency`],
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
  columns: [column],
  read: (f) => {
    const value = raw(f, column);
    if (value === null || value === '') return [];
    if (typeof value !== 'string') return value;
    return value.split(',').map((part) => Number(part.trim()));
  },
  write: (value) => ({ [column]: value.length ? value.join(',') : null }),
});

/** Wraps a codec so that writing also sets extra columns derived from the value. */
export const withDerived = <V>(
  codec: Codec<V>,
  derive: (value: V) => Record<string, FieldValue>,
): Codec<V> => ({
  columns: codec.columns,
  read: codec.read,
  write: (value) => ({ ...codec.write(value), ...derive(value) }),
});
