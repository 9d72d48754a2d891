import JSZip from 'jszip';

/**
 * A Word document read back the way a person meets it: its body's paragraphs
 * (with their style) and tables (cells as text), in order.
 */
export type DocBlock =
  | { kind: 'paragraph'; style: string | null; pageBreakBefore: boolean; text: string }
  | { kind: 'table'; headerRepeats: boolean; rows: string[][] };

export async function readDocx(bytes: Uint8Array): Promise<DocBlock[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('The file has no word/document.xml: it is not a Word document');
  const body = find(find(parseXml(xml), 'w:document'), 'w:body');
  return elements(body).flatMap((el): DocBlock[] => {
    if (el.name === 'w:p') return [paragraph(el)];
    if (el.name === 'w:tbl') return [table(el)];
    return [];
  });
}

function paragraph(p: XmlElement): Extract<DocBlock, { kind: 'paragraph' }> {
  const props = elements(p, 'w:pPr')[0];
  const style = props ? (elements(props, 'w:pStyle')[0]?.attrs['w:val'] ?? null) : null;
  const pageBreakBefore = props ? elements(props, 'w:pageBreakBefore').length > 0 : false;
  return { kind: 'paragraph', style, pageBreakBefore, text: textOf(p) };
}

function table(tbl: XmlElement): Extract<DocBlock, { kind: 'table' }> {
  const rows = elements(tbl, 'w:tr');
  const firstProps = rows[0] && elements(rows[0], 'w:trPr')[0];
  return {
    kind: 'table',
    headerRepeats: firstProps ? elements(firstProps, 'w:tblHeader').length > 0 : false,
    rows: rows.map((tr) =>
      elements(tr, 'w:tc').map((tc) =>
        elements(tc, 'w:p')
          .map((p) => paragraph(p).text)
          .join('\n'),
      ),
    ),
  };
}

/** The text of a paragraph's runs (w:t), in order. */
function textOf(el: XmlElement): string {
  return el.children
    .map((c) => (typeof c === 'string' ? '' : c.name === 'w:t' ? c.children.join('') : textOf(c)))
    .join('');
}

/*
 * A minimal XML reader, enough for the document part a Word writer makes: elements,
 * attributes, text and the five predefined entities; a closing tag that does not
 * match its opening one is an error rather than a guess.
 */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const TOKEN = /<\?[^>]*\?>|<(\/)?([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/)?>|([^<]+)/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const open = [root];
  for (const [, closing, name, attrs, selfClosing, text] of xml.matchAll(TOKEN)) {
    const parent = open[open.length - 1] ?? root;
    if (text !== undefined) parent.children.push(decode(text));
    else if (name === undefined)
      continue; // the XML declaration
    else if (closing) {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`);
      open.pop();
    } else {
      const el: XmlElement = { name, attrs: attributes(attrs ?? ''), children: [] };
      parent.children.push(el);
      if (!selfClosing) open.push(el);
    }
  }
  if (open.length !== 1) throw new Error(`<${open[open.length - 1]?.name}> is never closed`);
  return root;
}

function attributes(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v ?? '')]),
  );
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

function find(el: XmlElement, name: string): XmlElement {
  const found = elements(el, name)[0];
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

/** The blocks from a Heading 1 with this text up to the next Heading 1. */
export function sectionOf(blocks: readonly DocBlock[], heading: string): DocBlock[] {
  const start = blocks.findIndex((b) => isHeading1(b) && b.text === heading);
  if (start < 0) throw new Error(`No Heading 1 "${heading}" in the document`);
  const end = blocks.findIndex((b, i) => i > start && isHeading1(b));
  return blocks.slice(start, end < 0 ? undefined : end);
}

export function isHeading1(b: DocBlock): b is Extract<DocBlock, { kind: 'paragraph' }> {
  return b.kind === 'paragraph' && b.style === 'Heading1';
}

/** The blocks under a Heading 2 with this text, up to the next heading. */
export function underHeading2(section: readonly DocBlock[], heading: string): DocBlock[] {
  const start = section.findIndex(
    (b) => b.kind === 'paragraph' && b.style === 'Heading2' && b.text === heading,
  );
  if (start < 0) throw new Error(`No Heading 2 "${heading}" in the section`);
  const end = section.findIndex(
    (b, i) => i > start && b.kind === 'paragraph' && (b.style === 'Heading2' || b.style === 'Heading1'),
  );
  return section.slice(start + 1, end < 0 ? undefined : end);
}

export function tablesIn(blocks: readonly DocBlock[]): Extract<DocBlock, { kind: 'table' }>[] {
  return blocks.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
}

export function textsIn(blocks: readonly DocBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}
