import { z } from 'zod';
import { ConfigError } from '../config';

/** What varies between councils' app packages, checked once, every problem named. */
export interface PackageConfig {
  /** The Teams app's own id (manifest `id`). */
  teamsAppId: string;
  /** The tab's Microsoft Entra app registration (manifest `webApplicationInfo.id`). */
  entraClientId: string;
  /** Where the built tab is served, as an origin: https://wsoa.contoso.gov.uk */
  hostUrl: string;
  /** The host's domain for `validDomains`: wsoa.contoso.gov.uk (with its port, if it has one). */
  hostDomain: string;
  /** The Graph the tab is built against (VITE_GRAPH_BASE_URL): its origin names the scopes the tab asks for. */
  graphBaseUrl: string;
  /** The package's version, from package.json. */
  version: string;
}

/** What the tab's production build talks to when VITE_GRAPH_BASE_URL is not set for it. */
export const MICROSOFT_GRAPH = 'https://graph.microsoft.com/v1.0';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** major.minor.patch, as the manifest schema's semver definition allows (no pre-release tags). */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

function guid(name: string, what: string) {
  return z
    .string({ message: `${name} is missing: set it to ${what}` })
    .trim()
    .min(1, `${name} is missing: set it to ${what}`)
    .regex(GUID, `${name} must be a GUID (${what}), such as 2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f`)
    .refine((value) => value !== NIL_GUID, `${name} is the all-zero placeholder: set it to ${what}`);
}

const hostUrl = z
  .string({ message: 'TAB_HOST_URL is missing: set it to the https:// address the built tab is served from' })
  .trim()
  .min(1, 'TAB_HOST_URL is missing: set it to the https:// address the built tab is served from')
  .superRefine((value, ctx) => {
    const problem = hostUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `TAB_HOST_URL ${problem}` });
  });

const envSchema = z.object({
  TEAMS_APP_ID: guid('TEAMS_APP_ID', "the Teams app's id, generated once per council"),
  VITE_ENTRA_CLIENT_ID: guid('VITE_ENTRA_CLIENT_ID', "the tab's Entra app registration's client id"),
  TAB_HOST_URL: hostUrl,
  VITE_GRAPH_BASE_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .string()
      .trim()
      .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
        message:
          "VITE_GRAPH_BASE_URL must be Microsoft Graph's https:// address, such as https://graph.microsoft.com/v1.0: a Teams app package is for a tab built against a tenant",
      })
      .default(MICROSOFT_GRAPH),
  ),
});

function hostUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return `"${value}" is not a URL: write it as https://wsoa.contoso.gov.uk`;
  const url = new URL(value);
  if (url.protocol !== 'https:')
    return `must be an https:// address (Teams loads tabs only over HTTPS), not ${url.protocol}//`;
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.pathname !== '/' || url.search || url.hash) {
    return `must be the site's root, such as ${url.origin}: the tab is built to be served at / (no path, query or fragment)`;
  }
  return null;
}

/** The packaging configuration from the environment and package.json's version; throws ConfigError naming each problem. */
export function readPackageConfig(env: NodeJS.ProcessEnv, version: string): PackageConfig {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  if (!SEMVER.test(version)) {
    problems.push(`package.json's version "${version}" must be major.minor.patch, such as 1.4.0`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems.join('; '));
  const url = new URL(parsed.data.TAB_HOST_URL);
  return {
    teamsAppId: parsed.data.TEAMS_APP_ID,
    entraClientId: parsed.data.VITE_ENTRA_CLIENT_ID,
    hostUrl: url.origin,
    hostDomain: url.host,
    graphBaseUrl: parsed.data.VITE_GRAPH_BASE_URL.replace(/\/+$/, ''),
    version,
  };
}
