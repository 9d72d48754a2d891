import { describe, expect, it } from 'vitest';
import {
  assemblePlan,
  correctMapping,
  detectMapping,
  describeImportProblem,
  importPlan,
  readTable,
  type ImportTable,
} from '../../../src/domain/import';
import { lancashireTracker } from './fixtures/lancashire-2019';
import { reviewSessions, summaryArea1, summaryArea2 } from './fixtures/leicestershire-2021';
import { revisitConclusion } from './fixtures/leicestershire-2023';
import { leicestershireTracker } from './fixtures/leicestershire-tracker';

/** The references of the Highlight Report's two summary tables, in the order it lists the actions. */
const PUBLISHED_REFERENCES = [
  ...['1.1.1', '1.1.2', '1.1.3', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.3.1', '1.3.2', '1.3.3', '1.3.4'],
  ...['1.4.1', '1.4.2', '1.4.3', '1.4.4', '1.4.5', '1.5.1', '1.6.1', '1.6.2', '1.6.3', '1.7.1', '1.8.1'],
  ...['1.9.1', '1.9.2', '1.10.1', '2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.2.1', '2.3.1', '2.3.2', '2.4.1'],
  ...['2.4.2', '2.4.3', '2.4.4', '2.4.5', '2.5.1', '2.5.2', '2.5.3', '2.5.4', '2.6.1', '2.6.2', '2.6.3'],
  ...['2.6.4', '2.7.1', '2.8.1', '2.8.2', '2.8.3', '2.9.1'],
];

describe("Leicestershire's published summary tables become its plan", () => {
  const draft = importPlan([summaryArea1, summaryArea2]);

  it('two areas of weakness, the first numbered from its references', () => {
    expect(draft.areas.map((a) => [a.number, a.title, a.numberInferred])).toEqual([
      [1, 'Absence of a Joint Commissioning Strategy', true],
      [2, 'Quality of EHC plans', false],
    ]);
  });

  it('every focus area with the number its actions give, despite the drifted focus area column', () => {
    expect(draft.focusAreas.map((f) => `${f.reference} ${f.title}`)).toEqual([
      '1.1 Joint Commissioning Strategy',
      '1.2 Identify new opportunities for joint commissioning of services across Education, Health and Care (mapping exercise)',
      '1.3 Complete and publish an updated local area Joint Strategic Needs Assessment (JSNA) for SEND',
      '1.4 Develop an information and data dashboard to quality assure services and provision including EHE, CME, NEET and YOT cohorts',
      '1.5 To develop and implement revised commissioning approaches, in partnership with children, young people, parents and carers, to ensure equity and alignment to the new strategy',
      '1.6 To establish multi-agency panel meetings to agree on: decisions to assess; issue plan and ISP placements',
      '1.7 Neurodevelopmental pathway',
      '1.8 Joint Solutions Panel',
      '1.9 To develop and secure partnership sign-up to a Joint Working Agreement',
      '1.10 Communications – IT portal',
      '2.1 Statutory assessment processes',
      '2.2 Staff have knowledge and understanding of SEND reforms',
      '2.3 SEND Quality Assurance & Learning Framework',
      '2.4 Improve health and social care contribution and timeliness to EHC plans',
      '2.5 IT system for SENA processes',
      '2.6 Deliver a reliable Annual Review process',
      '2.7 Implement step across from SENA to Inclusion Service',
      '2.8 Enhanced family support the SEND processes',
      '2.9 Communications',
    ]);
  });

  it('all 50 actions in order, each in its focus area; the one with no reference numbered next', () => {
    expect(draft.actions.map((a) => a.reference)).toEqual(PUBLISHED_REFERENCES);
    expect(
      draft.actions.every((a) => a.focusAreaReference === a.reference.split('.').slice(0, 2).join('.')),
    ).toBe(true);
    const inferred = draft.actions.filter((a) => a.referenceInferred);
    expect(inferred.map((a) => [a.reference, a.text])).toEqual([
      ['2.4.5', 'Expansion of Autism Awareness training for CFWS / social care staff'],
    ]);
    expect(inferred[0]?.problems.map((p) => p.message)).toEqual([
      'No reference: numbered 2.4.5, the next in focus area 2.4',
    ]);
  });

  it('names the column each heading came from, "column 1" for the unheaded one', () => {
    const area = draft.problems.find((p) => p.code === 'area-number-inferred');
    expect(area?.place).toEqual({ table: 'Section 2 – WSOA summary, table 1', row: 2, column: 'column 1' });
    const focus = importPlan([
      {
        name: 'T',
        rows: [
          ['Focus area', 'Ref', 'Action'],
          ['1.4', '', ''],
          ['', '1.4.1', 'Establish a partnership data monitoring group'],
        ],
      },
    ]).problems.find((p) => p.code === 'title-missing' && p.message.startsWith('Focus area'));
    expect(focus?.place).toEqual({ table: 'T', row: 2, column: 'Focus area' });
  });

  it('totals, and no errors: a person checks eleven warnings', () => {
    expect(draft.totals).toEqual({
      tables: 2,
      rows: 71,
      actions: 50,
      actionsWithErrors: 0,
      headings: 19,
      joined: 0,
      headers: 2,
      skipped: 0,
      errors: 0,
      warnings: 11,
    });
    expect(draft.problems.map((p) => p.code).sort()).toEqual([
      'area-number-inferred',
      ...Array(9).fill('focus-reference-mismatch'),
      'reference-inferred',
    ]);
  });
});

describe('numbering what the source leaves out', () => {
  const plan = (...rows: string[][]) =>
    importPlan([{ name: 'T', rows: [['Ref', 'Focus area', 'Action'], ...rows] }]);

  it('a missing reference takes the next number in its focus area that no later row has', () => {
    const draft = plan(
      ['1.1.1', '1.1 Governance', 'Agree terms of reference'],
      ['', '', 'Schedule weekly meetings'],
      ['1.1.2', '', 'Publish minutes'],
    );
    expect(draft.actions.map((a) => a.reference)).toEqual(['1.1.1', '1.1.3', '1.1.2']);
    expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('"5." is read within its focus area, or its area when there is none', () => {
    const inFocus = plan(['', '1.2 JSNA', ''], ['5.', '', 'Hold a workshop']);
    expect(inFocus.actions[0]?.reference).toBe('1.2.5');
    const inArea = importPlan([
      {
        name: 'Priority 3',
        rows: [
          ['No.', 'Action'],
          ['5.', 'Launch SEN Handbook'],
        ],
      },
    ]);
    expect(inArea.actions[0]).toMatchObject({ reference: '3.5', areaNumber: 3, focusAreaReference: null });
    expect(inArea.actions[0]?.problems.map((p) => [p.code, p.column])).toEqual([
      ['reference-relative', 'No.'],
    ]);
  });

  it('a focus area with no number takes the next in its area, with a warning', () => {
    const draft = importPlan([
      {
        name: 'T',
        rows: [
          ['Priority', 'Focus area', 'Action'],
          ['Priority 2 – Quality of EHC plans', 'Statutory assessment processes', ''],
          ['', '', 'Review of statutory assessment process'],
        ],
      },
    ]);
    expect(draft.focusAreas.map((f) => [f.reference, f.referenceInferred])).toEqual([['2.1', true]]);
    expect(draft.actions.map((a) => a.reference)).toEqual(['2.1.1']);
    expect(draft.problems.map((p) => p.code)).toEqual(['focus-reference-inferred', 'reference-inferred']);
  });

  it("an unnumbered area takes its first reference's number if free, else the next free one", () => {
    const draft = importPlan([
      {
        name: 'A',
        rows: [
          ['Area', 'Ref', 'Action'],
          ['Joint commissioning', '3.1', 'Agree the strategy'],
        ],
      },
      {
        name: 'B',
        rows: [
          ['Area', 'Ref', 'Action'],
          ['Quality of plans', '3.1', 'Audit plans'],
        ],
      },
    ]);
    expect(draft.areas.map((a) => [a.number, a.title])).toEqual([
      [3, 'Joint commissioning'],
      [4, 'Quality of plans'],
    ]);
  });

  it('actions with no area above them go in an area named after their table, with a warning', () => {
    const draft = importPlan([reviewSessions]);
    expect(draft.areas).toEqual([
      {
        number: 1,
        title: 'Appendix 1 – Schedule of progress review sessions',
        place: null,
        numberInferred: true,
      },
    ]);
    expect(draft.actions.map((a) => [a.reference, a.text, a.due.date, a.leads.length])).toEqual([
      ['1.1', 'DfE Highlight Report 1', '2021-01-15', 8],
      ['1.2', 'WSOA Group meeting', '2021-01-18', 1],
      ['1.3', 'DfE Highlight Report 2', '2021-03-18', 6],
      ['1.4', 'Priority 1 group meeting', '2021-03-23', 1],
    ]);
    expect(draft.problems[0]?.code).toBe('title-missing');
    expect(draft.totals.skipped).toBe(11);
  });

  it('a focus area named only by number is called by it, with a warning to rename it', () => {
    const draft = importPlan([
      {
        name: 'T',
        rows: [
          ['Focus area', 'Ref', 'Action'],
          ['1.4', '', ''],
          ['', '1.4.1', 'Establish a partnership data monitoring group'],
        ],
      },
    ]);
    expect(draft.focusAreas.map((f) => f.title)).toEqual(['Focus area 1.4']);
    expect(draft.problems.map((p) => p.code)).toContain('title-missing');
  });
});

describe('a reference used twice', () => {
  it('is an error on the later row, in its reference column, naming the earlier row', () => {
    const draft = importPlan([leicestershireTracker]);
    const later = draft.actions.at(-1);
    expect(later?.reference).toBe('1.2.1');
    expect(later?.problems.filter((p) => p.code === 'reference-duplicate')).toEqual([
      {
        severity: 'error',
        code: 'reference-duplicate',
        column: 'Ref',
        message: "Reference 1.2.1 is already used by the action in Sheet 'Area 1', row 8",
        place: { table: "Sheet 'Area 1'", row: 12, column: 'Ref' },
      },
    ]);
    expect(draft.actions.filter((a) => a.reference === '1.2.1')[0]?.problems).toEqual([]);
  });
});

describe('several tables in one document', () => {
  it('one per area, and a table that starts with no area carries on the one before (a page break)', () => {
    const first: ImportTable = {
      name: 'Table 1',
      rows: [
        ['Priority', 'Ref', 'Action'],
        ['Priority 1 – Joint commissioning', '1.1', 'Agree the strategy'],
      ],
    };
    const continued: ImportTable = {
      name: 'Table 2',
      rows: [
        ['Priority', 'Ref', 'Action'],
        ['', '1.2', 'Publish the strategy'],
      ],
    };
    const second: ImportTable = {
      name: 'Table 3',
      rows: [
        ['Priority', 'Ref', 'Action'],
        ['Priority 2 – Quality of EHC plans', '2.1', 'Audit plans'],
      ],
    };
    const draft = importPlan([first, continued, second]);
    expect(draft.areas.map((a) => a.number)).toEqual([1, 2]);
    expect(draft.actions.map((a) => [a.reference, a.areaNumber])).toEqual([
      ['1.1', 1],
      ['1.2', 1],
      ['2.1', 2],
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('an area heading repeated at the top of the next table keeps the focus area it was in', () => {
    const header = ['Area', 'Focus area', 'Ref', 'Action'];
    const draft = importPlan([
      {
        name: 'Page 1',
        rows: [
          header,
          ['AREA 2 – Quality of EHC plans', '2.4 Timeliness', '2.4.1', 'Regular review of EHC plans'],
        ],
      },
      {
        name: 'Page 2',
        rows: [header, ['AREA 2 – Quality of EHC plans', '', '', 'Outcomes writing training']],
      },
    ]);
    expect(draft.actions.map((a) => [a.reference, a.focusAreaReference])).toEqual([
      ['2.4.1', '2.4'],
      ['2.4.2', '2.4'],
    ]);
  });

  it('takes a corrected mapping for the table it names', () => {
    const mapping = correctMapping(detectMapping(leicestershireTracker), 'rating', null);
    const draft = importPlan([leicestershireTracker], {
      mappings: { [leicestershireTracker.name]: mapping },
    });
    expect(draft.actions.every((a) => a.rating === null)).toBe(true);
    expect(draft.problems.some((p) => p.code === 'rating-unknown')).toBe(false);
  });

  it('leaves the readings it is given as they were', () => {
    const reading = readTable(summaryArea2);
    const before = JSON.stringify(reading);
    assemblePlan([reading]);
    expect(JSON.stringify(reading)).toBe(before);
  });
});

describe("Lancashire's tracker", () => {
  const draft = importPlan([lancashireTracker]);

  it('its numbered areas, 7 and 8 run together in one cell both kept', () => {
    expect(draft.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(draft.problems.filter((p) => p.code === 'areas-run-together').map(describeImportProblem)).toEqual([
      'WSoA tracker, row 19, Area for improvement: Areas 7 and 8 are run together in one cell: both are kept, and the actions that follow are put under area 8',
    ]);
  });

  it('its actions numbered within their areas, split rows joined, values read', () => {
    expect(
      draft.actions.map((a) => [
        a.reference,
        a.leads.join(' + '),
        a.due.date,
        a.due.also?.date ?? null,
        a.rating,
      ]),
    ).toEqual([
      ['1.1', 'Accountable officers', '2018-03-31', null, 'blue'],
      ['1.2', 'SEND Partnership Board + Operational Group', null, null, 'green'],
      ['1.3', 'Director of Education and Skills', '2019-08-31', null, 'blue'],
      ['2.1', 'SEND Partnership Board', '2019-09-30', null, 'blue'],
      ['2.2', 'Data analyst for SEND', null, null, 'green'],
      ['3.1', 'Clinical commissioning unit', '2019-12-31', null, 'amber'],
      ['3.2', 'Clinical commissioning unit', '2020-03-31', '2020-07-31', 'amber'],
      ['4.1', 'Chair of the Parent Carer Forum, Lancashire SEND Partnership', '2019-10-01', null, 'green'],
      ['5.1', 'Designated Clinical Officers', '2019-10-31', null, 'green'],
      ['5.2', 'Designated Clinical Officers', null, null, 'red'],
      ['6.1', 'SEND Auditor + Health provider champions', '2019-03-31', null, 'purple'],
      ['8.1', 'Director of Education and Skills', '2019-08-31', null, 'green'],
    ]);
    expect(draft.actions[1]?.text).toBe(
      'o The Board monitors progress on the plan and considers all aspects improvement.\no An Operational Group drives progress and reports to the Partnership Board.',
    );
  });

  it('totals: nothing silently lost', () => {
    expect(draft.totals).toMatchObject({
      rows: 19,
      actions: 12,
      headings: 0,
      joined: 2,
      headers: 2,
      skipped: 3,
      errors: 0,
    });
    expect(
      draft.totals.actions +
        draft.totals.headings +
        draft.totals.joined +
        draft.totals.headers +
        draft.totals.skipped,
    ).toBe(draft.totals.rows);
  });
});

describe("Leicestershire's register with its mistakes", () => {
  const draft = importPlan([leicestershireTracker]);

  it('reads the ratings as the key writes them and the people with their titles', () => {
    expect(draft.actions.map((a) => [a.reference, a.rating, a.impact, a.sustained])).toEqual([
      ['1.1.1', 'blue', 'green', 'green'],
      ['1.1.2', 'green', 'amber', 'amber'],
      ['1.1.5', 'amber', 'purple', null],
      ['1.2.1', 'red', null, null],
      ['1.2.2', 'purple', null, null],
      ['1.2.1', null, null, null],
    ]);
    expect(draft.actions[0]?.leads).toEqual(['Jane Moore, Director of Children and Family Services']);
    expect(draft.actions[4]?.leads).toEqual(['T Common (LCC)', 'C Davis (LCC)']);
  });

  it('names each error by row and column, as written', () => {
    expect(draft.problems.filter((p) => p.severity === 'error').map(describeImportProblem)).toEqual([
      `Sheet 'Area 1', row 12, Timescale: "31/02/2021" is not a real date (dates are read day first, as 31/12/2019)`,
      `Sheet 'Area 1', row 12, Current (BRAG(P)): "Red/Amber" is not a rating on this plan's scale, BRAG(P): use Yet to start (P), Little or no progress (R), Minor delays (A), Good progress (G) or Completed (B)`,
      "Sheet 'Area 1', row 12, Ref: Reference 1.2.1 is already used by the action in Sheet 'Area 1', row 8",
    ]);
    expect(draft.totals.actionsWithErrors).toBe(1);
  });
});

describe('the revisit letter, a table of findings with no actions', () => {
  it('gives the two areas of weakness verbatim, and says why nothing else was taken', () => {
    const draft = importPlan([revisitConclusion]);
    expect(draft.areas.map((a) => a.number)).toEqual([1, 2]);
    expect(draft.areas[1]?.title).toMatch(
      /^Systemic weaknesses in the quality of EHC plans.*existing plans\.$/,
    );
    expect(draft.actions).toEqual([]);
    expect(draft.problems.map((p) => p.code)).toEqual([
      'no-action-column',
      'values-without-action',
      'area-number-inferred',
      'values-without-action',
      'too-long',
      'area-number-inferred',
    ]);
    expect(draft.problems.find((p) => p.code === 'too-long')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining("a priority's title holds at most 255"),
    });
  });
});
