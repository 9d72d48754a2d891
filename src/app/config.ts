import { z } from 'zod';
import type { AuthConfig } from '../auth';
import { isLocalGraph, LOCAL_GRAPH_BASE_URL, missingClientIdMessage } from '../auth/build-target';
import { siteTimeZoneSchema } from '../domain';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS name with a dot, such as contoso.onmicrosoft.com or contoso.gov.uk. */
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** An unset variable and one set to nothing (`VITE_ENTRA_CLIENT_ID=` in .env) mean the same. */
const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * The tab's configuration, from VITE_* variables at build time. Only public
 * values belong here: anything in it ends up in the browser bundle.
 */
const schema = z.object({
  VITE_GRAPH_BASE_URL: z
    .url({ message: 'VITE_GRAPH_BASE_URL must be a URL such as https://graph.microsoft.com/v1.0' })
    .default(LOCAL_GRAPH_BASE_URL),
  VITE_SITE_ID: z.string().trim().min(1).default('root'),
  VITE_SITE_TIME_ZONE: siteTimeZoneSchema('VITE_SITE_TIME_ZONE'),
  VITE_ENTRA_CLIENT_ID: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .regex(GUID, {
        message: "VITE_ENTRA_CLIENT_ID must be the app registration's Application (client) ID, a GUID",
      })
      .optional(),
  ),
  VITE_ENTRA_TENANT_ID: z.preprocess(
    blankAsUnset,
    z
      .string()
      .trim()
      .refine((t) => t === 'organizations' || GUID.test(t) || DOMAIN.test(t), {
        message:
          "VITE_ENTRA_TENANT_ID must be the tenant's ID (a GUID), one of its verified domains such as contoso.onmicrosoft.com, or organizations",
      })
      .default('organizations'),
  ),
});

export interface AppConfig {
  graphBaseUrl: string;
  siteId: string;
  siteTimeZone: string;
  /** With an Entra app registration, Microsoft Entra ID; else, against the local Graph, its demo people. */
  auth: AuthConfig;
}

/**
 * The tab's configuration from the build's variables and the page it opened on: a
 * channel tab's content URL names its plan's site (`?site=`), which wins over VITE_SITE_ID.
 */
export function readAppConfig(env: Record<string, unknown>, pageUrl?: string): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new Error(`Configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const graphBaseUrl = parsed.data.VITE_GRAPH_BASE_URL.replace(/\/+$/, '');
  return {
    graphBaseUrl,
    siteId: siteFromPage(pageUrl) ?? parsed.data.VITE_SITE_ID,
    siteTimeZone: parsed.data.VITE_SITE_TIME_ZONE,
    auth: authConfig(graphBaseUrl, parsed.data.VITE_ENTRA_CLIENT_ID, parsed.data.VITE_ENTRA_TENANT_ID),
  };
}

/**
 * Entra ID whenever a client id is configured, whatever the Graph (so tests can run
 * MSAL against the local Graph); the demo people only on the local Graph.
 */
function authConfig(graphBaseUrl: string, clientId: string | undefined, tenantId: string): AuthConfig {
  if (clientId) return { kind: 'entra', clientId, tenantId, graphBaseUrl };
  if (isLocalGraph(graphBaseUrl)) return { kind: 'local-graph', origin: new URL(graphBaseUrl).origin };
  throw new Error(`Configuration: ${missingClientIdMessage(graphBaseUrl)}`);
}

/** A Graph site id (`root`, or `{host},{site guid},{web guid}`) from the page's `site` parameter. */
function siteFromPage(pageUrl: string | undefined): string | null {
  if (!pageUrl) return null;
  const site = new URL(pageUrl).searchParams.get('site');
  if (site === null) return null;
  if (site === 'root' || /^[A-Za-z0-9.-]+,[0-9a-fA-F-]{36},[0-9a-fA-F-]{36}$/.test(site)) return site;
  throw new Error(`Configuration: the page's site parameter "${site}" is not a SharePoint site id`);
}
