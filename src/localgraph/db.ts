import path from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { secureDataDir, secureFile } from './files';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  lookup_id INTEGER NOT NULL UNIQUE,
  alias TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'app')),
  upn TEXT UNIQUE,
  display_name TEXT NOT NULL,
  given_name TEXT,
  surname TEXT,
  job_title TEXT,
  company_name TEXT,
  department TEXT
);

CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  web_url TEXT NOT NULL,
  is_root INTEGER NOT NULL,
  group_id TEXT,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Europe/London'
);

CREATE TABLE IF NOT EXISTS site_roles (
  site_id TEXT NOT NULL REFERENCES sites(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'member', 'visitor')),
  PRIMARY KEY (site_id, user_id)
);

CREATE TABLE IF NOT EXISTS teams (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  site_id TEXT NOT NULL REFERENCES sites(id),
  created TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  created TEXT NOT NULL,
  membership_type TEXT NOT NULL DEFAULT 'standard'
);

CREATE TABLE IF NOT EXISTS messages (
  id TEXT NOT NULL,
  channel_id TEXT NOT NULL REFERENCES channels(id),
  created TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (channel_id, id)
);

CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY,
  channel_id TEXT NOT NULL REFERENCES channels(id),
  created TEXT NOT NULL
);

-- What a Workflows flow failed on after its webhook answered 202 (the caller never hears).
CREATE TABLE IF NOT EXISTS webhook_failures (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  attachment INTEGER,
  time TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  template TEXT NOT NULL,
  etag_guid TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by TEXT NOT NULL,
  last_item_id INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_lists_site_name ON lists(site_id, display_name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS columns (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL REFERENCES lists(id),
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_columns_list_name ON columns(list_id, name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  author_id TEXT NOT NULL,
  editor_id TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_items_created ON items(list_id, created);
CREATE INDEX IF NOT EXISTS ix_items_modified ON items(list_id, modified);

-- One row per write, so delta links can answer "what changed since".
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_changes_list_seq ON changes(list_id, seq);
`;

const DB_FILE = 'localgraph.sqlite';

export function openDatabase(dataDir: string): Db {
  secureDataDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database's mode.
  secureFile(file, true);
  for (const suffix of ['-wal', '-shm', '-journal']) secureFile(`${file}${suffix}`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL is durable across process crashes; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  // Checkpoints sync the files; one per 10,000 pages (40 MB of WAL) rather than 1,000 keeps bulk writes fast.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  cacheStatements(db);
  migrateFieldIndexes(db);
  // Planner statistics from a sample (fast at any size), refreshed for the data already here.
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
  return db;
}

/** Columns added to tables after data directories already existed. */
function addMissingColumns(db: Db): void {
  const add = (table: string, column: string, definition: string) => {
    const has = db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column);
    if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  };
  add('sites', 'time_zone', "TEXT NOT NULL DEFAULT 'Europe/London'");
  add('channels', 'membership_type', "TEXT NOT NULL DEFAULT 'standard'");
}

/** Statements kept by SQL text (least recently used go first past this many). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Every request runs the same few statements, and preparing one costs more than
 * running most of them; so `prepare` answers from a cache. Safe because nothing
 * here changes a statement's mode (pluck, raw, expand) or iterates one lazily.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    return statement;
  };
  db.prepare = cached as Db['prepare'];
}

const rowCaches = new WeakMap<Db, Map<string, Map<string, unknown>>>();

/**
 * A cache of rows that, once they exist, never change in ways their readers see
 * (sites, site roles, lists: created, never renamed or removed). Every request
 * looks them up, and even a tiny read costs a statement's round trip into SQLite.
 * Only rows found are kept, so a row created later is still found.
 */
export function foundRows<T>(db: Db, table: string): Map<string, T> {
  let tables = rowCaches.get(db);
  if (!tables) {
    tables = new Map();
    rowCaches.set(db, tables);
  }
  let rows = tables.get(table);
  if (!rows) {
    rows = new Map();
    tables.set(table, rows);
  }
  return rows as Map<string, T>;
}

/**
 * The list's id as an SQL literal. Field indexes are partial, one list each (as
 * SharePoint's are), and SQLite uses a partial index only when the query names its
 * list as a literal rather than a parameter.
 */
export function listIdLiteral(listId: string): string {
  return `'${listId.replaceAll("'", "''")}'`;
}

/** Name of the expression index that serves `$filter`/`$orderby` on fields/{column} of one list. */
export function fieldIndexName(listId: string, column: string): string {
  return `ix_f_${listId.replace(/[^A-Za-z0-9]/g, '')}_${column}`;
}

/**
 * SQL expression for a custom column's value. Queries must use exactly this text so SQLite
 * matches it to the expression index; NOCASE mirrors SharePoint's case-insensitive text comparisons.
 */
export function fieldExpression(column: string): string {
  return `json_extract(fields, '$.${column}') COLLATE NOCASE`;
}

/**
 * Indexes a column of one list. Partial, so a write to a list maintains only that
 * list's indexes. Column names are validated identifiers and list ids are quoted,
 * so embedding them in DDL is safe.
 */
export function ensureFieldIndex(db: Db, listId: string, column: string): void {
  db.exec(
    `CREATE INDEX IF NOT EXISTS "${fieldIndexName(listId, column)}" ON items(list_id, ${fieldExpression(column)}) WHERE list_id = ${listIdLiteral(listId)}`,
  );
}

/** Data directories from before field indexes were per list: one index per column name across all lists. */
function migrateFieldIndexes(db: Db): void {
  const legacy = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name GLOB 'ix_items_f_*'",
    )
    .all();
  if (legacy.length === 0) return;
  db.transaction(() => {
    for (const { name } of legacy) db.exec(`DROP INDEX "${name}"`);
    const columns = db
      .prepare<[], { list_id: string; definition: string }>('SELECT list_id, definition FROM columns')
      .all();
    for (const row of columns) {
      const col = JSON.parse(row.definition) as { name: string; indexed?: boolean; storage?: string };
      if (col.indexed && col.storage === 'fields') ensureFieldIndex(db, row.list_id, col.name);
    }
  })();
}
