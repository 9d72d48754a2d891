import {
  dateInZone,
  isIsoDate,
  parseIsoInstant,
  wholeSecondsIso,
  zonedWallTime,
  type IsoDate,
  type PersonRef,
} from '../domain';

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
  | { text: { allowMultipleLines?: boolean; maxLength?: number; textType?: 'plain' | 'richText' } }
  | { number: { decimalPlaces?: 'automatic' | 'none' | 'one' | 'two' } }
  | { dateTime: { format: 'dateOnly' | 'dateTime' } }
  | { choice: { choices: string[]; allowTextEntry?: boolean; displayAs?: 'dropDownMenu' } }
  | { boolean: Record<string, never> };

export type ColumnSpec = { name: string; indexed?: boolean } & ColumnKind;

/** What reading and writing a value needs to know about the site that keeps it. */
export interface SiteSettings {
  /** The site's time zone (Site settings > Regional settings), as an IANA name. */
  timeZone: string;
}

export interface Codec<V> {
  columns: readonly ColumnSpec[];
  read(fields: Fields, site: SiteSettings): unknown;
  write(value: V, site: SiteSettings): Record<string, FieldValue>;
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
/** Plain text: SharePoint would otherwise make it rich text and hand values back wrapped in HTML. */
const multiLine = (name: string): ColumnSpec => ({
  name,
  text: { allowMultipleLines: true, textType: 'plain' },
});

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

export const boolean = (column: string, whenEmpty: boolean): Codec<boolean> =>
  plain({ name: column, boolean: {} }, (f) => raw(f, column) ?? whenEmpty);

/**
 * SharePoint keeps a date-only value as midnight in the site's time zone and hands
 * it back as that instant in UTC: 1 Jul on a London site reads "2026-06-30T23:00:00Z".
 * So a date is written as the instant of the site's midnight and read back on the
 * site's clocks; a bare "2026-07-01" would be taken as UTC midnight and, on a site
 * west of Greenwich, land on 30 Jun.
 */
export const date = (column: string, options: ColumnOptions = {}): Codec<IsoDate | null> => ({
  columns: [{ name: column, indexed: options.indexed ?? false, dateTime: { format: 'dateOnly' } }],
  read: (f, site) => {
    const value = raw(f, column);
    if (typeof value !== 'string') return value;
    const instant = parseIsoInstant(value);
    if (!instant) throw new FieldFormatError(`column ${column} holds "${value}", which is not a date`);
    return dateInZone(instant, site.timeZone);
  },
  write: (value, site) => ({ [column]: value === null ? null : toSharePointDate(value, site) }),
});

function toSharePointDate(value: IsoDate, site: SiteSettings): string {
  if (!isIsoDate(value)) throw new FieldFormatError(`"${value}" is not a date`);
  return wholeSecondsIso(zonedWallTime(value, '00:00', site.timeZone));
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
    if (entraId === null || entraId === '') {
      // Someone named here without an id (typed into the grid, say) cannot be @mentioned or matched: say so.
      const named = [`${prefix}Upn`, `${prefix}Name`].some((c) => (raw(f, c) ?? '') !== '');
      if (named)
        throw new FieldFormatError(`names a person but not their Entra object id (${prefix}EntraId)`);
      return null;
    }
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
  write: (value, site) => ({ ...codec.write(value, site), [derived.column]: derive(value) }),
});
