import type { PersonRef } from '../model';
import { compareText } from './order';
import type { ChannelRef } from './policy';
import type {
  ExceptionsDigestReminder,
  MilestoneReminder,
  PlannedReminder,
  UpdatesDueReminder,
} from './types';

/** One post: a card (or a few, when it must be split) for one recipient in one channel. */
export type DeliveryGroup =
  | {
      id: string;
      card: 'lead-reminders';
      channel: ChannelRef;
      recipient: PersonRef;
      reminders: (MilestoneReminder | UpdatesDueReminder)[];
    }
  | {
      id: string;
      card: 'escalation';
      channel: ChannelRef;
      recipient: PersonRef;
      reminders: MilestoneReminder[];
    }
  | {
      id: string;
      card: 'exceptions-digest';
      channel: ChannelRef;
      recipient: null;
      reminders: ExceptionsDigestReminder[];
    };

export type DeliveryCard = DeliveryGroup['card'];
export type LeadRemindersGroup = Extract<DeliveryGroup, { card: 'lead-reminders' }>;
export type EscalationGroup = Extract<DeliveryGroup, { card: 'escalation' }>;
export type DigestGroup = Extract<DeliveryGroup, { card: 'exceptions-digest' }>;

const CARD_ORDER: Record<DeliveryCard, number> = {
  'lead-reminders': 0,
  escalation: 1,
  'exceptions-digest': 2,
};

/**
 * Groups planned reminders into posts: a lead's due items in one channel make one
 * card; escalations to a priority lead make another; each digest is its own post.
 * Reminders keep the planner's order inside a group; groups are ordered by
 * channel, card, then recipient.
 */
export function groupForDelivery(reminders: readonly PlannedReminder[]): DeliveryGroup[] {
  const groups = new Map<string, DeliveryGroup>();
  for (const reminder of reminders) {
    const channel = reminder.channel;
    if (reminder.kind === 'exceptions-digest') {
      // A digest is one post of its own; its key keeps two board dates apart.
      const id = groupId('exceptions-digest', channel, reminder.key);
      groups.set(id, { id, card: 'exceptions-digest', channel, recipient: null, reminders: [reminder] });
      continue;
    }
    if (reminder.kind === 'escalation') {
      const id = groupId('escalation', channel, reminder.recipient.entraId);
      const group = groups.get(id);
      if (group?.card === 'escalation') group.reminders.push(reminder);
      else
        groups.set(id, {
          id,
          card: 'escalation',
          channel,
          recipient: reminder.recipient,
          reminders: [reminder],
        });
      continue;
    }
    const id = groupId('lead-reminders', channel, reminder.recipient.entraId);
    const group = groups.get(id);
    if (group?.card === 'lead-reminders') group.reminders.push(reminder);
    else
      groups.set(id, {
        id,
        card: 'lead-reminders',
        channel,
        recipient: reminder.recipient,
        reminders: [reminder],
      });
  }
  return [...groups.values()].sort(
    (a, b) =>
      compareText(a.channel.key, b.channel.key) ||
      CARD_ORDER[a.card] - CARD_ORDER[b.card] ||
      compareText(recipientSortKey(a.recipient), recipientSortKey(b.recipient)) ||
      compareText(a.id, b.id),
  );
}

function groupId(card: DeliveryCard, channel: ChannelRef, who: string): string {
  return [card, channel.key, who].map(encodeURIComponent).join('|');
}

function recipientSortKey(person: PersonRef | null): string {
  return person === null ? '' : `${person.displayName}\u0000${person.entraId}`;
}
