import { z } from 'zod';
import { cleanCell, rowOf, type ImportTable } from './table';

/** What a column of an imported table can hold. */
export const IMPORT_FIELDS = [
  'area',
  'focusArea',
  'reference',
  'action',
  'successMeasures',
  'lead',
  'governance',
  'due',
  'rating',
  'impact',
  'sustained',
  'progress',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Names for the mapping screen. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  area: 'Area of weakness or priority',
  focusArea: 'Focus area',
  reference: 'Reference',
  action: 'Action',
  successMeasures: 'Success measures',
  lead: 'Lead',
  governance: 'Governance forum',
  due: 'Timescale or due date',
  rating: 'Rating (progress)',
  impact: 'Impact rating',
  sustained: 'Sustained rating',
  progress: 'Progress update',
};

/**
 * Which column holds which field, as detected and as a person corrected it on the
 * mapping screen: a plain object, so it can be shown, edited, sent and kept per plan.
 */
export interface ColumnMapping {
  /** The header row's number in its table (1-based), or null when none was found. */
  headerRow: number | null;
  /** The header row's cells as written, one per column (0-based); empty without a header row. */
  headings: string[];
  /** Field -> column index (0-based). A column holds at most one field. */
  fields: Partial<Record<ImportField, number>>;
  /** Columns with a heading that hold no field, in order. */
  unmapped: number[];
  /** Fields mapped by position rather than by heading (an unheaded first column read as the area), to check. */
  guessed: ImportField[];
}

/** A mapping kept for a plan: normalised heading -> field, or null for "not imported". */
export type SavedMapping = Record<string, ImportField | null>;

const column = z.number().int().nonnegative();
/** A mapping as the mapping screen sends it back or a plan keeps it, checked: one field per column. */
export const columnMappingSchema = z
  .object({
    headerRow: z.number().int().positive().nullable(),
    headings: z.array(z.string()),
    fields: z.partialRecord(z.enum(IMPORT_FIELDS), column),
    unmapped: z.array(column),
    guessed: z.array(z.enum(IMPORT_FIELDS)),
  })
  .refine((m) => new Set(Object.values(m.fields)).size === Object.values(m.fields).length, {
    message: 'Two fields are mapped to one column: a column holds at most one field',
    path: ['fields'],
  }) satisfies z.ZodType<ColumnMapping>;
export const savedMappingSchema = z.record(
  z.string(),
  z.enum(IMPORT_FIELDS).nullable(),
) satisfies z.ZodType<SavedMapping>;

/**
 * Headings as councils write them. `exact` match only the whole heading (short or
 * generic words); `phrases` also match inside a longer heading ("Lead officer
 * (name and agency)"). Compared after `normaliseHeading`.
 */
const SYNONYMS: Record<ImportField, { exact: string[]; phrases: string[] }> = {
  area: {
    exact: ['area', 'areas', 'weakness', 'theme'],
    phrases: [
      'area of weakness',
      'area of significant weakness',
      'significant weakness',
      'improvement area',
      'area for improvement',
      'area of improvement',
      'area of concern',
      'improvement priority',
      'priority',
      'priority area',
    ],
  },
  focusArea: { exact: ['focus', 'workstream'], phrases: ['focus area', 'work stream', 'workstream'] },
  action: {
    exact: ['task', 'tasks'],
    phrases: ['action', 'what we will do', 'key action', 'action required', 'action to be taken'],
  },
  reference: {
    exact: ['no', 'number', 'id', 'ref no', 'action no', 'action number'],
    phrases: ['ref', 'reference', 'action ref', 'action reference'],
  },
  successMeasures: {
    exact: ['measure', 'outcome', 'kpi'],
    phrases: [
      'success measure',
      'success criteria',
      'success criterion',
      'measure of success',
      'how will we know',
      'how we will know',
      'impact measure',
      'outcome measure',
    ],
  },
  lead: {
    exact: ['who'],
    phrases: [
      'lead',
      'responsible',
      'owner',
      'lead officer',
      'action lead',
      'responsible officer',
      'lead agency',
    ],
  },
  governance: {
    exact: ['board', 'forum'],
    phrases: ['governance', 'governance forum', 'reporting to', 'reports to', 'accountable to', 'oversight'],
  },
  due: {
    exact: ['date', 'when', 'due', 'end date', 'completion date'],
    phrases: [
      'timescale',
      'due date',
      'deadline',
      'by when',
      'milestone',
      'target date',
      'target completion',
      'timeframe',
      'time frame',
    ],
  },
  rating: {
    exact: ['status', 'current', 'completed', 'complete', 'rating', 'current status', 'current rating'],
    phrases: ['rag', 'brag', 'bragp', 'ragp', 'rag status', 'rag rating', 'progress rating', 'current rag'],
  },
  impact: { exact: [], phrases: ['impact', 'impact rating'] },
  sustained: { exact: [], phrases: ['sustained', 'sustainability'] },
  progress: {
    exact: ['update', 'progress', 'comment', 'note'],
    phrases: [
      'progress update',
      'update on progress',
      'latest update',
      'commentary',
      'evidence',
      'progress narrative',
      'progress to date',
      'progress made',
    ],
  },
};

