import { describe, expect, it } from 'vitest';
import { channelForPriority, digestChannel, parseReminderPolicy } from '../../../src/domain/reminders';
import { buildDemoPolicy, channelKey } from '../../../src/jobs/demo/demo-policy';
import { DEMO_TENANT } from '../../../src/localgraph/index';

describe('the demo plan’s reminder policy', () => {
  const team = {
    teamId: DEMO_TENANT.group.id,
    channels: DEMO_TENANT.channels.map((c) => ({ ...c })),
  };
  const result = parseReminderPolicy(
    buildDemoPolicy(
      team,
      [
        { id: '11', number: 1 },
        { id: '12', number: 2 },
        { id: '13', number: 3 },
      ],
      '2026-11-23',
    ),
  );
  const policy = result.ok ? result.value : null;

  it('is a valid policy', () => {
    expect(result).toMatchObject({ ok: true });
  });

  it('names each channel’s webhook after it and routes IP1 and IP2 to their own channels', () => {
    expect(policy?.channels.map((c) => [c.key, c.webhookName, c.teamId])).toEqual([
      ['send-improvement-board', 'send-improvement-board', DEMO_TENANT.group.id],
      ['wsoa-action-leads', 'wsoa-action-leads', DEMO_TENANT.group.id],
      ['priority-1-joint-commissioning', 'priority-1-joint-commissioning', DEMO_TENANT.group.id],
      ['priority-2-co-production', 'priority-2-co-production', DEMO_TENANT.group.id],
    ]);
    expect(policy && channelForPriority(policy, '11')?.name).toBe('Priority 1 – Joint commissioning');
    expect(policy && channelForPriority(policy, '13')?.name).toBe('WSoA action leads');
    expect(policy && digestChannel(policy)?.name).toBe('SEND Improvement Board');
  });

  it('puts a board meeting and a reporting deadline in the coming days', () => {
    expect(policy?.exceptionsDigest.boardDates[0]).toBe('2026-11-26');
    expect(policy?.updatesDue.deadlines[0]).toBe('2026-11-28');
  });

  it.each([
    ['Priority 1 – Joint commissioning', 'priority-1-joint-commissioning'],
    ['  SEND  Board ', 'send-board'],
    ['–', 'channel'],
  ])('keys "%s" as "%s"', (name, key) => {
    expect(channelKey(name)).toBe(key);
  });
});
