import { describe, expect, it } from 'vitest';
import {
  buildCardsForGroup,
  buildReminderCard,
  escapeCardText,
  escapeHtml,
  mentionText,
  type AdaptiveCard,
} from '../../../src/cards';
import type { Action, Milestone, Priority } from '../../../src/domain';
import type { DeliveryGroup, ReminderPlanInput } from '../../../src/domain/reminders';
import {
  action,
  asha,
  ben,
  bragp,
  chloe,
  milestone,
  person,
  plan,
  priority,
  scenario,
} from '../reminders/builders';
import { cardSchemaErrors } from './card-schema';
import {
  cardTexts,
  contextOn,
  groupsOf,
  HOSTILE,
  HOSTILE_MORE,
  leadGroup,
  markdownTexts,
  mentionProblems,
  rawMarkup,
  rewriteActions,
  richScenario,
  shownAs,
  strayHtml,
  visibleText,
} from './card-fixtures';

describe('escapeCardText', () => {
  it.each([
    ['plain text stays as it is', 'Joint Strategic Needs Assessment', 'Joint Strategic Needs Assessment'],
    ['a reference stays as written', '1.2.3', '1.2.3'],
    ['an ampersand in prose stays', 'Health & Social Care', 'Health & Social Care'],
    ['bold and italic markers', '**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
    ['a link', '[x](http://evil)', '\\[x\\]\\(http://evil\\)'],
    ['an image', '![x](http://evil/x.png)', '!\\[x\\]\\(http://evil/x.png\\)'],
    ['code and strikethrough', '`code` ~~gone~~', '\\`code\\` \\~\\~gone\\~\\~'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a heading at the start', '# heading', '\\# heading'],
    ['a hash later on', 'C# skills', 'C# skills'],
    ['a bullet at the start', '- item', '\\- item'],
    ['a plus bullet at the start', '+ item', '\\+ item'],
    ['a numbered list at the start', '1. item', '1\\. item'],
    ['a setext underline', '=== title', '\\=== title'],
    ['a mention tag', '<at>Someone</at>', '&lt;at&gt;Someone&lt;/at&gt;'],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a blockquote', '> quoted', '&gt; quoted'],
    ['an entity that would decode to a tag', '&lt;at&gt;', '&amp;lt;at&amp;gt;'],
    ['a numeric entity', '&#60;at&#62;', '&amp;#60;at&amp;#62;'],
    [
      'a card date function',
      '{{DATE(2026-12-01T00:00:00Z, SHORT)}}',
      '\\{\\{DATE\\(2026-12-01T00:00:00Z, SHORT\\)\\}\\}',
    ],
    [
      'new lines, which would start new markdown lines',
      'line one\n- item\n# heading',
      'line one - item # heading',
    ],
    ['zero-width and bidi characters', 'a\u200bb\u202ec\ufeff', 'abc'],
  ])('%s', (_, input, expected) => {
    expect(escapeCardText(input)).toBe(expected);
  });
});

describe('mentions', () => {
  it('neutralises tags in a display name so it cannot close the mention early', () => {
    expect(mentionText('Eve </at><at>Mallory')).toBe('<at>Eve &lt;/at&gt;&lt;at&gt;Mallory</at>');
  });

  it('escapes text for the HTML body of a Graph message', () => {
    expect(escapeHtml(`<b>"O'Brien" & co</b>`)).toBe('&lt;b&gt;&quot;O&#39;Brien&quot; &amp; co&lt;/b&gt;');
  });
});

describe('hostile text in a reminder card', () => {
  const mallory = person('Mallory <at>Asha Patel</at> **Boss**', 9);
  const input = scenario('2026-12-16', {
    plan: plan({ title: `Plan ${HOSTILE}` }),
    actions: [action({ text: HOSTILE, lead: mallory })],
    milestones: [milestone({ title: `# ${HOSTILE}` })],
  });
  const [card] = buildReminderCard(
    leadGroup(groupsOf(input), mallory.displayName),
    contextOn('2026-12-16', { planTitle: input.plan.title }),
  );
  const json = JSON.stringify(card);
  const escapedHostile =
    '\\*\\*bold\\*\\* \\[x\\]\\(http://evil\\) &lt;at&gt;Someone&lt;/at&gt; # heading &lt;script&gt;alert\\(1\\)&lt;/script&gt;';

  it('comes out escaped wherever it appears', () => {
    const texts = cardTexts(card);
    expect(texts).toContain(`1.1 ${escapedHostile}`);
    expect(texts).toContain(`\\# ${escapedHostile}`);
    expect(texts).toContain(`Plan ${escapedHostile}`);
  });

  it('leaves no raw markup: no script tag, no markdown link, no unescaped bold', () => {
    expect(json).not.toContain('<script');
    expect(json).not.toMatch(/(?<!\\\\)\[x(?<!\\\\)\]/);
    expect(json).not.toMatch(/(?<!\\\\)\*\*bold/);
  });

  it('cannot forge a mention: the only <at> tags are the real mention', () => {
    const entity = card?.msteams?.entities?.[0];
    expect(card?.msteams?.entities).toHaveLength(1);
    expect(entity?.mentioned.id).toBe(mallory.entraId);
    expect(entity?.text).toBe('<at>Mallory &lt;at&gt;Asha Patel&lt;/at&gt; **Boss**</at>');
    const body = JSON.stringify(card?.body);
    expect(body.split('<at>').length - 1).toBe(1);
    expect(body).toContain(entity?.text);
  });

  it('stays a valid card', () => {
    expect(cardSchemaErrors(card)).toEqual([]);
  });
});

type CardName = 'reminders to Asha' | 'reminders to Ben' | 'escalation to Chloe' | 'board digest';

function cardName(group: DeliveryGroup): CardName {
  if (group.card === 'exceptions-digest') return 'board digest';
  if (group.card === 'escalation') return 'escalation to Chloe';
  return group.recipient.entraId === asha.entraId ? 'reminders to Asha' : 'reminders to Ben';
}

const TODAY = '2026-12-30';
const CARD_NAMES: CardName[] = [
  'board digest',
  'escalation to Chloe',
  'reminders to Asha',
  'reminders to Ben',
];

/**
 * Every post of the rich scenario, by name: Asha's milestones and updates due, Ben's,
 * the escalation to Chloe and the board's digest. `rewrite` changes the planned
 * reminders before the cards are built.
 */
function postsOf(
  input: ReminderPlanInput,
  planTitle = input.plan.title,
  rewrite: (groups: DeliveryGroup[]) => DeliveryGroup[] = (groups) => groups,
): { name: CardName; cards: AdaptiveCard[] }[] {
  const context = contextOn(TODAY, { planTitle });
  const posts = rewrite(groupsOf(input)).map((group) => ({
    name: cardName(group),
    cards: buildCardsForGroup(group, context),
  }));
  expect(posts.map((p) => p.name).sort()).toEqual(CARD_NAMES);
  return posts;
}

// Fields are set after the factories, whose limits (a 50-character priority label or
// rating) would refuse the long hostile text: the cards must not rely on them.
const withAction1 = (changes: Partial<Action>) =>
  richScenario({ actions: richScenario().actions.map((a) => (a.id === 'a1' ? { ...a, ...changes } : a)) });
const withMilestone1 = (changes: Partial<Milestone>) =>
  richScenario({
    milestones: richScenario().milestones.map((m) => (m.id === 'm1' ? { ...m, ...changes } : m)),
  });
const withPriority1 = (changes: Partial<Priority>) =>
  richScenario({ priorities: [{ ...priority(), ...changes }, priority({ number: 2, lead: ben })] });

interface UserTextField {
  field: string;
  posts(value: string): { name: CardName; cards: AdaptiveCard[] }[];
  /** How many texts of each card show the field. */
  shows: Record<CardName, number>;
}

/**
 * Every piece of user text that reaches a card, one at a time, with how often each
 * card shows it. Action 1.1 (Asha's, milestone m1 overdue and escalated to Chloe,
 * priority IP1) carries it; Ben's card is about IP2 and shows none of it.
 */
const FIELDS: UserTextField[] = [
  {
    field: 'plan title',
    posts: (value) => postsOf(richScenario({ plan: plan({ title: value }) }), value),
    shows: { 'reminders to Asha': 1, 'reminders to Ben': 1, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: 'priority label',
    posts: (value) => postsOf(withPriority1({ label: value })),
    shows: { 'reminders to Asha': 1, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: 'priority title',
    posts: (value) => postsOf(withPriority1({ title: value })),
    shows: { 'reminders to Asha': 1, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    // The domain only accepts references of numbers and dots, and the planner sorts by
    // them, so the cards get this one in the reminders they are given.
    field: 'action reference',
    posts: (value) =>
      postsOf(richScenario(), undefined, (groups) =>
        rewriteActions(groups, (a) => (a.actionId === 'a1' ? { ...a, reference: value } : a)),
      ),
    shows: { 'reminders to Asha': 2, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: 'action text',
    posts: (value) => postsOf(withAction1({ text: value })),
    shows: { 'reminders to Asha': 2, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: 'milestone title',
    posts: (value) => postsOf(withMilestone1({ title: value })),
    shows: { 'reminders to Asha': 1, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    // A rating outside the plan's scale is shown by its own text.
    field: 'rating off the scale',
    posts: (value) => postsOf(withAction1({ status: value })),
    shows: { 'reminders to Asha': 2, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: 'rating label of the scale',
    posts: (value) =>
      postsOf(
        richScenario({
          scale: {
            ...bragp,
            ratings: bragp.ratings.map((r) => (r.key === 'green' ? { ...r, label: value } : r)),
          },
        }),
      ),
    // Asha's two actions are green: both milestones and both update lines.
    shows: { 'reminders to Asha': 4, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: "action lead's name (the lead card's recipient)",
    posts: (value) => {
      const lead = { ...asha, displayName: value };
      return postsOf(
        richScenario({
          actions: richScenario().actions.map((a) => (a.lead?.entraId === asha.entraId ? { ...a, lead } : a)),
        }),
      );
    },
    // Asha's card: the mention and the fallback text.
    shows: { 'reminders to Asha': 2, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: "action lead's name from the directory",
    posts: (value) => postsOf(richScenario({ people: [{ ...asha, displayName: value }] })),
    shows: { 'reminders to Asha': 2, 'reminders to Ben': 0, 'escalation to Chloe': 1, 'board digest': 1 },
  },
  {
    field: "priority lead's name (the escalation's recipient)",
    posts: (value) => postsOf(withPriority1({ lead: { ...chloe, displayName: value } })),
    shows: { 'reminders to Asha': 0, 'reminders to Ben': 0, 'escalation to Chloe': 2, 'board digest': 0 },
  },
];

describe.each([
  ['HOSTILE', HOSTILE],
  ['HOSTILE_MORE', HOSTILE_MORE],
])('%s text in each user-text field of every card', (_, value) => {
  it.each(FIELDS)('$field: no markup gets through, and it reads as written', ({ posts, shows }) => {
    const shown: Record<string, number> = {};
    for (const { name, cards } of posts(value)) {
      shown[name] = 0;
      for (const card of cards) {
        const mentions = (card.msteams?.entities ?? []).map((e) => e.text);
        for (const text of markdownTexts(card)) {
          expect(rawMarkup(text, mentions), `${name}: ${text}`).toEqual([]);
          if (visibleText(text).includes(shownAs(value))) shown[name]++;
        }
        expect(mentionProblems(card), name).toEqual([]);
        expect(strayHtml(card), name).toBe('');
        expect(cardSchemaErrors(card), name).toEqual([]);
      }
    }
    expect(shown).toEqual(shows);
  });
});

describe('hostile text in every field at once', () => {
  const lead = { ...asha, displayName: HOSTILE };
  const input = richScenario({
    plan: plan({ title: HOSTILE_MORE }),
    priorities: [
      { ...priority(), label: HOSTILE, title: HOSTILE_MORE, lead: { ...chloe, displayName: HOSTILE_MORE } },
      { ...priority({ number: 2, lead: ben }), label: HOSTILE_MORE, title: HOSTILE },
    ],
    actions: richScenario().actions.map((a) => ({
      ...a,
      text: HOSTILE,
      // Ben's action stays red, so the digest still has it.
      status: a.status === 'red' ? a.status : HOSTILE_MORE,
      lead: a.lead?.entraId === asha.entraId ? lead : a.lead,
    })),
    milestones: richScenario().milestones.map((m) => ({ ...m, title: HOSTILE_MORE })),
  });
  const posts = postsOf(input, HOSTILE_MORE, (groups) =>
    rewriteActions(groups, (a) => ({ ...a, reference: HOSTILE })),
  );

  it.each(posts)('$name: nothing gets through as markup', ({ cards }) => {
    for (const card of cards) {
      const mentions = (card.msteams?.entities ?? []).map((e) => e.text);
      expect(markdownTexts(card).flatMap((text) => rawMarkup(text, mentions))).toEqual([]);
      expect(mentionProblems(card)).toEqual([]);
      expect(strayHtml(card)).toBe('');
      expect(cardSchemaErrors(card)).toEqual([]);
    }
  });
});

describe('the checks above', () => {
  it('find raw markup: tags, markdown punctuation, block markers, new lines', () => {
    expect(rawMarkup(HOSTILE)).not.toEqual([]);
    expect(rawMarkup('# title')).toEqual(['a block marker at the start']);
    expect(rawMarkup('one\ntwo')).toEqual(['a new line']);
    expect(rawMarkup('a \\\\*b')).toEqual(['"*" at 4']);
    expect(rawMarkup(`${escapeCardText(HOSTILE)} ${escapeCardText(HOSTILE_MORE)}`)).toEqual([]);
  });

  it('read escaped text as the original words, and markup as what it renders to', () => {
    expect(visibleText(escapeCardText(HOSTILE))).toBe(HOSTILE);
    expect(visibleText(escapeCardText(HOSTILE_MORE))).toBe(shownAs(HOSTILE_MORE));
    expect(visibleText(HOSTILE)).not.toContain('**bold**');
    expect(visibleText(HOSTILE)).not.toContain('<at>Someone</at>');
    expect(visibleText(HOSTILE_MORE)).not.toContain('&lt;at&gt;');
  });
});
