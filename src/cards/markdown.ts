import { escapeHtml } from './escape';

/**
 * The card markdown these cards use, rendered to HTML for the adaptivecards
 * renderer (which shows text raw unless given a processor): backslash escapes,
 * the entities `escapeCardText` writes, `<at>` mentions, **bold** and _italic_.
 * Everything else is text: the output is HTML-escaped throughout, so nothing a
 * user wrote can become markup.
 */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

type Marker = '**' | '_';
type Token =
  { kind: 'text'; value: string } | { kind: 'literal'; value: string } | { kind: 'mention'; value: string };

export function renderCardMarkdown(text: string): string {
  return emphasise(tokenise(text));
}

/** Splits out escaped characters, entities and mentions, which markdown must not touch. */
function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', value: plain });
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (ch === '\\' && ESCAPABLE.test(next)) {
      flush();
      tokens.push({ kind: 'literal', value: next });
      i++;
      continue;
    }
    if (ch === '&') {
      const entity = /^&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/i.exec(text.slice(i));
      const decoded = entity ? decodeEntity(entity[1] ?? '') : null;
      if (entity && decoded !== null) {
        flush();
        tokens.push({ kind: 'literal', value: decoded });
        i += entity[0].length - 1;
        continue;
      }
    }
    if (ch === '<') {
      const mention = /^<at>([^<]*)<\/at>/.exec(text.slice(i));
      if (mention) {
        flush();
        tokens.push({ kind: 'mention', value: decodeAll(mention[1] ?? '') });
        i += mention[0].length - 1;
        continue;
      }
    }
    plain += ch;
  }
  flush();
  return tokens;
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#')) {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return ENTITIES[name.toLowerCase()] ?? null;
}

function decodeAll(text: string): string {
  return text.replace(
    /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi,
    (whole, name: string) => decodeEntity(name) ?? whole,
  );
}

/** Pairs `**…**` and `_…_` markers found in plain text, properly nested; unpaired ones stay as written. */
function emphasise(tokens: readonly Token[]): string {
  const pieces: { html: string; marker?: Marker }[] = [];
  for (const token of tokens) {
    if (token.kind === 'literal') pieces.push({ html: escapeHtml(token.value) });
    else if (token.kind === 'mention')
      pieces.push({ html: `<strong class="mention">${escapeHtml(token.value)}</strong>` });
    else {
      for (const part of token.value.split(/(\*\*|_)/)) {
        if (part === '**' || part === '_') pieces.push({ html: part, marker: part });
        else if (part) pieces.push({ html: escapeHtml(part) });
      }
    }
  }
  const html = pieces.map((p) => p.html);
  const open: { marker: Marker; index: number }[] = [];
  pieces.forEach((piece, index) => {
    const marker = piece.marker;
    if (!marker) return;
    const at = open.findLastIndex((o) => o.marker === marker);
    const opener = open[at];
    if (opener === undefined || index === opener.index + 1) {
      open.push({ marker, index });
      return;
    }
    // Closing an outer marker leaves the inner ones unmatched, as written.
    open.length = at;
    const tag = marker === '**' ? 'strong' : 'em';
    html[opener.index] = `<${tag}>`;
    html[index] = `</${tag}>`;
  });
  return html.join('');
}
