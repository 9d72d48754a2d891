import { describe, expect, it } from 'vitest';
import { parseDueDate } from '../../../src/domain';
import { planReminders, type ReminderPlanInput } from '../../../src/domain/reminders';
import { londonTime, milestone, policy, scenario, sent } from './builders';

const summary = (input: ReminderPlanInput) => {
  const plan = planReminders(input);
  return {
    today: plan.today,
    quietDay: plan.quietDay,
    reminders: plan.reminders.map((r) => ({ key: r.key, sendDate: r.sendDate })),
  };
};

describe('quiet days', () => {
  // Milestone due on Saturday 19 Dec 2026, so every rule's nominal date is a Saturday.
  const dueSaturday = [milestone({ dueDate: '2026-12-19' })];
  const holidays = policy({ quietDays: { bankHolidays: ['2026-12-25', '2026-12-28'] } });
  const on = (today: string, log: string[] = [], p = policy()) =>
    summary(scenario(today, { milestones: dueSaturday, policy: p, log: sent(...log) }));

  it.each([
    ['Friday, before the 14-day reminder falls due', '2026-12-04', [], []],
    [
      'Monday after the 14-day reminder fell on a Saturday',
      '2026-12-07',
      [],
      [{ key: 'milestone:m1:before-14:2026-12-05', sendDate: '2026-12-07' }],
    ],
    [
      'Monday after the 7-day reminder fell on a Saturday',
      '2026-12-14',
      ['milestone:m1:before-14:2026-12-05'],
      [{ key: 'milestone:m1:before-7:2026-12-12', sendDate: '2026-12-14' }],
    ],
    [
      'Friday before a Saturday due date: nothing new',
      '2026-12-18',
      ['milestone:m1:before-7:2026-12-12'],
      [],
    ],
    [
      'Monday after a Saturday due date',
      '2026-12-21',
      [],
      [{ key: 'milestone:m1:on-due:2026-12-19', sendDate: '2026-12-21' }],
    ],
  ])('on a %s (%s)', (_, today, log, expected) => {
    expect(on(today, log).reminders).toEqual(expected);
  });

  it.each(['2026-12-05', '2026-12-06', '2026-12-19', '2026-12-20'])(
    'posts nothing at the weekend (%s)',
    (today) => {
      expect(on(today)).toMatchObject({ today, quietDay: true, reminders: [] });
    },
  );

  it('posts at weekends when the policy allows it', () => {
    expect(on('2026-12-05', [], policy({ quietDays: { weekends: false } }))).toMatchObject({
      quietDay: false,
      reminders: [{ key: 'milestone:m1:before-14:2026-12-05', sendDate: '2026-12-05' }],
    });
  });

  it('steps over a weekend and a bank holiday: the first weekly reminder (Sat 26 Dec) goes on Tuesday 29 Dec', () => {
    const log = ['milestone:m1:on-due:2026-12-19'];
    expect(on('2026-12-28', log, holidays)).toMatchObject({ quietDay: true, reminders: [] });
    expect(on('2026-12-29', log, holidays).reminders).toEqual([
      { key: 'milestone:m1:overdue-7:2026-12-26', sendDate: '2026-12-29' },
    ]);
  });

  it('moves a reminder that falls on a weekday bank holiday to the next working day', () => {
    const dueChristmas = [milestone({ dueDate: '2026-12-25' })];
    const run = (today: string) =>
      summary(
        scenario(today, {
          milestones: dueChristmas,
          policy: holidays,
          log: sent('milestone:m1:before-7:2026-12-18'),
        }),
      );
    expect(run('2026-12-24').reminders).toEqual([]);
    expect(run('2026-12-29').reminders).toEqual([
      { key: 'milestone:m1:on-due:2026-12-25', sendDate: '2026-12-29' },
    ]);
  });
});

