import { describe, expect, it } from 'vitest';
import {
  buildExceptionsDigest,
  buildReminderCard,
  toGraphChatMessage,
  toWorkflowsWebhookPayload,
} from '../../../src/cards';
import { asha, person } from '../reminders/builders';
import { contextOn, digestGroup, groupsOf, leadGroup, richScenario } from './card-fixtures';

const groups = groupsOf(richScenario());
const [card] = buildReminderCard(leadGroup(groups, asha.displayName), contextOn('2026-12-30'));
if (!card) throw new Error('The scenario should give Asha a card');

describe('Teams Workflows webhook payload', () => {
  it('wraps the card as a message with one Adaptive Card attachment', () => {
    expect(toWorkflowsWebhookPayload(card)).toEqual({
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
      ],
    });
  });

  it('serialises to the documented JSON shape', () => {
    const json = JSON.stringify(toWorkflowsWebhookPayload(card));
    expect(
      json.startsWith(
        '{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{"type":"AdaptiveCard"',
      ),
    ).toBe(true);
  });
});

describe('Graph chatMessage body', () => {
  it('references the card attachment from the HTML body and mentions the lead by Entra id', () => {
    const message = toGraphChatMessage(card, '74d20c7f34aa4a7fb74e2b30004247c5');
    expect(message.body).toEqual({
      contentType: 'html',
      content: '<at id="0">Asha Patel</at> <attachment id="74d20c7f34aa4a7fb74e2b30004247c5"></attachment>',
    });
    expect(message.mentions).toEqual([
      {
        id: 0,
        mentionText: 'Asha Patel',
        mentioned: { user: { id: asha.entraId, displayName: 'Asha Patel', userIdentityType: 'aadUser' } },
      },
    ]);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      id: '74d20c7f34aa4a7fb74e2b30004247c5',
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
    });
    expect(JSON.parse(message.attachments[0]?.content ?? '')).toEqual(card);
  });

  it('escapes a display name in the HTML body', () => {
    const odd = person('Sam <b>Boss</b> & Co', 7);
    const [oddCard] = buildReminderCard(
      leadGroup(
        groupsOf(richScenario({ people: [{ ...asha, displayName: odd.displayName }] })),
        odd.displayName,
      ),
      contextOn('2026-12-30'),
    );
    if (!oddCard) throw new Error('Expected a card');
    const message = toGraphChatMessage(oddCard, 'att-1');
    expect(message.body.content).toBe(
      '<at id="0">Sam &lt;b&gt;Boss&lt;/b&gt; &amp; Co</at> <attachment id="att-1"></attachment>',
    );
    expect(message.mentions[0]?.mentionText).toBe('Sam <b>Boss</b> & Co');
  });

  it('has no mentions for the digest', () => {
    const [digest] = buildExceptionsDigest(digestGroup(groups), contextOn('2026-12-30'));
    if (!digest) throw new Error('Expected a digest');
    const message = toGraphChatMessage(digest, 'att-2');
    expect(message.mentions).toEqual([]);
    expect(message.body.content).toBe('<attachment id="att-2"></attachment>');
  });
});
