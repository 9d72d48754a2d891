import { unescapeFormula } from './formula-escape';

/**
 * A table as it came out of a document, a workbook, a CSV file or a paste: what
 * the import reads, whatever the source. Cells are text as a person wrote it
 * (paragraphs inside a cell joined with "\n", no formatting); a merged cell is
 * repeated in every cell it covers only if the reader could tell, else left ''.
 */
export interface ImportTable {
  /** Where it came from, for messages: "Table 3", "Sheet 'Priority 2'", "plan.csv". */
  name: string;
  /** Rows in document order, each a list of cells; rows may differ in length. */
  rows: string[][];
}

/** A place in the source, as messages name it to the person who wrote it: 1-based. */
export interface SourcePlace {
  table: string;
  /** The row's number in its table, counting the header row(s), from 1. */
  row: number;
  /** The column's heading as written in the source, or "column 3" when it has none. */
  column?: string;
}

/**
 * A cell as text: line endings, non-breaking spaces and runs of blank lines made
 * plain, and the quote an export puts before a formula-like cell ("'=HYPERLINK(…)",
 * see formula-escape.ts) taken off.
 */
export function cleanCell(cell: unknown): string {
  const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
  const plain = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Once per cell, here: every read sees it as exported; a '=… a person typed in Word loses just that quote.
  return unescapeFormula(plain);
}

/** A row of a table as a list of cells, whatever the reader gave (a missing row is empty). */
export function rowOf(table: ImportTable, index: number): readonly unknown[] {
  const row: unknown = table.rows[index];
  return Array.isArray(row) ? row : [];
}

/** One row of the source as a key, for the rows a person chose to skip. */
export const placeKey = (place: Pick<SourcePlace, 'table' | 'row'>) => `${place.table}\u0000${place.row}`;
