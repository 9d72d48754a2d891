import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMeasure,
  makeMeasureReading,
  makeMilestone,
  makePriority,
  makeWeakness,
  resolveScale,
  type Action,
  type AreaOfWeakness,
} from '../../../src/domain';
import { carryOverPlan, countImpact, revisitReadiness } from '../../../src/domain/revisit';

/**
 * A plan after its revisit:
 *   area 1 "No joint commissioning strategy"  made        <- Priority 1
 *   area 2 "Weak EHC plans"                   not made    <- Priority 2 (and Priority 3, which answers 3 too)
 *   area 3 "Poor transition to adulthood"     not made    <- Priority 3
 *   area 4 (archived, not made)
 */
const scale = resolveScale('bragp');
const planId = 'old';

const weakness = (number: number, finding: string, outcome: AreaOfWeakness['outcome'], archived = false) =>
  makeWeakness({ id: `w${number}`, planId, number, finding, outcome, archived });
const weaknesses = [
  weakness(3, 'Poor transition to adulthood', 'sufficient progress not made'),
  weakness(1, 'No joint commissioning strategy', 'sufficient progress made'),
  weakness(4, 'An archived finding', 'sufficient progress not made', true),
  weakness(2, 'Weak EHC plans', 'sufficient progress not made'),
];
const priorities = [
  makePriority({ id: 'p3', planId, number: 3, title: 'Adulthood', weaknessNumbers: [2, 3], headline: 'Old' }),
  makePriority({ id: 'p1', planId, number: 1, title: 'Commissioning', weaknessNumbers: [1] }),
  makePriority({ id: 'p2', planId, number: 2, title: 'EHC plans', weaknessNumbers: [2] }),
];
const focusAreas = [
  makeFocusArea({ id: 'f21', planId, priorityId: 'p2', reference: '2.1', title: 'Quality' }),
  makeFocusArea({ id: 'f22', planId, priorityId: 'p2', reference: '2.2', title: 'Timeliness' }),
  makeFocusArea({ id: 'f23', planId, priorityId: 'p2', reference: '2.3', title: 'Not broken down yet' }),
  makeFocusArea({ id: 'f11', planId, priorityId: 'p1', reference: '1.1', title: 'Strategy' }),
];
const lead = {
  entraId: 'e1',
  upn: 'hannah@testshire.example',
  displayName: 'Hannah Lead',
  agency: 'Council',
};
const action = (
  id: string,
  priorityId: string,
  focusAreaId: string | null,
  reference: string,
  extra: Partial<Action> = {},
) => makeAction({ id, planId, priorityId, focusAreaId, reference, text: `Action ${reference}`, ...extra });
const actions = [
  action('a2110', 'p2', 'f21', '2.1.10', { status: 'red', impactRating: 'red', dueDate: '2026-01-31' }),
  action('a212', 'p2', 'f21', '2.1.2', {
    status: 'blue',
    impactRating: 'green',
    sustainedRating: 'green',
    evidenceLinks: [{ title: 'QA framework', url: 'https://example.org/qa' }],
  }),
  action('a219', 'p2', 'f21', '2.1.9', {
    status: 'amber',
    lead,
    leadAsWritten: 'Head of SEND',
    dueDate: '2026-12-01',
    dueDatePrecision: 'month',
    impactRating: 'amber',
    sustainedRating: 'red',
    successMeasures: '90% of plans good',
    progressNarrative: 'Audits under way',
    evidenceLinks: [{ title: 'Audit report', url: 'https://example.org/audit' }],
    updatedAt: '2026-03-01T10:00:00Z',
  }),
  action('a221', 'p2', 'f22', '2.2.1', { status: 'blue' }),
  action('a31', 'p3', null, '3.1', { status: 'green' }),
  action('a111', 'p1', 'f11', '1.1.1', { status: 'blue' }),
];
const milestone = (
  id: string,
  actionId: string,
  priorityId: string,
  dueDate: string,
  completedOn: string | null = null,
) => makeMilestone({ id, planId, priorityId, actionId, title: `Milestone ${id}`, dueDate, completedOn });
const milestones = [
  milestone('m1', 'a219', 'p2', '2026-09-30'),
  milestone('m2', 'a219', 'p2', '2026-02-28', '2026-02-20'),
  milestone('m3', 'a2110', 'p2', '2026-01-15'),
  milestone('m4', 'a212', 'p2', '2026-11-30'),
];
const measures = [
  makeMeasure({
    id: 'ehc20',
    planId,
    priorityId: 'p2',
    title: 'EHC plans issued within 20 weeks',
    baseline: 40,
    baselineDate: '2025-01-01',
    target: 80,
    targetDate: '2027-01-01',
  }),
  makeMeasure({ id: 'plan-wide', planId, title: 'Parent confidence', target: 70, targetDate: '2027-01-01' }),
  makeMeasure({ id: 'noTarget', planId, priorityId: 'p3', title: 'Transition plans at 14' }),
];
const readings = [
  makeMeasureReading({ id: 'r1', planId, measureId: 'ehc20', date: '2025-06-01', value: 45 }),
  makeMeasureReading({ id: 'r2', planId, measureId: 'ehc20', date: '2026-01-01', value: 52 }),
  makeMeasureReading({ id: 'r3', planId, measureId: 'ehc20', date: '2026-09-01', value: 90 }),
];

