import { Hono } from 'hono';
import type { AppContext, AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import { foundRows, type Db } from './db';
import { notFound } from './errors';
import { accessFor, requireSiteAccess } from './permissions';
import { HOSTNAME } from './tenant';

export interface SiteRow {
  id: string;
  name: string;
  display_name: string;
  description: string;
  web_url: string;
  is_root: number;
  group_id: string | null;
  created: string;
  modified: string;
  /** IANA time zone of the site's regional settings; date-only values are midnight there. */
  time_zone: string;
}

export function findSite(db: Db, key: string): SiteRow | undefined {
  const cache = foundRows<SiteRow>(db, 'sites');
  const cached = cache.get(key.toLowerCase());
  if (cached) return cached;
  const site =
    key === 'root' || key === HOSTNAME
      ? db.prepare<[], SiteRow>('SELECT * FROM sites WHERE is_root = 1').get()
      : db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE id = ? COLLATE NOCASE').get(key);
  if (site) cache.set(key.toLowerCase(), site);
  return site;
}

/** The site whose web URL has this server-relative path (decoded; SharePoint URLs ignore case). */
function findSiteByPath(db: Db, path: string): SiteRow | undefined {
  const wanted = serverRelative(path);
  return db
    .prepare<[], SiteRow>('SELECT * FROM sites')
    .all()
    .find((site) => serverRelative(decodeURIComponent(new URL(site.web_url).pathname)) === wanted);
}

function serverRelative(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
}

function siteNotFound() {
  return notFound('Requested site could not be found');
}

/** Resolves `:siteId` and enforces the caller's role for the request method. */
export function requireSite(c: AppContext, db: Db, key = c.req.param('siteId') ?? ''): SiteRow {
  const site = findSite(db, key);
  if (!site) throw siteNotFound();
  requireSiteAccess(db, c.get('principal'), site.id, accessFor(c.req.method));
  return site;
}

export function siteJson(c: AppContext, site: SiteRow): Record<string, unknown> {
  const [, collectionId, webId] = site.id.split(',');
  return {
    '@odata.context': `${graphBase(c)}/$metadata#sites/$entity`,
    createdDateTime: site.created,
    description: site.description,
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: site.name,
    webUrl: site.web_url,
    displayName: site.display_name,
    ...(site.is_root === 1 ? { root: {} } : {}),
    siteCollection: { hostname: HOSTNAME },
    sharepointIds: { siteId: collectionId, webId, siteUrl: site.web_url },
  };
}

export function siteRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sites/:siteId', (c) => c.json(siteJson(c, requireSite(c, ctx.db))));

  // "Get a site resource by path": GET /sites/{hostname}:/{server-relative path}
  // (https://learn.microsoft.com/graph/api/site-getbypath). A path that names no site is 404
  // itemNotFound "The provided path does not exist, or does not represent a site"
  // (microsoft-graph-docs#3892). The `…:/lists` continuation is not served (no `:` in the path).
  app.get('/sites/:hostname{[^/]+:}/:path{[^:]+}', (c) => {
    const hostname = c.req.param('hostname').slice(0, -1);
    const site =
      hostname.toLowerCase() === HOSTNAME ? findSiteByPath(ctx.db, c.req.param('path')) : undefined;
    if (!site) throw notFound('The provided path does not exist, or does not represent a site');
    return c.json(siteJson(c, requireSite(c, ctx.db, site.id)));
  });

  app.get('/groups/:groupId/sites/root', (c) => {
    const site = ctx.db
      .prepare<[string], SiteRow>('SELECT * FROM sites WHERE group_id = ? COLLATE NOCASE')
      .get(c.req.param('groupId'));
    if (!site) throw siteNotFound();
    return c.json(siteJson(c, requireSite(c, ctx.db, site.id)));
  });

  return app;
}