describe('clock changes: today is the London calendar date', () => {
  it.each([
    // Sunday 25 Oct 2026: BST ends at 02:00. 00:30 BST is still Saturday in UTC.
    ['00:30 BST on the last Sunday of October', '2026-10-24T23:30:00Z', '2026-10-25', true],
    ['00:30 GMT on the Monday after', '2026-10-26T00:30:00Z', '2026-10-26', false],
    // Sunday 29 Mar 2026: BST starts at 01:00 GMT. 00:30 BST on Monday is still Sunday in UTC.
    ['00:30 GMT on the last Sunday of March', '2026-03-29T00:30:00Z', '2026-03-29', true],
    ['00:30 BST on the Monday after', '2026-03-29T23:30:00Z', '2026-03-30', false],
    ['23:30 GMT on a Friday in winter', '2026-11-27T23:30:00Z', '2026-11-27', false],
    ['23:30 BST on a Friday in summer (22:30 UTC)', '2026-06-26T22:30:00Z', '2026-06-26', false],
  ])('%s', (_, instant, today, quietDay) => {
    const plan = planReminders(scenario(today, { now: new Date(instant) }));
    expect({ today: plan.today, quietDay: plan.quietDay }).toEqual({ today, quietDay });
  });

  it('runs the Sunday of the October change as Sunday: an on-the-day reminder when weekends are not quiet', () => {
    const input = scenario('2026-10-25', {
      now: new Date('2026-10-24T23:30:00Z'),
      milestones: [milestone({ dueDate: '2026-10-25' })],
      policy: policy({ quietDays: { weekends: false } }),
    });
    expect(summary(input).reminders).toEqual([
      { key: 'milestone:m1:on-due:2026-10-25', sendDate: '2026-10-25' },
    ]);
  });

  it('sends a Sunday reminder on the Monday of the October change, at 00:30 GMT', () => {
    const input = scenario('2026-10-26', {
      now: new Date('2026-10-26T00:30:00Z'),
      milestones: [milestone({ dueDate: '2026-10-25' })],
    });
    expect(summary(input).reminders).toEqual([
      { key: 'milestone:m1:on-due:2026-10-25', sendDate: '2026-10-26' },
    ]);
  });

  it('treats 00:30 BST on Monday 30 March as a working Monday although UTC still says Sunday', () => {
    const input = scenario('2026-03-30', {
      now: new Date('2026-03-29T23:30:00Z'),
      milestones: [milestone({ dueDate: '2026-03-30' })],
    });
    expect(summary(input)).toEqual({
      today: '2026-03-30',
      quietDay: false,
      reminders: [{ key: 'milestone:m1:on-due:2026-03-30', sendDate: '2026-03-30' }],
    });
  });

  it('builds London wall-clock instants for the tests correctly in both GMT and BST', () => {
    expect(londonTime('2026-10-25', '00:30').toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(londonTime('2026-10-26', '00:30').toISOString()).toBe('2026-10-26T00:30:00.000Z');
    expect(londonTime('2026-03-30', '00:30').toISOString()).toBe('2026-03-29T23:30:00.000Z');
  });
});

describe('month-only due dates and month ends', () => {
  const run = (today: string, m: ReturnType<typeof milestone>, log: string[] = []) =>
    planReminders(scenario(today, { milestones: [m], log: sent(...log) })).reminders;

  it('reads "Dec 2026" as the last day of December', () => {
    const due = parseDueDate('Dec 2026');
    expect(due).toEqual({ date: '2026-12-31', precision: 'month' });
    const [reminder] = run('2026-12-17', milestone({ dueDate: due.date, dueDatePrecision: due.precision }));
    expect(reminder).toMatchObject({
      key: 'milestone:m1:before-14:2026-12-17',
      dueDate: '2026-12-31',
      dueDatePrecision: 'month',
      daysOverdue: -14,
    });
  });

  it('treats a month-only date stored as the first of the month as the month end', () => {
    const [reminder] = run('2026-12-17', milestone({ dueDate: '2026-12-01', dueDatePrecision: 'month' }));
    expect(reminder?.key).toBe('milestone:m1:before-14:2026-12-17');
  });

  it.each([
    [
      'Feb 2028 (leap year), 14 days before',
      'Feb 2028',
      '2028-02-15',
      [],
      'milestone:m1:before-14:2028-02-15',
      '2028-02-15',
    ],
    ['Feb 2028, on the 29th', 'Feb 2028', '2028-02-29', [], 'milestone:m1:on-due:2028-02-29', '2028-02-29'],
    [
      'Feb 2028, a week overdue',
      'Feb 2028',
      '2028-03-07',
      [],
      'milestone:m1:overdue-7:2028-03-07',
      '2028-03-07',
    ],
    [
      'Feb 2027, due Sunday 28th, sent Monday 1 March',
      'Feb 2027',
      '2027-03-01',
      [],
      'milestone:m1:on-due:2027-02-28',
      '2027-03-01',
    ],
    [
      'Feb 2027, 14 days before falls on Sunday 14th',
      'Feb 2027',
      '2027-02-15',
      [],
      'milestone:m1:before-14:2027-02-14',
      '2027-02-15',
    ],
  ])('%s', (_, text, today, log, key, sendDate) => {
    const due = parseDueDate(text);
    const [reminder] = run(today, milestone({ dueDate: due.date, dueDatePrecision: due.precision }), log);
    expect({ key: reminder?.key, sendDate: reminder?.sendDate }).toEqual({ key, sendDate });
  });

  it('counts overdue weeks across a month end: due Fri 30 Jan, first weekly reminder Fri 6 Feb', () => {
    const reminders = run('2026-02-06', milestone({ dueDate: '2026-01-30' }), [
      'milestone:m1:on-due:2026-01-30',
    ]);
    expect(reminders.map((r) => r.key)).toEqual(['milestone:m1:overdue-7:2026-02-06']);
  });
});
