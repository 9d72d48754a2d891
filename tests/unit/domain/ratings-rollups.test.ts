import { describe, expect, it } from 'vitest';
import {
  addDays,
  countByRating,
  initialRating,
  isActionOverdue,
  makeAction,
  makeMilestone,
  nextMilestone,
  resolveScale,
  rollupByPriority,
  type Action,
  type RatingScaleId,
} from '../../../src/domain';
import { actionDirection } from '../../../src/domain/direction';

const scale = resolveScale('bragp');
const action = (reference: string, status: string, dueDate: string | null, priorityId = 'p1') =>
  makeAction({
    id: reference,
    planId: 'plan',
    priorityId,
    reference,
    text: `Action ${reference}`,
    status,
    dueDate,
  });
const milestone = (id: string, dueDate: string, completedOn: string | null = null, priorityId = 'p1') =>
  makeMilestone({
    id,
    planId: 'plan',
    priorityId,
    // Milestones are counted through their action (not once it is completed): 1.1 and 2.1 are open.
    actionId: priorityId === 'p1' ? '1.1' : '2.1',
    title: `Milestone ${id}`,
    dueDate,
    completedOn,
  });

describe('rating scales', () => {
  it('shows BRAG(P) from yet to start to completed, and starts actions at yet to start', () => {
    expect(scale.ratings.map((r) => r.label)).toEqual([
      'Yet to start',
      'Little or no progress',
      'Minor delays',
      'Good progress',
      'Completed',
    ]);
    expect(initialRating(scale).key).toBe('purple');
  });

  it('offers the Red / Amber / Light green / Green / Completed scale as a second preset', () => {
    expect(resolveScale('ralgc').ratings.map((r) => r.label)).toEqual([
      'Red',
      'Amber',
      'Light green',
      'Green',
      'Completed',
    ]);
  });

  it('takes a plan column order, and ignores one that would hide or repeat a column', () => {
    expect(resolveScale('bragp', ['blue', 'green', 'amber', 'red', 'purple']).ratings[0]?.key).toBe('blue');
    expect(resolveScale('bragp', ['blue', 'green']).ratings[0]?.key).toBe('purple');
    expect(resolveScale('bragp', ['blue', 'blue', 'amber', 'red', 'purple']).ratings[0]?.key).toBe('purple');
  });

  it.each([
    ['red', 'green', 'improved'],
    ['green', 'amber', 'worse'],
    ['amber', 'amber', 'same'],
    [null, 'amber', 'new'],
  ] as const)('direction of travel from %s to %s is %s', (from, to, expected) => {
    expect(actionDirection(scale, to, from ?? undefined)).toBe(expected);
  });

  it('judges direction by progress, not by column order', () => {
    const reversed = resolveScale('bragp', ['blue', 'green', 'amber', 'red', 'purple']);
    expect(actionDirection(reversed, 'blue', 'red')).toBe('improved');
  });
});

describe('rollups', () => {
  const asOf = '2026-11-23';

  it('counts actions per rating in scale order, with anything off the scale as unrated', () => {
    const counts = countByRating(
      [
        action('1.1', 'green', null),
        action('1.2', 'green', null),
        action('1.3', 'red', null),
        action('1.4', 'mauve', null),
      ],
      scale,
    );
    expect(counts.byRating.map((c) => [c.key, c.count])).toEqual([
      ['purple', 0],
      ['red', 1],
      ['amber', 0],
      ['green', 2],
      ['blue', 0],
    ]);
    expect(counts.unrated).toBe(1);
    expect(counts.total).toBe(4);
  });

  it.each([
    ['2026-11-22', 'green', true],
    ['2026-11-23', 'green', false],
    ['2026-11-22', 'blue', false],
    [null, 'red', false],
  ])('an action due %s rated %s is overdue: %s', (due, status, overdue) => {
    expect(isActionOverdue(action('1.1', status, due), scale, asOf)).toBe(overdue);
  });

  it('picks the next open milestone on or after the date', () => {
    const next = nextMilestone(
      [
        milestone('a', '2026-11-20'),
        milestone('b', '2026-12-05'),
        milestone('c', '2026-11-23'),
        milestone('d', '2026-11-24', '2026-11-20'),
      ],
      asOf,
    );
    expect(next?.id).toBe('c');
  });

  it('rolls up each priority: counts, overdue actions and milestones, next milestone', () => {
    const rollups = rollupByPriority(
      [{ id: 'p1' }, { id: 'p2' }],
      [
        action('1.1', 'green', '2026-11-01'),
        action('1.2', 'blue', '2026-11-01'),
        action('2.1', 'red', '2026-12-01', 'p2'),
      ],
      [
        milestone('m1', '2026-11-20'),
        milestone('m2', '2026-11-30'),
        milestone('m3', '2026-11-01', '2026-10-30'),
      ],
      scale,
      asOf,
    );
    expect(rollups[0]?.figures).toMatchObject({ overdue: 1, overdueActions: 1, overdueMilestones: 1 });
    expect(rollups[0]?.nextMilestone?.id).toBe('m2');
    expect(rollups[1]?.figures).toMatchObject({ overdue: 0, overdueActions: 0, overdueMilestones: 0 });
    expect(rollups[1]?.nextMilestone).toBeNull();
    expect(rollups[1]?.counts.byRating.find((c) => c.key === 'red')?.count).toBe(1);
  });
});

