import { describe, expect, it } from 'vitest';
import {
  columnMappingSchema,
  correctMapping,
  detectMapping,
  headingScore,
  IMPORT_FIELDS,
  isRepeatedHeader,
  readTable,
  rememberMapping,
  savedMappingSchema,
  type ImportField,
  type ImportTable,
} from '../../../src/domain/import';
import { lancashireTracker } from './fixtures/lancashire-2019';
import { summaryArea1 } from './fixtures/leicestershire-2021';
import { leicestershireTracker } from './fixtures/leicestershire-tracker';

const fieldOf = (heading: string): ImportField | null => {
  const table: ImportTable = { name: 't', rows: [[heading, 'Action', 'Lead']] };
  const mapping = detectMapping(table);
  return IMPORT_FIELDS.find((f) => mapping.fields[f] === 0) ?? null;
};

describe('a heading maps to its field, whatever the case and punctuation', () => {
  it.each<[string, ImportField]>([
    ['Area of weakness', 'area'],
    ['Improvement area', 'area'],
    ['PRIORITY', 'area'],
    ['Area for improvement', 'area'],
    ['Area of significant weakness', 'area'],
    ['Focus area', 'focusArea'],
    ['Ref', 'reference'],
    ['Reference', 'reference'],
    ['No.', 'reference'],
    ['Success measure(s)', 'successMeasures'],
    ['Success Criteria', 'successMeasures'],
    ['How will we know?', 'successMeasures'],
    ['Responsible', 'lead'],
    ['Owner', 'lead'],
    ['Governance', 'governance'],
    ['Forum', 'governance'],
    ['Reporting to', 'governance'],
    ['Timescale', 'due'],
    ['Due date', 'due'],
    ['Deadline', 'due'],
    ['By when?', 'due'],
    ['Milestone', 'due'],
    ['Target date', 'due'],
    ['RAG', 'rating'],
    ['Status', 'rating'],
    ['Progress rating', 'rating'],
    ['Completed', 'rating'],
    ['Progress (BRAG(P))', 'rating'],
    ['Impact', 'impact'],
    ['Impact (RAG(P))', 'impact'],
    ['Sustained', 'sustained'],
    ['Sustained (RAG)', 'sustained'],
    ['Progress update', 'progress'],
    ['Update', 'progress'],
    ['Commentary', 'progress'],
    ['Evidence', 'progress'],
  ])('%j -> %s', (heading, field) => {
    expect(fieldOf(heading)).toBe(field);
  });

  it.each<[string, ImportField]>([
    ['Action(s)', 'action'],
    ['What we will do', 'action'],
    ['Lead officer', 'lead'],
  ])('%j names %s', (heading, field) => {
    expect(headingScore(heading, field)).toBeGreaterThan(0);
    const others = IMPORT_FIELDS.filter((f) => f !== field).map((f) => headingScore(heading, f));
    expect(Math.max(...others)).toBeLessThan(headingScore(heading, field));
  });

  it('does not read a sentence in a data row as a heading', () => {
    expect(
      headingScore(
        'Review Terms of Reference for the Joint Solutions Panel and agree them at the board in the spring',
        'reference',
      ),
    ).toBe(0);
    expect(headingScore('x'.repeat(10_000), 'action')).toBe(0);
  });
});

