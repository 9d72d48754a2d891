import { findRating, formatDate, type PersonRef, type RatingScale } from '../../domain';
import {
  IMPORT_FIELDS,
  placeKey,
  type ColumnMapping,
  type DraftAction,
  type ImportField,
  type ImportPlanDraft,
  type ImportProblem,
  type ImportTable,
  type SourcePlace,
} from '../../domain/import';
import { countWrites, type ImportChanges, type PlannedWrite } from '../../domain/import/changes';

/**
 * The preview as the page shows it: every row of every table in document order,
 * each as what it will become (an action, an area, a focus area) and whether it
 * will be created, updated, left as it is or not imported, and why. Pure.
 */

export type WriteStatus =
  | { kind: 'create' }
  | { kind: 'update'; changed: string[] }
  | { kind: 'same' }
  | { kind: 'skipped'; reason: string };

export interface LeadView {
  name: string;
  /** The person the directory has by that name; null when none was found or the lead was not looked up. */
  person: PersonRef | null;
  /** Only an action's first lead is looked up in the directory; the others are kept as written. */
  lookedUp: boolean;
}

interface RowBase {
  key: string;
  place: SourcePlace;
  problems: ImportProblem[];
  /** The person chose to skip this row. */
  skipped: boolean;
  /** Has an error, and is neither fixed nor skipped. */
  unresolved: boolean;
}

export interface ActionRowView extends RowBase {
  kind: 'action';
  reference: string;
  text: string;
  leads: LeadView[];
  /** "23 Nov 2026", "Dec 2026", or null without a due date. */
  due: string | null;
  /** A second date in the timescale cell, kept as a milestone. */
  secondDate: string | null;
  /** The rating's label on the plan's scale, or null when the row gives none. */
  rating: string | null;
  status: WriteStatus;
  /** Areas and focus areas the action's own row names first ("1.1.1" in a new focus area). */
  opens: HeadingItem[];
}

export interface HeadingItem {
  what: 'Area' | 'Focus area';
  reference: string;
  title: string;
  status: WriteStatus;
}

export interface HeadingRowView extends RowBase {
  kind: 'heading';
  items: HeadingItem[];
}

/** A row that gives nothing but has something to say (content in a column not imported). */
export interface NoteRowView extends RowBase {
  kind: 'note';
}

export type RowView = ActionRowView | HeadingRowView | NoteRowView;

export interface TableView {
  name: string;
  mapping: ColumnMapping;
  /** The widest row's number of cells: the columns the mapping screen offers. */
  columnCount: number;
  /** The table's own problems (no header row, no action column). */
  problems: ImportProblem[];
  rows: RowView[];
  actions: number;
}

export interface PreviewTotals {
  tables: number;
  actions: number;
  create: number;
  update: number;
  same: number;
  /** Actions not imported: skipped by choice, with an error, or under a parent not imported. */
  notImported: number;
  areas: number;
  focusAreas: number;
  errors: number;
  warnings: number;
  /** Rows with an error that are neither fixed nor skipped. */
  unresolved: number;
  /** Actions created or updated. */
  actionWrites: number;
  /** Every item created or updated: what the progress bar counts. */
  writes: number;
}

export interface PreviewView {
  tables: TableView[];
  totals: PreviewTotals;
  /** Keys of the rows with an error that are neither fixed nor skipped. */
  unresolvedKeys: string[];
}

export interface PreviewInput {
  tables: readonly ImportTable[];
  draft: ImportPlanDraft;
  changes: ImportChanges;
  people: ReadonlyMap<string, PersonRef | null>;
  scale: RatingScale;
  skip: ReadonlySet<string>;
}

