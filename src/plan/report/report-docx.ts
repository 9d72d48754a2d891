import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import {
  A4,
  heading1,
  heading2,
  narrative,
  oneLine,
  paragraphs,
  plain,
  table,
  title,
  type Cell,
} from './docx-parts';
import type { MeasureLine, RiskLine } from './report-lines';
import {
  NOT_WRITTEN,
  TOP_RISKS,
  type ActionCounts,
  type PriorityReport,
  type RatingCountLine,
  type ReportModel,
} from './report-model';

/**
 * The report pack as a Word document in the shape of a committee paper: a title
 * block and the summary table, then one section per priority on a new page, then
 * the plan's own measures and risks. Headings use Word's Heading 1 and 2 styles
 * (the navigation pane lists them); every rating and direction is written in words.
 */
export async function renderReportDocx(model: ReportModel): Promise<Uint8Array> {
  const document = new Document({
    title: oneLine(`Report pack - ${model.cycleTitle}`),
    subject: oneLine(`${model.planTitle}: ${model.reportTo}`),
    creator: 'WSoA tracker',
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
          },
        },
        footers: { default: footer(model) },
        children: [
          ...titleBlock(model),
          ...summary(model),
          ...model.priorities.flatMap(prioritySection),
          ...acrossThePlan(model),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

const FONT = 'Arial';
const STYLES = {
  default: {
    document: {
      run: { font: FONT, size: 22, language: { value: 'en-GB' } },
      paragraph: { spacing: { after: 120 } },
    },
    title: { run: { font: FONT, size: 44, bold: true }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: '1F3864' },
      paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 240, after: 120 } },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: '1F3864' },
      paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 240, after: 80 } },
    },
  },
};

