import { z } from 'zod';
import { isoDateSchema } from '../model';
import { validate, type Validated } from '../validation';

/**
 * A plan's reminder policy, stored as JSON with the plan. Every field has a
 * default, so `{}` is the standard policy: 14 and 7 days before, on the day,
 * weekly while overdue, escalation after 14 days, no posts at weekends.
 */
const dayCount = (label: string, max: number) =>
  z
    .number({ message: `${label} must be a whole number of days` })
    .int(`${label} must be a whole number of days`)
    .min(1, `${label} must be at least 1 day`)
    .max(max, `${label} must be at most ${max} days`);

const channelKeySchema = z
  .string({ message: 'A channel key is required' })
  .trim()
  .min(1, 'A channel key is required')
  .max(100, 'A channel key must be at most 100 characters');

const optionalId = (label: string) =>
  z.string().trim().max(400, `${label} must be at most 400 characters`).nullable().default(null);

/**
 * Where posts go. The webhook URL itself is a secret kept server-side and looked
 * up by `webhookName`; a Graph post needs the team and channel ids.
 */
export const channelRefSchema = z
  .object({
    key: channelKeySchema,
    name: z.string().trim().max(255, 'A channel name must be at most 255 characters').default(''),
    teamId: optionalId('A team id'),
    channelId: optionalId('A channel id'),
    webhookName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'A webhook name uses letters, digits, "-" and "_" only')
      .nullable()
      .default(null),
  })
  .superRefine((channel, ctx) => {
    const label = channel.name || channel.key;
    if ((channel.teamId === null) !== (channel.channelId === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [channel.teamId === null ? 'teamId' : 'channelId'],
        message: `Channel "${label}" needs both a team id and a channel id, or neither`,
      });
    }
    if (channel.webhookName === null && channel.channelId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['webhookName'],
        message: `Channel "${label}" needs a webhook name or a team and channel id, or nothing can be posted to it`,
      });
    }
  });
export type ChannelRef = z.infer<typeof channelRefSchema>;

const uniqueDates = (label: string) =>
  z
    .array(isoDateSchema, { message: `${label} must be a list of dates` })
    .max(500, `${label} can hold at most 500 dates`)
    .default([]);

export const reminderPolicySchema = z
  .object({
    enabled: z.boolean().default(true),
    milestones: z
      .object({
        daysBefore: z
          .array(dayCount('A reminder before the due date', 365))
          .max(10, 'At most 10 reminders before a due date')
          .default([14, 7]),
        onDueDate: z.boolean().default(true),
        /** Repeat while overdue every N days; null stops after the due date. */
        overdueEveryDays: dayCount('The overdue reminder interval', 90).nullable().default(7),
      })
      .prefault({}),
    escalation: z
      .object({
        /** Escalate to the priority lead this many days after the due date; null never escalates. */
        afterDaysOverdue: dayCount('Escalation', 365).nullable().default(14),
      })
      .prefault({}),
    channels: z.array(channelRefSchema).max(100, 'At most 100 channels').default([]),
    defaultChannel: channelKeySchema.nullable().default(null),
    /** Priority id -> channel key, overriding the default channel for that priority. */
    priorityChannels: z.record(z.string().min(1, 'A priority id is required'), channelKeySchema).default({}),
    quietDays: z
      .object({
        weekends: z.boolean().default(true),
        bankHolidays: uniqueDates('Bank holidays'),
      })
      .prefault({}),
    updatesDue: z
      .object({
        daysBefore: dayCount('The "updates due" reminder', 60).default(5),
        /** Reporting deadlines (for example, the date papers go to the board). */
        deadlines: uniqueDates('Reporting deadlines'),
      })
      .prefault({}),
    exceptionsDigest: z
      .object({
        daysBefore: dayCount('The exceptions digest', 60).default(3),
        boardDates: uniqueDates('Board dates'),
        /** The board's channel; the plan's default channel when null. */
        channel: channelKeySchema.nullable().default(null),
      })
      .prefault({}),
  })
  .superRefine((policy, ctx) => {
    const keys = new Set<string>();
    policy.channels.forEach((channel, index) => {
      if (keys.has(channel.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', index, 'key'],
          message: `Two channels share the key "${channel.key}": give each channel its own key`,
        });
      }
      keys.add(channel.key);
    });
    const checkKnown = (key: string | null, path: (string | number)[], what: string) => {
      if (key !== null && !keys.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${what} "${key}", which is not one of the plan's channels`,
        });
      }
    };
    checkKnown(policy.defaultChannel, ['defaultChannel'], 'The default channel is');
    checkKnown(policy.exceptionsDigest.channel, ['exceptionsDigest', 'channel'], "The board's channel is");
    for (const [priorityId, key] of Object.entries(policy.priorityChannels)) {
      checkKnown(key, ['priorityChannels', priorityId], `Priority ${priorityId} is set to post to`);
    }
    reportDuplicates(
      policy.milestones.daysBefore.map(String),
      ['milestones', 'daysBefore'],
      ctx,
      (d) => `There are two reminders ${d} days before the due date`,
    );
    reportDuplicates(
      policy.quietDays.bankHolidays,
      ['quietDays', 'bankHolidays'],
      ctx,
      (d) => `The bank holiday ${d} is listed twice`,
    );
    reportDuplicates(
      policy.updatesDue.deadlines,
      ['updatesDue', 'deadlines'],
      ctx,
      (d) => `The reporting deadline ${d} is listed twice`,
    );
    reportDuplicates(
      policy.exceptionsDigest.boardDates,
      ['exceptionsDigest', 'boardDates'],
      ctx,
      (d) => `The board date ${d} is listed twice`,
    );
  });
export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;
/** What a settings form or a stored JSON may give: every field optional. */
export type ReminderPolicyInput = z.input<typeof reminderPolicySchema>;

function reportDuplicates(
  values: readonly string[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
  message: (value: string) => string,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [...path, index], message: message(value) });
    seen.add(value);
  });
}

export function defaultReminderPolicy(): ReminderPolicy {
  return reminderPolicySchema.parse({});
}

/** Reads a stored or submitted policy; every problem comes back with its field. */
export function parseReminderPolicy(input: unknown): Validated<ReminderPolicy> {
  return validate(reminderPolicySchema, input);
}

/** The channel a priority's posts go to: its override, else the plan's default; null when neither is set. */
export function channelForPriority(policy: ReminderPolicy, priorityId: string): ChannelRef | null {
  return findChannel(policy, policy.priorityChannels[priorityId] ?? policy.defaultChannel);
}

export function digestChannel(policy: ReminderPolicy): ChannelRef | null {
  return findChannel(policy, policy.exceptionsDigest.channel ?? policy.defaultChannel);
}

function findChannel(policy: ReminderPolicy, key: string | null): ChannelRef | null {
  if (key === null) return null;
  return policy.channels.find((c) => c.key === key) ?? null;
}
