import type { ImportTable } from '../../domain/import/table';
import type { PastedContent } from './paste';

/**
 * What the tab's import page reads: a chosen file or a paste. The readers (and
 * the libraries behind them: JSZip, PapaParse, mammoth, ExcelJS) are loaded only
 * when something is read, so no other view carries them. Failures are the
 * readers' ImportFileError, whose message names the file and what to do.
 */

/** A file as a file input or a drop gives it. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readImportFile(file: ChosenFile): Promise<ImportTable[]> {
  const [{ readTables }, buffer] = await Promise.all([import('./read-tables'), file.arrayBuffer()]);
  return readTables({ name: file.name, bytes: new Uint8Array(buffer) });
}

export async function readImportPaste(pasted: PastedContent): Promise<ImportTable[]> {
  const { readPastedTables } = await import('./paste');
  return readPastedTables(pasted);
}
