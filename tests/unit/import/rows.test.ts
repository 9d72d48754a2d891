import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  readTable,
  type ImportActionRow,
  type ImportRow,
  type ImportTable,
} from '../../../src/domain/import';
import { RATING_SCALES } from '../../../src/domain/ratings';
import { lancashireTracker } from './fixtures/lancashire-2019';
import { summaryArea1 } from './fixtures/leicestershire-2021';
import { revisitConclusion } from './fixtures/leicestershire-2023';

const HEADER = [
  'Area of weakness',
  'Focus area',
  'Ref',
  'Action',
  'Lead',
  'Timescale',
  'RAG',
  'Progress update',
];
const table = (...rows: string[][]): ImportTable => ({ name: 'Table 1', rows: [HEADER, ...rows] });
/** A row in HEADER's columns; blank where not given. */
const row = (cells: Partial<Record<(typeof HEADER)[number], string>>) => HEADER.map((h) => cells[h] ?? '');
const kinds = (rows: readonly ImportRow[]) => rows.map((r) => r.kind);
const actionAt = (rows: readonly ImportRow[], number: number): ImportActionRow => {
  const found = rows.find((r) => r.place.row === number);
  if (found?.kind !== 'action') throw new Error(`row ${number} is ${found?.kind}, not an action`);
  return found;
};
const codes = (r: ImportRow | undefined) => r?.problems.map((p) => p.code) ?? [];

