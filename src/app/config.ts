import { z } from 'zod';
import type { AuthConfig } from '../auth';
import { siteTimeZoneSchema } from '../domain';

/**
 * The tab's configuration, from VITE_* variables at build time. Only public
 * values belong here: anything in it ends up in the browser bundle.
 */
const schema = z.object({
  VITE_GRAPH_BASE_URL: z
    .url({ message: 'VITE_GRAPH_BASE_URL must be a URL such as https://graph.microsoft.com/v1.0' })
    .default('http://127.0.0.1:4000/v1.0'),
  VITE_SITE_ID: z.string().trim().min(1).default('root'),
  VITE_SITE_TIME_ZONE: siteTimeZoneSchema('VITE_SITE_TIME_ZONE'),
});

export interface AppConfig {
  graphBaseUrl: string;
  siteId: string;
  siteTimeZone: string;
  /** Against the local Graph, its demo people sign in; a tenant build uses Entra ID. */
  auth: AuthConfig;
}

export function readAppConfig(env: Record<string, unknown>): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new Error(`Configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const graphBaseUrl = parsed.data.VITE_GRAPH_BASE_URL.replace(/\/+$/, '');
  const url = new URL(graphBaseUrl);
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const auth: AuthConfig = local ? { kind: 'local-graph', origin: url.origin } : { kind: 'none' };
  return {
    graphBaseUrl,
    siteId: parsed.data.VITE_SITE_ID,
    siteTimeZone: parsed.data.VITE_SITE_TIME_ZONE,
    auth,
  };
}
