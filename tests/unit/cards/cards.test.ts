import { describe, expect, it } from 'vitest';
import {
  buildCardsForGroup,
  buildEscalationCard,
  buildExceptionsDigest,
  buildReminderCard,
  cardBytes,
} from '../../../src/cards';
import { asha, ben, chloe } from '../reminders/builders';
import { cardSchemaErrors } from './card-schema';
import {
  cardTexts,
  contextOn,
  digestGroup,
  escalationGroup,
  groupsOf,
  leadGroup,
  links,
  richScenario,
} from './card-fixtures';

const context = contextOn('2026-12-30');
const groups = groupsOf(richScenario());
const allCards = groups.flatMap((g) => buildCardsForGroup(g, context).map((card) => ({ card, group: g })));
const TWENTY_EIGHT_KB = 28 * 1024;

describe('every card', () => {
  it('covers each kind of post in the scenario', () => {
    expect(groups.map((g) => g.card).sort()).toEqual([
      'escalation',
      'exceptions-digest',
      'lead-reminders',
      'lead-reminders',
    ]);
  });

  it.each(
    allCards.map(({ card, group }) => [
      `${group.card} for ${group.recipient?.displayName ?? group.channel.key}`,
      card,
    ]),
  )('is a valid Adaptive Card 1.5 under 28 KB: %s', (_, card) => {
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardBytes(card)).toBeLessThan(TWENTY_EIGHT_KB);
  });

  it('is checked by a schema that does reject broken cards', () => {
    const [first] = allCards;
    const broken = { ...first?.card, body: [{ type: 'TextBlock', txt: 'typo' }, { type: 'Image' }] };
    expect(cardSchemaErrors(broken)).not.toEqual([]);
    expect(
      cardSchemaErrors({ ...first?.card, msteams: { entities: [{ type: 'mention', text: 'Asha' }] } }),
    ).not.toEqual([]);
  });
});

describe('the reminder card for a lead', () => {
  const [card] = buildReminderCard(leadGroup(groups, asha.displayName), context);
  const texts = cardTexts(card);

  it('mentions the lead: the entity text occurs verbatim in a TextBlock and names the lead by Entra id', () => {
    expect(card?.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Asha Patel</at>', mentioned: { id: asha.entraId, name: 'Asha Patel' } },
    ]);
    expect(texts).toContain(
      '<at>Asha Patel</at>, 2 milestones need your attention and progress updates are due for 1 priority.',
    );
  });

  it('lists reference, action, milestone, due date or days overdue, and the rating label', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '1.1 Agree a joint commissioning strategy for 0 to 25 SEND provision',
        'Strategy approved by the SEND Improvement Board',
        '16 Dec 2026',
        '14 days overdue',
        'Good progress',
        '1.10 Publish the Local Offer in plain English',
        'Dec 2026',
        'Due tomorrow',
        'Progress updates due by 4 Jan 2027',
      ]),
    );
    expect(texts.indexOf('Overdue')).toBeLessThan(texts.indexOf('Coming up'));
  });

  it('deep-links each action and "My work" through the URL builders it was given', () => {
    expect(openUrls(card)).toEqual([links.actionUrl('a1'), links.actionUrl('a2'), links.myWorkUrl()]);
  });

  it('has a plain-text fallback', () => {
    expect(card?.fallbackText).toBe(
      'Reminders for Asha Patel: 2 milestones need your attention and progress updates are due for 1 priority.',
    );
  });
});

describe('the escalation card', () => {
  const [card] = buildEscalationCard(escalationGroup(groups), context);

  it('mentions the priority lead and lists the overdue items with their leads', () => {
    expect(card?.msteams?.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Chloe Smith</at>',
        mentioned: { id: chloe.entraId, name: 'Chloe Smith' },
      },
    ]);
    const texts = cardTexts(card);
    expect(texts).toContain(
      '<at>Chloe Smith</at>, 1 milestone has passed the escalation point and needs your help.',
    );
    expect(texts).toEqual(
      expect.arrayContaining(['IP1 Priority 1', 'Lead', 'Asha Patel', '14 days overdue', '16 Dec 2026']),
    );
  });
});

describe('the exceptions digest', () => {
  const [card] = buildExceptionsDigest(digestGroup(groups), context);
  const texts = cardTexts(card);

  it('groups red, amber, overdue and escalated actions by priority with counts', () => {
    expect(texts[0]).toBe('Exceptions for the board on 4 Jan 2027');
    expect(texts).toEqual(
      expect.arrayContaining([
        'IP1 Priority 1',
        // The plan's own scale names the ratings, not "Red" and "Amber".
        'Little or no progress 0 · Minor delays 0 · Overdue 1 · Escalated 1',
        'IP2 Priority 2',
        'Little or no progress 1 · Minor delays 0 · Overdue 0 · Escalated 0',
        'Overdue, Escalated',
        'Little or no progress',
        ben.displayName,
      ]),
    );
  });

  it('mentions nobody and links each item and the plan', () => {
    expect(card?.msteams?.entities).toBeUndefined();
    expect(openUrls(card)).toEqual([links.actionUrl('a1'), links.actionUrl('a3'), links.overviewUrl?.()]);
  });

  it('says so when there is nothing to report', () => {
    const quiet = groupsOf(richScenario({ actions: [], milestones: [] }));
    const [empty] = buildExceptionsDigest(digestGroup(quiet), context);
    expect(cardTexts(empty)).toContain(
      'No action is rated Little or no progress or Minor delays, overdue or escalated.',
    );
    expect(cardSchemaErrors(empty)).toEqual([]);
  });
});

function openUrls(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(openUrls);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    'type' in node && node.type === 'Action.OpenUrl' && 'url' in node && typeof node.url === 'string'
      ? [node.url]
      : [];
  return [...own, ...Object.values(node).flatMap(openUrls)];
}
