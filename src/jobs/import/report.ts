import { describeProblem, type DataProblem } from '../../domain';
import type { SourcePlace } from '../../domain/import';
import type { ImportChanges, PlannedWrite } from '../../domain/import/changes';
import type { ImportPreview } from '../../plan/import/import-plan';
import type { ImportedKind, ImportOutcome, ImportSummary } from '../../plan/import/import-write';

/**
 * What `npm run import` did (or, in a dry run, would do), as the one JSON object
 * `--json` prints and the human report is written from. `created`, `updated`,
 * `unchanged`, `skipped` and `failed` count the file's actions; the other items
 * (areas, focus areas, second dates) are counted apart in `items`.
 */
export interface ImportReport {
  file: string;
  plan: {
    /** null in a dry run that would create the plan. */
    id: string | null;
    title: string;
    /** The plan is new: created by this run, or (dry run) would be. */
    isNew: boolean;
  };
  dryRun: boolean;
  /** The actions the file gives, rows with errors included. */
  actions: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Ctrl-C stopped the writing: `notWritten` items are left for the same command to resume. */
  cancelled: boolean;
  notWritten: number;
  items: Record<ItemKey, ItemCounts>;
  /** Every problem the import found (errors keep their row out; warnings are for checking), then write failures. */
  problems: ReportProblem[];
  /** Items of the file not written, and why. */
  skips: ReportItem[];
  /** Items updated (dry run: that would be), with the fields that change. */
  updates: ReportItem[];
  /** Items the lists refused. */
  failures: ReportItem[];
  /** Items already in the plan that do not fit (edited outside the app): left out of the matching, named. */
  planProblems: string[];
}

export type ItemKey = 'areasOfWeakness' | 'priorities' | 'focusAreas' | 'actions' | 'milestones';
export interface ItemCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ReportProblem {
  severity: 'error' | 'warning';
  /** The import's problem code, or `write-failed`. */
  code: string;
  table: string | null;
  row: number | null;
  /** The column's heading as written; null when the problem is the row's. */
  column: string | null;
  message: string;
}

export interface ReportItem {
  what: ImportedKind;
  reference: string;
  table: string | null;
  row: number | null;
  /** Skipped or failed: why; updated: the fields that change. */
  detail: string;
}

const KIND_KEYS: Record<ImportedKind, ItemKey> = {
  'area of weakness': 'areasOfWeakness',
  priority: 'priorities',
  'focus area': 'focusAreas',
  action: 'actions',
  milestone: 'milestones',
};

interface Planned {
  what: ImportedKind;
  reference: string;
  place: SourcePlace | null;
  write: PlannedWrite<unknown>;
}

/** Every write the changes hold, in the order the writer makes them. */
function plannedWrites(changes: ImportChanges): Planned[] {
  return [
    ...changes.areas.flatMap((a) => [
      { what: 'area of weakness' as const, reference: String(a.number), place: a.place, write: a.weakness },
      { what: 'priority' as const, reference: String(a.number), place: a.place, write: a.priority },
    ]),
    ...changes.focusAreas.map((f) => ({
      what: 'focus area' as const,
      reference: f.reference,
      place: f.place,
      write: f.write,
    })),
    ...changes.actions.map((a) => ({
      what: 'action' as const,
      reference: a.reference,
      place: a.place,
      write: a.write,
    })),
    ...changes.actions.flatMap((a) =>
      a.milestone
        ? [{ what: 'milestone' as const, reference: a.reference, place: a.place, write: a.milestone }]
        : [],
    ),
  ];
}

const zero = (): Record<ItemKey, ItemCounts> => ({
  areasOfWeakness: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  priorities: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  focusAreas: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  actions: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  milestones: { created: 0, updated: 0, unchanged: 0, failed: 0 },
});

const item = (what: ImportedKind, reference: string, place: SourcePlace | null, detail: string) => ({
  what,
  reference,
  table: place?.table ?? null,
  row: place?.row ?? null,
  detail,
});

const fromOutcome = (o: ImportOutcome): ReportItem => item(o.what, o.reference, o.place, o.detail);

export interface ReportInput {
  file: string;
  plan: ImportReport['plan'];
  preview: ImportPreview;
  /** The writer's summary; null for a dry run. */
  summary: ImportSummary | null;
  planProblems: readonly DataProblem[];
}

export function importReport({ file, plan, preview, summary, planProblems }: ReportInput): ImportReport {
  const { draft, changes } = preview;
  const planned = plannedWrites(changes);
  const items = zero();
  for (const p of planned) if (p.write.kind === 'same') items[KIND_KEYS[p.what]].unchanged++;
  let updates: ReportItem[];
  let failures: ReportItem[] = [];
  if (summary) {
    for (const o of summary.created) items[KIND_KEYS[o.what]].created++;
    for (const o of summary.updated) items[KIND_KEYS[o.what]].updated++;
    for (const o of summary.failed) items[KIND_KEYS[o.what]].failed++;
    updates = summary.updated.map(fromOutcome);
    failures = summary.failed.map(fromOutcome);
  } else {
    for (const p of planned) {
      if (p.write.kind === 'create') items[KIND_KEYS[p.what]].created++;
      if (p.write.kind === 'update') items[KIND_KEYS[p.what]].updated++;
    }
    updates = planned
      .filter((p) => p.write.kind === 'update')
      .map((p) => item(p.what, p.reference, p.place, p.write.changed.join(', ')));
  }
  const skips = changes.skipped.map((s) =>
    item(s.what === 'area' ? 'priority' : s.what, s.reference, s.place, s.reason),
  );
  const problems: ReportProblem[] = [
    ...draft.problems.map((p) => ({
      severity: p.severity,
      code: p.code,
      table: p.place.table,
      row: p.place.row,
      column: p.column ?? p.place.column ?? null,
      message: p.message,
    })),
    ...failures.map((f) => ({
      severity: 'error' as const,
      code: 'write-failed',
      table: f.table,
      row: f.row,
      column: null,
      message: `${f.what} ${f.reference} was not written: ${f.detail}`,
    })),
  ];
  return {
    file,
    plan,
    dryRun: summary === null,
    actions: draft.actions.length,
    created: items.actions.created,
    updated: items.actions.updated,
    unchanged: items.actions.unchanged,
    skipped: skips.filter((s) => s.what === 'action').length,
    failed: items.actions.failed,
    cancelled: summary?.cancelled ?? false,
    notWritten: summary?.notWritten ?? 0,
    items,
    problems,
    skips,
    updates,
    failures,
    planProblems: planProblems.map(describeProblem),
  };
}
