import { describe, expect, it } from 'vitest';
import {
  channelForPriority,
  defaultReminderPolicy,
  digestChannel,
  parseReminderPolicy,
} from '../../../src/domain/reminders';
import { policy } from './builders';

const channels = [
  { key: 'wsoa', name: 'WSoA action leads', webhookName: 'wsoa-leads' },
  { key: 'board', name: 'SEND Improvement Board', teamId: 'team-1', channelId: '19:board@thread.tacv2' },
];

function issuesOf(input: unknown) {
  const result = parseReminderPolicy(input);
  return result.ok ? [] : result.issues;
}

describe('reminder policy', () => {
  it('defaults to 14 and 7 days before, on the day, weekly while overdue, escalation after 14 days, quiet weekends', () => {
    expect(defaultReminderPolicy()).toEqual({
      enabled: true,
      milestones: { daysBefore: [14, 7], onDueDate: true, overdueEveryDays: 7 },
      escalation: { afterDaysOverdue: 14 },
      channels: [],
      defaultChannel: null,
      priorityChannels: {},
      quietDays: { weekends: true, bankHolidays: [] },
      updatesDue: { daysBefore: 5, deadlines: [] },
      exceptionsDigest: { daysBefore: 3, boardDates: [], channel: null },
    });
  });

  it('fills in every default a stored policy leaves out, nested ones included', () => {
    const result = parseReminderPolicy({
      milestones: { daysBefore: [10] },
      quietDays: { bankHolidays: ['2026-12-28'] },
    });
    expect(result.ok && result.value.milestones).toEqual({
      daysBefore: [10],
      onDueDate: true,
      overdueEveryDays: 7,
    });
    expect(result.ok && result.value.quietDays).toEqual({ weekends: true, bankHolidays: ['2026-12-28'] });
    expect(result.ok && result.value.escalation.afterDaysOverdue).toBe(14);
  });

  it('accepts channels by webhook name or by team and channel id, with a default and per-priority overrides', () => {
    const result = parseReminderPolicy({
      channels,
      defaultChannel: 'wsoa',
      priorityChannels: { p2: 'board' },
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'a default channel that does not exist',
      { channels, defaultChannel: 'boards' },
      {
        field: 'defaultChannel',
        message: 'The default channel is "boards", which is not one of the plan\'s channels',
      },
    ],
    [
      'a priority override to an unknown channel',
      { channels, priorityChannels: { p2: 'health' } },
      {
        field: 'priorityChannels.p2',
        message: 'Priority p2 is set to post to "health", which is not one of the plan\'s channels',
      },
    ],
    [
      "an unknown board's channel",
      { channels, exceptionsDigest: { channel: 'chairs' } },
      {
        field: 'exceptionsDigest.channel',
        message: 'The board\'s channel is "chairs", which is not one of the plan\'s channels',
      },
    ],
    [
      'two channels with one key',
      { channels: [channels[0], { key: 'wsoa', webhookName: 'other' }] },
      {
        field: 'channels.1.key',
        message: 'Two channels share the key "wsoa": give each channel its own key',
      },
    ],
    [
      'a channel with nowhere to post',
      { channels: [{ key: 'empty', name: 'Empty' }] },
      {
        field: 'channels.0.webhookName',
        message:
          'Channel "Empty" needs a webhook name or a team and channel id, or nothing can be posted to it',
      },
    ],
    [
      'a team without a channel',
      { channels: [{ key: 'half', teamId: 'team-1', webhookName: 'half' }] },
      {
        field: 'channels.0.channelId',
        message: 'Channel "half" needs both a team id and a channel id, or neither',
      },
    ],
    [
      'a webhook name that could be a URL',
      { channels: [{ key: 'leaky', webhookName: 'https://prod.example/webhook' }] },
      { field: 'channels.0.webhookName', message: 'A webhook name uses letters, digits, "-" and "_" only' },
    ],
    [
      'a reminder 0 days before',
      { milestones: { daysBefore: [14, 0] } },
      { field: 'milestones.daysBefore.1', message: 'A reminder before the due date must be at least 1 day' },
    ],
    [
      'half a day',
      { escalation: { afterDaysOverdue: 1.5 } },
      { field: 'escalation.afterDaysOverdue', message: 'Escalation must be a whole number of days' },
    ],
    [
      'the same reminder twice',
      { milestones: { daysBefore: [7, 7] } },
      { field: 'milestones.daysBefore.1', message: 'There are two reminders 7 days before the due date' },
    ],
    [
      'an impossible bank holiday',
      { quietDays: { bankHolidays: ['2026-02-30'] } },
      { field: 'quietDays.bankHolidays.0', message: 'Enter a real date as YYYY-MM-DD' },
    ],
    [
      'a board date listed twice',
      { exceptionsDigest: { boardDates: ['2026-12-10', '2026-12-10'] } },
      { field: 'exceptionsDigest.boardDates.1', message: 'The board date 2026-12-10 is listed twice' },
    ],
    [
      'a reporting deadline that is not a date',
      { updatesDue: { deadlines: ['Dec 2026'] } },
      { field: 'updatesDue.deadlines.0', message: 'Enter a real date as YYYY-MM-DD' },
    ],
  ])('rejects %s with a specific message', (_, input, issue) => {
    expect(issuesOf(input)).toContainEqual(issue);
  });

  it('routes a priority to its override channel, else to the default, else nowhere', () => {
    const p = policy({ priorityChannels: { p3: 'health' } });
    expect(channelForPriority(p, 'p3')?.key).toBe('health');
    expect(channelForPriority(p, 'p1')?.key).toBe('wsoa');
    expect(channelForPriority(policy({ defaultChannel: null }), 'p1')).toBeNull();
  });

  it("sends the digest to the board's channel, falling back to the default channel", () => {
    expect(digestChannel(policy({ exceptionsDigest: { channel: 'board' } }))?.key).toBe('board');
    expect(digestChannel(policy())?.key).toBe('wsoa');
  });
});
