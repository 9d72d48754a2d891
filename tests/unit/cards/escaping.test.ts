import { describe, expect, it } from 'vitest';
import { buildReminderCard, escapeCardText, escapeHtml, mentionText } from '../../../src/cards';
import { action, milestone, person, plan, scenario } from '../reminders/builders';
import { cardSchemaErrors } from './card-schema';
import { cardTexts, contextOn, groupsOf, HOSTILE, leadGroup } from './card-fixtures';

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