const readiness = (asOf = '2026-02-01') =>
  revisitReadiness({ weaknesses, priorities, actions, milestones, measures, readings, scale, asOf });
/** Area 2 "Weak EHC plans", answered by priorities 2 and 3. */
const area2Of = (asOf?: string) => {
  const area = readiness(asOf).areas[1];
  if (!area) throw new Error('Expected area 2');
  return area;
};

describe('revisit readiness', () => {
  it('takes the areas in use in number order, each with its finding, outcome and the priorities that answer it', () => {
    const { areas } = readiness();
    expect(
      areas.map((a) => [
        a.weakness.number,
        a.weakness.finding,
        a.weakness.outcome,
        a.priorities.map((p) => p.priority.number),
      ]),
    ).toEqual([
      [1, 'No joint commissioning strategy', 'sufficient progress made', [1]],
      [2, 'Weak EHC plans', 'sufficient progress not made', [2, 3]],
      [3, 'Poor transition to adulthood', 'sufficient progress not made', [3]],
    ]);
  });

  it('lists the answering priorities’ actions by reference as numbers, with their three ratings', () => {
    const area2 = readiness().areas[1];
    expect(area2?.actions.map((a) => [a.reference, a.status, a.impactRating, a.sustainedRating])).toEqual([
      ['2.1.2', 'blue', 'green', 'green'],
      ['2.1.9', 'amber', 'amber', 'red'],
      ['2.1.10', 'red', 'red', null],
      ['2.2.1', 'blue', null, null],
      ['3.1', 'green', null, null],
    ]);
  });

  it('counts actions per progress rating for the area and for each priority, and per impact rating', () => {
    const area2 = area2Of();
    const counts = (c: { byRating: { key: string; count: number }[]; unrated: number; total: number }) => ({
      ...Object.fromEntries(c.byRating.filter((r) => r.count > 0).map((r) => [r.key, r.count])),
      unrated: c.unrated,
      total: c.total,
    });
    expect(counts(area2.counts)).toEqual({ red: 1, amber: 1, green: 1, blue: 2, unrated: 0, total: 5 });
    expect(area2.priorities.map((p) => counts(p.counts))).toEqual([
      { red: 1, amber: 1, blue: 2, unrated: 0, total: 4 },
      { green: 1, unrated: 0, total: 1 },
    ]);
    expect(counts(area2.impactCounts)).toEqual({ red: 1, amber: 1, green: 1, unrated: 2, total: 5 });
    expect(area2.impactCounts.byRating.map((r) => r.label)).toEqual([
      'Not yet measurable',
      'No impact yet',
      'Some impact',
      'Clear impact',
    ]);
  });

  it('counts what is overdue on the day as every board does: a completed action’s milestones do not count', () => {
    const figures = (asOf: string) => {
      const { overdue, overdueActions, overdueMilestones } = area2Of(asOf).figures;
      return { overdue, overdueActions, overdueMilestones };
    };
    expect(figures('2026-02-01')).toEqual({ overdue: 1, overdueActions: 1, overdueMilestones: 1 });
    // 2.1.9 is due "Dec 2026": by the end of the month. Milestone m4 belongs to completed 2.1.2.
    expect(figures('2026-12-15')).toEqual({ overdue: 2, overdueActions: 1, overdueMilestones: 2 });
  });

  it('shows the measures of the answering priorities with their latest reading on the day against the target', () => {
    const area2 = readiness('2026-02-01').areas[1];
    expect(
      area2?.measures.map((m) => [m.measure.title, m.measure.target, m.status.latest, m.status.status]),
    ).toEqual([
      ['EHC plans issued within 20 weeks', 80, { date: '2026-01-01', value: 52 }, 'off trajectory'],
      ['Transition plans at 14', null, null, 'no target'],
    ]);
    // A reading after the day is not known yet; once it is, the target is met.
    expect(readiness('2026-10-01').areas[1]?.measures[0]?.status).toMatchObject({
      status: 'met',
      latest: { date: '2026-09-01', value: 90 },
    });
  });

  it('gathers the evidence of the answering actions, naming the action each comes from', () => {
    expect(readiness().areas[1]?.evidence).toEqual([
      { actionId: 'a212', reference: '2.1.2', title: 'QA framework', url: 'https://example.org/qa' },
      { actionId: 'a219', reference: '2.1.9', title: 'Audit report', url: 'https://example.org/audit' },
    ]);
    expect(readiness().areas[0]?.evidence).toEqual([]);
  });

  it('counts the areas in use by outcome', () => {
    expect(readiness().outcomeCounts).toEqual({
      open: 0,
      'sufficient progress made': 1,
      'sufficient progress not made': 2,
    });
  });

  it('counts an action with no impact rating as unrated', () => {
    expect(countImpact([{ impactRating: null }, { impactRating: 'purple' }])).toMatchObject({
      unrated: 1,
      total: 2,
      byRating: [
        { key: 'purple', count: 1 },
        { key: 'red', count: 0 },
        { key: 'amber', count: 0 },
        { key: 'green', count: 0 },
      ],
    });
  });
});

