/**
 * The host the browser is shown the harness on: TeamsJS only takes messages from
 * a parent on an https origin in its list of Teams hosts (or the tab's own).
 */
export const TEAMS_HOST = 'teams.microsoft.com';
