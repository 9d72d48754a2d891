import { isReference } from '../reference';

/** An area of weakness or improvement priority as a heading names it; null number when it has none. */
export interface AreaHeading {
  number: number | null;
  title: string;
}

/** A focus area as a heading or a focus area cell names it: "1.2 Joint Strategic Needs Assessment", "1.2", or a title. */
export interface FocusHeading {
  reference?: string;
  title: string;
}

const LABEL =
  '(?:areas?\\s+of\\s+(?:significant\\s+)?weakness|significant\\s+weakness|areas?\\s+for\\s+improvement|improvement\\s+area|improvement\\s+priority|priority\\s+area|priority|area|ip|aosw|weakness)';
/** "Priority 3: …", "AREA 2 – …", "IP1 …": a label, its number, maybe punctuation. */
const LABELLED = new RegExp(`^${LABEL}\\s*(\\d{1,2})(?![\\d.]\\d)\\s*(?:[.):]|[–—-])?\\s*`, 'i');
/** "1. …", "2) …", "3 – …": a number alone needs punctuation, so "0 to 25" is not a heading. */
const NUMBERED = /^(\d{1,2})(?:[.):]|\s*[–—-])\s+/;

/**
 * Reads an area cell: "1. Joint commissioning …", "AREA 2 – Quality of EHC plans",
 * "Priority 3: …", or an unnumbered title. Two or more numbered areas run together
 * in one cell ("1. Leaders … vision 2. There is …", each number one more than the
 * last) come back as several headings, in order.
 */
export function readAreaHeadings(text: string): AreaHeading[] {
  const value = text.trim();
  if (value === '') return [];
  const first = LABELLED.exec(value) ?? NUMBERED.exec(value);
  if (!first) return [{ number: null, title: value }];
  const headings: AreaHeading[] = [];
  let number = Number(first[1]);
  let start = 0;
  let titleStart = first[0].length;
  for (;;) {
    const next = findNumbered(value, number + 1, titleStart);
    const end = next ? next.index : value.length;
    headings.push({ number, title: value.slice(titleStart, end).trim() || value.slice(start, end).trim() });
    if (!next) return headings;
    number += 1;
    start = next.index;
    titleStart = next.index + next.length;
  }
}

function findNumbered(text: string, number: number, from: number): { index: number; length: number } | null {
  const pattern = new RegExp(
    `(?<=\\s)(?:${LABEL}\\s{0,3}${number}\\s{0,3}(?:[.):]|[–—-])?|${number}(?:[.):]|\\s{0,3}[–—-]))\\s{1,3}`,
    'gi',
  );
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const after = text.charAt(m.index + m[0].length);
    if (/[A-Z]/.test(after)) return { index: m.index, length: m[0].length };
  }
  return null;
}

/** True when a cell reads as a numbered area heading ("Priority 2 …", "3. …"), not just a title. */
export function isNumberedAreaHeading(text: string): boolean {
  const value = text.trim();
  return LABELLED.test(value) || NUMBERED.test(value);
}

const FOCUS =
  /^(?:(?:focus\s+area|focus|work\s*stream)\s*)?(\d{1,4}(?:\.\d{1,4}){0,4})\.?(?=$|\s|[:–—-])\s*(?:[:–—-]\s*)?/i;

/** Reads a focus area cell or heading: "1.2 Joint Strategic Needs Assessment", "1.2.", "Workstream 3 – …", "JSNA". */
export function readFocusHeading(text: string): FocusHeading | null {
  const value = text.trim();
  if (value === '') return null;
  const m = FOCUS.exec(value);
  if (m && isReference(m[1] ?? '')) return { reference: m[1] ?? '', title: value.slice(m[0].length).trim() };
  return { title: value };
}

/** "5.", "Ref 1.2", "1.1.1": a reference cell as written, read; null when empty. */
export function readReferenceCell(
  cell: string,
): { ok: true; reference: string | null } | { ok: false; message: string } {
  const value = cell
    .trim()
    .replace(/^(?:ref(?:erence)?|action|no|number)\.?\s*[:#]?\s*/i, '')
    .replace(/[.)]+$/, '')
    .trim();
  if (value === '') return cell.trim() === '' ? { ok: true, reference: null } : invalid(cell);
  return isReference(value) ? { ok: true, reference: value } : invalid(cell);
}

function invalid(cell: string): { ok: false; message: string } {
  const shown = cell.slice(0, 160).replace(/\s+/g, ' ').trim();
  return {
    ok: false,
    message: `"${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}" is not a reference: use numbers separated by dots, such as 1.2 or 2.4.3`,
  };
}
