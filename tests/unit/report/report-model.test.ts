import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeMeasure,
  makeMeasureReading,
  makeMilestone,
  makePlan,
  makePriority,
  makeRisk,
  type Action,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Priority,
  type Risk,
} from '../../../src/domain';
import { freezeSnapshot, type Snapshot } from '../../../src/domain/snapshot';
import { formatValue } from '../../../src/domain/measures';
import { buildReportModel, NOT_WRITTEN, type ReportInput } from '../../../src/plan/report/report-model';

const plan = makePlan({
  id: 'plan',
  title: 'Leicestershire WSoA',
  localArea: 'Leicestershire',
  governanceBoard: 'The SEND and Inclusion Board',
});
const cycle = { title: '6-weekly board, 12 Jan 2027', kind: '6-weekly', meetingDate: '2027-01-12' } as const;

const ip1 = makePriority({
  id: 'ip1',
  planId: 'plan',
  number: 1,
  label: 'IP1',
  title: 'Joint commissioning',
  inspectionConcern: 'The absence of a joint commissioning strategy.',
  headline: 'Strategy agreed by all partners',
  impact: 'Families see one offer',
  achieved: 'JSNA published',
  externalSupport: 'DfE adviser visits',
  barriers: [{ concern: 'Partners slow to sign', response: 'Escalated to chief officers' }],
  nextSteps: 'Sign the agreement',
});
/** Nothing written yet. */
const ip2 = makePriority({
  id: 'ip2',
  planId: 'plan',
  number: 2,
  label: 'IP2',
  title: 'Quality of EHC plans',
});

function action(id: string, priorityId: string, status: string, dueDate: string | null = null): Action {
  return makeAction({
    id,
    planId: 'plan',
    priorityId,
    reference: id.replace('a', '1.'),
    text: `Action ${id}`,
    status,
    dueDate,
  });
}

interface State {
  priorities?: Priority[];
  actions: Action[];
  milestones?: Milestone[];
  measures?: Measure[];
  readings?: MeasureReading[];
  risks?: Risk[];
}

function snapshot(state: State, at: { takenAt: string; asOf: string; cycleId: string }): Snapshot {
  return freezeSnapshot({
    ...at,
    planId: 'plan',
    scaleId: 'bragp',
    takenBy: 'Priya Shah',
    priorities: state.priorities ?? [ip1, ip2],
    actions: state.actions,
    milestones: state.milestones ?? [],
    measures: state.measures ?? [],
    readings: state.readings ?? [],
    risks: state.risks ?? [],
  });
}

const NOVEMBER = { takenAt: '2026-11-20T10:00:00Z', asOf: '2026-11-20', cycleId: 'c1' };
const DECEMBER = { takenAt: '2026-12-03T11:30:00Z', asOf: '2026-12-03', cycleId: 'c2' };

function build(overrides: Partial<ReportInput> = {}) {
  return buildReportModel({
    plan,
    cycle,
    snapshot: snapshot({ actions: [] }, DECEMBER),
    previous: null,
    ...overrides,
  });
}

const counts = (lines: { label: string; count: number; before: number | null }[]) =>
  Object.fromEntries(lines.map((l) => [l.label, [l.count, l.before]]));

describe('the report model: title block', () => {
  it('names the plan, the area, the board, the cycle and who took the snapshot when, in London dates', () => {
    const model = build({
      snapshot: snapshot({ actions: [] }, { ...DECEMBER, takenAt: '2026-06-30T23:30:00Z' }),
    });
    expect(model).toMatchObject({
      planTitle: 'Leicestershire WSoA',
      localArea: 'Leicestershire',
      reportTo: 'Report to the SEND and Inclusion Board',
      cycleTitle: '6-weekly board, 12 Jan 2027',
      cycleLine: '6-weekly board, 12 Jan 2027',
      // 23:30 UTC on 30 June is 00:30 on 1 July in London.
      snapshotLine: 'Snapshot taken 1 Jul 2026 by Priya Shah',
      asOf: '3 Dec 2026',
      scaleName: 'BRAG(P)',
    });
  });

  it('says the first snapshot has nothing to compare with, and later ones what they compare with', () => {
    expect(build().comparedWith).toBe(
      "No earlier snapshot to compare with: this is the plan's first snapshot",
    );
    const later = build({ previous: snapshot({ actions: [] }, NOVEMBER) });
    expect(later.comparedWith).toBe('Direction of travel is measured against the snapshot taken 20 Nov 2026');
  });

  it('reports to the improvement board when the plan names none, dates a cycle its title does not, and leaves out an unnamed taker', () => {
    const model = build({
      plan: { ...plan, governanceBoard: '' },
      snapshot: { ...snapshot({ actions: [] }, DECEMBER), takenBy: '' },
    });
    expect(model.reportTo).toBe('Report to the improvement board');
    const named = build({ cycle: { ...cycle, title: 'January board' } });
    expect(named.cycleLine).toBe('January board (6-weekly board, 12 Jan 2027)');
    expect(model.snapshotLine).toBe('Snapshot taken 3 Dec 2026');
  });
});

