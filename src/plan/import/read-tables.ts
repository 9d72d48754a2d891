import type { ImportTable } from '../../domain/import/table';
import { csvRows } from './csv';
import { ImportFileError } from './errors';
import { describeKind, expectedKind, identify, type ContentKind, type ReadableKind } from './file-kind';
import { isBlank } from './html-tables';
import type { DomParserConstructor } from './html-tree';

/** A file as the tab's file input or the import command has it. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadTablesOptions {
  /** The HTML parser for Word documents: the browser's DOMParser by default, parse5 where there is none (or with null). */
  domParser?: DomParserConstructor | null;
}

/** Far beyond any plan (a 10,000-row register is about 3 MB); spares the tab from a wrong choice of file. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const SAVE_AS: Record<ReadableKind, string> = {
  word: 'Word Document (.docx)',
  excel: 'Excel Workbook (.xlsx)',
  text: 'CSV (.csv)',
};
const WHAT_WE_READ = 'Choose a Word document (.docx), an Excel workbook (.xlsx) or a CSV file (.csv).';

/**
 * The tables in a Word document, an Excel workbook or a CSV file, told apart by
 * their content, not their name alone: a file whose content is not what its
 * extension says is refused with a message saying what it is ("plan.xlsx is not an
 * Excel workbook: it is a Word document…"); a file with another or no extension is
 * read as what it is. Every failure is an ImportFileError with a reason; the
 * libraries for Word and Excel are loaded only when such a file comes.
 *
 * - Word: every table in order, "Table 1"…; see word.ts and html-tables.ts.
 * - Excel: every visible worksheet with data, "Sheet 'Name'"; see excel.ts.
 * - CSV: one table named after the file; see csv.ts.
 */
export async function readTables(file: ImportFile, options: ReadTablesOptions = {}): Promise<ImportTable[]> {
  const source = file.name.trim() || 'The file';
  if (file.bytes.length === 0) {
    throw new ImportFileError(source, 'empty', `${source} is empty (0 bytes): choose the file again.`);
  }
  if (file.bytes.length > MAX_IMPORT_BYTES) {
    const megabytes = Math.round(file.bytes.length / 1024 / 1024);
    throw new ImportFileError(
      source,
      'too-large',
      `${source} is too large to import (${megabytes} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
    );
  }
  const found = await identify(file.bytes, source);
  const expected = expectedKind(source);
  const kind = readableOrThrow(source, expected, found.kind);
  let tables: ImportTable[];
  if (found.kind === 'text') {
    if (found.text.trim() === '') {
      throw new ImportFileError(source, 'empty', `${source} is empty: it has no text in it.`);
    }
    const rows = csvRows(found.text, source);
    tables = isBlank(rows) ? [] : [{ name: source, rows }];
  } else if (kind === 'word') {
    const { readWordTables } = await import('./word');
    tables = await readWordTables(file.bytes, source, options.domParser);
  } else {
    const { readExcelTables } = await import('./excel');
    tables = await readExcelTables(file.bytes, source);
  }
  if (tables.length === 0) throw noTables(source, kind);
  return tables;
}

function readableOrThrow(source: string, expected: ReadableKind | null, found: ContentKind): ReadableKind {
  if (found === 'old-office') {
    throw new ImportFileError(
      source,
      'unsupported',
      `${source} cannot be read: it is ${describeKind(found)}. Open it in Word or Excel, remove any ` +
        `password and save a copy as ${SAVE_AS[expected === 'excel' ? 'excel' : 'word']} to import it.`,
    );
  }
  const readable = found === 'word' || found === 'excel' || found === 'text' ? found : null;
  if (expected && expected !== found) {
    const hint = readable
      ? `Save or rename it as ${SAVE_AS[readable]}, or choose another file.`
      : WHAT_WE_READ;
    throw new ImportFileError(
      source,
      'wrong-type',
      `${source} is not ${describeKind(expected, true)}: it is ${describeKind(found)}. ${hint}`,
    );
  }
  if (!readable) {
    throw new ImportFileError(
      source,
      'unsupported',
      `${source} cannot be imported: it is ${describeKind(found)}. ${WHAT_WE_READ}`,
    );
  }
  return readable;
}

function noTables(source: string, kind: ReadableKind): ImportFileError {
  const why: Record<ReadableKind, string> = {
    word: 'has no tables: the import reads a plan from the tables in a document',
    excel: 'has no worksheet with data in it',
    text: 'has only empty cells',
  };
  return new ImportFileError(source, 'no-tables', `${source} ${why[kind]}.`);
}
