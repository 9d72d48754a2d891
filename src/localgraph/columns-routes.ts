import { Hono } from 'hono';
import type { ColumnStore } from './columns';
import { columnInputSchema, columnJson, columnPatchSchema } from './columns';
import type { AppContext, AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import { GraphError, notFound } from './errors';
import { readBody } from './json-body';
import { requireList } from './lists';

export function columnRoutes(ctx: ServerContext, columns: ColumnStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/sites/:siteId/lists/:listId/columns';
  const context = (c: AppContext, siteId: string, listId: string) =>
    `${graphBase(c)}/$metadata#sites('${encodeURIComponent(siteId)}')/lists('${listId}')/columns`;

  app.get(base, (c) => {
    const { site, list } = requireList(c, ctx.db);
    return c.json({
      '@odata.context': context(c, site.id, list.id),
      value: columns.forList(list.id).map(columnJson),
    });
  });

  app.get(`${base}/:columnId`, (c) => {
    const { site, list } = requireList(c, ctx.db);
    const col = columns.find(list.id, c.req.param('columnId'));
    if (!col) throw notFound(`Column '${c.req.param('columnId')}' does not exist.`);
    return c.json({ '@odata.context': `${context(c, site.id, list.id)}/$entity`, ...columnJson(col) });
  });

  app.post(base, async (c) => {
    const { site, list } = requireList(c, ctx.db);
    const input = await readBody(c, columnInputSchema, 'column definition');
    const col = columns.add(list.id, input);
    if (!col)
      throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${input.name}" was found.`);
    return c.json({ '@odata.context': `${context(c, site.id, list.id)}/$entity`, ...columnJson(col) }, 201);
  });

  app.patch(`${base}/:columnId`, async (c) => {
    const { site, list } = requireList(c, ctx.db);
    const col = columns.find(list.id, c.req.param('columnId'));
    if (!col) throw notFound(`Column '${c.req.param('columnId')}' does not exist.`);
    const patch = await readBody(c, columnPatchSchema, 'column update');
    const updated = columns.patch(list.id, col, patch);
    return c.json({ '@odata.context': `${context(c, site.id, list.id)}/$entity`, ...columnJson(updated) });
  });

  return app;
}