export function previewView(input: PreviewInput): PreviewView {
  const { draft, changes, skip } = input;
  const plannedAction = new Map(changes.actions.map((a) => [placeKey(a.place), a.write]));
  const skippedAt = new Map<string, string>();
  for (const s of changes.skipped)
    if (s.place) skippedAt.set(`${s.what}\u0001${placeKey(s.place)}`, s.reason);
  const actionAt = new Map(draft.actions.map((a) => [placeKey(a.place), a]));

  const areaStatus = (number: number): WriteStatus => {
    const planned = changes.areas.find((a) => a.number === number);
    if (planned) return merged([planned.weakness, planned.priority]);
    const skipped = changes.skipped.find((s) => s.what === 'area' && s.reference === String(number));
    return { kind: 'skipped', reason: skipped?.reason ?? 'None of its rows is imported' };
  };
  const focusStatus = (reference: string): WriteStatus => {
    const planned = changes.focusAreas.find((f) => f.reference === reference);
    if (planned) return statusOf(planned.write);
    const skipped = changes.skipped.find((s) => s.what === 'focus area' && s.reference === reference);
    return { kind: 'skipped', reason: skipped?.reason ?? 'None of its actions is imported' };
  };
  const headingItems = (key: string): HeadingItem[] => [
    ...draft.areas
      .filter((a) => a.place && placeKey(a.place) === key)
      .map((a) => ({
        what: 'Area' as const,
        reference: String(a.number),
        title: a.title,
        status: areaStatus(a.number),
      })),
    ...draft.focusAreas
      .filter((f) => placeKey(f.place) === key)
      .map((f) => ({
        what: 'Focus area' as const,
        reference: f.reference,
        title: f.title,
        status: focusStatus(f.reference),
      })),
  ];

  const unresolvedKeys: string[] = [];
  const tables = draft.tables.map((reading): TableView => {
    const source = input.tables.find((t) => t.name === reading.table);
    const rows: RowView[] = [];
    for (const row of reading.rows) {
      const key = placeKey(row.place);
      const skipped = skip.has(key);
      const unresolved = !skipped && row.problems.some((p) => p.severity === 'error');
      if (unresolved) unresolvedKeys.push(key);
      const base = { key, place: row.place, problems: row.problems, skipped, unresolved };
      const action = row.kind === 'action' ? actionAt.get(key) : undefined;
      if (action) {
        const write = plannedAction.get(key);
        const reason = skippedAt.get(`action\u0001${key}`);
        rows.push({
          ...base,
          ...actionView(action, input),
          status: write ? statusOf(write) : { kind: 'skipped', reason: reason ?? 'Not imported' },
          opens: headingItems(key),
        });
        continue;
      }
      const items = row.kind === 'heading' ? headingItems(key) : [];
      if (items.length > 0) rows.push({ ...base, kind: 'heading', items });
      else if (row.problems.length > 0) rows.push({ ...base, kind: 'note' });
    }
    return {
      name: reading.table,
      mapping: reading.mapping,
      columnCount: Math.max(
        reading.mapping.headings.length,
        ...(source?.rows ?? []).map((cells) => cells.length),
        0,
      ),
      problems: reading.problems,
      rows,
      actions: rows.filter((r) => r.kind === 'action').length,
    };
  });

  const actionKinds = changes.actions.map((a) => a.write.kind);
  const problems = draft.problems;
  return {
    tables,
    unresolvedKeys,
    totals: {
      tables: draft.tables.length,
      actions: draft.actions.length,
      create: actionKinds.filter((k) => k === 'create').length,
      update: actionKinds.filter((k) => k === 'update').length,
      same: actionKinds.filter((k) => k === 'same').length,
      notImported: changes.skipped.filter((s) => s.what === 'action').length,
      areas: changes.areas.length,
      focusAreas: changes.focusAreas.length,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      unresolved: unresolvedKeys.length,
      actionWrites: actionKinds.filter((k) => k !== 'same').length,
      writes: countWrites(changes),
    },
  };
}

function actionView(action: DraftAction, input: PreviewInput) {
  return {
    kind: 'action' as const,
    reference: action.reference,
    text: action.text,
    leads: action.leads.map((name, i): LeadView => ({
      name,
      person: i === 0 ? (input.people.get(name) ?? null) : null,
      lookedUp: i === 0 && input.people.has(name),
    })),
    due: action.due.date ? formatDate(action.due.date, action.due.precision) : null,
    secondDate: action.due.also ? formatDate(action.due.also.date, action.due.also.precision) : null,
    rating: action.rating ? (findRating(input.scale, action.rating)?.label ?? action.rating) : null,
  };
}

function statusOf(write: PlannedWrite<unknown>): WriteStatus {
  if (write.kind === 'update') return { kind: 'update', changed: write.changed };
  return { kind: write.kind };
}

/** An area is two items (its finding and its priority): created if either is, else updated if either is. */
function merged(writes: PlannedWrite<unknown>[]): WriteStatus {
  if (writes.some((w) => w.kind === 'create')) return { kind: 'create' };
  const changed = writes.flatMap((w) => (w.kind === 'update' ? w.changed : []));
  return changed.length > 0 ? { kind: 'update', changed: [...new Set(changed)] } : { kind: 'same' };
}

/** The field a column holds, if any. */
export function fieldAt(mapping: ColumnMapping, column: number): ImportField | null {
  return IMPORT_FIELDS.find((f) => mapping.fields[f] === column) ?? null;
}

/** The columns a row's edit form offers: the mapped ones, in column order. */
export function mappedColumns(mapping: ColumnMapping): number[] {
  return [...new Set(Object.values(mapping.fields))].sort((a, b) => a - b);
}

/** The first value under the header row in a column, to help name a column with no heading. */
export function sampleOf(table: ImportTable | undefined, mapping: ColumnMapping, column: number): string {
  const from = mapping.headerRow ?? 0;
  for (const row of table?.rows.slice(from) ?? []) {
    const cell = (row[column] ?? '').replace(/\s+/g, ' ').trim();
    if (cell !== '') return cell.length > 40 ? `${cell.slice(0, 39)}…` : cell;
  }
  return '';
}

/** "Updates due date, rating" and the like, for a status. */
export function describeStatus(status: WriteStatus): string {
  switch (status.kind) {
    case 'create':
      return 'New';
    case 'update':
      return `Updates ${status.changed.join(', ')}`;
    case 'same':
      return 'Unchanged';
    case 'skipped':
      return 'Not imported';
  }
}
