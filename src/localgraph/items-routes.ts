import { Hono } from 'hono';
import { z } from 'zod';
import type { ColumnStore } from './columns';
import { isRichText } from './columns';
import type { AppContext, AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import { deltaResponse } from './delta';
import { listIdLiteral } from './db';
import { badRequest } from './errors';
import { validateFieldChanges } from './field-values';
import { compileQuery, prefersNonIndexed } from './items-query';
import type { SqlParam } from './items-query';
import type { ItemRow, ItemStore, RenderContext, RenderOptions } from './items-store';
import { fieldsJson, itemETag, itemJson } from './items-store';
import { readBody, readJson } from './json-body';
import type { ListRow } from './lists';
import { requireList } from './lists';
import {
  decodeSkipToken,
  encodeSkipToken,
  parseExpand,
  parseOrderBy,
  parseSelect,
  parseTop,
  queryParam,
  withQuery,
} from './odata-query';
import type { SiteRow } from './sites';

/**
 * Graph pages list items 200 at a time by default; a larger $top is honoured up to 5,000 (SharePoint's
 * view threshold) and silently capped there (reported in pnp/pnpjs#750: $top=7600 returned 5,000).
 */
const DEFAULT_PAGE = 200;
const MAX_PAGE = 5000;

export function renderOptions(c: AppContext): RenderOptions {
  const expand = parseExpand(queryParam(c, 'expand'));
  const unknown = expand.find((e) => e.name !== 'fields');
  if (unknown) {
    throw badRequest(
      `Parsing OData Select and Expand failed: Could not find a property named '${unknown.name}' on type 'microsoft.graph.listItem'.`,
      'BadRequest',
    );
  }
  const fields = expand.find((e) => e.name === 'fields');
  return {
    expandFields: fields !== undefined,
    fieldSelect: fields?.select,
    select: parseSelect(queryParam(c, 'select')),
  };
}

export function itemsContext(c: AppContext, site: SiteRow, list: ListRow): string {
  return `${graphBase(c)}/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items`;
}

const fieldValueSetSchema = z.record(z.string(), z.unknown(), {
  error: 'expected an object of field values',
});
const createItemSchema = z.object({
  fields: z.record(z.string(), z.unknown(), { error: "a list item needs a 'fields' object" }),
});

export function itemRoutes(ctx: ServerContext, columns: ColumnStore, items: ItemStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = ctx;
  const base = '/sites/:siteId/lists/:listId/items';
  const render = (site: SiteRow, list: ListRow): RenderContext => ({
    siteId: site.id,
    siteWebUrl: site.web_url,
    list,
    users: ctx.users,
    richText: new Set(
      columns
        .forList(list.id)
        .filter(isRichText)
        .map((col) => col.name),
    ),
  });

  app.get(`${base}/delta`, (c) => {
    const { site, list } = requireList(c, db);
    return c.json(deltaResponse(c, db, render(site, list), renderOptions(c)));
  });

  app.get(base, (c) => {
    const { site, list } = requireList(c, db);
    const opts = renderOptions(c);
    const top = parseTop(queryParam(c, 'top'), DEFAULT_PAGE, MAX_PAGE, 'clamp');
    const query = compileQuery(db, list.id, columns.forList(list.id), {
      filter: queryParam(c, 'filter'),
      orderBy: parseOrderBy(queryParam(c, 'orderby')),
      honorNonIndexed: prefersNonIndexed(c.req.header('prefer')),
    });
    const token = decodeSkipToken(queryParam(c, 'skiptoken'));
    const params: SqlParam[] = [...query.params];
    let sql = `SELECT * FROM items${query.indexedBy} WHERE list_id = ${listIdLiteral(list.id)} AND ${query.where}`;
    // Without $orderby, page by item id (like SharePoint's p_ID skiptoken) so concurrent writes never shift pages.
    if (!query.ordered && token?.afterId !== undefined) {
      sql += ' AND item_id > ?';
      params.push(token.afterId);
    }
    const offset = query.ordered ? (token?.offset ?? 0) : 0;
    sql += ` ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`;
    params.push(top + 1, offset);
    const rows = db.prepare<SqlParam[], ItemRow>(sql).all(...params);
    const page = rows.slice(0, top);
    const rc = render(site, list);
    const body: Record<string, unknown> = {
      '@odata.context': itemsContext(c, site, list),
      value: page.map((r) => itemJson(r, rc, opts)),
    };
    const last = page[page.length - 1];
    if (rows.length > top && last) {
      const next = query.ordered ? { offset: offset + top } : { afterId: last.item_id };
      body['@odata.nextLink'] = withQuery(c, { $skiptoken: encodeSkipToken(next) });
    }
    return c.json(body);
  });

  app.get(`${base}/:itemId`, (c) => {
    const { site, list } = requireList(c, db);
    const opts = renderOptions(c);
    const row = items.require(list.id, c.req.param('itemId'));
    c.header('ETag', itemETag(row));
    return c.json({
      '@odata.context': `${itemsContext(c, site, list)}/$entity`,
      ...itemJson(row, render(site, list), opts),
    });
  });

  app.post(base, async (c) => {
    const { site, list } = requireList(c, db);
    const body = await readBody(c, createItemSchema, 'list item');
    const changes = validateFieldChanges(columns.forList(list.id), body.fields, 'create', {
      timeZone: site.time_zone,
    });
    const row = items.create(list, c.get('principal').id, changes);
    c.header('ETag', itemETag(row));
    const json = itemJson(row, render(site, list), { expandFields: true });
    return c.json({ '@odata.context': `${itemsContext(c, site, list)}/$entity`, ...json }, 201);
  });

  /** A PATCH of an item's fields, with If-Match; answers the updated item with its new eTag. */
  const update = (c: AppContext, site: SiteRow, list: ListRow, fields: Record<string, unknown>) => {
    const changes = validateFieldChanges(columns.forList(list.id), fields, 'update', {
      timeZone: site.time_zone,
    });
    const row = items.update(
      list.id,
      c.req.param('itemId') ?? '',
      c.get('principal').id,
      changes,
      c.req.header('if-match'),
    );
    c.header('ETag', itemETag(row));
    return row;
  };

  app.patch(`${base}/:itemId/fields`, async (c) => {
    const { site, list } = requireList(c, db);
    const parsed = fieldValueSetSchema.safeParse(await readJson(c));
    if (!parsed.success) throw badRequest('Invalid fieldValueSet: expected a JSON object of field values.');
    const row = update(c, site, list, parsed.data);
    return c.json({
      '@odata.context': `${itemsContext(c, site, list)}('${row.item_id}')/fields/$entity`,
      ...fieldsJson(row, render(site, list)),
    });
  });

  app.patch(`${base}/:itemId`, async (c) => {
    const { site, list } = requireList(c, db);
    const row = update(c, site, list, (await readBody(c, createItemSchema, 'list item')).fields);
    return c.json({
      '@odata.context': `${itemsContext(c, site, list)}/$entity`,
      ...itemJson(row, render(site, list), { expandFields: true }),
    });
  });

  app.delete(`${base}/:itemId`, (c) => {
    const { list } = requireList(c, db);
    items.delete(list.id, c.req.param('itemId'), c.req.header('if-match'));
    return c.body(null, 204);
  });

  return app;
}
