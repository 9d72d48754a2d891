import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ColumnStore } from './columns';
import { columnInputSchema, columnJson } from './columns';
import type { AppContext, AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import { foundRows, type Db } from './db';
import { findUserById, identitySet } from './directory';
import { GraphError, badRequest, notFound } from './errors';
import { isoSeconds } from './field-values';
import { readBody } from './json-body';
import { parseExpand, queryParam } from './odata-query';
import type { SiteRow } from './sites';
import { requireSite } from './sites';

export interface ListRow {
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: string;
  etag_guid: string;
  created: string;
  modified: string;
  created_by: string;
  last_item_id: number;
}

/** A list by id or by title. The row's `last_item_id` may be behind: item ids come from the database. */
export function findList(db: Db, siteId: string, key: string): ListRow | undefined {
  const cache = foundRows<ListRow>(db, 'lists');
  const cacheKey = `${siteId}/${key.toLowerCase()}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const list =
    db
      .prepare<[string, string], ListRow>('SELECT * FROM lists WHERE site_id = ? AND id = ? COLLATE NOCASE')
      .get(siteId, key) ??
    db
      .prepare<[string, string, string], ListRow>(
        'SELECT * FROM lists WHERE site_id = ? AND (display_name = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)',
      )
      .get(siteId, key, key);
  if (list) cache.set(cacheKey, list);
  return list;
}

/** Resolves `:siteId` (with the caller's access check) and `:listId` (by id or title). */
export function requireList(c: AppContext, db: Db): { site: SiteRow; list: ListRow } {
  const site = requireSite(c, db);
  const list = findList(db, site.id, c.req.param('listId') ?? '');
  if (!list) throw notFound('The specified list was not found');
  return { site, list };
}

export function listWebUrl(site: SiteRow, list: ListRow): string {
  return `${site.web_url}/Lists/${list.name}`;
}

function listJson(c: AppContext, db: Db, site: SiteRow, list: ListRow): Record<string, unknown> {
  const creator = identitySet(findUserById(db, list.created_by));
  return {
    '@odata.context': `${graphBase(c)}/$metadata#sites('${encodeURIComponent(site.id)}')/lists/$entity`,
    '@odata.etag': `"${list.etag_guid},0"`,
    createdDateTime: list.created,
    description: list.description,
    eTag: `"${list.etag_guid},0"`,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(site, list),
    displayName: list.display_name,
    createdBy: creator,
    lastModifiedBy: creator,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

const createListSchema = z.object({
  displayName: z.string({ error: 'a list needs a displayName' }).trim().min(1).max(255),
  description: z.string().optional(),
  columns: z.array(columnInputSchema).optional(),
  list: z
    .object({
      template: z
        .literal('genericList', { error: "the local Graph supports only the 'genericList' template" })
        .optional(),
      hidden: z.boolean().optional(),
      contentTypesEnabled: z.boolean().optional(),
    })
    .optional(),
});

const nameTaken = () =>
  new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );

export function listRoutes(ctx: ServerContext, columns: ColumnStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = ctx;

  const withColumns = (c: AppContext, site: SiteRow, list: ListRow) => {
    const json = listJson(c, db, site, list);
    if (parseExpand(queryParam(c, 'expand')).some((e) => e.name === 'columns')) {
      json.columns = columns.forList(list.id).map(columnJson);
    }
    return json;
  };

  app.get('/sites/:siteId/lists', (c) => {
    const site = requireSite(c, db);
    const lists = db
      .prepare<[string], ListRow>('SELECT * FROM lists WHERE site_id = ? ORDER BY created, display_name')
      .all(site.id);
    return c.json({
      '@odata.context': `${graphBase(c)}/$metadata#sites('${encodeURIComponent(site.id)}')/lists`,
      value: lists.map((l) => withColumns(c, site, l)),
    });
  });

  app.get('/sites/:siteId/lists/:listId', (c) => {
    const { site, list } = requireList(c, db);
    return c.json(withColumns(c, site, list));
  });

  app.post('/sites/:siteId/lists', async (c) => {
    const site = requireSite(c, db);
    const body = await readBody(c, createListSchema, 'list');
    if (findList(db, site.id, body.displayName)) throw nameTaken();
    const names = new Set<string>();
    for (const col of body.columns ?? []) {
      const key = col.name.toLowerCase();
      if (names.has(key) || ['title', 'id', 'created', 'modified', 'author', 'editor'].includes(key)) {
        throw badRequest(`A duplicate field name "${col.name}" was found.`);
      }
      names.add(key);
    }
    const now = isoSeconds(new Date());
    const list: ListRow = {
      id: randomUUID(),
      site_id: site.id,
      name: body.displayName.replace(/[^A-Za-z0-9]/g, '') || 'List',
      display_name: body.displayName,
      description: body.description ?? '',
      template: 'genericList',
      etag_guid: randomUUID(),
      created: now,
      modified: now,
      created_by: c.get('principal').id,
      last_item_id: 0,
    };
    db.transaction(() => {
      db.prepare(
        `INSERT INTO lists (id, site_id, name, display_name, description, template, etag_guid, created, modified, created_by, last_item_id)
         VALUES (@id, @site_id, @name, @display_name, @description, @template, @etag_guid, @created, @modified, @created_by, @last_item_id)`,
      ).run(list);
      columns.addBuiltins(list.id);
      for (const col of body.columns ?? []) columns.add(list.id, col);
    })();
    return c.json(withColumns(c, site, list), 201);
  });

  return app;
}
