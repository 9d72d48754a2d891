import type { TabSettings } from '../../teams/tab-config';
import { paths } from '../../ui/paths';

/**
 * Teams documents no limit for `suggestedDisplayName`; the manifest caps a static
 * tab's name at 128 characters, so a channel tab's suggested name keeps to that too.
 */
export const TAB_NAME_MAX = 128;

export interface TabTarget {
  /** Where the tab's pages are served from (`location.origin`). */
  origin: string;
  /** The team's site, which the tab's pages read (`?site=`, see readAppConfig). */
  siteId: string;
  plan: { id: string; title: string };
  /** The priority whose board the tab opens on; null for the plan at a glance. */
  priority: { id: string } | null;
}

/**
 * What the channel tab saves: the overview of the plan (`/?plan=`) or a priority's
 * board, on the team's site, and the removal page.
 */
export function tabSettingsFor(target: TabTarget): TabSettings {
  const { origin, siteId, plan, priority } = target;
  const page = priority ? paths.board(plan.id, priority.id) : paths.overview(plan.id);
  const contentUrl = onSite(new URL(page, origin), siteId);
  return {
    entityId: priority ? `wsoa:${plan.id}:${priority.id}` : `wsoa:${plan.id}`,
    contentUrl,
    websiteUrl: contentUrl,
    suggestedDisplayName: tabNameFor(plan.title),
    removeUrl: new URL(paths.remove(), origin).href,
  };
}

/** "WSoA: {plan title}", shortened with an ellipsis past TAB_NAME_MAX. */
export function tabNameFor(planTitle: string): string {
  const name = `WSoA: ${planTitle.trim()}`;
  return name.length <= TAB_NAME_MAX ? name : `${name.slice(0, TAB_NAME_MAX - 1).trimEnd()}…`;
}

function onSite(url: URL, siteId: string): string {
  url.searchParams.set('site', siteId);
  return url.href;
}
