import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card';
import { escapeHtml } from './escape';

/** The body a Teams Workflows ("Post card to a channel when a webhook request is received") URL takes. */
export interface WorkflowsWebhookPayload {
  type: 'message';
  attachments: [{ contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; contentUrl: null; content: AdaptiveCard }];
}

export function toWorkflowsWebhookPayload(card: AdaptiveCard): WorkflowsWebhookPayload {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

export interface GraphChatMessageMention {
  id: number;
  mentionText: string;
  mentioned: { user: { id: string; displayName: string; userIdentityType: 'aadUser' } };
}

/** The request body of POST /teams/{team-id}/channels/{channel-id}/messages. */
export interface GraphChatMessageBody {
  body: { contentType: 'html'; content: string };
  attachments: {
    id: string;
    contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
    contentUrl: null;
    content: string;
  }[];
  mentions: GraphChatMessageMention[];
}

/**
 * A Graph channel message carrying the card. Graph notifies people mentioned in
 * the HTML body (`<at id="0">…</at>` with a matching `mentions` entry), so each
 * person the card mentions is mentioned there too, by Entra object id. The
 * attachment id must be unique per message and appear in both body and attachment.
 */
export function toGraphChatMessage(card: AdaptiveCard, attachmentId: string): GraphChatMessageBody {
  const mentions: GraphChatMessageMention[] = (card.msteams?.entities ?? []).map((entity, index) => ({
    id: index,
    mentionText: entity.mentioned.name,
    mentioned: {
      user: { id: entity.mentioned.id, displayName: entity.mentioned.name, userIdentityType: 'aadUser' },
    },
  }));
  const atTags = mentions.map((m) => `<at id="${m.id}">${escapeHtml(m.mentionText)}</at>`).join(' ');
  const attachmentTag = `<attachment id="${escapeHtml(attachmentId)}"></attachment>`;
  return {
    body: { contentType: 'html', content: atTags ? `${atTags} ${attachmentTag}` : attachmentTag },
    attachments: [
      {
        id: attachmentId,
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: JSON.stringify(card),
      },
    ],
    mentions,
  };
}
