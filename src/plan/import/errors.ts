/**
 * Why a file or a paste could not be read as tables. Callers decide on `reason`
 * (never on the message); the message is written for the person who chose the file
 * and names it: "plan.xlsx is not an Excel workbook: it is a Word document".
 */
export const IMPORT_FILE_PROBLEMS = [
  /** Nothing in it: 0 bytes, or only whitespace. */
  'empty',
  /** Bigger than the import reads. */
  'too-large',
  /** The content is another kind of file than its name says (a .docx that is text). */
  'wrong-type',
  /** A kind of file the import does not read at all (a PDF, an old .doc or .xls). */
  'unsupported',
  /** Looks like a Word or Excel file (a ZIP) but is cut short or corrupted. */
  'damaged',
  /** The right kind of file, but the library reading it gave up. */
  'unreadable',
  /** A CSV file whose quotes do not close, so its rows cannot be told apart. */
  'malformed',
  /** Read, but there is no table in it. */
  'no-tables',
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

export class ImportFileError extends Error {
  constructor(
    /** The file's name, or "The pasted text". */
    readonly source: string,
    readonly reason: ImportFileProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportFileError';
  }
}

/** A library's own words, to follow ours: "End of data reached (…)". */
export function causeText(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}…` : oneLine;
}
