import { z } from 'zod';

/**
 * Configuration of the Node commands, from the environment, checked once.
 * Against the local Graph nothing is required; against a real tenant the
 * app-only credentials are, and every missing one is named.
 */
const baseSchema = z.object({
  GRAPH_BASE_URL: z
    .url({ message: 'GRAPH_BASE_URL must be a URL such as https://graph.microsoft.com/v1.0' })
    .optional(),
  LOCAL_GRAPH_PORT: z.coerce
    .number({ message: 'LOCAL_GRAPH_PORT must be a port number' })
    .int()
    .min(1, 'LOCAL_GRAPH_PORT must be a port number')
    .max(65535, 'LOCAL_GRAPH_PORT must be a port number')
    .default(4000),
  GRAPH_SITE_ID: z.string().trim().min(1).default('root'),
});

const tenantSchema = z.object({
  AZURE_TENANT_ID: z.string().trim().min(1, 'AZURE_TENANT_ID is missing'),
  AZURE_CLIENT_ID: z.string().trim().min(1, 'AZURE_CLIENT_ID is missing'),
  AZURE_CLIENT_SECRET: z.string().min(1, 'AZURE_CLIENT_SECRET is missing'),
});

export type JobConfig =
  | { kind: 'local'; graphBaseUrl: string; siteId: string; origin: string }
  | {
      kind: 'tenant';
      graphBaseUrl: string;
      siteId: string;
      tenantId: string;
      clientId: string;
      clientSecret: string;
    };

export class ConfigError extends Error {}

export function isLocalGraphUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export function readJobConfig(env: NodeJS.ProcessEnv = process.env): JobConfig {
  const base = baseSchema.safeParse(env);
  if (!base.success) throw new ConfigError(base.error.issues.map((i) => i.message).join('; '));
  const graphBaseUrl = (
    base.data.GRAPH_BASE_URL ?? `http://127.0.0.1:${base.data.LOCAL_GRAPH_PORT}/v1.0`
  ).replace(/\/+$/, '');
  const siteId = base.data.GRAPH_SITE_ID;
  if (isLocalGraphUrl(graphBaseUrl))
    return { kind: 'local', graphBaseUrl, siteId, origin: new URL(graphBaseUrl).origin };
  const tenant = tenantSchema.safeParse({
    AZURE_TENANT_ID: env.AZURE_TENANT_ID ?? '',
    AZURE_CLIENT_ID: env.AZURE_CLIENT_ID ?? '',
    AZURE_CLIENT_SECRET: env.AZURE_CLIENT_SECRET ?? '',
  });
  if (!tenant.success) {
    throw new ConfigError(
      `GRAPH_BASE_URL points at ${new URL(graphBaseUrl).host}, which needs app-only credentials: ${tenant.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return {
    kind: 'tenant',
    graphBaseUrl,
    siteId,
    tenantId: tenant.data.AZURE_TENANT_ID,
    clientId: tenant.data.AZURE_CLIENT_ID,
    clientSecret: tenant.data.AZURE_CLIENT_SECRET,
  };
}