describe('the header row', () => {
  it('is the row naming the most fields, under title rows', () => {
    const mapping = detectMapping(lancashireTracker);
    expect(mapping.headerRow).toBe(3);
    expect(mapping.fields).toEqual({ reference: 0, area: 1, action: 2, lead: 3, due: 4, rating: 5 });
    expect(mapping.unmapped).toEqual([]);
  });

  it('maps every column of a register with its scale in the headings', () => {
    expect(detectMapping(leicestershireTracker).fields).toEqual({
      reference: 0,
      action: 1,
      successMeasures: 2,
      lead: 3,
      governance: 4,
      due: 5,
      rating: 6,
      impact: 7,
      sustained: 8,
      progress: 9,
    });
  });

  it("reads Leicestershire's unheaded first column as the area, and says it guessed", () => {
    const mapping = detectMapping(summaryArea1);
    expect(mapping.headerRow).toBe(1);
    expect(mapping.fields).toEqual({
      area: 0,
      focusArea: 1,
      action: 2,
      reference: 3,
      rating: 4,
      impact: 5,
      sustained: 6,
    });
    expect(mapping.guessed).toEqual(['area']);
  });

  it('lists headed columns that map to nothing', () => {
    const mapping = detectMapping({ name: 't', rows: [['Ref', 'Action', 'Cost centre', 'Lead']] });
    expect(mapping.unmapped).toEqual([2]);
  });

  it('gives one field one column: the better heading wins, the other is unmapped', () => {
    const mapping = detectMapping({
      name: 't',
      rows: [['Action', 'Lead', 'Lead officer', 'Date', 'Due date']],
    });
    expect(mapping.fields.lead).toBe(1);
    expect(mapping.fields.due).toBe(3);
    expect(mapping.unmapped).toEqual([2, 4]);
  });

  it('is not found when no row names two fields', () => {
    const mapping = detectMapping({ name: 't', rows: [['Joint commissioning'], ['Dec 2019', 'Jane Moore']] });
    expect(mapping.headerRow).toBeNull();
    expect(mapping.fields).toEqual({});
    const reading = readTable({ name: 't', rows: [['Joint commissioning'], ['Dec 2019', 'Jane Moore']] });
    expect(reading.problems.map((p) => p.code)).toEqual(['no-header']);
  });

  it('recognises the header repeated on a later page, and nothing else', () => {
    const mapping = detectMapping(lancashireTracker);
    expect(
      isRepeatedHeader(
        ['No.', 'Area for improvement', 'What we will do', 'Responsible', 'By when', 'RAG'],
        mapping,
      ),
    ).toBe(true);
    expect(
      isRepeatedHeader(
        ['NO', 'area for improvement', 'What we will do:', 'responsible', 'By when?', 'rag'],
        mapping,
      ),
    ).toBe(true);
    expect(isRepeatedHeader(['1.', '', 'What we will do', 'Responsible', 'By when', 'RAG'], mapping)).toBe(
      false,
    );
    const reading = readTable(lancashireTracker);
    expect(
      reading.rows
        .filter((r) => r.kind === 'header')
        .map((r) => [r.place.row, r.kind === 'header' && r.repeated]),
    ).toEqual([
      [3, false],
      [11, true],
    ]);
  });
});

describe('a person corrects the mapping', () => {
  const detected = detectMapping(leicestershireTracker);

  it('moves a field to another column, unmapping what that column held', () => {
    const corrected = correctMapping(detected, 'progress', 2);
    expect(corrected.fields.progress).toBe(2);
    expect(corrected.fields.successMeasures).toBeUndefined();
    expect(corrected.unmapped).toEqual([9]);
  });

  it('unmaps a field with null, and the column is listed as unmapped', () => {
    const corrected = correctMapping(detected, 'impact', null);
    expect(corrected.fields.impact).toBeUndefined();
    expect(corrected.unmapped).toEqual([7]);
  });

  it('is applied to the rows: the corrected column is read', () => {
    const corrected = correctMapping(correctMapping(detected, 'progress', null), 'lead', 9);
    const reading = readTable(leicestershireTracker, { mapping: corrected });
    const first = reading.rows.find((r) => r.kind === 'action');
    expect(first?.kind === 'action' && first.action.leads).toEqual([
      'Milestone completion dates will be included in the WSOA as the plan is monitored.',
    ]);
  });

  it('clears the guess once the person has chosen', () => {
    const guessed = detectMapping(summaryArea1);
    expect(correctMapping(guessed, 'area', 0).guessed).toEqual([]);
  });

  it('is a plain object that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(detected))).toEqual(detected);
  });

  it('is checked when it comes back from the screen or the plan: one field per column, known fields only', () => {
    expect(columnMappingSchema.parse(JSON.parse(JSON.stringify(detected)))).toEqual(detected);
    expect(columnMappingSchema.safeParse({ ...detected, fields: { action: 1, lead: 1 } }).success).toBe(
      false,
    );
    expect(columnMappingSchema.safeParse({ ...detected, fields: { owner: 1 } }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ ...detected, fields: { action: -1 } }).success).toBe(false);
    expect(savedMappingSchema.parse(rememberMapping(detected))).toEqual(rememberMapping(detected));
    expect(savedMappingSchema.safeParse({ ref: 'nonsense' }).success).toBe(false);
  });

  it('refuses a column that is not one', () => {
    expect(() => correctMapping(detected, 'lead', -1)).toThrow(/not a column/);
  });

  it('is remembered by heading, so the next file with those headings maps the same way', () => {
    const corrected = correctMapping(detected, 'governance', null);
    const saved = rememberMapping(corrected);
    expect(saved['governance forum']).toBeNull();
    const again = detectMapping(leicestershireTracker, saved);
    expect(again.fields.governance).toBeUndefined();
    expect(again.fields).toEqual(corrected.fields);
  });
});
