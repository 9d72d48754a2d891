import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import type { UserRow } from './directory';
import { identitySet } from './directory';
import { GraphError, notFound } from './errors';
import type { FieldChanges } from './field-values';
import { isoSeconds } from './field-values';
import type { ListRow } from './lists';

export interface ItemRow {
  list_id: string;
  item_id: number;
  guid: string;
  version: number;
  fields: string;
  created: string;
  modified: string;
  author_id: string;
  editor_id: string;
}

export function itemETag(row: ItemRow): string {
  return `"${row.guid},${row.version}"`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function storedFields(row: ItemRow): Record<string, unknown> {
  const parsed: unknown = JSON.parse(row.fields);
  return isRecord(parsed) ? parsed : {};
}

/** `If-Match` accepts `*`, the eTag with or without its quotes, and a weak `W/` prefix. */
function etagMatches(ifMatch: string, row: ItemRow): boolean {
  const wanted = ifMatch.trim();
  if (wanted === '*') return true;
  const normalize = (s: string) =>
    s.replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
  return normalize(wanted) === normalize(itemETag(row));
}

function checkIfMatch(ifMatch: string | undefined, row: ItemRow): void {
  if (ifMatch === undefined || etagMatches(ifMatch, row)) return;
  throw new GraphError(
    412,
    'resourceModified',
    `The request ETag value '${ifMatch}' does not match the object's ETag value '${itemETag(row)}'.`,
  );
}

export interface RenderContext {
  siteId: string;
  siteWebUrl: string;
  list: ListRow;
  users: Map<string, UserRow>;
  /** Names of the list's rich text columns, whose values SharePoint returns as HTML. */
  richText: ReadonlySet<string>;
}

/**
 * SharePoint returns a rich text value wrapped in a div whose class is `ExternalClass`
 * and a GUID (32 upper-case hex digits), e.g. `<div class="ExternalClass91955E5B…">…</div>`,
 * as seen in SharePoint's REST responses; the GUID differs from read to read.
 */
export function richTextHtml(value: string): string {
  return `<div class="ExternalClass${randomUUID().replace(/-/g, '').toUpperCase()}">${value}</div>`;
}

function rendered(name: string, value: unknown, rc: RenderContext): unknown {
  return typeof value === 'string' && rc.richText.has(name) ? richTextHtml(value) : value;
}

export interface RenderOptions {
  expandFields: boolean;
  /** Column names from fields(select=…); undefined means every field. */
  fieldSelect?: string[];
  /** Item properties from $select; undefined means all. */
  select?: string[];
}

function listWebUrl(rc: RenderContext): string {
  return `${rc.siteWebUrl}/Lists/${rc.list.name}`;
}

export function contentTypeOf(list: ListRow): { id: string; name: string } {
  return { id: `0x0100${list.id.replace(/-/g, '').toUpperCase()}`, name: 'Item' };
}

/** The fieldValueSet, with SharePoint's computed built-ins. */
export function fieldsJson(row: ItemRow, rc: RenderContext, select?: string[]): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(storedFields(row))) stored[name] = rendered(name, value, rc);
  const author = rc.users.get(row.author_id);
  const editor = rc.users.get(row.editor_id);
  const title = typeof stored.Title === 'string' ? stored.Title : undefined;
  const builtins: Record<string, unknown> = {
    id: String(row.item_id),
    ContentType: 'Item',
    Modified: row.modified,
    Created: row.created,
    AuthorLookupId: author ? String(author.lookup_id) : undefined,
    EditorLookupId: editor ? String(editor.lookup_id) : undefined,
    _UIVersionString: `${row.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  };
  const out: Record<string, unknown> = { '@odata.etag': itemETag(row) };
  if (select === undefined) {
    Object.assign(out, { id: builtins.id, ContentType: 'Item', ...stored });
    for (const [k, v] of Object.entries(builtins)) if (!(k in out) && v !== undefined) out[k] = v;
    return out;
  }
  out.id = builtins.id;
  for (const name of select) {
    const value = Object.hasOwn(stored, name)
      ? stored[name]
      : name.toLowerCase() === 'id'
        ? builtins.id
        : Object.hasOwn(builtins, name)
          ? builtins[name]
          : undefined;
    if (value !== undefined && value !== null) out[name === 'ID' ? 'id' : name] = value;
  }
  return out;
}

export function itemJson(row: ItemRow, rc: RenderContext, opts: RenderOptions): Record<string, unknown> {
  const full: Record<string, unknown> = {
    '@odata.etag': itemETag(row),
    createdDateTime: row.created,
    eTag: itemETag(row),
    id: String(row.item_id),
    lastModifiedDateTime: row.modified,
    webUrl: `${listWebUrl(rc)}/DispForm.aspx?ID=${row.item_id}`,
    createdBy: identitySet(rc.users.get(row.author_id)),
    lastModifiedBy: identitySet(rc.users.get(row.editor_id)),
    parentReference: { id: rc.list.id, siteId: rc.siteId },
    contentType: contentTypeOf(rc.list),
  };
  let out = full;
  if (opts.select !== undefined) {
    out = { '@odata.etag': full['@odata.etag'] };
    for (const name of opts.select) if (Object.hasOwn(full, name)) out[name] = full[name];
  }
  if (opts.expandFields) out.fields = fieldsJson(row, rc, opts.fieldSelect);
  return out;
}

/** Writes between refreshes of the query planner's statistics. */
const WRITES_PER_OPTIMIZE = 1000;

/** Item writes: every write bumps the version (so the eTag changes) and appends to the change log. */
export class ItemStore {
  private writesSinceOptimize = 0;
  private readonly getStmt: Statement<[string, number], ItemRow>;
  private readonly insertStmt: Statement<[ItemRow]>;
  private readonly updateStmt: Statement<[string, string, string, string, number, number]>;
  private readonly deleteStmt: Statement<[string, number]>;
  private readonly nextIdStmt: Statement<[string], { last_item_id: number }>;
  private readonly changeStmt: Statement<[string, number]>;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare('SELECT * FROM items WHERE list_id = ? AND item_id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO items (list_id, item_id, guid, version, fields, created, modified, author_id, editor_id)
       VALUES (@list_id, @item_id, @guid, @version, @fields, @created, @modified, @author_id, @editor_id)`,
    );
    this.updateStmt = db.prepare(
      'UPDATE items SET fields = ?, version = version + 1, modified = ?, editor_id = ? WHERE list_id = ? AND item_id = ? AND version = ?',
    );
    this.deleteStmt = db.prepare('DELETE FROM items WHERE list_id = ? AND item_id = ?');
    this.nextIdStmt = db.prepare(
      'UPDATE lists SET last_item_id = last_item_id + 1 WHERE id = ? RETURNING last_item_id',
    );
    this.changeStmt = db.prepare('INSERT INTO changes (list_id, item_id) VALUES (?, ?)');
  }

  /**
   * Without statistics SQLite prefers walking the primary key (to skip a sort) over
   * a field's index however selective the filter; `PRAGMA optimize` (cheap, with the
   * analysis limit set on open) keeps them current as lists grow.
   */
  private wrote(): void {
    if (++this.writesSinceOptimize < WRITES_PER_OPTIMIZE) return;
    this.writesSinceOptimize = 0;
    this.db.pragma('optimize');
  }

  get(listId: string, itemId: number): ItemRow | undefined {
    return this.getStmt.get(listId, itemId);
  }

  require(listId: string, rawId: string): ItemRow {
    const id = /^\d+$/.test(rawId) ? Number(rawId) : NaN;
    const row = Number.isSafeInteger(id) ? this.get(listId, id) : undefined;
    if (!row) throw notFound('Item not found');
    return row;
  }

  create(list: ListRow, authorId: string, changes: FieldChanges): ItemRow {
    return this.db.transaction(() => {
      const next = this.nextIdStmt.get(list.id);
      if (!next) throw notFound('The specified list was not found');
      const now = isoSeconds(new Date());
      const fields: Record<string, unknown> = {};
      for (const [k, v] of changes) if (v !== null) fields[k] = v;
      const row: ItemRow = {
        list_id: list.id,
        item_id: next.last_item_id,
        guid: randomUUID(),
        version: 1,
        fields: JSON.stringify(fields),
        created: now,
        modified: now,
        author_id: authorId,
        editor_id: authorId,
      };
      this.insertStmt.run(row);
      this.changeStmt.run(list.id, row.item_id);
      this.wrote();
      return row;
    })();
  }

  update(
    listId: string,
    rawId: string,
    editorId: string,
    changes: FieldChanges,
    ifMatch: string | undefined,
  ): ItemRow {
    return this.db.transaction(() => {
      const row = this.require(listId, rawId);
      checkIfMatch(ifMatch, row);
      const fields = storedFields(row);
      for (const [k, v] of changes) {
        if (v === null) delete fields[k];
        else fields[k] = v;
      }
      const now = isoSeconds(new Date());
      this.updateStmt.run(JSON.stringify(fields), now, editorId, listId, row.item_id, row.version);
      this.changeStmt.run(listId, row.item_id);
      this.wrote();
      return {
        ...row,
        fields: JSON.stringify(fields),
        version: row.version + 1,
        modified: now,
        editor_id: editorId,
      };
    })();
  }

  delete(listId: string, rawId: string, ifMatch: string | undefined): void {
    this.db.transaction(() => {
      const row = this.require(listId, rawId);
      checkIfMatch(ifMatch, row);
      this.deleteStmt.run(listId, row.item_id);
      this.changeStmt.run(listId, row.item_id);
    })();
  }
}
