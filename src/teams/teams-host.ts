/**
 * What the tab learns from its Teams host. Outside Teams (a browser, the demo)
 * it is null, and the tab runs as a normal web app.
 */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** The user's role in the team, as Teams reports it: a hint for what to offer, never proof (SharePoint decides). */
export type TeamRole = 'owner' | 'member' | 'guest';

export interface TeamsHostInfo {
  theme: TeamsThemeName;
  /** The sub-entity a deep link asked for, e.g. "action:123". */
  subPageId: string | null;
  userPrincipalName: string | null;
  teamId: string | null;
  channelId: string | null;
  /** The team's Microsoft 365 group id (its SharePoint site is the group's root site); null in a chat. */
  groupId: string | null;
  userTeamRole: TeamRole | null;
}

/** TeamsJS loads only when it is needed: outside Teams (and on first paint) it is never fetched. */
async function teamsApp() {
  return (await import('@microsoft/teams-js')).app;
}

async function teamsRoles() {
  return (await import('@microsoft/teams-js')).UserTeamRole;
}

/**
 * TeamsJS in an iframe whose parent is not a Teams host waits 60 s before giving
 * up (see MACHINE-NOTES), so initialisation races a short timeout and never holds
 * up the first render; a top-level page skips it altogether.
 */
export async function connectToTeams(timeoutMs = 3000): Promise<TeamsHostInfo | null> {
  if (typeof window === 'undefined' || window.parent === window) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  try {
    const app = await teamsApp();
    const ready = await Promise.race([app.initialize().then(() => true), timeout]);
    if (!ready) return null;
    const context = await app.getContext();
    const roles = await teamsRoles();
    const role = context.team?.userRole;
    return {
      theme: toThemeName(context.app.theme),
      subPageId: context.page.subPageId || null,
      userPrincipalName: context.user?.userPrincipalName ?? null,
      teamId: context.team?.groupId ?? null,
      channelId: context.channel?.id ?? null,
      groupId: context.team?.groupId ?? null,
      userTeamRole:
        role === roles.Admin
          ? 'owner'
          : role === roles.User
            ? 'member'
            : role === roles.Guest
              ? 'guest'
              : null,
    };
  } catch {
    return null;
  }
}

export function onTeamsThemeChange(handler: (theme: TeamsThemeName) => void): void {
  void teamsApp().then((app) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))));
}

/** Tells Teams the first view is ready, so it removes its loading indicator. */
export function notifyTeamsReady(): void {
  void teamsApp()
    .then((app) => app.notifySuccess())
    .catch(() => undefined);
}

export function toThemeName(theme: string | null | undefined): TeamsThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** "action:123" -> the action id, else null. */
export function actionIdFromSubPage(subPageId: string | null): string | null {
  const match = /^action:(.+)$/.exec(subPageId ?? '');
  return match?.[1] ?? null;
}
