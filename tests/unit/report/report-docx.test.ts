import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makePlan,
  makePriority,
  makeRisk,
  type Action,
  type Priority,
} from '../../../src/domain';
import { freezeSnapshot } from '../../../src/domain/snapshot';
import { renderReportDocx } from '../../../src/plan/report/report-docx';
import { buildReportModel } from '../../../src/plan/report/report-model';
import { readDocx, sectionOf, tablesIn, textsIn, underHeading2, type DocBlock } from './docx-reader';

const plan = makePlan({
  id: 'plan',
  title: 'Rutland WSoA',
  localArea: 'Rutland',
  governanceBoard: 'SEND Board',
});

function render(priorities: Priority[], actions: Action[]) {
  const snapshot = freezeSnapshot({
    cycleId: 'c1',
    planId: 'plan',
    scaleId: 'bragp',
    takenAt: '2026-12-03T10:00:00Z',
    takenBy: 'Priya Shah',
    asOf: '2026-12-03',
    priorities,
    actions,
    milestones: [],
    measures: [],
    readings: [],
    risks: [makeRisk({ id: 'r1', planId: 'plan', title: 'Funding ends', consequence: 5, likelihood: 3 })],
  });
  const model = buildReportModel({
    plan,
    cycle: { title: 'Quarterly board, 12 Jan 2027', kind: 'quarterly', meetingDate: '2027-01-12' },
    snapshot,
    previous: null,
  });
  return renderReportDocx(model);
}

const ip1 = makePriority({
  id: 'ip1',
  planId: 'plan',
  number: 1,
  label: 'IP1',
  title: 'Joint commissioning',
  headline: 'Strategy\u0001 agreed\nJSNA\uFFFE published',
});
const ip2 = makePriority({ id: 'ip2', planId: 'plan', number: 2, label: 'IP2', title: 'EHC plans' });
const actions = [
  makeAction({
    id: 'a1',
    planId: 'plan',
    priorityId: 'ip1',
    reference: '1.1',
    text: 'Agree',
    status: 'green',
  }),
  makeAction({
    id: 'a2',
    planId: 'plan',
    priorityId: 'ip1',
    reference: '1.2',
    text: 'Publish',
    status: 'grey',
  }),
];

const headings1 = (blocks: DocBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph' && b.style === 'Heading1' ? [[b.text, b.pageBreakBefore]] : [],
  );

describe('the report pack as a Word document', () => {
  it('has the title block and summary, then each priority and the plan’s own figures on a new page', async () => {
    const blocks = await readDocx(await render([ip1, ip2], actions));
    expect(blocks[0]).toMatchObject({ style: 'Title', text: 'Rutland WSoA' });
    expect(textsIn(blocks.slice(1, 7))).toEqual([
      'Rutland',
      'Report to the SEND Board',
      'Quarterly board, 12 Jan 2027',
      'Snapshot taken 3 Dec 2026 by Priya Shah',
      "No earlier snapshot to compare with: this is the plan's first snapshot",
      'Ratings are on the BRAG(P) scale; actions and milestones are overdue as at 3 Dec 2026.',
    ]);
    expect(headings1(blocks)).toEqual([
      ['Summary', false],
      ['IP1: Joint commissioning', true],
      ['IP2: EHC plans', true],
      ['Across the plan', true],
    ]);
    expect(tablesIn(blocks).every((t) => t.headerRepeats)).toBe(true);
  });

  it('drops characters a Word file cannot hold, and keeps each line written as a paragraph', async () => {
    const blocks = await readDocx(await render([ip1, ip2], actions));
    const [summary] = tablesIn(sectionOf(blocks, 'Summary'));
    expect(summary?.rows[1]?.[1]).toBe('Strategy agreed\nJSNA published');
    const section = sectionOf(blocks, 'IP1: Joint commissioning');
    expect(textsIn(underHeading2(section, 'Improvement headline'))).toEqual([
      'Strategy agreed',
      'JSNA published',
    ]);
  });

  it('counts ratings in words in a table, naming actions whose rating is not on the scale', async () => {
    const blocks = await readDocx(await render([ip1, ip2], actions));
    const ratings = underHeading2(sectionOf(blocks, 'IP1: Joint commissioning'), 'Actions by rating');
    expect(tablesIn(ratings)[0]?.rows).toEqual([
      ['Rating', 'Actions now'],
      ['Yet to start', '0'],
      ['Little or no progress', '0'],
      ['Minor delays', '0'],
      ['Good progress', '1'],
      ['Completed', '0'],
      ['Not on the scale', '1'],
      ['All actions', '2'],
    ]);
    expect(textsIn(ratings)).toEqual(['Direction of travel: No earlier snapshot to compare with']);
    const across = sectionOf(blocks, 'Across the plan');
    expect(tablesIn(underHeading2(across, 'Top 5 risks'))[0]?.rows[1]).toEqual([
      'Whole plan',
      'Funding ends',
      '15 (5 × 3)',
      'Extreme',
      '→ Steady',
      'No owner named',
      'None recorded',
    ]);
  });

  it('is A4 portrait in English (UK), with headings Word’s navigation pane lists', async () => {
    const zip = await JSZip.loadAsync(await render([ip1], actions));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(styles).toMatch(/<w:lang w:val="en-GB"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="1"\/>/);
  });
});
