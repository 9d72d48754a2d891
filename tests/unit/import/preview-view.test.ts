import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makePriority,
  makeWeakness,
  resolveScale,
  type PersonRef,
  type Stored,
} from '../../../src/domain';
import { importPlan, placeKey, type ImportTable } from '../../../src/domain/import';
import { EMPTY_PLAN, planImportChanges, type ExistingPlan } from '../../../src/domain/import/changes';
import {
  describeStatus,
  fieldAt,
  previewView,
  sampleOf,
  type ActionRowView,
  type HeadingRowView,
  type WriteStatus,
} from '../../../src/features/import/preview-model';

const scale = resolveScale('bragp');
const daniel: PersonRef = {
  entraId: 'e1',
  upn: 'daniel.okafor@demo.localarea.example',
  displayName: 'Daniel Okafor',
  agency: 'ICB',
};

const TABLE: ImportTable = {
  name: 'tracker.csv',
  rows: [
    ['Ref', 'Action', 'Lead', 'Timescale', 'RAG'],
    ['1. Joint commissioning'],
    ['1.1.1', 'Agree the strategy', 'Daniel Okafor; Hannah Whitfield', 'Dec 2026', 'G'],
    ['1.1.2', 'Map the services', 'Head of SEND', '31/02/2027', 'A'],
    ['1.1.3', 'Publish the offer', '', 'March 2027 and July 2027', 'Maybe'],
  ],
};

function view(options: { skip?: string[]; existing?: ExistingPlan; tables?: ImportTable[] } = {}) {
  const tables = options.tables ?? [TABLE];
  const skip = new Set(options.skip ?? []);
  const draft = importPlan(tables, { scale });
  const people = new Map<string, PersonRef | null>([
    ['Daniel Okafor', daniel],
    ['Head of SEND', null],
  ]);
  const changes = planImportChanges(draft, options.existing ?? EMPTY_PLAN, { scale, people, skip });
  return previewView({ tables, draft, changes, people, scale, skip });
}

const key = (row: number) => placeKey({ table: 'tracker.csv', row });
function actionRow(v: ReturnType<typeof view>, row: number): ActionRowView {
  const found = v.tables[0]?.rows.find((r) => r.place.row === row);
  if (found?.kind !== 'action') throw new Error(`Row ${row} is not an action`);
  return found;
}

describe('the preview as the page shows it', () => {
  it('shows each action as it will be written: leads looked up, dates and ratings in words', () => {
    const v = view();
    expect(actionRow(v, 3)).toMatchObject({
      reference: '1.1.1',
      text: 'Agree the strategy',
      leads: [
        { name: 'Daniel Okafor', person: daniel, lookedUp: true },
        { name: 'Hannah Whitfield', person: null, lookedUp: false },
      ],
      due: 'Dec 2026',
      rating: 'Good progress',
      status: { kind: 'create' },
    });
    expect(actionRow(v, 5)).toMatchObject({ due: 'Mar 2027', secondDate: 'Jul 2027', rating: null });
  });

  it('names the rows with errors until each is skipped; a skipped row says so', () => {
    const before = view();
    expect(before.unresolvedKeys).toEqual([key(4), key(5)]);
    expect(before.totals).toMatchObject({ actions: 3, create: 1, notImported: 2, unresolved: 2 });
    expect(actionRow(before, 4)).toMatchObject({ unresolved: true, status: { kind: 'skipped' } });

    const after = view({ skip: [key(4), key(5)] });
    expect(after.unresolvedKeys).toEqual([]);
    expect(actionRow(after, 4)).toMatchObject({
      skipped: true,
      unresolved: false,
      status: { kind: 'skipped', reason: 'Skipped in the preview' },
    });
    expect(after.totals).toMatchObject({ actionWrites: 1, writes: 4 });
  });

  it('shows a heading row as the area it opens, and what an existing plan makes of it', () => {
    const heading = (v: ReturnType<typeof view>) =>
      v.tables[0]?.rows.find((r): r is HeadingRowView => r.kind === 'heading');
    expect(heading(view())?.items).toEqual([
      { what: 'Area', reference: '1', title: 'Joint commissioning', status: { kind: 'create' } },
    ]);

    const ids = { planId: 'p' };
    const existing: ExistingPlan = {
      ...EMPTY_PLAN,
      weaknesses: [stored(makeWeakness({ id: 'w1', ...ids, number: 1, finding: 'Joint commissioning' }))],
      priorities: [stored(makePriority({ id: 'p1', ...ids, number: 1, title: 'Commissioning' }))],
      focusAreas: [
        stored(
          makeFocusArea({ id: 'f1', ...ids, priorityId: 'p1', reference: '1.1', title: 'Focus area 1.1' }),
        ),
      ],
      actions: [
        stored(
          makeAction({
            id: 'a1',
            ...ids,
            priorityId: 'p1',
            focusAreaId: 'f1',
            reference: '1.1.1',
            text: 'Agree the strategy',
            lead: daniel,
            leadAsWritten: 'Daniel Okafor; Hannah Whitfield',
            dueDate: '2026-12-31',
            dueDatePrecision: 'month',
            status: 'amber',
          }),
        ),
      ],
    };
    const v = view({ existing });
    expect(heading(v)?.items[0]?.status).toEqual({ kind: 'update', changed: ['title'] });
    expect(actionRow(v, 3).status).toEqual({ kind: 'update', changed: ['rating'] });
    expect(v.totals).toMatchObject({ create: 0, update: 1 });
  });

  it('counts a table with nothing mapped by its widest row, and finds examples for its columns', () => {
    const glossary: ImportTable = { name: 'Glossary', rows: [['AR', 'Annual Review'], ['ASD']] };
    const v = view({ tables: [TABLE, glossary] });
    const [tracker, table] = v.tables;
    if (!tracker || !table) throw new Error('Two tables were read');
    expect(table.columnCount).toBe(2);
    expect(table.mapping.headerRow).toBeNull();
    expect(sampleOf(glossary, table.mapping, 1)).toBe('Annual Review');
    expect(fieldAt(tracker.mapping, 1)).toBe('action');
    expect(sampleOf(TABLE, tracker.mapping, 3)).toBe('Dec 2026');
  });

  it.each<[WriteStatus, string]>([
    [{ kind: 'create' }, 'New'],
    [{ kind: 'update', changed: ['due date', 'rating'] }, 'Updates due date, rating'],
    [{ kind: 'same' }, 'Unchanged'],
    [{ kind: 'skipped', reason: 'Skipped in the preview' }, 'Not imported'],
  ])('describes %o as "%s"', (status, words) => {
    expect(describeStatus(status)).toBe(words);
  });
});

function stored<T>(item: T): Stored<T> {
  return { ...item, etag: '"1"' } as Stored<T>;
}