describe('rollups over every rating of a scale', () => {
  const asOf = '2026-11-23';
  const yesterday = addDays(asOf, -1);

  /**
   * `count` ratings of `status`, as [rating, due date] pairs due in turn yesterday,
   * today and never: of each three, only the first is past its due date.
   */
  const rated = (status: string, count: number): [string, string | null][] =>
    Array.from({ length: count }, (_, i) => [status, [yesterday, asOf, null][i % 3] ?? null]);

  /**
   * Each rating of the scale has a different number of actions (its position + 1), so
   * a count given to the wrong rating, or a rating left out, shows. After them: a
   * rating key from the other scale and an unknown one (both off this scale), and
   * actions with no rating at all.
   */
  const cases: {
    scaleId: RatingScaleId;
    offScale: [string, string];
    counts: [string, string, number][];
    overdueActions: number;
  }[] = [
    {
      scaleId: 'bragp',
      offScale: ['lightGreen', 'mauve'],
      counts: [
        ['purple', 'Yet to start', 1],
        ['red', 'Little or no progress', 2],
        ['amber', 'Minor delays', 3],
        ['green', 'Good progress', 4],
        ['blue', 'Completed', 5],
      ],
      // Overdue of each rating's actions: 1 + 1 + 1 + 2, none of the 5 completed ones;
      // off the scale (6 and 7 actions) 2 + 3; no rating (8 actions) 3.
      overdueActions: 13,
    },
    {
      scaleId: 'ralgc',
      // "blue" completes an action on BRAG(P) but is not a rating here, so it is no completion.
      offScale: ['blue', 'mauve'],
      counts: [
        ['red', 'Red', 1],
        ['amber', 'Amber', 2],
        ['lightGreen', 'Light green', 3],
        ['green', 'Green', 4],
        ['completed', 'Completed', 5],
      ],
      overdueActions: 13,
    },
  ];

  const fixtureOf = ({ scaleId, offScale }: (typeof cases)[number]): Action[] => {
    const scale = resolveScale(scaleId);
    const p1 = [
      ...scale.ratings.flatMap((r, i) => rated(r.key, i + 1)),
      ...rated(offScale[0], 6),
      ...rated(offScale[1], 7),
      ...rated('', 8),
    ].map(([status, due], i) => ({
      ...action(`1.${i + 1}`, 'red', due),
      // Set after the factory, which (like the Rating column) refuses an empty rating.
      status,
    }));
    return [...p1, action('2.1', scale.ratings[0]?.key ?? '', yesterday, 'p2')];
  };

  const milestones = [
    milestone('open, due yesterday', yesterday),
    milestone('open, due a month ago', '2026-10-23'),
    milestone('open, due today', asOf),
    milestone('done late', '2026-11-01', '2026-11-20'),
    milestone('done on time', '2026-11-30', '2026-11-22'),
    milestone('open, due next week', '2026-11-30'),
    milestone('other priority, overdue', yesterday, null, 'p2'),
  ];

  it.each(cases)(
    'counts every $scaleId rating exactly, and the off-scale and unrated ones as unrated',
    (c) => {
      const p1 = fixtureOf(c).filter((a) => a.priorityId === 'p1');
      const counts = countByRating(p1, resolveScale(c.scaleId));
      expect(counts.byRating.map((r) => [r.key, r.label, r.count])).toEqual(c.counts);
      expect(counts.unrated).toBe(6 + 7 + 8);
      expect(counts.total).toBe(15 + 21);
    },
  );

  it.each(cases)('keeps every $scaleId count with its rating in a reordered board', (c) => {
    const order = c.counts.map(([key]) => key).reverse();
    const p1 = fixtureOf(c).filter((a) => a.priorityId === 'p1');
    const counts = countByRating(p1, resolveScale(c.scaleId, order));
    expect(counts.byRating.map((r) => [r.key, r.count])).toEqual(
      [...c.counts].reverse().map(([key, , count]) => [key, count]),
    );
  });

  it.each(cases)('rolls up the $scaleId fixture: overdue actions and milestones per priority', (c) => {
    const [p1, p2] = rollupByPriority(
      [{ id: 'p1' }, { id: 'p2' }],
      fixtureOf(c),
      milestones,
      resolveScale(c.scaleId),
      asOf,
    );
    expect(p1?.counts.byRating.map((r) => r.count)).toEqual(c.counts.map(([, , count]) => count));
    expect(p1?.counts.unrated).toBe(21);
    expect(p1?.figures.overdueActions).toBe(c.overdueActions);
    // Open and due before today: yesterday's and last month's; not today's, not the done ones.
    expect(p1?.figures.overdueMilestones).toBe(2);
    expect(p1?.nextMilestone?.id).toBe('open, due today');
    expect(p2?.figures).toMatchObject({ overdueActions: 1, overdueMilestones: 1 });
    expect(p2?.nextMilestone).toBeNull();
    expect(p2?.counts.byRating.map((r) => r.count)).toEqual([1, 0, 0, 0, 0]);
    expect(p2?.counts.unrated).toBe(0);
  });
});
