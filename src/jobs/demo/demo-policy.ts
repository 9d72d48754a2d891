import { addDays, type IsoDate, type Priority } from '../../domain';
import type { ReminderPolicyInput } from '../../domain/reminders';
import type { TeamChannel } from '../../graph/channel-messages';

export interface DemoTeam {
  teamId: string;
  channels: readonly TeamChannel[];
}

/** "Priority 1 – Joint commissioning" -> "priority-1-joint-commissioning". */
export function channelKey(displayName: string): string {
  return (
    displayName
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'channel'
  );
}

/**
 * The demo plan's reminder policy: the standard rules, with the team's channels
 * by id and webhook name (each channel's webhook is named after it), IP1 and IP2
 * posting to their own channels, and a board meeting and reporting deadline in
 * the coming days so that every kind of card shows on the first run. Weekends are
 * not quiet, so the demo shows reminders whatever day it is started.
 */
export function buildDemoPolicy(
  team: DemoTeam,
  priorities: readonly Pick<Priority, 'id' | 'number'>[],
  today: IsoDate,
): ReminderPolicyInput {
  const channels = team.channels
    .filter((c) => c.displayName !== 'General')
    .map((c) => ({
      key: channelKey(c.displayName),
      name: c.displayName,
      teamId: team.teamId,
      channelId: c.id,
      webhookName: channelKey(c.displayName),
    }));
  const find = (prefix: string) =>
    channels.find((c) => c.name.toLowerCase().startsWith(prefix.toLowerCase()));
  const priorityChannels: Record<string, string> = {};
  for (const p of priorities) {
    const channel = find(`Priority ${p.number} `);
    if (channel) priorityChannels[p.id] = channel.key;
  }
  return {
    channels,
    defaultChannel: find('WSoA action leads')?.key ?? channels[0]?.key ?? null,
    priorityChannels,
    quietDays: { weekends: false },
    updatesDue: { daysBefore: 5, deadlines: [addDays(today, 5), addDays(today, 47)] },
    exceptionsDigest: {
      daysBefore: 3,
      boardDates: [addDays(today, 3), addDays(today, 45)],
      channel: find('SEND Improvement Board')?.key ?? null,
    },
  };
}
