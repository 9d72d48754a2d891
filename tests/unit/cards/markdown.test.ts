import { describe, expect, it } from 'vitest';
import { escapeCardText, mentionText, renderCardMarkdown } from '../../../src/cards';
import { HOSTILE } from './card-fixtures';

describe('card markdown, rendered for the adaptivecards renderer', () => {
  it.each([
    ['plain text', 'Publish the JSNA', 'Publish the JSNA'],
    ['bold', '**Due today**', '<strong>Due today</strong>'],
    ['italic', 'a _quiet_ day', 'a <em>quiet</em> day'],
    ['bold around italic', '**very _much_ so**', '<strong>very <em>much</em> so</strong>'],
    ['an unpaired marker stays as written', '2 ** 3', '2 ** 3'],
    ['an empty pair is not emphasis', '****', '****'],
    ['crossed markers pair only where they nest', '**a _b** c_', '<strong>a _b</strong> c_'],
    ['escaped punctuation is literal', 'Local Offer \\(2026\\) \\*draft\\*', 'Local Offer (2026) *draft*'],
    ['an escaped backslash', 'C:\\\\plans', 'C:\\plans'],
    ['a backslash before a letter stays', 'a\\b', 'a\\b'],
    ['entities become the characters, escaped again', '&lt;b&gt; &amp; &#39;', '&lt;b&gt; &amp; &#39;'],
    ['raw HTML is text', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['quotes are escaped', 'say "hi"', 'say &quot;hi&quot;'],
    [
      'a mention',
      '<at>Hannah Whitfield</at>, hello',
      '<strong class="mention">Hannah Whitfield</strong>, hello',
    ],
    ['markers inside a mention are text', '<at>**Bob**</at>', '<strong class="mention">**Bob**</strong>'],
  ])('%s', (_, text, html) => {
    expect(renderCardMarkdown(text)).toBe(html);
  });

  it('shows escaped user text exactly as the user wrote it, with no markup', () => {
    const html = renderCardMarkdown(escapeCardText(HOSTILE));
    expect(html).not.toMatch(/<(?!\/?strong|\/?em)/);
    const text = html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
    expect(text).toBe(HOSTILE);
  });

  it('shows a mention of a hostile display name as its text', () => {
    expect(renderCardMarkdown(mentionText('<b>Eve</b> & co'))).toBe(
      '<strong class="mention">&lt;b&gt;Eve&lt;/b&gt; &amp; co</strong>',
    );
  });
});