describe('the report model: priorities', () => {
  const before = snapshot(
    {
      actions: [
        action('a1', 'ip1', 'red'),
        action('a2', 'ip1', 'green'),
        action('a3', 'ip1', 'amber'),
        action('a6', 'ip1', 'red'),
        action('a4', 'ip2', 'purple'),
      ],
    },
    NOVEMBER,
  );
  const now = snapshot(
    {
      actions: [
        action('a1', 'ip1', 'green'), // up two
        action('a2', 'ip1', 'amber'), // down one
        action('a3', 'ip1', 'green'), // up one
        action('a6', 'ip1', 'red'), // held
        action('a5', 'ip1', 'purple'), // new
        action('a4', 'ip2', 'red'), // up one
      ],
    },
    DECEMBER,
  );

  it('gives the summary one line per priority, in order, with its headline, counts and direction', () => {
    const model = build({ snapshot: now, previous: before });
    expect(model.summary.map((s) => [s.label, s.title, s.headline.text, s.travel.text])).toEqual([
      ['IP1', 'Joint commissioning', 'Strategy agreed by all partners', '↑ Improved (2 up, 1 down)'],
      ['IP2', 'Quality of EHC plans', NOT_WRITTEN, '↑ Improved (1 up, 0 down)'],
    ]);
    expect(counts(model.summary[0]?.counts.byRating ?? [])).toEqual({
      'Yet to start': [1, 0],
      'Little or no progress': [1, 2],
      'Minor delays': [1, 1],
      'Good progress': [2, 1],
      Completed: [0, 0],
    });
    expect(model.summary[0]?.counts.total).toMatchObject({ count: 5, before: 4 });
  });

  it('counts how many actions went up, down, held and were added since the previous snapshot', () => {
    const [first] = build({ snapshot: now, previous: before }).priorities;
    expect(first?.travel).toMatchObject({
      direction: 'improved',
      up: 2,
      down: 1,
      held: 1,
      added: 1,
      detail: '2 up, 1 down, 1 unchanged, 1 new since the last snapshot',
    });
  });

  it('reads a fall as worse, and compares an action moved from another priority with its old rating', () => {
    const moved = snapshot(
      { actions: [action('a1', 'ip1', 'purple'), action('a2', 'ip1', 'red'), action('a4', 'ip1', 'red')] },
      DECEMBER,
    );
    const [first] = build({ snapshot: moved, previous: before }).priorities;
    expect(first?.travel).toMatchObject({
      direction: 'worse',
      up: 1,
      down: 2,
      added: 0,
      text: '↓ Worse (1 up, 2 down)',
    });
  });

  it('calls a priority that was not in the previous snapshot new, and leaves its earlier counts empty', () => {
    const withoutIp2 = snapshot({ priorities: [ip1], actions: [action('a1', 'ip1', 'red')] }, NOVEMBER);
    const [, second] = build({ snapshot: now, previous: withoutIp2 }).priorities;
    expect(second?.travel).toMatchObject({ direction: 'new', added: 1, text: '• New since the last cycle' });
    expect(second?.counts.total.before).toBeNull();
  });

  it('has no direction on the first snapshot', () => {
    const [first] = build({ snapshot: now }).priorities;
    expect(first?.travel).toMatchObject({ direction: null, text: 'No earlier snapshot to compare with' });
    expect(first?.counts.byRating.every((r) => r.before === null)).toBe(true);
  });

  it('writes the narrative as written, and "Not yet written for this cycle" where nothing is', () => {
    const [first, second] = build({ snapshot: now }).priorities;
    expect(first).toMatchObject({
      heading: 'IP1: Joint commissioning',
      inspectionConcern: { text: 'The absence of a joint commissioning strategy.', written: true },
      impact: { text: 'Families see one offer', written: true },
      achieved: { text: 'JSNA published', written: true },
      externalSupport: { text: 'DfE adviser visits', written: true },
      barriers: [{ concern: 'Partners slow to sign', response: 'Escalated to chief officers' }],
      nextSteps: { text: 'Sign the agreement', written: true },
    });
    const missing = { text: NOT_WRITTEN, written: false };
    expect(second).toMatchObject({
      inspectionConcern: missing,
      headline: missing,
      impact: missing,
      achieved: missing,
      externalSupport: missing,
      nextSteps: missing,
      barriers: [],
    });
  });

  it('lists the actions overdue on the snapshot day, not completed ones, and counts the overdue milestones', () => {
    const milestones = [
      makeMilestone({
        id: 'm1',
        planId: 'plan',
        priorityId: 'ip1',
        actionId: 'a1',
        title: 'Draft',
        dueDate: '2026-11-01',
      }),
      makeMilestone({
        id: 'm2',
        planId: 'plan',
        priorityId: 'ip1',
        actionId: 'a1',
        title: 'Sign',
        dueDate: '2026-12-20',
      }),
    ];
    const state = snapshot(
      {
        actions: [
          action('a1', 'ip1', 'amber', '2026-12-02'),
          action('a2', 'ip1', 'blue', '2026-10-01'),
          action('a3', 'ip1', 'red', '2026-12-03'),
        ],
        milestones,
      },
      DECEMBER,
    );
    const [first] = build({ snapshot: state }).priorities;
    expect(first?.overdueActions).toEqual([
      { reference: '1.1', text: 'Action a1', rating: 'Minor delays', due: '2 Dec 2026' },
    ]);
    expect(first?.overdueMilestones).toBe(1);
    expect(build({ snapshot: state }).summary[0]?.overdueActions).toBe(1);
  });

  it('lists the ratings in the plan’s column order while the plan keeps the snapshot’s scale', () => {
    const order = ['blue', 'green', 'amber', 'red', 'purple'];
    const ordered = build({ snapshot: now, plan: { ...plan, columnOrder: order } });
    expect(ordered.summary[0]?.counts.byRating.map((r) => r.label)).toEqual([
      'Completed',
      'Good progress',
      'Minor delays',
      'Little or no progress',
      'Yet to start',
    ]);
    const otherScale = build({ snapshot: now, plan: { ...plan, scaleId: 'ralgc', columnOrder: order } });
    expect(otherScale.summary[0]?.counts.byRating[0]?.label).toBe('Yet to start');
  });
});

