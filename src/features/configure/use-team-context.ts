import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TeamRole } from '../../teams/teams-host';
import { useTeams } from '../../teams/TeamsProvider';

/** How long a page in a frame waits for Teams before it carries on as a web page (TeamsProvider gives up at 3 s). */
const TEAMS_WAIT_MS = 3500;

export interface TeamContext {
  /** Still waiting to hear from a Teams host. */
  connecting: boolean;
  /** Inside Teams, TeamsJS is there to save the tab; outside, the page shows what it would save. */
  inTeams: boolean;
  /** The team's Microsoft 365 group id: from Teams, or from `?groupId=` outside Teams. */
  groupId: string | null;
  userTeamRole: TeamRole | null;
}

/**
 * The team the tab is being added to. Outside Teams (a browser, tests) the group
 * id comes from `?groupId=`, so the page can be tried without Teams.
 */
export function useTeamContext(): TeamContext {
  const { host } = useTeams();
  const [params] = useSearchParams();
  const framed = typeof window !== 'undefined' && window.parent !== window;
  const [waited, setWaited] = useState(!framed);
  useEffect(() => {
    if (waited || host) return;
    const timer = setTimeout(() => setWaited(true), TEAMS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waited, host]);

  if (host) {
    return { connecting: false, inTeams: true, groupId: host.groupId, userTeamRole: host.userTeamRole };
  }
  const fromUrl = params.get('groupId')?.trim() || null;
  return { connecting: !waited, inTeams: false, groupId: fromUrl, userTeamRole: null };
}

/**
 * For a page Teams shows in its own dialog (set-up, removal): the team, as a read
 * `PageOf` can show while Teams connects, and Teams told once the page is ready.
 */
export function useTeamDialog() {
  const team = useTeamContext();
  const { ready } = useTeams();
  useEffect(() => {
    if (!team.connecting) ready();
  }, [team.connecting, ready]);
  return { team, read: { isPending: team.connecting, isError: false, error: null, data: team } };
}
