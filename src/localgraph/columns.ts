import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './db';
import { ensureFieldIndex } from './db';
import { badRequest } from './errors';

/** Where a column's value lives: custom columns in the item's fields JSON, built-ins in their own SQL columns. */
export type ColumnStorage = 'fields' | 'id' | 'created' | 'modified' | 'author' | 'editor';

const textFacet = z.object({
  allowMultipleLines: z.boolean().default(false),
  appendChangesToExistingText: z.boolean().default(false),
  linesForEditing: z.number().int().min(0).default(0),
  maxLength: z.number().int().min(1).max(255).default(255),
  /** Absent in definitions stored before it was kept; resolved by `textTypeOf`. */
  textType: z.enum(['plain', 'richText']).optional(),
});
const numberFacet = z.object({
  decimalPlaces: z.enum(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']).default('automatic'),
  displayAs: z.enum(['number', 'percentage']).default('number'),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
const dateTimeFacet = z.object({
  displayAs: z.enum(['default', 'friendly', 'standard']).default('default'),
  format: z.enum(['dateOnly', 'dateTime']).default('dateTime'),
});
const choiceFacet = z.object({
  allowTextEntry: z.boolean().default(false),
  choices: z.array(z.string().min(1)).min(1, 'a choice column needs at least one choice'),
  displayAs: z.enum(['dropDownMenu', 'checkBoxes', 'radioButtons']).default('dropDownMenu'),
});
const booleanFacet = z.object({});
const personFacet = z.object({
  allowMultipleSelection: z.boolean().default(false),
  chooseFromType: z.string().default('peopleOnly'),
  displayAs: z.string().default('nameWithPresence'),
});

const common = {
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  columnGroup: z.string(),
  indexed: z.boolean(),
  required: z.boolean(),
  readOnly: z.boolean(),
  hidden: z.boolean(),
  enforceUniqueValues: z.boolean(),
  storage: z.enum(['fields', 'id', 'created', 'modified', 'author', 'editor']),
};

const columnDefSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('text'), text: textFacet }),
  z.object({ ...common, kind: z.literal('number'), number: numberFacet }),
  z.object({ ...common, kind: z.literal('dateTime'), dateTime: dateTimeFacet }),
  z.object({ ...common, kind: z.literal('choice'), choice: choiceFacet }),
  z.object({ ...common, kind: z.literal('boolean'), boolean: booleanFacet }),
  z.object({ ...common, kind: z.literal('personOrGroup'), personOrGroup: personFacet }),
]);
export type ColumnDef = z.infer<typeof columnDefSchema>;
export type ColumnKind = ColumnDef['kind'];

