import { z } from 'zod';
import { siteTimeZoneSchema } from '../domain';

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
  GRAPH_SITE_TIME_ZONE: siteTimeZoneSchema('GRAPH_SITE_TIME_ZONE'),
});

const tenantSchema = z.object({
  AZURE_TENANT_ID: z.string().trim().min(1, 'AZURE_TENANT_ID is missing'),
  AZURE_CLIENT_ID: z.string().trim().min(1, 'AZURE_CLIENT_ID is missing'),
  AZURE_CLIENT_SECRET: z.string().min(1, 'AZURE_CLIENT_SECRET is missing'),
});

interface SiteConfig {
  graphBaseUrl: string;
  siteId: string;
  siteTimeZone: string;
}

export type JobConfig =
  | (SiteConfig & { kind: 'local'; origin: string })
  | (SiteConfig & {
      kind: 'tenant';
      tenantId: string;
      clientId: string;
      clientSecret: string;
    });

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
  const site = {
    graphBaseUrl,
    siteId: base.data.GRAPH_SITE_ID,
    siteTimeZone: base.data.GRAPH_SITE_TIME_ZONE,
  };
  if (isLocalGraphUrl(graphBaseUrl)) return { ...site, kind: 'local', origin: new URL(graphBaseUrl).origin };
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
    ...site,
    kind: 'tenant',
    tenantId: tenant.data.AZURE_TENANT_ID,
    clientId: tenant.data.AZURE_CLIENT_ID,
    clientSecret: tenant.data.AZURE_CLIENT_SECRET,
  };
}

/** The same rule as the policy's `webhookName`: the name is what the plan stores, the URL stays here. */
const WEBHOOK_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export interface ReminderConfig {
  /** Webhook name -> Workflows URL, from REMINDER_WEBHOOKS; null when it is not set. */
  webhooks: ReadonlyMap<string, string> | null;
  /** Where card buttons send people outside Teams (and inside, as the deep link's webUrl). */
  tabUrl: string;
  /** With both, card buttons are Teams deep links into the tab. */
  teams: { appId: string; entityId: string } | null;
}

const reminderEnvSchema = z.object({
  REMINDER_TAB_URL: z
    .url({
      message: 'REMINDER_TAB_URL must be the URL the tab is served from, such as https://wsoa.example.org',
    })
    .default('http://127.0.0.1:5173'),
  TEAMS_APP_ID: z.string().trim().min(1).optional(),
  TEAMS_TAB_ENTITY_ID: z.string().trim().min(1).optional(),
});

/**
 * Configuration of the reminder job, checked once at start-up with every problem
 * named. Webhook URLs are secrets: messages name the webhook, never print its URL.
 */
export function readReminderConfig(env: NodeJS.ProcessEnv = process.env): ReminderConfig {
  const problems: string[] = [];
  const parsed = reminderEnvSchema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => i.message));
  const webhooks = parseWebhooks(env.REMINDER_WEBHOOKS, problems);
  const appId = parsed.data?.TEAMS_APP_ID;
  const entityId = parsed.data?.TEAMS_TAB_ENTITY_ID;
  if ((appId === undefined) !== (entityId === undefined)) {
    problems.push(
      'TEAMS_APP_ID and TEAMS_TAB_ENTITY_ID go together: set both for Teams deep links, or neither',
    );
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems.join('; '));
  return {
    webhooks,
    tabUrl: parsed.data.REMINDER_TAB_URL.replace(/\/+$/, ''),
    teams: appId !== undefined && entityId !== undefined ? { appId, entityId } : null,
  };
}

function parseWebhooks(raw: string | undefined, problems: string[]): Map<string, string> | null {
  if (raw === undefined || raw.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    problems.push('REMINDER_WEBHOOKS is not valid JSON: write {"webhook-name": "https://…", …}');
    return null;
  }
  const shape = z.record(z.string(), z.string()).safeParse(json);
  if (!shape.success) {
    problems.push('REMINDER_WEBHOOKS must be a JSON object of webhook names to URLs');
    return null;
  }
  const webhooks = new Map<string, string>();
  for (const [index, [name, url]] of Object.entries(shape.data).entries()) {
    if (!WEBHOOK_NAME.test(name)) {
      // Never echo it: a name and URL swapped round would print the URL with its signature.
      problems.push(
        `REMINDER_WEBHOOKS: entry ${index + 1} has a name that is not a webhook name (letters, digits, "-" and "_"); is a URL where its name should be?`,
      );
    } else if (!isWebhookUrl(url)) {
      problems.push(
        `REMINDER_WEBHOOKS["${name}"] is not an https:// URL (plain http is allowed only for the local Graph)`,
      );
    } else webhooks.set(name, url);
  }
  return webhooks;
}

function isWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLocalGraphUrl(value));
}
