import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { UsageError } from '../cli';

/**
 * Where `--out` asks the pack to be written, checked before anything is read from
 * Graph: a .docx file in a folder that exists, not a folder itself.
 */
export function checkOutFile(out: string | undefined, usage: string): string {
  if (out === undefined || out.trim() === '') {
    throw new UsageError(`--out is missing: name the Word file to write, such as pack.docx. Usage: ${usage}`);
  }
  const path = resolve(out.trim());
  if (extname(path).toLowerCase() !== '.docx') {
    throw new UsageError(`--out must name a .docx file (the pack is a Word document), not "${out.trim()}"`);
  }
  const folder = dirname(path);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--out names a folder that does not exist: ${folder}`);
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--out names a folder, not a file: ${path}`);
  }
  return path;
}
