import { describe, expect, it } from 'vitest';
import { groupForDelivery, planReminders } from '../../../src/domain/reminders';
import {
  action,
  asha,
  ben,
  chloe,
  makeLargePlanFixture,
  milestone,
  policy,
  priority,
  scenario,
} from './builders';

describe('grouping for delivery', () => {
  // On 30 Dec: m1 (Asha, IP1) 14 days overdue and escalated; m2 (Asha, IP2 -> health) due; m3 (Ben, IP1) due;
  // the board on Mon 4 Jan puts a digest (5 days before) in the board channel; updates are due for that date too.
  const input = scenario('2026-12-30', {
    priorities: [priority(), priority({ number: 2, lead: chloe })],
    actions: [
      action(),
      action({ id: 'a2', priorityId: 'p2', reference: '2.1' }),
      action({ id: 'a3', reference: '1.2', lead: ben }),
    ],
    milestones: [
      milestone(),
      milestone({ id: 'm2', priorityId: 'p2', actionId: 'a2', dueDate: '2026-12-30' }),
      milestone({ id: 'm3', actionId: 'a3', dueDate: '2026-12-30' }),
    ],
    policy: policy({
      priorityChannels: { p2: 'health' },
      updatesDue: { deadlines: ['2027-01-04'] },
      exceptionsDigest: { daysBefore: 5, boardDates: ['2027-01-04'], channel: 'board' },
    }),
  });
  const groups = groupForDelivery(planReminders(input).reminders);

  it('makes one post per recipient per channel, and keeps escalations and digests apart', () => {
    expect(
      groups.map((g) => [
        g.channel.key,
        g.card,
        g.recipient?.displayName ?? null,
        g.reminders.map((r) => r.key),
      ]),
    ).toEqual([
      ['board', 'exceptions-digest', null, ['exceptions-digest:plan-1:digest-5:2026-12-30']],
      [
        'health',
        'lead-reminders',
        asha.displayName,
        ['milestone:m2:on-due:2026-12-30', `updates-due:p2:${asha.entraId}:updates-due-5:2026-12-30`],
      ],
      [
        'wsoa',
        'lead-reminders',
        asha.displayName,
        ['milestone:m1:overdue-14:2026-12-30', `updates-due:p1:${asha.entraId}:updates-due-5:2026-12-30`],
      ],
      [
        'wsoa',
        'lead-reminders',
        ben.displayName,
        ['milestone:m3:on-due:2026-12-30', `updates-due:p1:${ben.entraId}:updates-due-5:2026-12-30`],
      ],
      ['wsoa', 'escalation', chloe.displayName, ['milestone:m1:escalate-14:2026-12-30']],
    ]);
  });

  it('gives every group a stable id and never loses or repeats a reminder', () => {
    const planned = planReminders(input)
      .reminders.map((r) => r.key)
      .sort();
    const grouped = groups.flatMap((g) => g.reminders.map((r) => r.key)).sort();
    expect(grouped).toEqual(planned);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    expect(groupForDelivery(planReminders(input).reminders).map((g) => g.id)).toEqual(
      groups.map((g) => g.id),
    );
  });
});

describe('a large plan', () => {
  it('plans 10,000 milestones across 1,000 leads with unique keys and at most one lead reminder per milestone', () => {
    const input = makeLargePlanFixture(10_000);
    expect(input.milestones).toHaveLength(10_000);
    expect(new Set(input.actions.map((a) => a.lead?.entraId)).size).toBe(1000);
    const { reminders } = planReminders(input);
    const keys = reminders.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const leadRemindersPerMilestone = new Map<string, number>();
    for (const r of reminders) {
      if (r.kind === 'milestone-due' || r.kind === 'milestone-overdue') {
        leadRemindersPerMilestone.set(r.milestoneId, (leadRemindersPerMilestone.get(r.milestoneId) ?? 0) + 1);
      }
    }
    expect(Math.max(...leadRemindersPerMilestone.values())).toBe(1);
    expect(new Set(reminders.map((r) => r.kind))).toEqual(
      new Set(['milestone-due', 'milestone-overdue', 'escalation', 'updates-due', 'exceptions-digest']),
    );
    const groups = groupForDelivery(reminders);
    expect(groups.reduce((n, g) => n + g.reminders.length, 0)).toBe(reminders.length);
  });
});
