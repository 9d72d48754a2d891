import type { DataContext } from '../graph/context';
import { UsageError } from './cli';
import { ConfigError, isLocalGraphUrl, readJobConfig, type JobConfig } from './config';
import { deviceCodeTokenSource, PROVISIONING_SCOPE, type DeviceCodeClient } from './device-code';
import { connect, connectSignedIn } from './graph-access';
import type { ResolvedSite, SiteRef } from './site-ref';

/**
 * Who provisions: against the local Graph a demo person; against a tenant a site owner signed in
 * with the device code flow, or (`--app-only`) the app registration the unattended jobs use.
 */
export type ProvisionAccess =
  | { kind: 'local'; config: JobConfig; person: string }
  | { kind: 'app-only'; config: Extract<JobConfig, { kind: 'tenant' }>; clientId: string }
  | { kind: 'signed-in'; graphBaseUrl: string; tenantId: string; clientId: string };

/** Whether GRAPH_BASE_URL (unset: the local Graph) is the local Graph; checked before anything is read. */
export function graphIsLocal(env: NodeJS.ProcessEnv): boolean {
  const url = env.GRAPH_BASE_URL;
  if (url === undefined) return true;
  if (!URL.canParse(url)) {
    throw new ConfigError('GRAPH_BASE_URL must be a URL such as https://graph.microsoft.com/v1.0');
  }
  return isLocalGraphUrl(url);
}

export function readProvisionAccess(
  env: NodeJS.ProcessEnv,
  flags: { local: boolean; as?: string; appOnly: boolean },
): ProvisionAccess {
  if (flags.as !== undefined && flags.appOnly) {
    throw new UsageError('--as and --app-only do not go together: choose who provisions');
  }
  if (flags.local) {
    // The local Graph's `app` principal stands for the app-only registration.
    return {
      kind: 'local',
      config: readJobConfig(env),
      person: flags.appOnly ? 'app' : (flags.as ?? 'officer'),
    };
  }
  const graphBaseUrl = env.GRAPH_BASE_URL?.replace(/\/+$/, '') ?? '';
  if (!URL.canParse(graphBaseUrl)) {
    throw new ConfigError('GRAPH_BASE_URL must be a URL such as https://graph.microsoft.com/v1.0');
  }
  const host = new URL(graphBaseUrl).host;
  if (flags.as !== undefined) {
    throw new UsageError(
      `--as picks a demo person of the local Graph; against ${host} a site owner signs in when asked, or use --app-only`,
    );
  }
  if (flags.appOnly) {
    const config = readJobConfig(env);
    if (config.kind !== 'tenant') throw new ConfigError(`GRAPH_BASE_URL points at ${host}, not a tenant`);
    return { kind: 'app-only', config, clientId: config.clientId };
  }
  // The tab's tenant will do: provisioning signs a person in, as the tab does.
  const tenantId = (env.AZURE_TENANT_ID?.trim() || env.VITE_ENTRA_TENANT_ID?.trim()) ?? '';
  const clientId = (env.VITE_ENTRA_CLIENT_ID?.trim() || env.AZURE_CLIENT_ID?.trim()) ?? '';
  const missing = [
    tenantId === '' ? 'AZURE_TENANT_ID (or VITE_ENTRA_TENANT_ID) is missing' : '',
    clientId === '' ? 'VITE_ENTRA_CLIENT_ID (or AZURE_CLIENT_ID) is missing' : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      `GRAPH_BASE_URL points at ${host}, where a site owner signs in (device code flow): ${missing.join('; ')} (or run with --app-only and app-only credentials)`,
    );
  }
  return { kind: 'signed-in', graphBaseUrl, tenantId, clientId };
}

/** A data context for provisioning; its site id is set once `--site` is resolved. */
export async function connectForProvisioning(
  access: ProvisionAccess,
  io: { tell: (message: string) => void; deviceCodeClient?: DeviceCodeClient },
): Promise<DataContext> {
  if (access.kind === 'local') return connect(access.config, { as: access.person });
  if (access.kind === 'app-only') return connect(access.config);
  return connectSignedIn({
    graphBaseUrl: access.graphBaseUrl,
    siteId: 'root',
    getToken: deviceCodeTokenSource({ ...access, tell: io.tell, client: io.deviceCodeClient }),
  });
}