describe('rows that only carry a heading', () => {
  it('an area alone, then a focus area alone, set the context of the actions below', () => {
    const { rows } = readTable(
      table(
        row({ 'Area of weakness': '1. Joint commissioning' }),
        row({ 'Focus area': '1.2 Joint Strategic Needs Assessment' }),
        row({ Ref: '1.2.1', Action: 'Gather Leicestershire data across education, health and social care' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'heading', 'heading', 'action']);
    expect(rows[1]).toMatchObject({ opens: { areas: [{ number: 1, title: 'Joint commissioning' }] } });
    expect(rows[2]).toMatchObject({
      opens: { focusArea: { reference: '1.2', title: 'Joint Strategic Needs Assessment' } },
    });
    expect(actionAt(rows, 4)).toMatchObject({
      area: { number: 1, title: 'Joint commissioning' },
      focusArea: { reference: '1.2', title: 'Joint Strategic Needs Assessment' },
    });
  });

  it('an area cell repeated on every row (a merged cell) opens the area once', () => {
    const area = 'AREA 2 – Quality of EHC plans';
    const { rows } = readTable(
      table(
        row({ 'Area of weakness': area, Ref: '2.1.1', Action: 'Review of statutory assessment process' }),
        row({ 'Area of weakness': area, Ref: '2.1.2', Action: 'Revised process and pathway' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'action', 'action']);
    expect(actionAt(rows, 2).opens).toEqual({
      areas: [{ number: 2, title: 'Quality of EHC plans' }],
      areaColumn: 'Area of weakness',
    });
    expect(actionAt(rows, 3).opens).toBeUndefined();
  });

  it('a title in the action column with its number in the focus area column is a focus area', () => {
    const { rows } = readTable(summaryArea1);
    expect(rows[1]).toMatchObject({
      kind: 'heading',
      opens: {
        areas: [{ number: null, title: 'Absence of a Joint Commissioning Strategy' }],
        focusArea: { reference: '1.1', title: 'Joint Commissioning Strategy' },
      },
    });
  });

  it('a title with no number is a focus area when the next row starts a new focus area', () => {
    const { rows } = readTable(
      table(
        row({
          Ref: '1.1.1',
          Action: 'Co-produce an accountability, governance and responsibility structure',
        }),
        row({ Action: 'Identify new opportunities for joint commissioning of services (mapping exercise)' }),
        row({ Ref: '1.2.1', Action: 'Undertake a joint baseline assessment' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'action', 'heading', 'action']);
    expect(rows[2]).toMatchObject({
      opens: {
        focusArea: {
          reference: '1.2',
          title: 'Identify new opportunities for joint commissioning of services (mapping exercise)',
        },
      },
    });
  });

  it('…but an action with its reference left out when the next row stays in the same focus area', () => {
    const { rows } = readTable(
      table(
        row({ Ref: '2.4.4', Action: 'Define standards of health and social care advice for EHC plans' }),
        row({ Action: 'Expansion of Autism Awareness training for CFWS / social care staff' }),
        row({ Ref: '2.4.6', Action: 'Outcomes writing training' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'action', 'action', 'action']);
    expect(actionAt(rows, 3).action.reference).toBeNull();
  });

  it('a numbered row whose next row is its first child is a focus area numbered in the reference column', () => {
    const { rows } = readTable(
      table(
        row({ Ref: '1.3', Action: 'Complete and publish an updated local area JSNA for SEND' }),
        row({ Ref: '1.3.1', Action: 'Gather Leicestershire data across education, health and social care' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'heading', 'action']);
    expect(rows[1]).toMatchObject({
      opens: {
        focusArea: { reference: '1.3', title: 'Complete and publish an updated local area JSNA for SEND' },
      },
    });
  });

  it('a drifted focus area number is checked against the actions: their references win, with a warning', () => {
    const { rows } = readTable(summaryArea1);
    const drifted = actionAt(rows, 5);
    expect(drifted.action.reference).toBe('1.1.3');
    expect(drifted.focusArea).toEqual({ reference: '1.1', title: 'Joint Commissioning Strategy' });
    expect(drifted.problems).toEqual([
      expect.objectContaining({
        code: 'focus-reference-mismatch',
        column: 'Focus area',
        message: 'The focus area column says 1.2 but reference 1.1.3 belongs to focus area 1.1: took 1.1',
      }),
    ]);
    const neuro = rows[27];
    expect(neuro).toMatchObject({
      kind: 'heading',
      opens: { focusArea: { reference: '1.7', title: 'Neurodevelopmental pathway' } },
    });
    expect(codes(neuro)).toEqual(['focus-reference-mismatch']);
  });

  it('a row across the whole table (merged cells) is a heading', () => {
    const { rows } = readTable(
      table(
        HEADER.map(() => 'Priority 2 – Quality of EHC plans'),
        row({ Ref: '2.1.1', Action: 'Review of statutory assessment process' }),
      ),
    );
    expect(rows[1]).toMatchObject({
      kind: 'heading',
      opens: { areas: [{ number: 2, title: 'Quality of EHC plans' }] },
    });
  });

  it('a sheet named after a priority, as the readers name sheets ("Sheet \'Priority 2\'"), too', () => {
    const reading = readTable({
      name: "Sheet 'Priority 2'",
      rows: [
        ['Ref', 'Action'],
        ['2.1', 'Audit plans'],
      ],
    });
    expect(reading.opens).toEqual({ areas: [{ number: 2, title: 'Priority 2' }] });
    expect(readTable({ name: 'Table 2', rows: [['Ref', 'Action']] }).opens).toBeUndefined();
  });

  it('two cells that happen to agree are not a merged row', () => {
    const { rows } = readTable({
      name: 'T',
      rows: [
        ['Ref', 'Action', 'Lead', 'Timescale', 'Impact', 'Sustained'],
        ['1.1.1', 'Co-produce a structure', 'Jane Moore', 'Dec 2019', '', ''],
        ['', '', '', '', 'G', 'G'],
      ],
    });
    expect(kinds(rows)).toEqual(['header', 'action', 'join']);
    expect(actionAt(rows, 2).action).toMatchObject({ impact: 'green', sustained: 'green' });
  });

  it('a table named after a priority sets the area of its rows', () => {
    const reading = readTable({
      name: 'Priority 3',
      rows: [
        ['Ref', 'Action'],
        ['3.1', 'Launch SEN Handbook'],
      ],
    });
    expect(reading.opens).toEqual({ areas: [{ number: 3, title: 'Priority 3' }] });
    expect(actionAt(reading.rows, 2).area).toEqual({ number: 3, title: 'Priority 3' });
  });
});

describe('a row split across a page break', () => {
  it('joins its cells onto the action above, line by line', () => {
    const { rows } = readTable(
      table(
        row({
          Ref: '1.1.1',
          Action: 'Co-produce a structure',
          Lead: 'P Sumner (LCC)',
          'Progress update': 'Agreed by the board.',
        }),
        row({ Lead: 'T Common (LCC)', 'Progress update': 'Terms of reference published.' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'action', 'join']);
    expect(rows[2]).toMatchObject({ kind: 'join', into: 2 });
    const action = actionAt(rows, 2);
    expect(action.joined).toEqual([3]);
    expect(action.action.leads).toEqual(['P Sumner (LCC)', 'T Common (LCC)']);
    expect(action.action.progress).toBe('Agreed by the board.\nTerms of reference published.');
    expect(codes(action)).toEqual(['row-joined']);
  });

  it('joins an action that runs on in lower case, across a repeated header', () => {
    const { rows } = readTable(lancashireTracker);
    expect(rows[11]).toMatchObject({ kind: 'join', into: 10 });
    expect(actionAt(rows, 10).action.text).toBe(
      'A re-design of the emotional health and well-being service is taking place; this includes CAMHS to age 19\nto support transition into adult services.',
    );
  });

  it('keeps one copy of a rating both halves repeat, and joins two that differ (an error to fix)', () => {
    const same = readTable(
      table(row({ Ref: '1.1', Action: 'Audit', RAG: 'Amber' }), row({ Lead: 'Jane Moore', RAG: 'Amber' })),
    );
    expect(actionAt(same.rows, 2).action.rating).toBe('amber');
    const differ = readTable(
      table(row({ Ref: '1.1', Action: 'Audit', RAG: 'Amber' }), row({ Lead: 'Jane Moore', RAG: 'Green' })),
    );
    expect(codes(actionAt(differ.rows, 2))).toContain('rating-unknown');
  });

  it('does not join a row that starts a new action, even without a reference', () => {
    const { rows } = readTable(
      table(
        row({ Ref: '1.1.1', Action: 'Schedule weekly meetings' }),
        row({ Action: 'CCG to increase DCO capacity', Lead: 'C West (CCG)' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'action', 'action']);
  });

  it('has nothing to join onto under a heading: an error that the action is missing', () => {
    const { rows } = readTable(
      table(
        row({ 'Area of weakness': '1. Joint commissioning' }),
        row({ Lead: 'Jane Moore', Timescale: 'Dec 2019' }),
      ),
    );
    expect(kinds(rows)).toEqual(['header', 'heading', 'action']);
    expect(rows[2]?.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'action-missing',
        column: 'Action',
        place: { table: 'Table 1', row: 3, column: 'Action' },
      }),
    ]);
  });
});

describe('cells as people write them', () => {
  it('keeps paragraphs and lines of a cell, with line endings and spaces made plain', () => {
    expect(cleanCell('First line \r\nsecond line\r\n\r\n\r\n\r\nNew paragraph\u00a0 ')).toBe(
      'First line\nsecond line\n\nNew paragraph',
    );
    expect(cleanCell(undefined)).toBe('');
    expect(cleanCell(42)).toBe('42');
  });

  it('reads every field of an action row onto the plan scale', () => {
    const { rows } = readTable(
      table(
        row({
          Ref: '1.1.2',
          Action: 'Develop and agree a new Joint Commissioning Strategy',
          Lead: 'Jane Moore\nDirector of Children and Family Services',
          Timescale: 'Sept 19',
          RAG: 'On track',
          'Progress update': 'Draft strategy shared with the Parent Carer Forum.',
        }),
      ),
      { scale: RATING_SCALES.ralgc },
    );
    expect(actionAt(rows, 2).action).toEqual({
      reference: '1.1.2',
      text: 'Develop and agree a new Joint Commissioning Strategy',
      successMeasures: '',
      leads: ['Jane Moore, Director of Children and Family Services'],
      governance: '',
      due: { date: '2019-09-30', precision: 'month' },
      rating: 'lightGreen',
      progress: 'Draft strategy shared with the Parent Carer Forum.',
      impact: null,
      sustained: null,
    });
  });

  it('an invalid reference is an error in the reference column, naming the value', () => {
    const { rows } = readTable(table(row({ Ref: 'IP1', Action: 'Launch SEN Handbook' })));
    expect(rows[1]?.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'reference-invalid',
        column: 'Ref',
        message: expect.stringContaining('"IP1"'),
      }),
    ]);
  });
});

describe('values the lists cannot keep are errors naming the limit', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each([
    ['Action', 2001, 'Action must be at most 2000 characters: this one has 2001'],
    ['Progress update', 8001, 'Progress update must be at most 8000 characters: this one has 8001'],
    ['Lead', 256, `A lead's name must be at most 255 characters`],
  ])('%s of %i characters', (column, length, message) => {
    const cells = { Ref: '1.1', Action: 'Audit', [column]: long(length) };
    const { rows } = readTable(table(row(cells)));
    expect(rows[1]?.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'too-long',
        column,
        message: expect.stringContaining(message),
      }),
    ]);
  });

  it('success measures over 4,000 and a governance forum over 255', () => {
    const { rows } = readTable({
      name: 'T',
      rows: [
        ['Ref', 'Action', 'Success measures', 'Governance'],
        ['1.1', 'Audit', long(4001), long(256)],
      ],
    });
    expect(rows[1]?.problems.map((p) => [p.column, p.message])).toEqual([
      ['Success measures', 'Success measures must be at most 4000 characters: this one has 4001'],
      ['Governance', 'Governance forum must be at most 255 characters: this one has 256'],
    ]);
  });
});

describe('rows that give nothing say why', () => {
  it('a blank row is skipped as empty', () => {
    const { rows } = readTable(table(row({}), row({ Ref: '1.1', Action: 'Audit' })));
    expect(rows[1]).toEqual({
      kind: 'skipped',
      reason: 'empty',
      place: { table: 'Table 1', row: 2 },
      problems: [],
    });
  });

  it('a title above the header row is skipped with a warning quoting it, unless it names an area', () => {
    const { rows } = readTable(lancashireTracker);
    expect(rows[0]).toMatchObject({ kind: 'skipped', reason: 'above-header' });
    expect(rows[0]?.problems[0]?.message).toBe(
      'Row not imported (it is above the header row): "Written Statement of Action (WSoA)"',
    );
    const titled = readTable({
      name: 'T',
      rows: [['AREA 1 – Absence of a Joint Commissioning Strategy'], ['Ref', 'Action'], ['1.1', 'x']],
    });
    expect(titled.rows[0]).toMatchObject({ kind: 'heading', opens: { areas: [{ number: 1 }] } });
  });

  it('content only in columns not imported is skipped with a warning quoting it', () => {
    const { rows } = readTable({
      name: 'T',
      rows: [
        ['Ref', 'Action', 'Cost centre'],
        ['', '', 'CC 4410'],
      ],
    });
    expect(rows[1]).toMatchObject({
      kind: 'skipped',
      reason: 'unmapped',
      problems: [{ code: 'row-not-imported', message: expect.stringContaining('"CC 4410"') }],
    });
  });

  it('a table with no action column: its areas are headings, its other values named as not imported', () => {
    const reading = readTable(revisitConclusion);
    expect(reading.problems.map((p) => p.code)).toEqual(['no-action-column']);
    expect(kinds(reading.rows)).toEqual(['header', 'heading', 'heading']);
    expect(reading.rows[1]?.problems[0]?.message).toBe(
      'Not imported, as the row has no action: Progress "Sufficient progress made"',
    );
    const bare = readTable({
      name: 'T',
      rows: [
        ['Lead', 'Timescale'],
        ['Jane Moore', 'Dec 2019'],
      ],
    });
    expect(bare.rows[1]).toMatchObject({
      kind: 'skipped',
      reason: 'no-action-column',
      problems: [{ code: 'row-not-imported' }],
    });
  });
});

describe('cells that are not text, from a reader that slipped', () => {
  it('are read as text, and a row that is not a list as empty', () => {
    const rows = [['Ref', 'Action', 'Timescale'], [1.1, null, 2020], 'not a row'] as unknown as string[][];
    const reading = readTable({ name: 'T', rows });
    expect(kinds(reading.rows)).toEqual(['header', 'action', 'skipped']);
    expect(actionAt(reading.rows, 2).action.reference).toBe('1.1');
  });
});

describe('every problem names its place as the source writes it', () => {
  it('table, row number counted from the top, column heading as written or "column N"', () => {
    const reading = readTable({
      name: "Sheet 'IP1'",
      rows: [
        ['Plan title'],
        ['', 'Action', 'Due date'],
        ['1. Joint commissioning', 'Publish the JSNA', '31/02/2020'],
      ],
    });
    expect(reading.mapping.guessed).toEqual(['area']);
    expect(reading.rows[2]?.problems).toEqual([
      {
        severity: 'error',
        code: 'due-invalid',
        column: 'Due date',
        message: '"31/02/2020" is not a real date (dates are read day first, as 31/12/2019)',
        place: { table: "Sheet 'IP1'", row: 3, column: 'Due date' },
      },
    ]);
  });
});