const FACETS = ['text', 'number', 'dateTime', 'choice', 'boolean'] as const;

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED_COLUMN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A multiple lines of text column created through Graph without `textType: 'plain'` is
 * rich text (Graph's textColumn: textType is "plain or richText"); one line of text is always plain.
 */
export function textTypeOf(text: {
  allowMultipleLines: boolean;
  textType?: 'plain' | 'richText';
}): 'plain' | 'richText' {
  if (!text.allowMultipleLines) return 'plain';
  return text.textType ?? 'richText';
}

export function isRichText(col: ColumnDef): boolean {
  return col.kind === 'text' && textTypeOf(col.text) === 'richText';
}

/**
 * SharePoint cannot index a multiple lines of text column: setting Indexed on one fails with
 * "Cannot complete this action" (pnp/PnP-PowerShell#80); Microsoft's list of columns that can't
 * be indexed starts with multiple lines of text.
 */
function cannotIndex(name: string) {
  return badRequest(
    `Cannot complete this action. Column '${name}' is a multiple lines of text column, which SharePoint cannot index.`,
  );
}

/** A columnDefinition as clients send it (POST …/columns, or inside POST …/lists). */
export const columnInputSchema = z
  .object({
    name: z
      .string({ error: 'a column needs a name' })
      .regex(
        COLUMN_NAME,
        'the name must start with a letter or underscore and hold only letters, digits and underscores (it is the API name)',
      )
      .refine((name) => !RESERVED_COLUMN_NAMES.has(name), 'this name is reserved'),
    displayName: z.string().min(1).optional(),
    description: z.string().optional(),
    indexed: z.boolean().optional(),
    required: z.boolean().optional(),
    hidden: z.boolean().optional(),
    enforceUniqueValues: z.literal(false).optional(),
    text: textFacet.optional(),
    number: numberFacet.optional(),
    dateTime: dateTimeFacet.optional(),
    choice: choiceFacet.optional(),
    boolean: booleanFacet.optional(),
  })
  .superRefine((value, ctx) => {
    const given = FACETS.filter((f) => value[f] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a column needs exactly one type facet out of text, number, dateTime, choice, boolean (got ${given.length === 0 ? 'none' : given.join(', ')})`,
      });
    }
  });
export type ColumnInput = z.infer<typeof columnInputSchema>;

/** Facet changes name only what changes: no defaults, or a PATCH would reset what it leaves out. */
export const columnPatchSchema = z
  .object({
    indexed: z.boolean().optional(),
    required: z.boolean().optional(),
    description: z.string().optional(),
    displayName: z.string().min(1).optional(),
    hidden: z.boolean().optional(),
    text: z
      .object({
        allowMultipleLines: z.boolean(),
        appendChangesToExistingText: z.boolean(),
        linesForEditing: z.number().int().min(0),
        maxLength: z.number().int().min(1).max(255),
        textType: z.enum(['plain', 'richText']),
      })
      .partial()
      .strict()
      .optional(),
    number: z
      .object({
        decimalPlaces: z.enum(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']),
        displayAs: z.enum(['number', 'percentage']),
        minimum: z.number(),
        maximum: z.number(),
      })
      .partial()
      .strict()
      .optional(),
    dateTime: z
      .object({
        displayAs: z.enum(['default', 'friendly', 'standard']),
        format: z.enum(['dateOnly', 'dateTime']),
      })
      .partial()
      .strict()
      .optional(),
    choice: z
      .object({
        allowTextEntry: z.boolean(),
        choices: z.array(z.string().min(1)).min(1, 'a choice column needs at least one choice'),
        displayAs: z.enum(['dropDownMenu', 'checkBoxes', 'radioButtons']),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type ColumnPatch = z.infer<typeof columnPatchSchema>;

function fromInput(input: ColumnInput, group: string): ColumnDef {
  if (input.indexed === true && input.text?.allowMultipleLines === true) throw cannotIndex(input.name);
  const base = {
    id: randomUUID(),
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    columnGroup: group,
    indexed: input.indexed ?? false,
    required: input.required ?? false,
    readOnly: false,
    hidden: input.hidden ?? false,
    enforceUniqueValues: false,
    storage: 'fields' as const,
  };
  if (input.text) return { ...base, kind: 'text', text: { ...input.text, textType: textTypeOf(input.text) } };
  if (input.number) return { ...base, kind: 'number', number: input.number };
  if (input.dateTime) return { ...base, kind: 'dateTime', dateTime: input.dateTime };
  if (input.choice) return { ...base, kind: 'choice', choice: input.choice };
  return { ...base, kind: 'boolean', boolean: {} };
}

function builtinColumns(): ColumnDef[] {
  const base = {
    description: '',
    columnGroup: 'List Columns',
    indexed: false,
    required: false,
    readOnly: true,
    hidden: false,
    enforceUniqueValues: false,
  };
  const person = {
    allowMultipleSelection: false,
    chooseFromType: 'peopleOnly',
    displayAs: 'nameWithPresence',
  };
  return [
    {
      ...base,
      id: randomUUID(),
      name: 'Title',
      displayName: 'Title',
      columnGroup: 'Custom Columns',
      readOnly: false,
      storage: 'fields',
      kind: 'text',
      text: textFacet.parse({}),
    },
    {
      ...base,
      id: randomUUID(),
      name: 'ID',
      displayName: 'ID',
      indexed: true,
      storage: 'id',
      kind: 'number',
      number: { decimalPlaces: 'none', displayAs: 'number' },
    },
    {
      ...base,
      id: randomUUID(),
      name: 'Created',
      displayName: 'Created',
      storage: 'created',
      kind: 'dateTime',
      dateTime: dateTimeFacet.parse({}),
    },
    {
      ...base,
      id: randomUUID(),
      name: 'Modified',
      displayName: 'Modified',
      storage: 'modified',
      kind: 'dateTime',
      dateTime: dateTimeFacet.parse({}),
    },
    {
      ...base,
      id: randomUUID(),
      name: 'Author',
      displayName: 'Created By',
      storage: 'author',
      kind: 'personOrGroup',
      personOrGroup: person,
    },
    {
      ...base,
      id: randomUUID(),
      name: 'Editor',
      displayName: 'Modified By',
      storage: 'editor',
      kind: 'personOrGroup',
      personOrGroup: person,
    },
  ];
}

/** Graph's columnDefinition JSON for a stored column. */
export function columnJson(col: ColumnDef): Record<string, unknown> {
  const { kind, storage, ...rest } = col;
  void storage;
  return kind === 'text' ? { ...rest, text: { ...col.text, textType: textTypeOf(col.text) } } : rest;
}

/** Columns are read on every item write, so they are cached per list; only this process writes them. */
export class ColumnStore {
  private readonly cache = new Map<string, ColumnDef[]>();

  constructor(private readonly db: Db) {}

  forList(listId: string): ColumnDef[] {
    const cached = this.cache.get(listId);
    if (cached) return cached;
    const rows = this.db
      .prepare<[string], { definition: string }>(
        'SELECT definition FROM columns WHERE list_id = ? ORDER BY position',
      )
      .all(listId);
    const cols = rows.map((r) => columnDefSchema.parse(JSON.parse(r.definition)));
    this.cache.set(listId, cols);
    return cols;
  }

  find(listId: string, key: string): ColumnDef | undefined {
    const cols = this.forList(listId);
    return cols.find((c) => c.id === key) ?? cols.find((c) => c.name.toLowerCase() === key.toLowerCase());
  }

  addBuiltins(listId: string): void {
    for (const col of builtinColumns()) this.insert(listId, col);
  }

  /** Returns undefined when a column of that name already exists (the caller answers 409). */
  add(listId: string, input: ColumnInput): ColumnDef | undefined {
    if (this.find(listId, input.name)) return undefined;
    const col = fromInput(input, 'Custom Columns');
    this.insert(listId, col);
    return col;
  }

  patch(listId: string, col: ColumnDef, patch: ColumnPatch): ColumnDef {
    const facetKeys = (['text', 'number', 'dateTime', 'choice'] as const).filter(
      (k) => patch[k] !== undefined,
    );
    for (const key of facetKeys) {
      if (key !== col.kind) {
        throw badRequest(
          `Column '${col.name}' is a ${col.kind} column; its type cannot be changed to ${key}.`,
        );
      }
    }
    if (col.readOnly && (patch.required !== undefined || facetKeys.length > 0)) {
      throw badRequest(
        `Column '${col.name}' is read-only; only indexed, description and displayName can change.`,
      );
    }
    const merged: ColumnDef = columnDefSchema.parse({
      ...col,
      indexed: col.name === 'ID' ? true : (patch.indexed ?? col.indexed),
      required: patch.required ?? col.required,
      description: patch.description ?? col.description,
      displayName: patch.displayName ?? col.displayName,
      hidden: patch.hidden ?? col.hidden,
      ...(facetKeys.length > 0 && col.kind !== 'boolean' && col.kind !== 'personOrGroup'
        ? { [col.kind]: { ...this.facetOf(col), ...patch[col.kind] } }
        : {}),
    });
    if (merged.indexed && merged.kind === 'text' && merged.text.allowMultipleLines)
      throw cannotIndex(col.name);
    this.db
      .prepare<[string, string, string]>('UPDATE columns SET definition = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(merged), listId, col.id);
    this.cache.delete(listId);
    if (merged.indexed && merged.storage === 'fields') ensureFieldIndex(this.db, listId, merged.name);
    return merged;
  }

  private facetOf(col: ColumnDef): object {
    switch (col.kind) {
      case 'text':
        return col.text;
      case 'number':
        return col.number;
      case 'dateTime':
        return col.dateTime;
      case 'choice':
        return col.choice;
      case 'boolean':
        return col.boolean;
      case 'personOrGroup':
        return col.personOrGroup;
    }
  }

  private insert(listId: string, col: ColumnDef): void {
    const position = this.forList(listId).length;
    this.db
      .prepare<[string, string, string, number, string]>(
        'INSERT INTO columns (id, list_id, name, position, definition) VALUES (?, ?, ?, ?, ?)',
      )
      .run(col.id, listId, col.name, position, JSON.stringify(col));
    this.cache.delete(listId);
    if (col.indexed && col.storage === 'fields') ensureFieldIndex(this.db, listId, col.name);
  }
}