function footer(model: ReportModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${model.planTitle} – ${model.cycleTitle} – Page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

function titleBlock(model: ReportModel): FileChild[] {
  return [
    title(model.planTitle),
    plain(model.localArea, { bold: true }),
    plain(model.reportTo, { bold: true }),
    plain(model.cycleLine, { bold: true }),
    plain(model.snapshotLine),
    plain(model.comparedWith),
    plain(
      `Ratings are on the ${model.scaleName} scale; actions and milestones are overdue as at ${model.asOf}.`,
    ),
  ];
}

function summary(model: ReportModel): FileChild[] {
  return [
    heading1('Summary'),
    table(
      ['Priority', 'Improvement headline', 'Actions by rating', 'Direction of travel'],
      model.summary.map((line) => [
        [plain(line.label, { bold: true }), ...paragraphs(line.title)],
        narrative(line.headline),
        [
          ...countLines(line.counts).map((c) => plain(`${c.label}: ${c.count}`)),
          plain(`Overdue actions: ${line.overdueActions}`),
        ],
        paragraphs(line.travel.text),
      ]),
      [2.2, 3.6, 2.2, 2],
    ),
  ];
}

/** The ratings of the scale, then the actions off it (only when there are some), then the total. */
function countLines(counts: ActionCounts): RatingCountLine[] {
  const offScale = counts.unrated.count > 0 || (counts.unrated.before ?? 0) > 0 ? [counts.unrated] : [];
  return [...counts.byRating, ...offScale, counts.total];
}

function prioritySection(p: PriorityReport): FileChild[] {
  const concern: Paragraph[] = p.inspectionConcern.written
    ? paragraphs(`“${p.inspectionConcern.text}”`, { italics: true })
    : narrative(p.inspectionConcern);
  return [
    heading1(p.heading, { newPage: true }),
    heading2('Inspection concern'),
    ...concern,
    heading2('Improvement headline'),
    ...narrative(p.headline),
    heading2('Impact on children and families (so what?)'),
    ...narrative(p.impact),
    heading2('Achieved this period'),
    ...narrative(p.achieved),
    heading2('External support'),
    ...narrative(p.externalSupport),
    heading2('Barriers and concerns'),
    p.barriers.length
      ? table(
          ['Barrier or concern', 'Mitigation or change control'],
          p.barriers.map((b) => [b.concern, b.response]),
          [1, 1],
        )
      : plain(NOT_WRITTEN, { italics: true }),
    heading2('Actions by rating'),
    ratingTable(p.counts),
    plain(`Direction of travel: ${p.travel.text}`, { bold: true }),
    ...(p.travel.direction === null ? [] : [plain(p.travel.detail)]),
    heading2('Overdue actions and milestones'),
    plain(`Overdue actions: ${p.overdueActions.length}. Overdue milestones: ${p.overdueMilestones}.`),
    ...(p.overdueActions.length
      ? [
          table(
            ['Reference', 'Action', 'Rating', 'Due'],
            p.overdueActions.map((a) => [a.reference, a.text, a.rating, a.due]),
            [1.1, 4.6, 1.7, 1.4],
          ),
        ]
      : []),
    heading2('Measures'),
    measuresTable(p.measures, 'No measures are tracked for this priority.'),
    heading2('Risks'),
    risksTable(p.risks, 'No open risks are recorded for this priority.'),
    ...closedNote(p.closedRisks),
    heading2('Next steps'),
    ...narrative(p.nextSteps),
  ];
}

function ratingTable(counts: ActionCounts): FileChild {
  const compared = counts.total.before !== null;
  return table(
    compared ? ['Rating', 'Actions now', 'At the last snapshot', 'Change'] : ['Rating', 'Actions now'],
    countLines(counts).map((c): Cell[] => {
      const bold = c === counts.total;
      const now = { text: String(c.count), bold };
      if (!compared) return [{ text: c.label, bold }, now];
      return [{ text: c.label, bold }, now, { text: String(c.before ?? 0), bold }, { text: change(c), bold }];
    }),
    compared ? [3, 1.6, 2, 1.6] : [3, 1.6],
  );
}

/** "2 more", "1 fewer", "No change". */
function change(c: RatingCountLine): string {
  const delta = c.count - (c.before ?? 0);
  if (delta === 0) return 'No change';
  return delta > 0 ? `${delta} more` : `${-delta} fewer`;
}

function measuresTable(measures: readonly MeasureLine[], none: string): FileChild {
  if (measures.length === 0) return plain(none);
  return table(
    ['Measure', 'Baseline', 'Target', 'Latest reading', 'Against trajectory', 'Since the last snapshot'],
    measures.map((m) => [
      m.title,
      m.baseline,
      m.target,
      m.latestDate === null ? m.latest : `${m.latest} on ${m.latestDate}`,
      m.statusText,
      m.directionText,
    ]),
    [2.6, 1.5, 1.5, 1.5, 1.4, 1.6],
  );
}

function risksTable(risks: readonly RiskLine[], none: string, withPriority = false): FileChild {
  if (risks.length === 0) return plain(none);
  const headers = ['Risk', 'Score (consequence × likelihood)', 'Band', 'Trend', 'Owner', 'Mitigation'];
  const widths = [2.6, 1.3, 1.1, 1.1, 1.4, 2.9];
  return table(
    withPriority ? ['Priority', ...headers] : headers,
    risks.map((r) => {
      const cells = [r.title, r.scoreText, r.bandText, r.trendText, r.owner, r.mitigation];
      return withPriority ? [r.priority, ...cells] : cells;
    }),
    withPriority ? [1.1, ...widths] : widths,
  );
}

function closedNote(closed: number): Paragraph[] {
  if (closed === 0) return [];
  return [plain(`${closed} closed ${closed === 1 ? 'risk is' : 'risks are'} not shown.`, { italics: true })];
}

function acrossThePlan(model: ReportModel): FileChild[] {
  return [
    heading1('Across the plan', { newPage: true }),
    heading2('Measures across the plan'),
    measuresTable(model.planMeasures, 'No measures are tracked for the plan as a whole.'),
    heading2('Risks across the plan'),
    risksTable(model.planRisks, 'No open risks are recorded for the plan as a whole.'),
    ...closedNote(model.closedPlanRisks),
    heading2(`Top ${TOP_RISKS} risks`),
    risksTable(model.topRisks, 'No open risks are recorded.', true),
  ];
}
