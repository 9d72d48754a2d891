import type { SourcePlace } from './table';

/**
 * What can be wrong with a row, for the preview and the command's report. Callers
 * decide on `code` (never on the message); the message is written for the person
 * who wrote the document and names the value it is about.
 */
export const IMPORT_PROBLEM_CODES = [
  /** The table has no header row with recognisable headings. */
  'no-header',
  /** The table has no column mapped to actions: its rows cannot become actions. */
  'no-action-column',
  /** A row with content only in columns mapped to nothing, or above the header row. */
  'row-not-imported',
  /** A heading row that also carries values for an action (a lead, a date…) with no action. */
  'values-without-action',
  /** A row with values but no action text, and no action above it to join onto. */
  'action-missing',
  /** A row whose first cells are empty, joined onto the action above (a row split by a page break). */
  'row-joined',
  'reference-invalid',
  /** "5.": a one-number reference, read within its focus area or area. */
  'reference-relative',
  /** No reference in the source: the import gives the next number in its focus area or area. */
  'reference-inferred',
  'reference-duplicate',
  /** A reference whose first number is not its area's. */
  'reference-outside-area',
  /** Two numbered areas run together in one cell. */
  'areas-run-together',
  /** An area with no number in the source, numbered by the import. */
  'area-number-inferred',
  /** An area or focus area with no title in the source. */
  'title-missing',
  /** A focus area numbered by the import, or renumbered to agree with its actions' references. */
  'focus-reference-inferred',
  /** The focus area column disagrees with the action's reference. */
  'focus-reference-mismatch',
  /** A value longer than the lists keep, or a required one missing. */
  'too-long',
  'due-not-a-date',
  'due-invalid',
  'due-from-sentence',
  'due-two-dates',
  'rating-unknown',
  /** A rating from another scale, read as the nearest on this plan's scale. */
  'rating-converted',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export type ImportSeverity = 'error' | 'warning';

export interface ImportProblem {
  /** An error keeps the row from being written until it is fixed or skipped; a warning is for checking. */
  severity: ImportSeverity;
  code: ImportProblemCode;
  /** The column's heading as written (the same as place.column), when the problem is one cell's. */
  column?: string;
  message: string;
  place: SourcePlace;
}

/** A problem found in one value, before it is placed in its row and column. */
export interface CellProblem {
  severity: ImportSeverity;
  code: ImportProblemCode;
  message: string;
}

export function problem(
  severity: ImportSeverity,
  code: ImportProblemCode,
  place: SourcePlace,
  message: string,
): ImportProblem {
  return place.column === undefined
    ? { severity, code, message, place }
    : { severity, code, column: place.column, message, place };
}

/** "Table 1, row 12, Timescale: …" */
export function describeImportProblem(p: ImportProblem): string {
  const column = p.place.column ? `, ${p.place.column}` : '';
  return `${p.place.table}, row ${p.place.row}${column}: ${p.message}`;
}

/** A value quoted in a message, cut short so that a 10,000-character cell does not fill the screen. */
export function quote(value: string, max = 60): string {
  const oneLine = value
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}
