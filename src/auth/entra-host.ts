import type { SiteRole } from './session';

/**
 * Where the tab runs decides how MSAL signs in:
 * - `nested`: inside Teams, Outlook or the Microsoft 365 app, which broker tokens
 *   for the tab (nested app authentication); any prompt is the host's.
 * - `popup`: in a frame with no broker (an older host): redirects are refused in a
 *   frame, so MSAL opens a popup.
 * - `redirect`: a browser tab of its own: MSAL navigates to Entra ID and back.
 */
export type Interaction = 'nested' | 'popup' | 'redirect';

export interface HostFacts {
  /** The page is not in a frame. */
  topLevel: boolean;
  /** `window.nestedAppAuthBridge` is there: TeamsJS installs it when its host brokers tokens, other hosts inject it. */
  bridge: boolean;
  /** What TeamsJS learnt from its host; null when there is no Teams host. */
  teams: { naaRecommended: boolean } | null;
}

/** MSAL would use the bridge wherever it is there; a Teams host that has one but does not recommend it is not asked. */
export function interactionFor(facts: HostFacts): Interaction {
  if (facts.bridge && (facts.teams?.naaRecommended ?? true)) return 'nested';
  return facts.topLevel ? 'redirect' : 'popup';
}

/**
 * The person's role in the team the tab is pinned in (TeamsJS `UserTeamRole`:
 * 0 Admin, 1 User, 2 Guest) as a site role. Least privilege where nothing says
 * more: a personal tab or a browser gets `member`, and a 403 from SharePoint turns
 * the session read-only anyway.
 */
export function roleFromTeams(userRole: number | null | undefined): SiteRole {
  if (userRole === 0) return 'owner';
  if (userRole === 2) return 'visitor';
  return 'member';
}

export interface EntraHost {
  interaction: Interaction;
  /** The Teams user's sign-in name, a hint for silent sign-in; null outside Teams. */
  loginHint: string | null;
  role: SiteRole;
}

declare global {
  interface Window {
    nestedAppAuthBridge?: unknown;
  }
}

/**
 * Learns where the tab runs. TeamsJS loads only in a frame, and its start is raced
 * against a timeout: in a frame whose parent is not a Teams host it would wait 60 s.
 */
export async function detectHost(timeoutMs = 3000): Promise<EntraHost> {
  const topLevel = window.parent === window;
  const teams = topLevel ? null : await teamsFacts(timeoutMs);
  const interaction = interactionFor({
    topLevel,
    bridge: window.nestedAppAuthBridge !== undefined,
    teams: teams && { naaRecommended: teams.naaRecommended },
  });
  return {
    interaction,
    loginHint: teams?.loginHint ?? null,
    role: roleFromTeams(teams?.userRole),
  };
}

async function teamsFacts(timeoutMs: number) {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  try {
    const { app, nestedAppAuth } = await import('@microsoft/teams-js');
    // One start per page: TeamsJS hands a second caller the first call's promise.
    const started = await Promise.race([app.initialize().then(() => true), timeout]);
    if (!started) return null;
    const context = await app.getContext();
    return {
      naaRecommended: nestedAppAuth.isNAAChannelRecommended(),
      loginHint: context.user?.loginHint ?? context.user?.userPrincipalName ?? null,
      userRole: context.team?.userRole ?? null,
    };
  } catch {
    return null;
  }
}
