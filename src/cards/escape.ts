/**
 * Escaping for Adaptive Card text, which Teams renders as a markdown subset and
 * scans for `<at>…</at>` mentions. User text is flattened to one line, then:
 * - `<` and `>` become entities, so no `<at>` (or any tag) survives, and an
 *   entity-like `&…;` is neutralised as `&amp;`;
 * - markdown punctuation is backslash-escaped (CommonMark escapes, which Teams
 *   and the adaptivecards renderer honour): `\ * _ [ ] ( ) { } ~` and backticks;
 *   `{` and `}` also stop `{{DATE(…)}}` functions being injected;
 * - a heading, list or rule marker at the start is escaped too (the text is one line).
 */
/** Control and format characters: zero-width spaces and bidi overrides can disguise text. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const MARKDOWN_PUNCTUATION = /[\\`*_[\](){}~]/g;
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g;

export function escapeCardText(value: string): string {
  return escapeLineStart(neutraliseTags(flatten(value)).replace(MARKDOWN_PUNCTUATION, '\\$&'));
}

function flatten(value: string): string {
  return value.replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();
}

function neutraliseTags(value: string): string {
  return value.replace(ENTITY_LIKE, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeLineStart(text: string): string {
  if (/^[#+=-]/.test(text)) return `\\${text}`;
  // "1. " starts a list, but a reference such as "1.2.3" does not, so it stays as written.
  return text.replace(/^(\d+)\.(?=\s|$)/, '$1\\.');
}

/** The `<at>…</at>` text of a mention; the name keeps its look, only tag characters are neutralised. */
export function mentionText(displayName: string): string {
  return `<at>${neutraliseTags(flatten(displayName))}</at>`;
}

/** For the HTML body of a Graph chatMessage. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
