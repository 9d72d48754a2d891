import { describe, expect, it } from 'vitest';
import {
  countByRating,
  directionOfTravel,
  initialRating,
  isActionOverdue,
  makeAction,
  makeMilestone,
  nextMilestone,
  resolveScale,
  rollupByPriority,
} from '../../../src/domain';

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
    actionId: '1',
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
    expect(directionOfTravel(scale, from, to)).toBe(expected);
  });

  it('judges direction by progress, not by column order', () => {
    const reversed = resolveScale('bragp', ['blue', 'green', 'amber', 'red', 'purple']);
    expect(directionOfTravel(reversed, 'red', 'blue')).toBe('improved');
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
    expect(rollups[0]).toMatchObject({ priorityId: 'p1', overdueActions: 1, overdueMilestones: 1 });
    expect(rollups[0]?.nextMilestone?.id).toBe('m2');
    expect(rollups[1]).toMatchObject({
      priorityId: 'p2',
      overdueActions: 0,
      overdueMilestones: 0,
      nextMilestone: null,
    });
    expect(rollups[1]?.counts.byRating.find((c) => c.key === 'red')?.count).toBe(1);
  });
});
