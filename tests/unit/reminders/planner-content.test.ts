import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../../src/domain';
import {
  planReminders,
  type ExceptionsDigestReminder,
  type UpdatesDueReminder,
} from '../../../src/domain/reminders';
import {
  action,
  asha,
  ben,
  chloe,
  milestone,
  person,
  plan,
  policy,
  priority,
  scenario,
  sent,
} from './builders';

const onDue = 'milestone:m1:on-due:2026-12-16';

describe('the reminder log', () => {
  it.each([
    ['nothing logged', [], [{ key: onDue, attempt: 'new' }]],
    ['already sent: nothing', [{ key: onDue, state: 'sent' as const }], []],
    [
      '"sending" (a run died mid-post): due again, as a resume',
      [{ key: onDue, state: 'sending' as const }],
      [{ key: onDue, attempt: 'resume' }],
    ],
    [
      'an unrelated key sent',
      [{ key: 'milestone:m2:on-due:2026-12-16', state: 'sent' as const }],
      [{ key: onDue, attempt: 'new' }],
    ],
  ])('%s', (_, log, expected) => {
    const { reminders } = planReminders(scenario('2026-12-16', { log }));
    expect(reminders.map((r) => ({ key: r.key, attempt: r.attempt }))).toEqual(expected);
  });
});

describe('what produces nothing', () => {
  it.each([
    ['a completed milestone', { milestones: [milestone({ completedOn: '2026-12-10' })] }],
    ['an open milestone of a completed action', { actions: [action({ status: 'blue' })] }],
    ['a milestone of another plan', { milestones: [milestone({ planId: 'plan-2' })] }],
    ['a closed plan', { plan: plan({ status: 'closed' }) }],
    ['a policy with reminders switched off', { policy: policy({ enabled: false }) }],
  ])('%s', (_, overrides) => {
    const result = planReminders(scenario('2026-12-30', overrides));
    expect({ reminders: result.reminders, unassigned: result.unassigned }).toEqual({
      reminders: [],
      unassigned: [],
    });
  });

  it('uses the plan\'s own scale to decide what is complete ("completed" on Red/Amber/Light green/Green/Completed)', () => {
    const ralgc = {
      ...scenario('2026-12-16'),
      plan: plan({ scaleId: 'ralgc' }),
      scale: resolveScale('ralgc'),
    };
    const done = planReminders({ ...ralgc, actions: [action({ status: 'completed' })] });
    const green = planReminders({ ...ralgc, actions: [action({ status: 'green' })] });
    expect(done.reminders).toEqual([]);
    expect(green.reminders.map((r) => r.key)).toEqual([onDue]);
  });
});

describe('items that cannot be sent are listed, not dropped', () => {
  it.each([
    [
      'an action without a lead',
      { actions: [action({ lead: null })] },
      '2026-12-16',
      [{ reason: 'no-lead', key: onDue, kind: 'milestone-due' }],
    ],
    [
      'a priority without a lead, at escalation',
      { priorities: [priority({ lead: null })], log: sent('milestone:m1:overdue-14:2026-12-30') },
      '2026-12-30',
      [{ reason: 'no-priority-lead', key: 'milestone:m1:escalate-14:2026-12-30', kind: 'escalation' }],
    ],
    [
      'a plan with no channel',
      { policy: policy({ defaultChannel: null }) },
      '2026-12-16',
      [{ reason: 'no-channel', key: onDue, kind: 'milestone-due' }],
    ],
    [
      'a milestone whose action is missing',
      { actions: [] },
      '2026-12-16',
      [{ reason: 'missing-action', key: onDue, kind: 'milestone-due' }],
    ],
  ])('%s', (_, overrides, today, expected) => {
    const result = planReminders(scenario(today, overrides));
    expect(result.reminders).toEqual([]);
    expect(result.unassigned.map((u) => ({ reason: u.reason, key: u.key, kind: u.kind }))).toEqual(expected);
  });

  it('says which action and milestone need fixing', () => {
    const [item] = planReminders(scenario('2026-12-16', { actions: [action({ lead: null })] })).unassigned;
    expect(item).toEqual({
      reason: 'no-lead',
      key: onDue,
      kind: 'milestone-due',
      sendDate: '2026-12-16',
      priorityId: 'p1',
      actionId: 'a1',
      milestoneId: 'm1',
      reference: '1.1',
      title: 'Strategy approved by the SEND Improvement Board',
    });
  });

  it('still sends the lead reminder when only the escalation has nobody to go to', () => {
    const result = planReminders(scenario('2026-12-30', { priorities: [priority({ lead: null })] }));
    expect(result.reminders.map((r) => r.key)).toEqual(['milestone:m1:overdue-14:2026-12-30']);
    expect(result.unassigned.map((u) => u.reason)).toEqual(['no-priority-lead']);
  });
});

