import type { Db } from './db';
import { fieldIndexName } from './db';
import { isoFromSeconds, zoneMidnight } from './dates';

const DATE_ONLY_KEY = 'dateOnlyStorage';
const DATE_ONLY_VERSION = 'site-midnight-utc';

interface StoredColumn {
  name: string;
  kind?: string;
  storage?: string;
  indexed?: boolean;
  dateTime?: { format?: string };
  text?: { allowMultipleLines?: boolean };
}

/**
 * Data directories written before date-only values followed the site's time zone kept
 * them as UTC midnight (`2026-06-30T00:00:00Z` for 30 June). SharePoint keeps the instant
 * of midnight in the site's zone, so each such value becomes that instant (30 June in
 * London in summer: `2026-06-29T23:00:00Z`). Runs once per data directory; the item
 * versions (and eTags) do not change, as this is storage, not an edit.
 */
export function migrateDateOnlyValues(db: Db): void {
  const done = db
    .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
    .get(DATE_ONLY_KEY);
  if (done?.value === DATE_ONLY_VERSION) return;
  const lists = db
    .prepare<[], { id: string; time_zone: string }>(
      'SELECT l.id, s.time_zone FROM lists l JOIN sites s ON s.id = l.site_id',
    )
    .all();
  const columnsOf = db.prepare<[string], { definition: string }>(
    'SELECT definition FROM columns WHERE list_id = ?',
  );
  const itemsOf = db.prepare<[string], { item_id: number; fields: string }>(
    'SELECT item_id, fields FROM items WHERE list_id = ?',
  );
  const update = db.prepare<[string, string, number]>(
    'UPDATE items SET fields = ? WHERE list_id = ? AND item_id = ?',
  );
  db.transaction(() => {
    for (const list of lists) {
      const dateOnly = columnsOf
        .all(list.id)
        .map((r) => JSON.parse(r.definition) as StoredColumn)
        .filter((c) => c.kind === 'dateTime' && c.storage === 'fields' && c.dateTime?.format === 'dateOnly')
        .map((c) => c.name);
      if (dateOnly.length === 0) continue;
      for (const item of itemsOf.all(list.id)) {
        const fields = JSON.parse(item.fields) as Record<string, unknown>;
        let changed = false;
        for (const name of dateOnly) {
          const value = fields[name];
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(value)) continue;
          const migrated = isoFromSeconds(zoneMidnight(value.slice(0, 10), list.time_zone));
          if (migrated !== undefined && migrated !== value) {
            fields[name] = migrated;
            changed = true;
          }
        }
        if (changed) update.run(JSON.stringify(fields), list.id, item.item_id);
      }
    }
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
      DATE_ONLY_KEY,
      DATE_ONLY_VERSION,
    );
  })();
}

/**
 * SharePoint cannot index a multiple lines of text column; a data directory from before
 * the local Graph refused it may hold one marked indexed. It is unmarked, its index dropped.
 */
export function unindexMultiLineText(db: Db): void {
  const rows = db
    .prepare<[], { id: string; list_id: string; definition: string }>(
      'SELECT id, list_id, definition FROM columns',
    )
    .all();
  const update = db.prepare<[string, string]>('UPDATE columns SET definition = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of rows) {
      const col = JSON.parse(row.definition) as StoredColumn & Record<string, unknown>;
      if (col.kind !== 'text' || col.text?.allowMultipleLines !== true || col.indexed !== true) continue;
      update.run(JSON.stringify({ ...col, indexed: false }), row.id);
      db.exec(`DROP INDEX IF EXISTS "${fieldIndexName(row.list_id, col.name)}"`);
    }
  })();
}
