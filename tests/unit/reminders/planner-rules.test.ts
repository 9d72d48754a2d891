import { describe, expect, it } from 'vitest';
import { planReminders } from '../../../src/domain/reminders';
import { asha, chloe, policy, scenario, sent } from './builders';

/** Milestone m1 is due on Wednesday 16 Dec 2026; weekends are not quiet here, so only the rules are at work. */
const everyDay = policy({ quietDays: { weekends: false } });
const keysOn = (today: string, log: string[] = [], p = everyDay) =>
  planReminders(scenario(today, { policy: p, log: sent(...log) })).reminders.map((r) => r.key);

const before14 = 'milestone:m1:before-14:2026-12-02';
const before7 = 'milestone:m1:before-7:2026-12-09';
const onDue = 'milestone:m1:on-due:2026-12-16';
const overdue7 = 'milestone:m1:overdue-7:2026-12-23';
const overdue14 = 'milestone:m1:overdue-14:2026-12-30';
const escalate14 = 'milestone:m1:escalate-14:2026-12-30';

describe('milestone rules, day by day', () => {
  it.each([
    ['15 days before', '2026-12-01', [], []],
    ['14 days before', '2026-12-02', [], [before14]],
    ['13 days before, the 14-day reminder missed', '2026-12-03', [], [before14]],
    ['13 days before, the 14-day reminder sent', '2026-12-03', [before14], []],
    ['8 days before', '2026-12-08', [before14], []],
    ['7 days before', '2026-12-09', [before14], [before7]],
    ['7 days before, the 14-day reminder never sent: superseded, not caught up', '2026-12-09', [], [before7]],
    ['6 days before', '2026-12-10', [before14, before7], []],
    ['the day before', '2026-12-15', [before14, before7], []],
    ['on the day', '2026-12-16', [before14, before7], [onDue]],
    ['on the day, nothing sent yet: only the latest rule', '2026-12-16', [], [onDue]],
    ['the day after', '2026-12-17', [onDue], []],
    ['6 days overdue', '2026-12-22', [onDue], []],
    ['7 days overdue: the first weekly reminder', '2026-12-23', [onDue], [overdue7]],
    ['13 days overdue', '2026-12-29', [onDue, overdue7], []],
    ['14 days overdue: weekly reminder and escalation', '2026-12-30', [overdue7], [overdue14, escalate14]],
    ['21 days overdue', '2027-01-06', [overdue14, escalate14], ['milestone:m1:overdue-21:2027-01-06']],
    ['22 days overdue, week 3 sent', '2027-01-07', [escalate14, 'milestone:m1:overdue-21:2027-01-06'], []],
    ['13 weeks overdue', '2027-03-17', [escalate14], ['milestone:m1:overdue-91:2027-03-17']],
  ])('%s (%s)', (_, today, log, expected) => {
    expect(keysOn(today, log)).toEqual(expected);
  });

  it('escalates at exactly N days overdue, not a day before', () => {
    const escalations = (today: string, afterDaysOverdue: number) =>
      keysOn(today, [], policy({ quietDays: { weekends: false }, escalation: { afterDaysOverdue } })).filter(
        (k) => k.includes('escalate'),
      );
    expect(escalations('2026-12-29', 14)).toEqual([]);
    expect(escalations('2026-12-30', 14)).toEqual([escalate14]);
    expect(escalations('2026-12-25', 10)).toEqual([]);
    expect(escalations('2026-12-26', 10)).toEqual(['milestone:m1:escalate-10:2026-12-26']);
  });

  it('keeps escalating until the escalation is sent, independently of the weekly reminders', () => {
    // The unsent escalation's send date is earlier, so it comes first.
    expect(keysOn('2027-01-06', [overdue14])).toEqual([escalate14, 'milestone:m1:overdue-21:2027-01-06']);
  });

  it('sends lead reminders to the action lead and escalations to the priority lead', () => {
    const { reminders } = planReminders(scenario('2026-12-30', { policy: everyDay }));
    expect(reminders.map((r) => [r.kind, r.rule, r.recipient?.displayName])).toEqual([
      ['milestone-overdue', 'overdue-14', asha.displayName],
      ['escalation', 'escalate-14', chloe.displayName],
    ]);
    expect(reminders.map((r) => (r.kind === 'escalation' ? r.action.lead?.displayName : null))).toContain(
      asha.displayName,
    );
  });

  it('describes each reminder: due date, days overdue, nominal and send dates, channel, rating', () => {
    const [reminder] = planReminders(scenario('2026-12-09', { policy: everyDay })).reminders;
    expect(reminder).toMatchObject({
      key: before7,
      kind: 'milestone-due',
      rule: 'before-7',
      nominalDate: '2026-12-09',
      sendDate: '2026-12-09',
      dueDate: '2026-12-16',
      dueDatePrecision: 'day',
      daysOverdue: -7,
      attempt: 'new',
      milestoneId: 'm1',
      channel: { key: 'wsoa', webhookName: 'wsoa-leads' },
      priority: { priorityId: 'p1', number: 1, label: 'IP1' },
      action: {
        actionId: 'a1',
        reference: '1.1',
        rating: { key: 'green', label: 'Good progress', tone: 'green' },
      },
    });
  });

  it.each([
    [
      'without an on-the-day reminder',
      { milestones: { onDueDate: false } },
      '2026-12-16',
      [before14, before7],
      [],
    ],
    [
      'with reminders 28, 14 and 3 days before',
      { milestones: { daysBefore: [3, 28, 14] } },
      '2026-12-13',
      [],
      ['milestone:m1:before-3:2026-12-13'],
    ],
    [
      'with fortnightly overdue reminders',
      { milestones: { overdueEveryDays: 14 } },
      '2026-12-23',
      [onDue],
      [],
    ],
    [
      'with fortnightly overdue reminders, at 14 days',
      { milestones: { overdueEveryDays: 14 } },
      '2026-12-30',
      [onDue, escalate14],
      [overdue14],
    ],
    [
      'without overdue reminders, once the due day has passed',
      { milestones: { overdueEveryDays: null } },
      '2026-12-17',
      [before14],
      [],
    ],
    ['without escalation', { escalation: { afterDaysOverdue: null } }, '2026-12-30', [], [overdue14]],
  ])('follows the policy %s', (_, overrides, today, log, expected) => {
    expect(keysOn(today, log, policy({ quietDays: { weekends: false }, ...overrides }))).toEqual(expected);
  });
});
