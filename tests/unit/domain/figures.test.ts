import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  figuresOf,
  groupBy,
  isCompletedRating,
  isDueWithin,
  isOverdue,
  type Action,
  type Milestone,
} from '../../../src/domain';
import { freezeSnapshot } from '../../../src/domain/snapshot';
import { planGlance } from '../../../src/domain/glance';
import { buildDigestSections } from '../../../src/domain/reminders/digest';
import { createRunContext } from '../../../src/domain/reminders/run-context';
import { buildCardView } from '../../../src/features/board/board-model';
import { filterCards, NO_FILTERS } from '../../../src/features/board/filters';
import { action, bragp, milestone, plan, priority, scenario } from '../reminders/builders';

const TODAY = '2026-11-23';

describe('the one definition of each figure', () => {
  it('counts a month-only date as due by the end of its month', () => {
    const november = action({ dueDate: '2026-11-30', dueDatePrecision: 'month', status: 'amber' });
    const october = action({ dueDate: '2026-10-31', dueDatePrecision: 'month', status: 'amber' });
    expect(isOverdue(november, [], bragp, TODAY)).toBe(false);
    expect(isOverdue(october, [], bragp, TODAY)).toBe(true);
  });

  it('does not count the open milestones of a completed action, and never counts a card as both overdue and due soon', () => {
    const late = milestone({ dueDate: '2026-11-01' });
    const completed = action({ status: 'blue', dueDate: '2026-12-01' });
    expect(isOverdue(completed, [late], bragp, TODAY)).toBe(false);
    expect(figuresOf([completed], new Map([[completed.id, [late]]]), bragp, TODAY)).toMatchObject({
      overdue: 0,
      overdueMilestones: 0,
      dueSoon: 0,
    });
    const open = action({ status: 'amber', dueDate: '2026-11-30' });
    expect(isOverdue(open, [late], bragp, TODAY)).toBe(true);
    expect(isDueWithin(open, [late], bragp, TODAY, 14)).toBe(false);
    expect(isDueWithin(open, [], bragp, TODAY, 14)).toBe(true);
  });

  const ratings = bragp.ratings.map((r) => r.key);
  const plans = fc
    .array(
      fc.record({
        status: fc.constantFrom(...ratings),
        due: fc.option(fc.integer({ min: -90, max: 90 }), { nil: null }),
        month: fc.boolean(),
        milestones: fc.array(fc.record({ due: fc.integer({ min: -90, max: 90 }), done: fc.boolean() }), {
          maxLength: 4,
        }),
      }),
      { maxLength: 30 },
    )
    .map((rows) => {
      const actions: Action[] = [];
      const milestones: Milestone[] = [];
      rows.forEach((row, i) => {
        const id = `a${i}`;
        const due = row.due === null ? null : addDays(TODAY, row.due);
        actions.push(
          action({
            id,
            reference: `1.${i + 1}`,
            status: row.status,
            dueDate: due === null || !row.month ? due : `${due.slice(0, 8)}28`,
            dueDatePrecision: row.month ? 'month' : 'day',
          }),
        );
        row.milestones.forEach((m, j) =>
          milestones.push(
            milestone({
              id: `${id}-m${j}`,
              actionId: id,
              dueDate: addDays(TODAY, m.due),
              completedOn: m.done ? addDays(TODAY, m.due) : null,
            }),
          ),
        );
      });
      return { actions, milestones };
    });

  it('gives the same overdue figures on the overview, the board filter, the board view and the digest', () => {
    fc.assert(
      fc.property(plans, ({ actions, milestones }) => {
        const byAction = groupBy(milestones, (m) => m.actionId);
        const figures = figuresOf(actions, byAction, bragp, TODAY);

        const cards = actions.map((a) =>
          buildCardView({ ...a, etag: '"1"' }, byAction.get(a.id) ?? [], bragp, TODAY),
        );
        expect(filterCards(cards, { ...NO_FILTERS, overdue: 'any' })).toHaveLength(figures.overdue);
        expect(filterCards(cards, { ...NO_FILTERS, overdue: 'milestones' })).toHaveLength(
          figures.actionsWithOverdueMilestones,
        );
        expect(filterCards(cards, { ...NO_FILTERS, dueWithinDays: 14 })).toHaveLength(figures.dueSoon);

        const snapshot = freezeSnapshot({
          cycleId: 'live',
          planId: plan().id,
          scaleId: 'bragp',
          takenAt: `${TODAY}T12:00:00Z`,
          takenBy: '',
          asOf: TODAY,
          priorities: [priority({ id: 'p1' })],
          actions,
          milestones,
          measures: [],
          readings: [],
          risks: [],
        });
        const glance = planGlance(snapshot, null, bragp, { escalateAfterDays: null, milestones: [] });
        expect(glance.priorities[0]?.overdue ?? 0).toBe(figures.overdue);
        expect(glance.priorities[0]?.overdueMilestones ?? 0).toBe(figures.overdueMilestones);

        const input = scenario(TODAY, { actions, milestones });
        const ctx = createRunContext(input, 0);
        const open = actions.filter((a) => !isCompletedRating(bragp, a.status));
        const digest = buildDigestSections({
          today: ctx.calendar.day(TODAY),
          calendar: ctx.calendar,
          priorities: input.priorities,
          openActions: open,
          openMilestonesByAction: groupBy(
            milestones.filter((m) => m.completedOn === null),
            (m) => m.actionId,
          ),
          escalateAfterDaysOverdue: null,
          snapshotOf: ctx.snapshotOf,
          prioritySnapshot: ctx.prioritySnapshot,
          referenceKey: ctx.referenceKey,
        });
        expect(digest.totals.overdue).toBe(figures.overdue);
      }),
      { numRuns: 200 },
    );
  });
});
