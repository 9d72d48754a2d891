import { ConfidentialClientApplication } from '@azure/msal-node';
import { LocalTokenError, localTokenSource } from '../auth/local-token';
import { createGraphClient, type GraphClientOptions } from '../graph/client';
import type { DataContext } from '../graph/context';
import { ConfigError, type JobConfig } from './config';

/**
 * A data context for a command: against the local Graph it acts as a demo person
 * (the programme officer unless `--as` says otherwise); against a tenant it uses
 * app-only credentials (client credentials through MSAL for Node).
 */
export async function connect(
  config: JobConfig,
  options: { as?: string; onHttpRequest?: GraphClientOptions['onHttpRequest'] } = {},
): Promise<DataContext> {
  const getToken =
    config.kind === 'local' ? await localToken(config.origin, options.as ?? 'officer') : tenantToken(config);
  const client = createGraphClient({
    baseUrl: config.graphBaseUrl,
    getToken,
    onHttpRequest: options.onHttpRequest,
  });
  return { client, siteId: config.siteId, siteTimeZone: config.siteTimeZone };
}

/** A demo person's token source, tried once now so a missing local Graph or person is named at start. */
async function localToken(origin: string, person: string): Promise<() => Promise<string>> {
  const getToken = localTokenSource(origin, person);
  try {
    await getToken();
  } catch (error) {
    if (!(error instanceof LocalTokenError)) throw error;
    throw new ConfigError(
      error.reason === 'refused'
        ? `The local Graph has no person "${person}"`
        : `No local Graph answers at ${origin}: start it with \`npm run localgraph\` or \`npm start\``,
    );
  }
  return getToken;
}

function tenantToken(config: Extract<JobConfig, { kind: 'tenant' }>): () => Promise<string> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
    },
  });
  const scope = `${new URL(config.graphBaseUrl).origin}/.default`;
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new ConfigError('Entra ID returned no token for the app registration');
    return result.accessToken;
  };
}

/**
 * A data context for a person signed in on this machine (the device code flow of
 * `npm run provision`): their delegated token, renewed by `getToken`, against a tenant's Graph.
 */
export function connectSignedIn(options: {
  graphBaseUrl: string;
  siteId: string;
  getToken: () => Promise<string>;
}): DataContext {
  const client = createGraphClient({ baseUrl: options.graphBaseUrl, getToken: options.getToken });
  return { client, siteId: options.siteId };
}