describe('channels and people', () => {
  it('posts to the priority override channel, else the default', () => {
    const input = scenario('2026-12-16', {
      priorities: [priority(), priority({ number: 2 })],
      actions: [action(), action({ id: 'a2', priorityId: 'p2', reference: '2.1' })],
      milestones: [milestone(), milestone({ id: 'm2', priorityId: 'p2', actionId: 'a2' })],
      policy: policy({ priorityChannels: { p2: 'health' } }),
    });
    expect(planReminders(input).reminders.map((r) => [r.key, r.channel.key])).toEqual([
      ['milestone:m2:on-due:2026-12-16', 'health'],
      [onDue, 'wsoa'],
    ]);
  });

  it('shows a lead by their current name in the people directory', () => {
    const renamed = { ...asha, displayName: 'Asha Patel-Khan' };
    const [reminder] = planReminders(scenario('2026-12-16', { people: [renamed] })).reminders;
    expect(reminder?.recipient?.displayName).toBe('Asha Patel-Khan');
  });
});

describe('"updates due" before a reporting deadline', () => {
  // Deadline Thursday 10 Dec 2026; 5 days before is Saturday 5 Dec, so it goes on Monday 7 Dec.
  const input = (today: string, log: string[] = []) =>
    scenario(today, {
      milestones: [],
      priorities: [priority(), priority({ number: 2, lead: ben })],
      actions: [
        action({ id: 'a1', reference: '1.1' }),
        action({ id: 'a3', reference: '1.10' }),
        action({ id: 'a2', reference: '1.9', status: 'red' }),
        action({ id: 'a4', priorityId: 'p2', reference: '2.1', lead: ben }),
        action({ id: 'a5', reference: '1.2', status: 'blue' }),
        action({ id: 'a6', reference: '1.3', lead: null }),
      ],
      policy: policy({ updatesDue: { deadlines: ['2027-03-04', '2026-12-10'] } }),
      log: sent(...log),
    });
  const ashaKey = `updates-due:p1:${asha.entraId}:updates-due-5:2026-12-05`;
  const benKey = `updates-due:p2:${ben.entraId}:updates-due-5:2026-12-05`;

  it.each([
    ['Friday 4 Dec, before the reminder is due', '2026-12-04', [], []],
    ['Monday 7 Dec, the first working day', '2026-12-07', [], [ashaKey, benKey]],
    ['Wednesday 9 Dec, not yet sent', '2026-12-09', [], [ashaKey, benKey]],
    ['Wednesday 9 Dec, one sent', '2026-12-09', [ashaKey], [benKey]],
    ['Thursday 10 Dec, the deadline itself', '2026-12-10', [], [ashaKey, benKey]],
    ['Friday 11 Dec, the deadline has passed', '2026-12-11', [], []],
  ])('%s', (_, today, log, expected) => {
    expect(planReminders(input(today, log)).reminders.map((r) => r.key)).toEqual(expected);
  });

  it("lists each lead's open actions in the priority, in reference order (1.9 before 1.10)", () => {
    const { reminders, unassigned } = planReminders(input('2026-12-07'));
    const first = reminders[0] as UpdatesDueReminder;
    expect(first).toMatchObject({
      kind: 'updates-due',
      recipient: asha,
      deadline: '2026-12-10',
      sendDate: '2026-12-07',
    });
    expect(first.actions.map((a) => a.reference)).toEqual(['1.1', '1.9', '1.10']);
    expect(unassigned.map((u) => [u.reason, u.kind, u.reference])).toEqual([
      ['no-lead', 'updates-due', '1.3'],
    ]);
  });

  it('moves on to the next deadline once one has passed (4 Mar 2027: 5 days before is a Saturday)', () => {
    expect(planReminders(input('2027-02-26')).reminders).toEqual([]);
    expect(planReminders(input('2027-03-01')).reminders.map((r) => [r.nominalDate, r.sendDate])).toEqual([
      ['2027-02-27', '2027-03-01'],
      ['2027-02-27', '2027-03-01'],
    ]);
  });

  it("refuses a scale that is not the plan's, rather than misjudge what is complete", () => {
    expect(() => planReminders({ ...input('2026-12-07'), plan: plan({ scaleId: 'ralgc' }) })).toThrow(
      "The rating scale given (bragp) is not the plan's scale (ralgc)",
    );
  });
});

