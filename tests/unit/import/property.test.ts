import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, importPlan, type ImportPlanDraft, type ImportTable } from '../../../src/domain/import';
import { RATING_SCALES } from '../../../src/domain/ratings';

/** Headings and values as the documents write them, so that random tables reach the deep rules too. */
const HEADINGS = [
  'Area of weakness',
  'Priority',
  'Focus area',
  'Ref',
  'No.',
  'Action',
  'What we will do',
  'Success measure(s)',
  'Lead',
  'Responsible',
  'Governance forum',
  'Timescale',
  'By when',
  'RAG',
  'Completed',
  'Impact',
  'Sustained',
  'Progress update',
  'Cost centre',
  '',
];
const VALUES = [
  '',
  '',
  '',
  '1.1',
  '1.1.1',
  '1.10.2',
  '5.',
  'IP1',
  '1. Joint commissioning',
  'AREA 2 – Quality of EHC plans',
  '7. The pathway. 8. Achieving success',
  '1.2 Joint Strategic Needs Assessment',
  'Co-produce an accountability, governance and responsibility structure',
  'to support transition into adult services.',
  'Jane Moore\nDirector of Children and Family Services',
  'K Rowland (DfE), P Sumner (LCC)',
  'Head of SEND, Leicestershire County Council',
  'Dec 2019',
  'Sept 19',
  '31/02/2020',
  'March 2020 and July 2020',
  'Ongoing',
  'Review at the end of March 2020',
  'Completed (B)',
  'Light green',
  'Purple',
  'Yellow',
  'G',
  '=HYPERLINK("http://example.com","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...VALUES, 'x', ' \n'), fc.integer({ min: 256, max: 10_000 }))
      .map(([text, length]) => text.padEnd(length, `${text} `).slice(0, length)),
  },
);
const row = fc.array(cell, { maxLength: 10 });
/** For the 10,000 rows: the same values without the huge cells, which have their own test. */
const smallRow = fc.array(fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 })), {
  maxLength: 8,
});
const table = fc.record({
  name: fc.oneof(fc.constantFrom('Table 1', 'Priority 2', "Sheet 'IP3'", ''), fc.string({ maxLength: 20 })),
  rows: fc.oneof(
    fc.array(row, { maxLength: 25 }),
    fc
      .tuple(fc.subarray(HEADINGS, { minLength: 2 }), fc.array(row, { maxLength: 25 }))
      .map(([header, rows]) => [header, ...rows]),
  ),
});
const tables = fc.array(table, { maxLength: 4 });

/**
 * Every row of every table is accounted for: an action, a heading, the rest of an
 * action (joined), a header, or skipped, and skipped with content only with a
 * named problem. Every problem is placed in a row that exists. Returns what is
 * wrong, so that one expect reports it all.
 */
function lostRows(input: readonly ImportTable[], draft: ImportPlanDraft): string[] {
  const wrong: string[] = [];
  if (draft.tables.length !== input.length)
    wrong.push(`${input.length} tables read as ${draft.tables.length}`);
  const actionPlaces = new Set(draft.actions.map((a) => `${a.place.table}\u0000${a.place.row}`));
  input.forEach((source, t) => {
    const reading = draft.tables[t];
    if (!reading) return;
    if (reading.rows.length !== source.rows.length)
      wrong.push(`table ${t}: ${source.rows.length} rows read as ${reading.rows.length}`);
    reading.rows.forEach((r, i) => {
      const at = `table ${t} row ${i + 1}`;
      const hasContent = (source.rows[i] ?? []).some((c) => cleanCell(c) !== '');
      if (r.place.row !== i + 1) wrong.push(`${at}: numbered ${r.place.row}`);
      if (!hasContent && r.kind !== 'skipped') wrong.push(`${at}: blank but ${r.kind}`);
      if (r.kind === 'skipped' && hasContent && r.problems.length === 0)
        wrong.push(`${at}: skipped silently`);
      if (r.kind === 'action' && !actionPlaces.has(`${r.place.table}\u0000${r.place.row}`))
        wrong.push(`${at}: an action row missing from the plan`);
      if (r.kind === 'join' && reading.rows[r.into - 1]?.kind !== 'action')
        wrong.push(`${at}: joined onto no action`);
      for (const p of r.problems) {
        if (p.place.table !== source.name || p.place.row !== r.place.row)
          wrong.push(`${at}: problem placed elsewhere`);
        if (p.column !== p.place.column) wrong.push(`${at}: column ${p.column} but place ${p.place.column}`);
        if (p.message === '') wrong.push(`${at}: a problem with no message`);
      }
    });
  });
  const { totals } = draft;
  if (totals.actions + totals.headings + totals.joined + totals.headers + totals.skipped !== totals.rows)
    wrong.push(`totals do not add up: ${JSON.stringify(totals)}`);
  if (totals.errors + totals.warnings !== draft.problems.length) wrong.push('problems miscounted');
  const kept = draft.actions
    .filter((a) => !a.problems.some((p) => p.severity === 'error'))
    .map((a) => a.reference);
  if (new Set(kept).size !== kept.length) wrong.push('two actions without errors share a reference');
  return wrong;
}

describe('importing never throws and never loses a row', () => {
  it('on random tables: ragged rows, huge cells, formulas, empty tables', () => {
    fc.assert(
      fc.property(tables, fc.constantFrom(RATING_SCALES.bragp, RATING_SCALES.ralgc), (input, scale) => {
        expect(lostRows(input, importPlan(input, { scale }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('on a table of 10,000 rows', () => {
    const rows = fc.sample(smallRow, { numRuns: 10_000, seed: 11 });
    const input: ImportTable[] = [
      { name: 'Big', rows: [['Ref', 'Area of weakness', 'Action', 'Lead', 'Timescale', 'RAG'], ...rows] },
    ];
    const draft = importPlan(input);
    expect(draft.totals.rows).toBe(10_001);
    expect(draft.totals.actions).toBeGreaterThan(1000);
    expect(lostRows(input, draft)).toEqual([]);
  });

  it('keeps a cell a spreadsheet would run as a formula as plain text', () => {
    const draft = importPlan([
      {
        name: 'T',
        rows: [
          ['Ref', 'Action', 'Lead'],
          ['1.1', '=HYPERLINK("http://example.com","x")', '+cmd'],
        ],
      },
    ]);
    expect(draft.actions[0]).toMatchObject({ text: '=HYPERLINK("http://example.com","x")', leads: ['+cmd'] });
  });

  it('an empty document is an empty plan', () => {
    expect(importPlan([]).totals).toMatchObject({ tables: 0, rows: 0, actions: 0 });
    expect(importPlan([{ name: 'Empty', rows: [] }]).problems.map((p) => p.code)).toEqual(['no-header']);
  });
});
