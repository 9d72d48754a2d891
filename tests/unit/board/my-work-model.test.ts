import { describe, expect, it } from 'vitest';
import { dueText, groupMyWork, type WorkItem } from '../../../src/features/my-work/my-work-model';
import { action, milestone, plan, TODAY } from './builders';

const actions = [
  action({ reference: '1.1', status: 'amber', dueDate: '2026-11-20' }), // overdue
  action({ reference: '1.2', status: 'green', dueDate: '2026-12-07' }), // due in 14 days exactly
  action({ reference: '1.3', status: 'green', dueDate: '2026-12-08' }), // later
  action({ reference: '1.4', status: 'blue', dueDate: '2026-10-01' }), // completed: not listed
  action({ reference: '1.10', status: 'red', dueDate: null }), // undated: later, last
];
const milestones = [
  milestone('a-1.3', '2026-11-22'), // overdue milestone of a later action
  milestone('a-1.3', '2026-11-23'), // due today
  milestone('a-1.2', '2026-11-01', { completedOn: '2026-11-01' }), // done: not listed
  milestone('a-unknown', '2026-11-24'), // not one of theirs
];
const names = (items: WorkItem[]) =>
  items.map((i) =>
    i.kind === 'action' ? `action ${i.action.reference}` : `milestone ${i.milestone.dueDate}`,
  );

describe('My work', () => {
  const groups = groupMyWork({ actions, milestones, plans: [plan] }, TODAY);

  it.each([
    ['overdue', ['action 1.1', 'milestone 2026-11-22']],
    ['soon', ['milestone 2026-11-23', 'action 1.2']],
    ['later', ['action 1.3', 'action 1.10']],
  ] as const)('%s holds %j', (group, expected) => {
    expect(names(groups[group])).toEqual(expected);
  });

  it('counts completed actions instead of listing them', () => {
    expect(groups.completedActions).toBe(1);
  });

  it.each([
    [null, 'No due date'],
    [{ date: '2026-11-23', precision: 'day', overdue: false }, 'Due today'],
    [{ date: '2026-12-31', precision: 'month', overdue: false }, 'Due Dec 2026'],
    [{ date: '2026-11-22', precision: 'day', overdue: true }, 'Due 22 Nov 2026, 1 day overdue'],
    [{ date: '2026-11-13', precision: 'day', overdue: true }, 'Due 13 Nov 2026, 10 days overdue'],
  ] as const)('due %o reads "%s"', (due, expected) => {
    expect(dueText(due, TODAY)).toBe(expected);
  });
});
