import type { CardLinks } from './context';

export interface TabLinkOptions {
  /** Where the tab is served, e.g. https://wsoa.example.org or http://127.0.0.1:5173. */
  tabUrl: string;
  planId: string;
  /** With the Teams app's id and the tab's entity id, buttons open the tab inside Teams. */
  teams?: { appId: string; entityId: string } | null;
}

/**
 * The card buttons' targets. Inside Teams a deep link carries a sub-entity
 * ("action:123", "my-work", "overview") that the tab routes on; without a Teams
 * app id the buttons open the tab's own pages in a browser.
 */
export function tabLinks(options: TabLinkOptions): CardLinks {
  const base = options.tabUrl.replace(/\/+$/, '');
  const plan = encodeURIComponent(options.planId);
  const web = {
    action: (id: string) => `${base}/actions/${encodeURIComponent(id)}`,
    myWork: () => `${base}/my-work`,
    overview: () => `${base}/?plan=${plan}`,
  };
  const teams = options.teams;
  if (!teams) {
    return { actionUrl: web.action, myWorkUrl: web.myWork, overviewUrl: web.overview };
  }
  const deepLink = (subEntityId: string, webUrl: string) =>
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(teams.appId)}/${encodeURIComponent(
      teams.entityId,
    )}?webUrl=${encodeURIComponent(webUrl)}&context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
  return {
    actionUrl: (id) => deepLink(`action:${id}`, web.action(id)),
    myWorkUrl: () => deepLink('my-work', web.myWork()),
    overviewUrl: () => deepLink('overview', web.overview()),
  };
}
