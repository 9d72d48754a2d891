import { isReference, parentReference, parseReference } from '../../domain';

/**
 * Reads the "WSOA summary" tables of a highlight report as published (a Word
 * table flattened to text, as in shared/seeds). In that layout the "Focus area"
 * column has drifted out of line, so focus areas are recognised by shape instead:
 * a row without a reference that comes just before a referenced row is the title
 * of that row's focus area; any other row without a reference is an action whose
 * reference was lost, and gets the next number in its focus area.
 */
export interface ParsedAction {
  reference: string;
  text: string;
  referenceInferred: boolean;
}
export interface ParsedFocusArea {
  reference: string;
  title: string;
  actions: ParsedAction[];
}
export interface ParsedArea {
  number: number;
  heading: string;
  focusAreas: ParsedFocusArea[];
}

interface Row {
  heading: string;
  text: string;
  reference: string;
}

export function parseWsoaSummary(document: string): ParsedArea[] {
  const areas: ParsedArea[] = [];
  for (const table of summaryTables(document)) {
    const area = parseTable(table);
    if (area) areas.push(area);
  }
  if (areas.length === 0)
    throw new Error('No WSOA summary table found (a table with Focus area, Action and Reference columns)');
  return areas;
}

function summaryTables(document: string): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] | null = null;
  for (const line of document.split(/\r?\n/)) {
    const cells = splitRow(line);
    if (!cells) {
      current = null;
      continue;
    }
    if (cells[1] === 'Focus area' && cells[2] === 'Action' && cells[3] === 'Reference') {
      current = [];
      tables.push(current);
      continue;
    }
    if (!current || cells.every((c) => /^-*$/.test(c))) continue;
    current.push({ heading: cells[0] ?? '', text: cells[2] ?? '', reference: cells[3] ?? '' });
  }
  return tables;
}

function splitRow(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return null;
  return trimmed
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
}

function parseTable(rows: Row[]): ParsedArea | null {
  const heading = rows.find((r) => r.heading)?.heading ?? '';
  const focusAreas: ParsedFocusArea[] = [];
  let current: ParsedFocusArea | null = null;
  rows.forEach((row, i) => {
    if (!row.text) return;
    if (isReference(row.reference)) {
      const focusRef = parentReference(row.reference) ?? row.reference;
      if (!current || current.reference !== focusRef) {
        current = { reference: focusRef, title: row.text, actions: [] };
        focusAreas.push(current);
      }
      current.actions.push({ reference: row.reference, text: row.text, referenceInferred: false });
      return;
    }
    const next = rows[i + 1];
    if (next && isReference(next.reference)) {
      const focusRef = parentReference(next.reference) ?? next.reference;
      current = { reference: focusRef, title: row.text, actions: [] };
      focusAreas.push(current);
      return;
    }
    if (current)
      current.actions.push({ reference: nextReference(current), text: row.text, referenceInferred: true });
  });
  const first = focusAreas[0];
  if (!first) return null;
  return {
    number: parseReference(first.reference)[0] ?? focusAreas.length,
    heading: cleanHeading(heading),
    focusAreas,
  };
}

function nextReference(focus: ParsedFocusArea): string {
  const last = focus.actions.at(-1);
  const lastNumber = last ? (parseReference(last.reference).at(-1) ?? 0) : 0;
  return `${focus.reference}.${lastNumber + 1}`;
}

/** "AREA 2 – Quality of EHC plans" -> "Quality of EHC plans". */
function cleanHeading(heading: string): string {
  return heading.replace(/^area\s+\d+\s*[–-]\s*/i, '').trim();
}

/** The verbatim findings listed after "identified two significant areas of weakness:" in a revisit report. */
export function parseWeaknessFindings(document: string): string[] {
  const lines = document.split(/\r?\n/);
  const start = lines.findIndex((l) => /areas? of (significant )?weakness:\s*$/i.test(l.trim()));
  if (start < 0) return [];
  const findings: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const bullet = /^-\s+(.*)$/.exec(trimmed);
    if (!bullet) break;
    findings.push((bullet[1] ?? '').trim());
  }
  return findings;
}
