import { z } from 'zod';
import { describeIssues, validate, type Stored } from '../domain';
import { FieldFormatError, type Codec, type ColumnSpec, type FieldValue, type Fields } from './codecs';
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
  const columns = new Set<string>(['id']);
  for (const codec of codecList(mapping)) codec.columns.forEach((c) => columns.add(c.name));
  return [...columns];
}

const listItemSchema = z.object({
  id: z.string(),
  eTag: z.string().optional(),
  '@odata.etag': z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});

/** Maps a Graph listItem (with expanded fields) to a validated domain object. */
export function fromListItem<T extends { id: string }>(mapping: EntityMapping<T>, item: unknown): Stored<T> {
  const listName = LIST_NAMES[mapping.list].displayName;
  const parsedItem = listItemSchema.safeParse(item);
  if (!parsedItem.success) {
    throw new ValidationError(`${listName} returned an item without fields`);
  }
  const { id, fields } = parsedItem.data;
  const etag = parsedItem.data.eTag ?? parsedItem.data['@odata.etag'] ?? stringField(fields, '@odata.etag');
  const candidate: Record<string, unknown> = { id };
  try {
    for (const [property, codec] of Object.entries<Codec<unknown>>(mapping.codecs)) {
      candidate[property] = codec.read(fields);
    }
  } catch (error) {
    if (error instanceof FieldFormatError) {
      throw new ValidationError(`${mapping.noun} ${id} in ${listName}: ${error.message}`);
    }
    throw error;
  }
  const result = validate(mapping.schema, candidate);
  if (!result.ok) {
    throw new ValidationError(
      `${mapping.noun} ${id} in ${listName} does not fit the plan's shape: ${describeIssues(result.issues)}`,
      result.issues,
    );
  }
  if (!etag) throw new ValidationError(`${mapping.noun} ${id} came without an eTag`);
  return { ...result.value, etag };
}

/** The SharePoint fields for a whole new entity (validated first). */
export function toNewFields<T extends { id: string }>(
  mapping: EntityMapping<T>,
  entity: Omit<T, 'id'>,
): Record<string, FieldValue> {
  const { id: _id, ...valid } = validateEntity(mapping, { ...entity, id: 'new' });
  return { Title: titleOf(mapping, valid), ...toPatchFields(mapping, valid) };
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
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const [property, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const codec = (mapping.codecs as Record<string, Codec<unknown> | undefined>)[property];
    if (!codec) throw new ValidationError(`${mapping.noun} has no property ${property}`);
    try {
      Object.assign(fields, codec.write(value));
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
