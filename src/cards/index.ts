import type { DeliveryGroup } from '../domain/reminders/grouping';
import type { AdaptiveCard } from './adaptive-card';
import type { CardContext } from './context';
import { buildExceptionsDigest } from './digest-card';
import { buildEscalationCard } from './escalation-card';
import { buildReminderCard } from './reminder-card';

export * from './adaptive-card';
export type { CardContext, CardLinks } from './context';
export { buildExceptionsDigest } from './digest-card';
export { buildEscalationCard } from './escalation-card';
export { escapeCardText, escapeHtml, mentionText } from './escape';
export { tabLinks, type TabLinkOptions } from './links';
export { renderCardMarkdown } from './markdown';
export {
  toGraphChatMessage,
  toWorkflowsWebhookPayload,
  type GraphChatMessageBody,
  type GraphChatMessageMention,
  type WorkflowsWebhookPayload,
} from './payloads';
export { buildReminderCard } from './reminder-card';
export { cardBytes, MAX_CARD_BYTES, utf8Length } from './split';

/** The card(s) for one post, whatever kind of group it is. */
export function buildCardsForGroup(group: DeliveryGroup, context: CardContext): AdaptiveCard[] {
  switch (group.card) {
    case 'lead-reminders':
      return buildReminderCard(group, context);
    case 'escalation':
      return buildEscalationCard(group, context);
    case 'exceptions-digest':
      return buildExceptionsDigest(group, context);
  }
}
