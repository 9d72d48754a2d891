import { z } from 'zod';
import { describeIssues, describeProblem, validate, type DataProblem, type Stored } from '../domain';
import {
  FieldFormatError,
  type Codec,
  type ColumnSpec,
  type FieldValue,
  type Fields,
  type SiteSettings,
} from './codecs';
import { ValidationError } from './errors';
import { LIST_NAMES, type ListKey } from './lists';

type Codecs<T> = { [K in Exclude<keyof T, 'id'>]-?: Codec<T[K]> };

/** Everything needed to turn one list's items into domain objects and back. */
export interface EntityMapping<T extends { id: string }> {
  list: ListKey;
  noun: string;
  schema: z.ZodType<T>;
  codecs: Codecs<T>;
  /** The Title column SharePoint requires, derived from the entity. */
  title(entity: Omit<T, 'id'>): string;
}

export function defineMapping<T extends { id: string }>(mapping: EntityMapping<T>): EntityMapping<T> {
  return mapping;
}

/** SharePoint's own column, present on every list. */
const BUILT_IN_COLUMNS = new Set(['Title']);

/** The columns a mapping reads and writes, as list columns to provision (built-in ones left out). */
export function columnsOf(mapping: EntityMapping<{ id: string }>): ColumnSpec[] {
  return codecList(mapping)
    .flatMap((codec) => codec.columns)
    .filter((column) => !BUILT_IN_COLUMNS.has(column.name));
}

export function selectedColumns<T extends { id: string }>(mapping: EntityMapping<T>): string[] {
  // Title too, so that an item that does not fit is named by it (an action's is "1.2.3 Publish the JSNA").
  const columns = new Set<string>(['id', 'Title']);
  for (const codec of codecList(mapping)) codec.columns.forEach((c) => columns.add(c.name));
  return [...columns];
}

const listItemSchema = z.object({
  id: z.string(),
  eTag: z.string().optional(),
  '@odata.etag': z.string().optional(),
  webUrl: z.string().optional(),
  // Checked, not copied key by key: a board reads thousands of items of thirty fields.
  fields: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
});

export type ItemReading<T> = { ok: true; value: Stored<T> } | { ok: false; problem: DataProblem };

/**
 * Reads a Graph listItem (with expanded fields) as a validated domain object, or
 * names what is wrong with it: list, item, columns and the rule it breaks.
 */
export function readListItem<T extends { id: string }>(
  mapping: EntityMapping<T>,
  item: unknown,
  site: SiteSettings,
): ItemReading<T> {
  const list = LIST_NAMES[mapping.list].displayName;
  const parsedItem = listItemSchema.safeParse(item);
  if (!parsedItem.success) throw new ValidationError(`${list} returned an item without fields`);
  const { id, fields } = parsedItem.data;
  const problem = (columns: string[], message: string): ItemReading<T> => ({
    ok: false,
    problem: {
      list,
      itemId: id,
      title: stringField(fields, 'Title') ?? '',
      columns,
      message,
      webUrl: parsedItem.data.webUrl ?? null,
    },
  });
  const etag = parsedItem.data.eTag ?? parsedItem.data['@odata.etag'] ?? stringField(fields, '@odata.etag');
  if (!etag) return problem([], `${mapping.noun} came without an eTag`);
  const candidate: Record<string, unknown> = { id };
  const codecs = mapping.codecs as Record<string, Codec<unknown>>;
  for (const [property, codec] of Object.entries(codecs)) {
    try {
      candidate[property] = codec.read(fields, site);
    } catch (error) {
      if (!(error instanceof FieldFormatError)) throw error;
      return problem(columnNames(codec), error.message);
    }
  }
  const result = validate(mapping.schema, candidate);
  if (result.ok) return { ok: true, value: { ...result.value, etag } };
  const [first] = result.issues;
  const property = first?.field.split('.')[0] ?? '';
  const codec = codecs[property];
  return problem(codec ? columnNames(codec) : [], describeIssues(result.issues));
}

/** Reads an item the caller cannot do without (a plan, the action a page is about): a ValidationError naming the problem if it does not fit. */
export function fromListItem<T extends { id: string }>(
  mapping: EntityMapping<T>,
  item: unknown,
  site: SiteSettings,
): Stored<T> {
  const reading = readListItem(mapping, item, site);
  if (reading.ok) return reading.value;
  throw new ValidationError(describeProblem(reading.problem), [], null, null, reading.problem);
}

function columnNames(codec: Codec<unknown>): string[] {
  return codec.columns.map((c) => c.name);
}

/** The SharePoint fields for a whole new entity (validated first). */
export function toNewFields<T extends { id: string }>(
  mapping: EntityMapping<T>,
  entity: Omit<T, 'id'>,
  site: SiteSettings,
): Record<string, FieldValue> {
  const { id: _id, ...valid } = validateEntity(mapping, { ...entity, id: 'new' });
  return { Title: titleOf(mapping, valid), ...toPatchFields(mapping, valid, site) };
}

/** Validates a whole entity against its schema, with field-level messages on failure. */
export function validateEntity<T extends { id: string }>(mapping: EntityMapping<T>, candidate: unknown): T {
  const result = validate(mapping.schema, candidate);
  if (!result.ok) {
    throw new ValidationError(
      `The ${mapping.noun.toLowerCase()} is not valid: ${describeIssues(result.issues)}`,
      result.issues,
    );
  }
  return result.value;
}

/** The SharePoint fields for the properties present in a patch. */
export function toPatchFields<T extends { id: string }>(
  mapping: EntityMapping<T>,
  patch: Partial<Omit<T, 'id'>>,
  site: SiteSettings,
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [property, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const codec = (mapping.codecs as Record<string, Codec<unknown> | undefined>)[property];
    if (!codec) throw new ValidationError(`${mapping.noun} has no property ${property}`);
    try {
      Object.assign(fields, codec.write(value, site));
    } catch (error) {
      if (error instanceof FieldFormatError)
        throw new ValidationError(`${mapping.noun} ${property}: ${error.message}`);
      throw error;
    }
  }
  return fields;
}

function codecList<T extends { id: string }>(mapping: EntityMapping<T>): Codec<unknown>[] {
  return Object.values<Codec<unknown>>(mapping.codecs);
}

function stringField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}

/** SharePoint's Title column holds at most 255 characters. */
export function titleOf<T extends { id: string }>(mapping: EntityMapping<T>, entity: Omit<T, 'id'>): string {
  return truncate(mapping.title(entity), 255);
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