describe('the report model: measures', () => {
  const ehcp = makeMeasure({
    id: 'ms1',
    planId: 'plan',
    priorityId: 'ip1',
    title: 'EHC plans issued within 20 weeks',
    baseline: 40,
    baselineDate: '2026-01-01',
    target: 80,
    targetDate: '2027-01-01',
  });
  const waits = makeMeasure({
    id: 'ms2',
    planId: 'plan',
    title: 'Average wait for an assessment',
    unit: 'weeks',
    higherIsBetter: false,
  });
  const reading = (id: string, measureId: string, date: string, value: number) =>
    makeMeasureReading({ id, planId: 'plan', measureId, date, value });
  const measures = [ehcp, waits];
  const before = snapshot(
    { actions: [], measures, readings: [reading('r1', 'ms1', '2026-11-01', 70)] },
    NOVEMBER,
  );
  const now = snapshot(
    {
      actions: [],
      measures,
      readings: [
        reading('r1', 'ms1', '2026-11-01', 70),
        reading('r2', 'ms1', '2026-12-01', 52.5),
        reading('r3', 'ms2', '2026-12-01', 18),
      ],
    },
    DECEMBER,
  );

  it('gives baseline, target by date, the latest reading, its status against trajectory and its direction', () => {
    const model = build({ snapshot: now, previous: before });
    expect(model.priorities[0]?.measures).toEqual([
      {
        title: 'EHC plans issued within 20 weeks',
        baseline: '40% on 1 Jan 2026',
        target: '80% by 1 Jan 2027',
        latest: '52.5%',
        latestDate: '1 Dec 2026',
        status: 'off trajectory',
        statusText: 'Off trajectory',
        direction: 'worse',
        directionText: '↓ Worse (was 70%)',
      },
    ]);
  });

  it('puts measures of no priority across the plan, saying what cannot be judged or compared', () => {
    const model = build({ snapshot: now, previous: before });
    expect(model.planMeasures).toEqual([
      expect.objectContaining({
        title: 'Average wait for an assessment',
        baseline: 'None recorded',
        target: 'No target set',
        latest: '18 weeks',
        statusText: 'No target set',
        direction: null,
        directionText: 'No reading at the last snapshot',
      }),
    ]);
    expect(model.priorities[1]?.measures).toEqual([]);
  });

  it('says a measure is new when the previous snapshot did not have it, and has no direction on the first', () => {
    const withoutWaits = snapshot({ actions: [], measures: [ehcp] }, NOVEMBER);
    expect(build({ snapshot: now, previous: withoutWaits }).planMeasures[0]?.directionText).toBe(
      '• New since the last cycle',
    );
    expect(build({ snapshot: now }).planMeasures[0]?.directionText).toBe(
      'No earlier snapshot to compare with',
    );
    const unread = build({ snapshot: before, previous: before }).planMeasures[0];
    expect(unread).toMatchObject({
      latest: 'No readings yet',
      latestDate: null,
      directionText: 'No reading to compare',
    });
  });

  it.each([
    [52.5, '%', '52.5%'],
    [1234.567, 'weeks', '1,234.57 weeks'],
    [3, '', '3'],
    [-2, ' days ', '-2 days'],
  ])('writes %d with unit "%s" as %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('the report model: risks', () => {
  let n = 0;
  const risk = (fields: Partial<Risk> & Pick<Risk, 'title' | 'consequence' | 'likelihood'>) =>
    makeRisk({ id: `r${++n}`, planId: 'plan', ...fields });
  const risks = [
    risk({
      title: 'Capacity',
      consequence: 4,
      likelihood: 4,
      priorityId: 'ip2',
      trend: 'rising',
      owner: 'Olivia Grant',
      mitigation: 'Temporary officers',
    }),
    risk({ title: 'Advice late', consequence: 3, likelihood: 3, priorityId: 'ip2' }),
    risk({ title: 'Old risk', consequence: 5, likelihood: 5, priorityId: 'ip2', status: 'closed' }),
    risk({ title: 'Agreement unsigned', consequence: 4, likelihood: 2, priorityId: 'ip1', trend: 'falling' }),
    risk({ title: 'Funding', consequence: 5, likelihood: 3 }),
    risk({ title: 'Staff turnover', consequence: 2, likelihood: 2 }),
    risk({ title: 'Data quality', consequence: 2, likelihood: 1 }),
  ];
  const model = build({ snapshot: snapshot({ actions: [], risks }, DECEMBER) });

  it('lists a priority’s open risks, highest first, with score, band, trend, owner and mitigation', () => {
    expect(model.priorities[1]?.risks).toEqual([
      {
        priority: 'IP2',
        title: 'Capacity',
        score: 16,
        scoreText: '16 (4 × 4)',
        band: 'extreme',
        bandText: 'Extreme',
        trendText: '↑ Rising',
        owner: 'Olivia Grant',
        mitigation: 'Temporary officers',
      },
      expect.objectContaining({
        title: 'Advice late',
        bandText: 'High',
        trendText: '→ Steady',
        owner: 'No owner named',
        mitigation: 'None recorded',
      }),
    ]);
    expect(model.priorities[1]?.closedRisks).toBe(1);
  });

  it('puts risks of no priority across the plan, and the five highest open risks of all in the top risks', () => {
    expect(model.planRisks.map((r) => [r.title, r.priority])).toEqual([
      ['Funding', 'Whole plan'],
      ['Staff turnover', 'Whole plan'],
      ['Data quality', 'Whole plan'],
    ]);
    expect(model.topRisks.map((r) => [r.priority, r.title, r.score])).toEqual([
      ['IP2', 'Capacity', 16],
      ['Whole plan', 'Funding', 15],
      ['IP2', 'Advice late', 9],
      ['IP1', 'Agreement unsigned', 8],
      ['Whole plan', 'Staff turnover', 4],
    ]);
  });
});