describe('the exceptions digest before a board date', () => {
  // Board on Thursday 10 Dec 2026; 3 days before is Monday 7 Dec. Escalation after 14 days overdue.
  const input = (today: string, log: string[] = []) =>
    scenario(today, {
      priorities: [priority({ number: 2, lead: ben }), priority()],
      actions: [
        action({ id: 'red', reference: '1.1', status: 'red' }),
        action({ id: 'amber', reference: '1.2', status: 'amber' }),
        action({ id: 'late-ms', reference: '1.3' }),
        action({ id: 'late-action', reference: '2.1', priorityId: 'p2', dueDate: '2026-11-30', lead: ben }),
        action({ id: 'fine', reference: '2.2', priorityId: 'p2' }),
        action({ id: 'done', reference: '2.3', priorityId: 'p2', status: 'blue', dueDate: '2026-01-31' }),
      ],
      milestones: [
        milestone({ id: 'old', actionId: 'late-ms', dueDate: '2026-11-20', title: 'Old milestone' }),
        milestone({ id: 'recent', actionId: 'late-ms', dueDate: '2026-12-01', title: 'Recent milestone' }),
        milestone({ id: 'future', actionId: 'fine', priorityId: 'p2', dueDate: '2027-01-15' }),
      ],
      policy: policy({ exceptionsDigest: { boardDates: ['2026-12-10'], channel: 'board' } }),
      log: sent(...log),
    });
  const digestOf = (today: string) =>
    planReminders(input(today)).reminders.find(
      (r): r is ExceptionsDigestReminder => r.kind === 'exceptions-digest',
    );

  it.each([
    ['Friday 4 Dec', '2026-12-04', undefined],
    ['Monday 7 Dec', '2026-12-07', 'exceptions-digest:plan-1:digest-3:2026-12-07'],
    ['Thursday 10 Dec, the board day', '2026-12-10', 'exceptions-digest:plan-1:digest-3:2026-12-07'],
    ['Friday 11 Dec', '2026-12-11', undefined],
  ])('%s', (_, today, key) => {
    expect(digestOf(today)?.key).toBe(key);
  });

  it("goes to the board's channel with red, amber, overdue and escalated actions, grouped by priority", () => {
    const digest = digestOf('2026-12-07');
    expect(digest).toMatchObject({ channel: { key: 'board' }, recipient: null, boardDate: '2026-12-10' });
    expect(digest?.totals).toEqual({ red: 1, amber: 1, overdue: 2, escalated: 1 });
    expect(
      digest?.sections.map((s) => ({
        priority: s.priority.label,
        counts: s.counts,
        items: s.items.map((i) => [i.action.reference, i.flags]),
      })),
    ).toEqual([
      {
        priority: 'IP1',
        counts: { red: 1, amber: 1, overdue: 1, escalated: 1 },
        items: [
          ['1.1', ['red']],
          ['1.2', ['amber']],
          ['1.3', ['overdue', 'escalated']],
        ],
      },
      {
        priority: 'IP2',
        counts: { red: 0, amber: 0, overdue: 1, escalated: 0 },
        items: [['2.1', ['overdue']]],
      },
    ]);
  });

  it('details overdue milestones and overdue actions', () => {
    const items = digestOf('2026-12-07')?.sections.flatMap((s) => s.items) ?? [];
    expect(items.find((i) => i.action.reference === '1.3')?.overdueMilestones).toEqual([
      {
        milestoneId: 'old',
        title: 'Old milestone',
        dueDate: '2026-11-20',
        dueDatePrecision: 'day',
        daysOverdue: 17,
        escalated: true,
      },
      {
        milestoneId: 'recent',
        title: 'Recent milestone',
        dueDate: '2026-12-01',
        dueDatePrecision: 'day',
        daysOverdue: 6,
        escalated: false,
      },
    ]);
    expect(items.find((i) => i.action.reference === '2.1')).toMatchObject({
      actionDueDate: '2026-11-30',
      actionDaysOverdue: 7,
    });
  });
});

describe('deterministic order', () => {
  const dana = person('Dana Ahmed', 4);
  const build = (reverse: boolean) => {
    const actions = [
      action({ id: 'a1', reference: '1.10' }),
      action({ id: 'a2', reference: '1.9' }),
      action({ id: 'a3', reference: '1.2', lead: dana }),
      action({ id: 'a4', reference: '2.1', priorityId: 'p2', lead: ben }),
    ];
    const milestones = [
      milestone({ id: 'm1', actionId: 'a1', dueDate: '2026-12-23' }),
      milestone({ id: 'm2', actionId: 'a2', dueDate: '2026-12-23' }),
      milestone({ id: 'm3', actionId: 'a3', dueDate: '2026-12-23' }),
      milestone({ id: 'm4', actionId: 'a4', priorityId: 'p2', dueDate: '2026-12-23' }),
      // A missed 14-day reminder with an earlier send date comes first.
      milestone({ id: 'm5', actionId: 'a3', dueDate: '2026-12-29' }),
    ];
    return scenario('2026-12-16', {
      priorities: [priority(), priority({ number: 2, lead: chloe })],
      actions: reverse ? [...actions].reverse() : actions,
      milestones: reverse ? [...milestones].reverse() : milestones,
      policy: policy({ priorityChannels: { p2: 'health' } }),
    });
  };

  it('orders by send date, channel, lead, then reference as numbers', () => {
    expect(
      planReminders(build(false)).reminders.map((r) => [
        r.sendDate,
        r.channel.key,
        r.recipient?.displayName,
        'action' in r ? r.action.reference : '',
      ]),
    ).toEqual([
      ['2026-12-15', 'wsoa', 'Dana Ahmed', '1.2'],
      ['2026-12-16', 'health', 'Ben Jones', '2.1'],
      ['2026-12-16', 'wsoa', 'Asha Patel', '1.9'],
      ['2026-12-16', 'wsoa', 'Asha Patel', '1.10'],
      ['2026-12-16', 'wsoa', 'Dana Ahmed', '1.2'],
    ]);
  });

  it('gives the same output whatever order the input comes in', () => {
    expect(planReminders(build(true))).toEqual(planReminders(build(false)));
  });
});
