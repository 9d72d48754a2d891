import type { CardContext, CardLinks } from '../../../src/cards';
import {
  groupForDelivery,
  planReminders,
  type DeliveryGroup,
  type DigestGroup,
  type EscalationGroup,
  type LeadRemindersGroup,
  type ReminderPlanInput,
} from '../../../src/domain/reminders';
import { action, ben, milestone, policy, priority, scenario } from '../reminders/builders';

export const links: CardLinks = {
  actionUrl: (id) =>
    `https://teams.example/l/entity/app/tab?context=${encodeURIComponent(JSON.stringify({ subEntityId: `action/${id}` }))}`,
  myWorkUrl: () => 'https://teams.example/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22my-work%22%7D',
  overviewUrl: () =>
    'https://teams.example/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22overview%22%7D',
};

export function contextOn(today: string, overrides: Partial<CardContext> = {}): CardContext {
  return { planTitle: 'Leicestershire WSoA 2026', today, links, ...overrides };
}

export const HOSTILE = '**bold** [x](http://evil) <at>Someone</at> # heading <script>alert(1)</script>';

/**
 * Wednesday 30 Dec 2026: Asha has an overdue milestone (m1, due 16 Dec, escalated to
 * Chloe) and one due today with a month-only date; Ben has a red action whose
 * milestone is due in 7 days. The board meets on Monday 4 Jan, and updates are due.
 */
export function richScenario(overrides: Partial<ReminderPlanInput> = {}): ReminderPlanInput {
  return scenario('2026-12-30', {
    priorities: [priority(), priority({ number: 2, lead: ben })],
    actions: [
      action(),
      action({ id: 'a2', reference: '1.10', text: 'Publish the Local Offer in plain English' }),
      action({
        id: 'a3',
        priorityId: 'p2',
        reference: '2.1',
        lead: ben,
        status: 'red',
        text: 'Issue EHC plans within 20 weeks',
      }),
    ],
    milestones: [
      milestone(),
      milestone({
        id: 'm2',
        actionId: 'a2',
        title: 'Local Offer live',
        dueDate: '2026-12-31',
        dueDatePrecision: 'month',
      }),
      milestone({
        id: 'm3',
        priorityId: 'p2',
        actionId: 'a3',
        title: 'Backlog cleared',
        dueDate: '2027-01-06',
      }),
    ],
    policy: policy({
      quietDays: { weekends: false },
      updatesDue: { deadlines: ['2027-01-04'] },
      exceptionsDigest: { daysBefore: 5, boardDates: ['2027-01-04'], channel: 'board' },
    }),
    ...overrides,
  });
}

export function groupsOf(input: ReminderPlanInput): DeliveryGroup[] {
  return groupForDelivery(planReminders(input).reminders);
}

export function leadGroup(groups: DeliveryGroup[], displayName: string): LeadRemindersGroup {
  const group = groups.find(
    (g): g is LeadRemindersGroup => g.card === 'lead-reminders' && g.recipient.displayName === displayName,
  );
  if (!group) throw new Error(`No reminder card for ${displayName}`);
  return group;
}

export function escalationGroup(groups: DeliveryGroup[]): EscalationGroup {
  const group = groups.find((g): g is EscalationGroup => g.card === 'escalation');
  if (!group) throw new Error('No escalation card');
  return group;
}

export function digestGroup(groups: DeliveryGroup[]): DigestGroup {
  const group = groups.find((g): g is DigestGroup => g.card === 'exceptions-digest');
  if (!group) throw new Error('No digest');
  return group;
}

/** Every TextBlock text and Fact title/value in a card, in document order. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const texts: string[] = [];
  if ('type' in node && node.type === 'TextBlock' && 'text' in node && typeof node.text === 'string')
    texts.push(node.text);
  if (
    'title' in node &&
    'value' in node &&
    typeof node.title === 'string' &&
    typeof node.value === 'string'
  ) {
    texts.push(node.title, node.value);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'msteams') texts.push(...cardTexts(value));
  }
  return texts;
}
