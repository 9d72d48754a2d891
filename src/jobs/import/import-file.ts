import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFile } from '../../plan/import/read-tables';

/** Why `--file` could not be opened, in a line: the path as given and what the system said. */
export class ImportPathError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ImportPathError';
  }
}

const WHY: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission to read it was refused',
  EPERM: 'permission to read it was refused',
};

/** The file `--file` names, under its own name (the import's messages name it). */
export async function readImportFile(path: string): Promise<ImportFile> {
  try {
    const bytes = await readFile(path);
    return { name: basename(path), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    const why = (code && WHY[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new ImportPathError(path, code, `${path} cannot be read: ${why}`);
  }
}
