import { describe, expect, it } from 'vitest';
import {
  milestoneStatus,
  readMilestoneMove,
  readNewMilestone,
} from '../../../src/features/action/milestone-rules';

const today = '2026-11-23';

describe('milestones on the action page', () => {
  it.each([
    [{ dueDate: '2026-11-22', dueDatePrecision: 'day', completedOn: null }, 'overdue'],
    [{ dueDate: '2026-11-23', dueDatePrecision: 'day', completedOn: null }, 'open'],
    [{ dueDate: '2026-12-01', dueDatePrecision: 'day', completedOn: null }, 'open'],
    // A milestone due "Nov 2026" is due by the end of November.
    [{ dueDate: '2026-11-01', dueDatePrecision: 'month', completedOn: null }, 'open'],
    [{ dueDate: '2026-10-01', dueDatePrecision: 'month', completedOn: null }, 'overdue'],
    [{ dueDate: '2026-11-01', dueDatePrecision: 'day', completedOn: '2026-11-02' }, 'completed'],
  ] as const)('%j is %s', (milestone, status) => {
    expect(milestoneStatus(milestone, today)).toBe(status);
  });

  it.each([
    [
      { date: '15 Jan 2027', reason: ' Board meeting moved ' },
      { ok: true, value: { to: '2027-01-15', reason: 'Board meeting moved' } },
    ],
    [
      { date: '15/01/2027', reason: 'Board moved' },
      { ok: true, value: { to: '2027-01-15', reason: 'Board moved' } },
    ],
  ])('moves %j', (input, expected) => {
    expect(readMilestoneMove(input, { dueDate: '2026-12-01' })).toEqual(expected);
  });

  it.each([
    [{ date: '15 Jan 2027', reason: '  ' }, 'reason', 'Say why the date is moving'],
    [{ date: '', reason: 'x' }, 'date', 'Give the new date'],
    [{ date: 'Jan 2027', reason: 'x' }, 'date', 'not a month alone'],
    [{ date: '1 Dec 2026', reason: 'x' }, 'date', 'already has'],
    [{ date: 'soon', reason: 'x' }, 'date', 'write it as 23 Nov 2026'],
    [{ date: '1 Jan 2027', reason: 'x'.repeat(1001) }, 'reason', 'at most 1000'],
  ])('refuses to move with %j', (input, field, message) => {
    const result = readMilestoneMove(input, { dueDate: '2026-12-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.find((i) => i.field === field)?.message).toContain(message);
  });

  it.each([
    [
      { title: ' Draft to board ', dueDate: 'Feb 2027' },
      { ok: true, value: { title: 'Draft to board', dueDate: '2027-02-28', dueDatePrecision: 'month' } },
    ],
    [
      { title: 'Sign-off', dueDate: '2/3/2027' },
      { ok: true, value: { title: 'Sign-off', dueDate: '2027-03-02', dueDatePrecision: 'day' } },
    ],
    [
      { title: '', dueDate: '' },
      {
        ok: false,
        issues: [
          { field: 'title', message: 'Give the milestone a title' },
          { field: 'dueDate', message: 'Give the date the milestone is due' },
        ],
      },
    ],
  ])('reads a new milestone %j', (input, expected) => {
    expect(readNewMilestone(input)).toEqual(expected);
  });
});
