import type { GraphClient } from '../graph/client';
import { NotFoundError } from '../graph/errors';
import { readSite, type SiteSummary } from '../graph/sites';
import { UsageError } from './cli';

/** What `--site` names: a Graph site id, or a SharePoint site's address. */
export type SiteRef =
  { kind: 'id'; siteId: string } | { kind: 'url'; url: string; hostname: string; path: string };

export type ResolvedSite = SiteSummary;

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `{hostname},{site collection id},{web id}` (https://learn.microsoft.com/graph/api/resources/sharepoint). */
const SITE_ID = new RegExp(`^[A-Za-z0-9.-]+,${GUID},${GUID}$`);
const EXAMPLES =
  'a site URL such as https://contoso.sharepoint.com/sites/send-improvement, or a Graph site id (contoso.sharepoint.com,{guid},{guid} or root)';
/** Pages and folders inside a site, which people copy from the browser instead of the site itself. */
const INSIDE_A_SITE = /(\/_layouts\/|\/SitePages\/|\/Lists\/|\/Shared(%20| )Documents\/|\.aspx$)/i;

/**
 * Reads `--site`. Against a tenant a URL must be https: SharePoint Online refuses http site
 * URLs ("The private site url http://… must use the https protocol",
 * MicrosoftDocs/office-docs-powershell#3223); the local Graph's sites live at http://localhost.
 */
export function parseSiteRef(value: string | undefined, graph: { local: boolean }): SiteRef {
  const raw = value?.trim() ?? '';
  if (raw === '') throw new UsageError(`--site is required: ${EXAMPLES}`);
  if (raw === 'root' || SITE_ID.test(raw)) return { kind: 'id', siteId: raw };
  if (!/^[a-z]+:\/\//i.test(raw) || !URL.canParse(raw)) {
    throw new UsageError(
      `--site "${raw}" is neither a SharePoint site URL nor a Graph site id: use ${EXAMPLES}`,
    );
  }
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && graph.local)) {
    throw new UsageError(
      `--site "${raw}" is not an https:// address: SharePoint Online serves sites over https only: use https://${url.host}${url.pathname}`,
    );
  }
  if (/(^|\.)(teams\.microsoft\.com|graph\.microsoft\.com)$/i.test(url.hostname)) {
    throw new UsageError(
      `--site "${raw}" is not a SharePoint address: open the site in SharePoint (in Teams: Files › Open in SharePoint) and use its address`,
    );
  }
  if (INSIDE_A_SITE.test(url.pathname)) {
    throw new UsageError(
      `--site "${raw}" is a page or library inside a site: use the site's own address, up to its name (such as ${url.protocol}//${url.host}/sites/send-improvement)`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { kind: 'url', url: `${url.protocol}//${url.host}${path}`, hostname: url.hostname, path };
}

/**
 * The site `--site` names, read from Graph: by id, or by "Get a site resource by path",
 * GET /sites/{hostname}:/{server-relative path} (https://learn.microsoft.com/graph/api/site-getbypath).
 * The hostname alone addresses the root site ("A URL constructed with only the hostname will point
 * to the root site", https://learn.microsoft.com/graph/api/resources/sharepoint); `{hostname}:/`
 * is not relied on (microsoftgraph/microsoft-graph-docs#3892).
 */
export async function resolveSite(client: GraphClient, ref: SiteRef): Promise<ResolvedSite> {
  const select = '?$select=id,displayName,webUrl';
  const path =
    ref.kind === 'id'
      ? `/sites/${encodeURIComponent(ref.siteId)}${select}`
      : `/sites/${ref.hostname}${ref.path === '' ? '' : `:${ref.path}`}${select}`;
  const what = ref.kind === 'id' ? `the site with id ${ref.siteId}` : `the site at ${ref.url}`;
  try {
    return await readSite(client, path, `Reading ${what}`);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new NotFoundError(
        ref.kind === 'id'
          ? `No SharePoint site has the id ${ref.siteId} (or this account cannot see it)`
          : `No SharePoint site at ${ref.url}: check the address (a site's address ends with its name, such as /sites/send-improvement)`,
        error.status,
        error.code,
      );
    }
    throw error;
  }
}
