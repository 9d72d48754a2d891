import { describe, expect, it } from 'vitest';
import {
  buildEscalationCard,
  buildExceptionsDigest,
  buildReminderCard,
  cardBytes,
  MAX_CARD_BYTES,
  utf8Length,
} from '../../../src/cards';
import { action, asha, milestone, policy, priority, scenario } from '../reminders/builders';
import { cardSchemaErrors } from './card-schema';
import {
  cardTexts,
  contextOn,
  digestGroup,
  escalationGroup,
  groupsOf,
  HOSTILE,
  leadGroup,
} from './card-fixtures';

/** One lead with `count` overdue milestones, each on its own action with long, hostile text. */
function busyLead(count: number) {
  const actions = Array.from({ length: count }, (_, i) =>
    action({
      id: `a${i}`,
      reference: `1.${i + 1}`,
      text: `${HOSTILE} ${'Improve EHC plan timeliness. '.repeat(12)}`,
      status: 'red',
    }),
  );
  const milestones = actions.map((a, i) =>
    milestone({
      id: `m${i}`,
      actionId: a.id,
      title: `Milestone ${i + 1}: ${'backlog cleared '.repeat(6)}`,
      dueDate: '2026-11-30',
    }),
  );
  return scenario('2026-12-16', {
    actions,
    milestones,
    priorities: [priority()],
    policy: policy({ exceptionsDigest: { boardDates: ['2026-12-18'] } }),
  });
}

const TWENTY_EIGHT_KB = 28 * 1024;

describe('cards that would be too large', () => {
  const groups = groupsOf(busyLead(150));
  const context = contextOn('2026-12-16');

  it.each([
    ['reminder', () => buildReminderCard(leadGroup(groups, asha.displayName), context)],
    ['escalation', () => buildEscalationCard(escalationGroup(groups), context)],
    ['digest', () => buildExceptionsDigest(digestGroup(groups), context)],
  ])(
    'split the %s into several valid cards under the limit, numbered "1 of N", dropping nothing',
    (_, build) => {
      const cards = build();
      expect(cards.length).toBeGreaterThan(1);
      cards.forEach((card, i) => {
        expect(cardSchemaErrors(card)).toEqual([]);
        expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(cardBytes(card)).toBeLessThan(TWENTY_EIGHT_KB);
        expect(cardTexts(card)[0]).toMatch(new RegExp(`\\(${i + 1} of ${cards.length}\\)$`));
      });
      const listed = cards.flatMap((card) => cardTexts(card).filter((t) => /^1\.\d+ /.test(t)));
      expect(listed).toHaveLength(150);
      expect(new Set(listed).size).toBe(150);
    },
  );

  it('mentions the lead on every part, and says where a section continues', () => {
    const cards = buildReminderCard(leadGroup(groups, asha.displayName), context);
    for (const card of cards) {
      expect(card.msteams?.entities?.[0]?.mentioned.id).toBe(asha.entraId);
      expect(JSON.stringify(card.body)).toContain(card.msteams?.entities?.[0]?.text);
    }
    expect(cardTexts(cards[1])).toContain('Overdue (continued)');
  });

  it('fits a smaller limit when asked, and refuses rather than truncates when one item cannot fit', () => {
    const small = buildReminderCard(
      leadGroup(groups, asha.displayName),
      contextOn('2026-12-16', { maxBytes: 8000 }),
    );
    expect(small.every((card) => cardBytes(card) <= 8000)).toBe(true);
    expect(() =>
      buildReminderCard(leadGroup(groups, asha.displayName), contextOn('2026-12-16', { maxBytes: 1500 })),
    ).toThrow('One item alone makes a card of more than 1500 bytes');
  });

  it('keeps a short list on one card without numbering', () => {
    const [card, ...rest] = buildReminderCard(leadGroup(groupsOf(busyLead(3)), asha.displayName), context);
    expect(rest).toEqual([]);
    expect(cardTexts(card)[0]).toBe('Reminders');
  });
});

describe('utf8Length', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['accented', 'café', 5],
    ['euro sign', '€', 3],
    ['emoji (a surrogate pair)', '😀', 4],
  ])('%s', (_, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