/**
 * What to do about a 403: who provisions, and what they lack. For an app registration with
 * Sites.Selected, its role on the site decides. The roles are read, write, manage and fullcontrol
 * (`Set-PnPEntraIDAppSitePermission -Permissions <Read|Write|Manage|FullControl>`,
 * https://pnp.github.io/powershell/cmdlets/Set-PnPEntraIDAppSitePermission.html; "read, write,
 * manage or fullcontrol", https://pnp.github.io/cli-microsoft365/cmd/spo/site/site-apppermission-set/).
 * They are SharePoint's app rights, which "correspond to the default user permission levels of
 * SharePoint: Reader, Contributor, Designer, and Full Control"
 * (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint); a
 * Contributor "cannot create lists or document libraries", a Designer "can … create lists"
 * (SPPermissionGroup, https://learn.microsoft.com/previous-versions/office/developer/sharepoint-services/ms450322(v=office.12)).
 * So `write` is not enough (msgraph-sdk-dotnet#1034: "it cannot create lists"; "the Write permission
 * is … more like a standard Contribute permission", https://www.leonarmston.com/2022/02/use-sites-selected-permission-with-fullcontrol-rather-than-write-or-read/)
 * and `manage` is the least role that creates lists and columns (`fullcontrol` also manages
 * permissions, which provisioning does not need). Microsoft's own overview names read, write, owner
 * and fullcontrol (https://learn.microsoft.com/graph/permissions-selected-overview), and the blog
 * above shows fullcontrol creating lists; `manage` is accepted by Graph (microsoft-graph-docs-contrib#8890:
 * "Manage and FullControl … seem to work just fine with Sites.Selected") but what it allows is
 * inferred from the Designer level above, not stated by Microsoft for Sites.Selected: should a
 * tenant refuse list creation with `manage`, `fullcontrol` is the documented fallback. Older Graph
 * refused anything but read and write when creating the grant ("Invalid value for role",
 * microsoft-graph-docs#11814): then create it with write and PATCH its roles.
 */
export function explainRefusal(
  access: ProvisionAccess,
  what: { ref: SiteRef; site: ResolvedSite | null; stage: 'read' | 'change' },
): ConfigError {
  const where =
    what.site?.webUrl ??
    (what.ref.kind === 'url'
      ? what.ref.url
      : what.ref.siteId === 'root'
        ? 'the root site'
        : `the site ${what.ref.siteId}`);
  const can = what.stage === 'read' ? 'cannot read' : 'can read but not change';
  const unchanged = what.stage === 'read' ? '; nothing was changed' : '';
  if (access.kind === 'local') {
    return new ConfigError(
      `"${access.person}" ${can} ${where}: provisioning needs a site owner or member (such as --as officer)${unchanged}`,
    );
  }
  if (access.kind === 'signed-in') {
    return new ConfigError(
      `Your account ${can} ${where}: sign in as one of the site's owners (the app registration ${access.clientId} needs the delegated permission ${PROVISIONING_SCOPE})${unchanged}`,
    );
  }
  const siteId = what.site?.id ?? (what.ref.kind === 'id' ? what.ref.siteId : '{site-id}');
  const grant = JSON.stringify({
    roles: ['manage'],
    grantedToIdentities: [{ application: { id: access.clientId, displayName: 'WSoA tracker' } }],
  });
  return new ConfigError(
    `The app registration ${access.clientId} ${can} ${where}: with Sites.Selected, grant it the "manage" role on the site ("write" edits items but cannot create lists or columns), as a SharePoint administrator: POST ${access.config.graphBaseUrl}/sites/${siteId}/permissions ${grant} (if Graph answers "Invalid value for role", create it with "write", then PATCH …/permissions/{id} {"roles":["manage"]})${unchanged}`,
  );
}
