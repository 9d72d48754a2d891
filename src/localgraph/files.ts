import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';

/** Files this server keeps in its data directory. */
const OWN_FILES = new Set([
  'localgraph.sqlite',
  'localgraph.sqlite-wal',
  'localgraph.sqlite-shm',
  'localgraph.sqlite-journal',
  'token-secret',
]);

/**
 * Creates the data directory readable by its owner only (0700). A directory that already
 * exists is tightened only when it holds nothing but this server's files, so pointing
 * LOCAL_GRAPH_DATA_DIR at a shared folder never changes that folder's permissions.
 */
export function secureDataDir(dataDir: string): void {
  const existed = existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const ownOnly = !existed || readdirSync(dataDir).every((name) => OWN_FILES.has(name));
  if (ownOnly && (statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
}

/** Makes a data file owner-only (0600), creating it empty when asked to. */
export function secureFile(file: string, create = false): void {
  if (create) closeSync(openSync(file, 'a', 0o600));
  if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}
