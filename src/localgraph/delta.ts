import { z } from 'zod';
import type { AppContext } from './context';
import { graphBase } from './context';
import type { Db } from './db';
import { badRequest } from './errors';
import type { ItemRow, RenderContext, RenderOptions } from './items-store';
import { contentTypeOf, itemJson } from './items-store';
import { parseTop, queryParam } from './odata-query';

/**
 * Delta tokens (opaque to clients):
 *  - initial: enumerating current items, page by item id; `anchor` is the change seq at the start;
 *  - changes: enumerating items changed in (since, anchor], page by item id;
 *  - link: what a deltaLink carries; resolved to `changes` with a fresh anchor when called.
 */
const tokenSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('initial'), anchor: z.number().int(), afterId: z.number().int() }),
  z.object({
    phase: z.literal('changes'),
    since: z.number().int(),
    anchor: z.number().int(),
    afterId: z.number().int(),
  }),
  z.object({ phase: z.literal('link'), since: z.number().int() }),
]);
type DeltaToken = z.infer<typeof tokenSchema>;

const encode = (t: DeltaToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

function decode(raw: string): DeltaToken {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // reported below
  }
  throw badRequest(`The delta token '${raw}' is not valid.`, 'resyncRequired');
}

function maxSeq(db: Db, listId: string): number {
  return (
    db
      .prepare<[string], { n: number }>('SELECT COALESCE(MAX(seq), 0) AS n FROM changes WHERE list_id = ?')
      .get(listId)?.n ?? 0
  );
}

export function deltaResponse(
  c: AppContext,
  db: Db,
  rc: RenderContext,
  opts: RenderOptions,
): Record<string, unknown> {
  const listId = rc.list.id;
  const top = parseTop(queryParam(c, 'top'), 200, 5000, 'clamp');
  const raw = c.req.query('token');
  const self = `${graphBase(c)}/sites/${encodeURIComponent(rc.siteId)}/lists/${listId}/items/delta`;
  const link = (t: DeltaToken) => {
    const url = new URL(self);
    for (const [k, v] of new URL(c.req.url).searchParams) if (k !== 'token') url.searchParams.set(k, v);
    url.searchParams.set('token', encode(t));
    return url.toString();
  };
  const body: Record<string, unknown> = {
    '@odata.context': `${graphBase(c)}/$metadata#Collection(listItem)`,
  };

  if (raw === 'latest') {
    body.value = [];
    body['@odata.deltaLink'] = link({ phase: 'link', since: maxSeq(db, listId) });
    return body;
  }

  let token: DeltaToken =
    raw === undefined ? { phase: 'initial', anchor: maxSeq(db, listId), afterId: 0 } : decode(raw);
  if (token.phase === 'link')
    token = { phase: 'changes', since: token.since, anchor: maxSeq(db, listId), afterId: 0 };

  const value: Record<string, unknown>[] = [];
  let lastId: number | undefined;
  let more: boolean;
  if (token.phase === 'initial') {
    const rows = db
      .prepare<[string, number, number], ItemRow>(
        'SELECT * FROM items WHERE list_id = ? AND item_id > ? ORDER BY item_id LIMIT ?',
      )
      .all(listId, token.afterId, top + 1);
    more = rows.length > top;
    for (const row of rows.slice(0, top)) {
      value.push(itemJson(row, rc, opts));
      lastId = row.item_id;
    }
  } else {
    const ids = db
      .prepare<[string, number, number, number, number], { item_id: number }>(
        `SELECT DISTINCT item_id FROM changes WHERE list_id = ? AND seq > ? AND seq <= ? AND item_id > ?
         ORDER BY item_id LIMIT ?`,
      )
      .all(listId, token.since, token.anchor, token.afterId, top + 1);
    more = ids.length > top;
    const getItem = db.prepare<[string, number], ItemRow>(
      'SELECT * FROM items WHERE list_id = ? AND item_id = ?',
    );
    for (const { item_id } of ids.slice(0, top)) {
      const row = getItem.get(listId, item_id);
      value.push(
        row
          ? itemJson(row, rc, opts)
          : {
              id: String(item_id),
              parentReference: { siteId: rc.siteId },
              contentType: contentTypeOf(rc.list),
              deleted: { state: 'deleted' },
            },
      );
      lastId = item_id;
    }
  }

  body.value = value;
  if (more && lastId !== undefined) {
    body['@odata.nextLink'] = link({ ...token, afterId: lastId });
  } else {
    body['@odata.deltaLink'] = link({ phase: 'link', since: token.anchor });
  }
  return body;
}
