import { z } from 'zod';
import type { HostParams } from './params';
import type { LocalPerson } from './local-graph';

/**
 * The TeamsJS window-message protocol, host side, as @microsoft/teams-js 2.x
 * speaks it (packages/teams-js/src/internal/communication.ts, messageObjects.ts,
 * appHelpers.ts, handlers.ts, public/app/app.ts, pages/config.ts, runtime.ts):
 *
 * - The app posts requests `{ id, uuidAsString, func, args, apiVersionTag, … }`
 *   to its parent (nested app auth requests go to the top window, with `data`).
 * - The host answers one with `{ id, uuidAsString, args }` (same id and uuid).
 * - The host raises an event with `{ func, args }` and no id (`themeChange`,
 *   `settings.save`…), which TeamsJS hands to the handler registered for `func`.
 */

/** A request from the tab, as it arrives (serializeMessageRequest's output). */
const requestSchema = z.object({
  id: z.number(),
  uuidAsString: z.string().optional(),
  func: z.string(),
  args: z.array(z.unknown()).default([]),
  /** Only on `nestedAppAuth.execute`: the MSAL bridge envelope, a JSON string. */
  data: z.string().optional(),
});

export type TabRequest = z.infer<typeof requestSchema>;

/** A message from the tab's window, or null if it is not a TeamsJS request (TeamsJS logs, other libraries). */
export function parseTabRequest(data: unknown): TabRequest | null {
  const parsed = requestSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

export function responseTo(request: TabRequest, args: unknown[]): HostResponse {
  return { id: request.id, ...(request.uuidAsString && { uuidAsString: request.uuidAsString }), args };
}

export interface HostEvent {
  func: string;
  args: unknown[];
}

/** TeamsJS's `latestRuntimeApiVersion`: the runtime shape it reads without upgrading. */
const RUNTIME_API_VERSION = 4;

/**
 * What the host says it supports (TeamsJS `IRuntimeV4`): only what this tab uses,
 * as a current Teams web client has it. `nestedAppAuth` under `supports` makes
 * TeamsJS put `window.nestedAppAuthBridge` in the tab (nestedAppAuthUtils.ts);
 * `isNAAChannelRecommended` is what `nestedAppAuth.isNAAChannelRecommended()` reads.
 */
export function runtimeConfig(params: HostParams) {
  const naa = params.naa === 'on';
  return {
    apiVersion: RUNTIME_API_VERSION,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    isNAAChannelRecommended: naa,
    supports: {
      app: { notifySuccessResponse: {} },
      appInstallDialog: {},
      dialog: { card: { bot: {} }, url: { bot: {} }, update: {} },
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      teamsCore: {},
      ...(naa && { nestedAppAuth: {} }),
    },
  };
}

/**
 * The answer to `initialize`: `[frameContext, hostClientType, clientSupportedSDKVersion, runtimeConfig]`.
 * The last two come in the order Teams sends them, which TeamsJS reads on purpose
 * (appHelpers.ts: a version where the runtime would be, then the runtime JSON);
 * the NAA bridge is set up from the fourth (communication.ts, initializeCommunication).
 */
export function initializeArgs(params: HostParams, tabSdkVersion: unknown): unknown[] {
  const version =
    typeof tabSdkVersion === 'string' && /^\d+\.\d+\.\d+$/.test(tabSdkVersion) ? tabSdkVersion : '2.0.1';
  return [params.frameContext, params.clientType, version, JSON.stringify(runtimeConfig(params))];
}

/** TeamsJS `UserTeamRole`. */
const TEAM_ROLES = { owner: 0, member: 1, guest: 2 } as const;

/**
 * The answer to `getContext`: Teams' legacy context object (public/interfaces.ts
 * `Context`), which TeamsJS turns into `app.Context` (app.ts,
 * transformLegacyContextToAppContext). `team` exists there only with `teamId`,
 * `channel` only with `channelId`.
 */
export function legacyContext(
  params: HostParams,
  theme: string,
  person: LocalPerson | null,
  sessionId: string,
): Record<string, unknown> {
  const site = params.teamSiteUrl ? new URL(params.teamSiteUrl) : null;
  const upn = person?.userPrincipalName ?? undefined;
  return {
    entityId: params.entityId ?? '',
    subEntityId: params.subEntityId ?? undefined,
    locale: 'en-GB',
    theme,
    hostName: 'Teams',
    hostClientType: params.clientType,
    frameContext: params.frameContext,
    appSessionId: sessionId,
    sessionId,
    isFullScreen: false,
    tid: params.tid ?? undefined,
    userObjectId: person?.id,
    userPrincipalName: upn,
    loginHint: upn,
    userDisplayName: person?.displayName,
    ...(params.teamId && {
      teamId: params.teamId,
      teamName: params.teamName ?? undefined,
      groupId: params.groupId ?? undefined,
      userTeamRole: TEAM_ROLES[params.teamRole],
      teamType: 0,
    }),
    ...(params.channelId && {
      channelId: params.channelId,
      channelName: params.channelName ?? undefined,
      channelType: 'Regular',
    }),
    ...(site && {
      teamSiteUrl: site.href.replace(/\/$/, ''),
      teamSiteDomain: site.host,
      teamSitePath: site.pathname.replace(/\/$/, ''),
    }),
  };
}

/** TeamsJS's `InstanceConfig`, from `settings.setSettings`. */
export const instanceConfigSchema = z.object({
  contentUrl: z.string(),
  entityId: z.string().optional(),
  suggestedDisplayName: z.string().optional(),
  websiteUrl: z.string().optional(),
  removeUrl: z.string().optional(),
});