describe('carrying the unfinished work over into an accelerated progress plan', () => {
  const carry = () => carryOverPlan({ weaknesses, priorities, focusAreas, actions, milestones, scale });

  it('takes the areas judged not made, numbered again from 1 in their order, finding quoted, open again', () => {
    expect(carry().areas).toEqual([
      { fromId: 'w2', fromNumber: 2, number: 1, finding: 'Weak EHC plans', outcome: 'open', archived: false },
      {
        fromId: 'w3',
        fromNumber: 3,
        number: 2,
        finding: 'Poor transition to adulthood',
        outcome: 'open',
        archived: false,
      },
    ]);
  });

  it('takes the priorities answering them, keeping their numbers and answering the areas’ new numbers, with a fresh narrative', () => {
    const carried = carry().priorities;
    expect(carried.map((p) => [p.fromId, p.number, p.label, p.title, p.weaknessNumbers])).toEqual([
      ['p2', 2, 'Priority 2', 'EHC plans', [1]],
      ['p3', 3, 'Priority 3', 'Adulthood', [1, 2]],
    ]);
    expect(carried[1]?.headline).toBe('');
  });

  it('takes the actions not completed as they stand, references kept, and leaves the completed ones behind', () => {
    const { actions: carried, leftBehind } = carry();
    expect(carried.map((a) => [a.fromId, a.reference, a.priorityId, a.focusAreaId, a.status])).toEqual([
      ['a219', '2.1.9', 'p2', 'f21', 'amber'],
      ['a2110', '2.1.10', 'p2', 'f21', 'red'],
      ['a31', '3.1', 'p3', null, 'green'],
    ]);
    expect(carried[0]).toMatchObject({
      lead,
      leadAsWritten: 'Head of SEND',
      dueDate: '2026-12-01',
      dueDatePrecision: 'month',
      impactRating: 'amber',
      sustainedRating: 'red',
      successMeasures: '90% of plans good',
      evidenceLinks: [{ title: 'Audit report', url: 'https://example.org/audit' }],
      progressNarrative: 'Audits under way',
      updatedAt: null,
    });
    expect(carried[0]).not.toHaveProperty('planId');
    expect(carried[0]).not.toHaveProperty('id');
    expect(leftBehind.actions.map((a) => a.reference)).toEqual(['2.1.2', '2.2.1']);
  });

  it('takes the focus areas with work left (or none broken down yet), and names those whose actions are all done', () => {
    const { focusAreas: carried, leftBehind } = carry();
    expect(carried.map((f) => [f.fromId, f.reference, f.title, f.priorityId])).toEqual([
      ['f21', '2.1', 'Quality', 'p2'],
      ['f23', '2.3', 'Not broken down yet', 'p2'],
    ]);
    expect(leftBehind.focusAreas.map((f) => f.reference)).toEqual(['2.2']);
  });

  it('takes the open milestones of the actions carried over, soonest first', () => {
    expect(carry().milestones.map((m) => [m.fromId, m.actionId, m.dueDate, m.completedOn])).toEqual([
      ['m3', 'a2110', '2026-01-15', null],
      ['m1', 'a219', '2026-09-30', null],
    ]);
  });

  it('carries nothing when no area is judged not made', () => {
    const judgedMade = weaknesses.map((w) => ({ ...w, outcome: 'sufficient progress made' as const }));
    expect(
      carryOverPlan({ weaknesses: judgedMade, priorities, focusAreas, actions, milestones, scale }),
    ).toEqual({
      areas: [],
      priorities: [],
      focusAreas: [],
      actions: [],
      milestones: [],
      leftBehind: { focusAreas: [], actions: [] },
    });
  });

  it('judges “completed” on the plan’s own scale', () => {
    const ralgc = resolveScale('ralgc');
    const onRalgc = [
      action('x1', 'p2', 'f21', '2.1.1', { status: 'green' }),
      action('x2', 'p2', 'f21', '2.1.2', { status: 'completed' }),
    ];
    const carried = carryOverPlan({
      weaknesses,
      priorities,
      focusAreas,
      actions: onRalgc,
      milestones: [],
      scale: ralgc,
    });
    expect(carried.actions.map((a) => a.reference)).toEqual(['2.1.1']);
    expect(carried.leftBehind.actions.map((a) => a.reference)).toEqual(['2.1.2']);
  });
});
