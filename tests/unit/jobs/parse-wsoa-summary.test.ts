import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWeaknessFindings, parseWsoaSummary } from '../../../src/jobs/demo/parse-wsoa-summary';

const seeds = (name: string) =>
  readFileSync(new URL(`../../../src/jobs/demo/documents/${name}`, import.meta.url), 'utf8');

describe('reading the Leicestershire WSoA highlight report', () => {
  const areas = parseWsoaSummary(seeds('leicestershire-wsoa-highlight-report-2021.txt'));

  it('finds both areas with every focus area in order', () => {
    expect(areas.map((a) => [a.number, a.heading])).toEqual([
      [1, 'Absence of a Joint Commissioning Strategy'],
      [2, 'Quality of EHC plans'],
    ]);
    expect(areas[0]?.focusAreas.map((f) => f.reference)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '1.9',
      '1.10',
    ]);
    expect(areas[1]?.focusAreas.map((f) => f.reference)).toEqual([
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '2.7',
      '2.8',
      '2.9',
    ]);
  });

  it('titles focus areas from the row before their first action, despite the drifted column', () => {
    const titles = new Map(areas.flatMap((a) => a.focusAreas.map((f) => [f.reference, f.title])));
    expect(titles.get('1.1')).toBe('Joint Commissioning Strategy');
    expect(titles.get('1.10')).toBe('Communications – IT portal');
    expect(titles.get('2.5')).toBe('IT system for SENA processes');
  });

  it('keeps every action with its reference, and numbers the one the table left blank', () => {
    const actions = areas.flatMap((a) => a.focusAreas.flatMap((f) => f.actions));
    expect(actions).toHaveLength(50);
    expect(actions.find((a) => a.reference === '1.10.1')?.text).toBe('IT portal');
    expect(actions.find((a) => a.reference === '2.4.5')).toEqual({
      reference: '2.4.5',
      text: 'Expansion of Autism Awareness training for CFWS / social care staff',
      referenceInferred: true,
    });
    expect(actions.filter((a) => a.referenceInferred)).toHaveLength(1);
  });

  it('says so when a document holds no summary table', () => {
    expect(() => parseWsoaSummary('# Minutes\n\nNo tables here.')).toThrow(/No WSOA summary table/);
  });
});

describe('reading the findings of the revisit report', () => {
  it('quotes both areas of significant weakness verbatim', () => {
    const findings = parseWeaknessFindings(seeds('leicestershire-send-revisit-2023.txt'));
    expect(findings).toHaveLength(2);
    expect(findings[0]).toBe(
      'The absence of a clearly defined Joint Commissioning Strategy for 0–25 SEND provision.',
    );
    expect(findings[1]).toMatch(
      /^Systemic weaknesses in the quality of Education, Health and Care \(EHC\) plans/,
    );
  });
});
