import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../../src/domain';
import {
  buildCardView,
  groupIntoColumns,
  groupIntoLanes,
  updatedAge,
} from '../../../src/features/board/board-model';
import { action, focusArea, milestone, TODAY } from './builders';

const scale = resolveScale('bragp');

describe('what a card shows', () => {
  it.each([
    [null, 'no update yet'],
    ['2026-11-23T08:00:00Z', 'updated today'],
    ['2026-11-22T23:30:00Z', 'updated yesterday'],
    ['2026-11-20T09:30:00Z', 'updated 3 days ago'],
    ['2026-11-10T09:30:00Z', 'updated 13 days ago'],
    ['2026-11-09T09:30:00Z', 'updated 2 weeks ago'],
    ['2026-09-25T09:30:00Z', 'updated 8 weeks ago'],
    ['2026-09-23T09:30:00Z', 'updated 2 months ago'],
    ['2026-05-23T09:30:00Z', 'updated 6 months ago'],
    ['2023-11-23T09:30:00Z', 'updated 3 years ago'],
  ])('last update at %s reads "%s"', (at, expected) => {
    expect(updatedAge(at, TODAY)).toBe(expected);
  });

  it('marks overdue work, the next milestone and month-only due dates', () => {
    const a = action({ reference: '1.2', status: 'amber', dueDate: '2026-12-31', dueDatePrecision: 'month' });
    const card = buildCardView(
      a,
      [
        milestone(a.id, '2026-11-20'),
        milestone(a.id, '2026-12-05', { title: 'Draft to partners' }),
        milestone(a.id, '2026-11-25', { completedOn: '2026-11-21' }),
      ],
      scale,
      TODAY,
    );
    expect(card).toMatchObject({
      overdue: false,
      overdueMilestones: 1,
      dueLabel: 'Dec 2026',
      next: { title: 'Draft to partners', label: '5 Dec 2026' },
      completed: false,
    });
    // Overdue by a milestone, so not "due soon": the two figures never count the same card.
    expect(card.dueWithin(30)).toBe(false);
  });

  it.each([
    ['amber', '2026-11-22', true],
    ['amber', '2026-11-23', false],
    ['blue', '2026-01-01', false],
  ])('a %s action due %s is overdue: %s', (status, dueDate, overdue) => {
    expect(buildCardView(action({ reference: '1.1', status, dueDate }), [], scale, TODAY).overdue).toBe(
      overdue,
    );
  });
});

describe('columns and swimlanes', () => {
  const cards = [
    action({ reference: '1.1.1', status: 'green', focusAreaId: 'f2' }),
    action({ reference: '1.2.1', status: 'purple', focusAreaId: 'f1' }),
    action({ reference: '1.2.2', status: 'green', focusAreaId: 'f1' }),
    action({ reference: '1.9', status: 'retired', focusAreaId: null }),
  ].map((a) => buildCardView(a, [], scale, TODAY));
  const labels = (columns: ReturnType<typeof groupIntoColumns>) =>
    columns.map((c) => `${c.label}: ${c.cards.map((card) => card.action.reference).join(' ')}`);

  it('gives one column per rating in the plan’s order, plus "Not rated" only when needed', () => {
    expect(labels(groupIntoColumns(cards, scale))).toEqual([
      'Yet to start: 1.2.1',
      'Little or no progress: ',
      'Minor delays: ',
      'Good progress: 1.1.1 1.2.2',
      'Completed: ',
      'Not rated: 1.9',
    ]);
    const reversed = resolveScale('bragp', ['blue', 'green', 'amber', 'red', 'purple']);
    expect(groupIntoColumns(cards.slice(0, 3), reversed).map((c) => c.key)).toEqual([
      'blue',
      'green',
      'amber',
      'red',
      'purple',
    ]);
  });

  it('shows a card waiting for its note in the column it is moving to', () => {
    const moving = groupIntoColumns(cards.slice(0, 3), scale, (c) =>
      c.action.reference === '1.2.1' ? 'amber' : c.action.status,
    );
    expect(labels(moving).slice(0, 4)).toEqual([
      'Yet to start: ',
      'Little or no progress: ',
      'Minor delays: 1.2.1',
      'Good progress: 1.1.1 1.2.2',
    ]);
  });

  it('groups swimlanes by focus area in the focus areas’ order, dropping empty lanes', () => {
    const areas = [
      focusArea('f1', '1.2', 'Joint Strategic Needs Assessment'),
      focusArea('f2', '1.1', 'Governance'),
      focusArea('f3', '1.3', 'Nothing here'),
    ];
    const lanes = groupIntoLanes(cards, areas, scale);
    expect(lanes.map((l) => l.title)).toEqual([
      '1.2 Joint Strategic Needs Assessment',
      '1.1 Governance',
      'No focus area',
    ]);
    expect(lanes[0]?.columns.find((c) => c.key === 'green')?.cards.map((c) => c.action.reference)).toEqual([
      '1.2.2',
    ]);
  });
});
