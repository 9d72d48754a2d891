import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/plan/import/excel-values';
import { readTables } from '../../../src/plan/import/read-tables';
import { buildXlsx } from './fixtures';
import { LEICS } from './seed-rows';

const HEADINGS = [
  '',
  'Focus area',
  'Action',
  'Reference',
  'Lead',
  'Timescale',
  'Completed',
  'Impact',
  'Sustained',
];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Leicestershire's tracker as a council keeps it in Excel: a sheet per priority, a summary, a lookup list. */
function leicestershireTracker(workbook: ExcelJS.Workbook) {
  const p1 = workbook.addWorksheet('Priority 1');
  p1.getCell('A1').value = `Priority 1 – ${LEICS.area1}`;
  p1.mergeCells('A1:I1');
  p1.getRow(2).values = HEADINGS;
  p1.getCell('A3').value = LEICS.area1;
  p1.mergeCells('A3:A5');
  p1.getRow(3).getCell(2).value = '1.1';
  p1.getRow(3).getCell(3).value = LEICS.focus11;
  p1.getRow(4).values = [undefined, undefined, LEICS.action111, '1.1.1'];
  p1.getCell('E4').value = {
    richText: [{ text: 'P Sumner', font: { bold: true } }, { text: ` (LCC)\r\n${LEICS.leads.west}` }],
  };
  p1.getCell('F4').value = utc(2021, 3, 31);
  p1.getCell('F4').numFmt = 'd mmm yyyy';
  p1.getCell('G4').value = 'B';
  p1.getCell('H4').value = 'G';
  p1.getCell('I4').value = 'G';
  p1.getRow(5).values = [
    undefined,
    undefined,
    LEICS.action112,
    '1.1.2',
    LEICS.leads.common,
    'March 2021',
    'G',
  ];
  // Row 6 left empty; a summary below it, all formulas with their cached results.
  p1.getCell('C7').value = 'Actions completed';
  p1.getCell('D7').value = { formula: 'COUNTIF(G4:G5,"B")', result: 1 };
  p1.getCell('E7').value = 'Share completed';
  p1.getCell('F7').value = { formula: 'D7/2', result: 0.5 };
  p1.getCell('F7').numFmt = '0%';
  p1.getCell('C8').value = 'Last reviewed';
  p1.getCell('D8').value = { formula: 'TODAY()', result: utc(2021, 3, 18) };
  p1.getCell('D8').numFmt = 'dd/mm/yyyy';
  p1.getCell('E8').value = { text: 'SEND Local Offer', hyperlink: 'https://www.leicestershire.gov.uk/' };
  p1.getCell('F8').value = 1234.5;
  p1.getCell('F8').numFmt = '[$£-809]#,##0.00';
  p1.getCell('G8').value = 0.1 + 0.2;
  p1.getCell('H8').value = true;
  p1.getCell('I8').value = { formula: '1/0', result: { error: '#DIV/0!' } };

  // (An array's index 0 is column A.) Priority 2 starts at B2, as trackers with a margin do: rows and columns keep their places.
  const p2 = workbook.addWorksheet('Priority 2');
  p2.getRow(2).values = [undefined, 'Area of weakness', 'Reference', 'Action', 'Lead', 'Due date'];
  p2.getRow(3).values = [
    undefined,
    LEICS.area2,
    '2.1.1',
    LEICS.action211,
    LEICS.leads.wile,
    utc(2021, 9, 30),
  ];
  p2.getRow(4).values = [undefined, '', '2.1.2', LEICS.action212, LEICS.leads.wile, utc(2021, 12, 31)];
  p2.getCell('E4').value = { formula: 'E3', result: LEICS.leads.wile };
  p2.getCell('F3').numFmt = 'mmm-yy';

  workbook.addWorksheet('Notes');
  const blank = workbook.addWorksheet('Blank but formatted');
  blank.getCell('B2').value = '   ';
  blank.getCell('C3').numFmt = '0.00';
  const lookups = workbook.addWorksheet('Lookups', { state: 'hidden' });
  lookups.getColumn(1).values = ['B', 'G', 'A', 'R', 'P'];
}

describe('reading the worksheets of an Excel workbook', () => {
  it('gives every visible sheet with data as the sheet shows it, merged cells only in their top-left cell', async () => {
    const bytes = await buildXlsx(leicestershireTracker);

    const tables = await readTables({ name: 'WSOA tracker.xlsx', bytes });

    const blank = Array<string>(9).fill('');
    expect(tables).toEqual([
      {
        name: "Sheet 'Priority 1'",
        rows: [
          [`Priority 1 – ${LEICS.area1}`, '', '', '', '', '', '', '', ''],
          HEADINGS,
          [LEICS.area1, '1.1', LEICS.focus11, '', '', '', '', '', ''],
          [
            '',
            '',
            LEICS.action111,
            '1.1.1',
            `${LEICS.leads.sumner}\n${LEICS.leads.west}`,
            '31/03/2021',
            'B',
            'G',
            'G',
          ],
          ['', '', LEICS.action112, '1.1.2', LEICS.leads.common, 'March 2021', 'G', '', ''],
          blank,
          ['', '', 'Actions completed', '1', 'Share completed', '50%', '', '', ''],
          ['', '', 'Last reviewed', '18/03/2021', 'SEND Local Offer', '£1,234.50', '0.3', 'TRUE', '#DIV/0!'],
        ],
      },
      {
        name: "Sheet 'Priority 2'",
        rows: [
          ['', '', '', '', '', ''],
          ['', 'Area of weakness', 'Reference', 'Action', 'Lead', 'Due date'],
          ['', LEICS.area2, '2.1.1', LEICS.action211, LEICS.leads.wile, '30/09/2021'],
          ['', '', '2.1.2', LEICS.action212, LEICS.leads.wile, '31/12/2021'],
        ],
      },
    ]);
  });

  it('shows a formula as its cached result, never the formula, and as nothing when the file has no result', async () => {
    const bytes = await buildXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Register');
      sheet.getRow(1).values = ['Reference', 'Action', 'Link'];
      sheet.getCell('A2').value = '1.9.2';
      sheet.getCell('B2').value = {
        formula: '"Secure sign up across CCG, LPT and LA"',
        result: 'Secure sign up across CCG, LPT and LA',
      };
      sheet.getCell('C2').value = {
        formula: 'HYPERLINK("https://evil.example","Click")',
      } as ExcelJS.CellFormulaValue;
    });

    expect(await readTables({ name: 'register.xlsx', bytes })).toEqual([
      {
        name: "Sheet 'Register'",
        rows: [
          ['Reference', 'Action', 'Link'],
          ['1.9.2', 'Secure sign up across CCG, LPT and LA', ''],
        ],
      },
    ]);
  });
});

describe('numbers as the sheet shows them', () => {
  it.each([
    [42, undefined, '42'],
    [0.1 + 0.2, 'General', '0.3'],
    [1.1, undefined, '1.1'],
    [-3, undefined, '-3'],
    [0.756, '0%', '76%'],
    [0.756, '0.0%', '75.6%'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234.5, '0', '1235'],
    [-1234.5, '"£"#,##0.00', '-£1,234.50'],
    [1234.5, '[$£-809]#,##0', '£1,235'],
    [12, '[$-809]0', '12'],
    [3.14159, '0.0#', '3.14'],
    [7, '@', '7'],
    [-0.001, '0.00', '0.00'],
  ])('%d in %s is %s', (value, numFmt, shown) => {
    expect(formatNumber(value, numFmt)).toBe(shown);
  });
});
