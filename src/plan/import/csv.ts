import Papa from 'papaparse';
import { ImportFileError } from './errors';

/** What CSV files from Excel and other tools are separated with; papaparse picks the one that fits. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'];

function rowsOf(data: string[][]): string[][] {
  const rows = data.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n')));
  while (rows.length > 0 && rows[rows.length - 1]?.every((cell) => cell === '')) rows.pop();
  return rows;
}

/**
 * The delimiter, guessed by papaparse from the first rows that are not blank (with
 * blank lines among them its guess gives up and falls back to a comma).
 */
function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text, {
    delimitersToGuess: CSV_DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: 50,
  });
  return sample.meta.delimiter || ',';
}

/**
 * A CSV file's rows (its text already decoded, without a byte-order mark): the
 * delimiter detected among , ; tab and |, quoted cells with commas, quotes and line
 * breaks in them, line breaks inside cells as "\n". A blank line is a row of its
 * own (so row numbers count it); blank lines at the end are dropped. A quote
 * that never closes would swallow the rest of the file into one cell, so it is an
 * error naming the row.
 */
export function csvRows(text: string, source: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    throw new ImportFileError(
      source,
      'malformed',
      `${source} has a quoted cell that is never closed, in row ${row}: a cell starting with " ` +
        'must end with " (write a quote inside a cell as "").',
    );
  }
  return rowsOf(result.data);
}

/**
 * Excel's plain-text clipboard: cells separated by tabs, rows by line breaks, a cell
 * with a line break or a quote in it quoted as in CSV. Pasted text is read
 * leniently: if its quotes do not close, it is read again with quotes as text.
 */
export function tabSeparatedRows(text: string): string[][] {
  const quoted = Papa.parse<string[]>(text, { delimiter: '\t', skipEmptyLines: false });
  if (!quoted.errors.some((error) => error.code === 'MissingQuotes')) return rowsOf(quoted.data);
  // NUL never appears in pasted text: with it as the quote character, quotes are plain text.
  return rowsOf(Papa.parse<string[]>(text, { delimiter: '\t', quoteChar: '\u0000' }).data);
}
