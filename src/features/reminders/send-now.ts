import { buildCardsForGroup, toGraphChatMessage, type CardLinks } from '../../cards';
import { resolveScale, type PersonRef } from '../../domain';
import {
  groupForDelivery,
  logEntriesOf,
  planReminders,
  type DeliveryGroup,
  type ReminderPlan,
} from '../../domain/reminders';
import { postChannelMessage } from '../../graph/channel-messages';
import type { ReminderInputs } from '../../graph/reminder-inputs';
import { openReminderLog } from '../../graph/reminder-log';
import { requirePolicy } from '../../graph/reminder-policy';
import type { PlanStore } from '../../graph/store';

/** The plan's reminders as a run at `now` would see them, grouped into posts. */
export function planAt(inputs: ReminderInputs, now: Date): { plan: ReminderPlan; groups: DeliveryGroup[] } {
  const plan = planReminders({
    plan: inputs.plan,
    scale: resolveScale(inputs.plan.scaleId, inputs.plan.columnOrder),
    priorities: inputs.priorities,
    actions: inputs.actions,
    milestones: inputs.milestones,
    policy: requirePolicy(inputs.policy),
    log: logEntriesOf(inputs.log),
    now,
  });
  return { plan, groups: groupForDelivery(plan.reminders) };
}

/** One priority's posts (the plan-wide board digest is not a priority's). */
export function groupsOfPriority(groups: readonly DeliveryGroup[], priorityId: string): DeliveryGroup[] {
  return groupForDelivery(
    groups.flatMap((g) =>
      g.reminders.filter((r) => r.kind !== 'exceptions-digest' && r.priority.priorityId === priorityId),
    ),
  );
}

export interface SendNowResult {
  posts: number;
  reminders: number;
  /** Posts another run had already claimed. */
  skipped: number;
  /** Channels that cannot take a Graph post (no team and channel id). */
  problems: string[];
}

/**
 * "Send now": what is due today for one priority, posted to its channels as the
 * signed-in person (Graph channel messages), through the reminder log exactly as
 * the daily run does, so neither repeats what the other sent.
 */
export async function sendNow(options: {
  store: PlanStore;
  inputs: ReminderInputs;
  priorityId: string;
  person: PersonRef;
  now: Date;
  links: CardLinks;
}): Promise<SendNowResult> {
  const { store, inputs } = options;
  const { plan, groups } = planAt(inputs, options.now);
  const mine = groupsOfPriority(groups, options.priorityId);
  const problems = [
    ...new Set(
      mine
        .filter((g) => !g.channel.teamId || !g.channel.channelId)
        .map((g) => `${g.channel.name || g.channel.key} has no team and channel id`),
    ),
  ];
  const log = openReminderLog({
    ctx: store.ctx,
    planId: inputs.plan.id,
    records: inputs.log,
    by: options.person.upn,
  });
  const context = { planTitle: inputs.plan.title, today: plan.today, links: options.links };
  const result: SendNowResult = { posts: 0, reminders: 0, skipped: 0, problems };
  for (const group of mine) {
    const { teamId, channelId } = group.channel;
    if (!teamId || !channelId) continue;
    const cards = buildCardsForGroup(group, context);
    const [outcome] = await log.deliverParcel([group], async () => {
      for (const card of cards) {
        await postChannelMessage(store.ctx, teamId, channelId, toGraphChatMessage(card, crypto.randomUUID()));
      }
    });
    if (outcome?.status === 'failed') throw outcome.error;
    if (outcome?.status === 'sent') {
      result.posts++;
      result.reminders += outcome.keys.length;
    } else result.skipped++;
  }
  return result;
}