/** A heading made comparable: lower case, "&" as "and", no punctuation, plurals folded ("Actions" = "action"). */
export function normaliseHeading(heading: string): string {
  return words(heading).join(' ');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

const NORMALISED = Object.fromEntries(
  Object.entries(SYNONYMS).map(([field, { exact, phrases }]) => [
    field,
    { exact: new Set([...exact, ...phrases].map(normaliseHeading)), phrases: phrases.map(words) },
  ]),
) as Record<ImportField, { exact: Set<string>; phrases: string[][] }>;

/** Longer headings are sentences in a data row, not headings. */
const MAX_HEADING_LENGTH = 100;
const MAX_HEADING_WORDS = 12;
/** A rating column is often headed with its scale: "Progress (BRAG(P))", "Impact (RAG(P))". */
const SCALE_WORDS = new Set(['rag', 'brag', 'bragp', 'ragp', 'rating']);

/** How well a heading names a field: 0 not at all, 100 exactly, in between when it contains a phrase. */
export function headingScore(heading: string, field: ImportField): number {
  if (heading.length > MAX_HEADING_LENGTH) return 0;
  const w = words(heading);
  if (w.length === 0 || w.length > MAX_HEADING_WORDS) return 0;
  const synonyms = NORMALISED[field];
  if (synonyms.exact.has(w.join(' '))) return 100;
  let best = 0;
  for (const phrase of synonyms.phrases) {
    if (!containsRun(w, phrase)) continue;
    let score = 10 * phrase.length + phrase.join(' ').length;
    if (field === 'impact' || field === 'sustained') score += 50;
    if (field === 'rating' && phrase.some((p) => SCALE_WORDS.has(p))) score += 30;
    best = Math.max(best, score);
  }
  return best;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** How far down a table the header row is looked for (title rows, notes, a key may come first). */
const HEADER_SEARCH_ROWS = 50;

/**
 * Finds the header row (the first row whose cells name the most fields, at least
 * two) and maps its headings to fields: each field to the column that names it
 * best, one field per column. A heading the plan's saved mapping knows wins over
 * the synonyms. An unheaded first column beside mapped ones, with no area column
 * found, is read as the area (a Word table's merged first column), marked guessed.
 */
export function detectMapping(table: ImportTable, saved?: SavedMapping): ColumnMapping {
  let header: { index: number; scores: number[][]; count: number } | null = null;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const scores = rowOf(table, i).map((cell) => fieldScores(cleanCell(cell), saved));
    const count = new Set(scores.flatMap((s) => IMPORT_FIELDS.filter((_, f) => (s[f] ?? 0) > 0))).size;
    if (count >= 2 && (!header || count > header.count)) header = { index: i, scores, count };
  }
  if (!header) return { headerRow: null, headings: [], fields: {}, unmapped: [], guessed: [] };

  const headings = rowOf(table, header.index).map(cleanCell);
  const fields = assign(header.scores);
  const guessed: ImportField[] = [];
  if (
    fields.area === undefined &&
    (headings[0] ?? '').trim() === '' &&
    !Object.values(fields).includes(0) &&
    Object.keys(fields).length > 0
  ) {
    fields.area = 0;
    guessed.push('area');
  }
  return { headerRow: header.index + 1, headings, fields, unmapped: unmappedOf(headings, fields), guessed };
}

function fieldScores(cell: string, saved?: SavedMapping): number[] {
  if (cell.length > MAX_HEADING_LENGTH) return IMPORT_FIELDS.map(() => 0);
  const key = normaliseHeading(cell);
  if (saved && key !== '' && Object.hasOwn(saved, key)) {
    const field = saved[key];
    return IMPORT_FIELDS.map((f) => (f === field ? 1000 : 0));
  }
  return IMPORT_FIELDS.map((f) => headingScore(cell, f));
}

/** Greedy: the best (column, field) pair first; ties go to the leftmost column, then the field order. */
function assign(scores: number[][]): Partial<Record<ImportField, number>> {
  const pairs: { column: number; field: number; score: number }[] = [];
  scores.forEach((row, column) =>
    row.forEach((score, field) => {
      if (score > 0) pairs.push({ column, field, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.column - b.column || a.field - b.field);
  const fields: Partial<Record<ImportField, number>> = {};
  const usedColumns = new Set<number>();
  for (const pair of pairs) {
    const field = IMPORT_FIELDS[pair.field];
    if (!field || fields[field] !== undefined || usedColumns.has(pair.column)) continue;
    fields[field] = pair.column;
    usedColumns.add(pair.column);
  }
  return fields;
}

function unmappedOf(headings: readonly string[], fields: Partial<Record<ImportField, number>>): number[] {
  const mapped = new Set(Object.values(fields));
  return headings.flatMap((h, i) => (h.trim() !== '' && !mapped.has(i) ? [i] : []));
}

/**
 * A person's correction on the mapping screen: `field` now comes from `column`
 * (or from nowhere, with null). Whatever field that column held before is unmapped;
 * the field is no longer guessed.
 */
export function correctMapping(
  mapping: ColumnMapping,
  field: ImportField,
  column: number | null,
): ColumnMapping {
  const fields: Partial<Record<ImportField, number>> = {};
  for (const f of IMPORT_FIELDS) {
    const c = mapping.fields[f];
    if (c !== undefined && f !== field && c !== column) fields[f] = c;
  }
  if (column !== null) {
    if (!Number.isInteger(column) || column < 0)
      throw new RangeError(`Column ${column} is not a column: columns are counted from 0`);
    fields[field] = column;
  }
  return {
    ...mapping,
    fields,
    unmapped: unmappedOf(mapping.headings, fields),
    guessed: mapping.guessed.filter((f) => f !== field && fields[f] !== undefined),
  };
}

/** A mapping to keep for the plan, so that the next file with the same headings maps the same way. */
export function rememberMapping(mapping: ColumnMapping): SavedMapping {
  const saved: SavedMapping = {};
  mapping.headings.forEach((heading, column) => {
    const key = normaliseHeading(heading);
    if (key === '') return;
    const field = IMPORT_FIELDS.find((f) => mapping.fields[f] === column) ?? null;
    saved[key] = field;
  });
  return saved;
}

/** The column's heading for messages: as written, or "column 3" (1-based) when it has none. */
export function columnName(mapping: ColumnMapping, column: number): string {
  const heading = (mapping.headings[column] ?? '').replace(/\s+/g, ' ').trim();
  return heading === '' ? `column ${column + 1}` : heading;
}

/**
 * A header row repeated further down (Word repeats it on every page): the row names
 * the same headings in every mapped column that has one, at least two of them.
 */
export function isRepeatedHeader(row: readonly string[], mapping: ColumnMapping): boolean {
  if (mapping.headerRow === null) return false;
  let same = 0;
  for (const column of Object.values(mapping.fields)) {
    const written = mapping.headings[column] ?? '';
    const raw = row[column] ?? '';
    if (raw.length > written.length + MAX_HEADING_LENGTH) return false;
    const heading = normaliseHeading(written);
    const cell = normaliseHeading(raw);
    if (heading === '') {
      if (cell !== '') return false;
      continue;
    }
    if (cell !== heading) return false;
    same++;
  }
  return same >= 2;
}
