import type { GraphRequest } from './client';

/**
 * What a Graph request costs an app in SharePoint's budget, in resource units
 * (Microsoft Learn, "Avoid getting throttled or blocked in SharePoint Online",
 * https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
 * 1 for a single-item read, 2 for a multi-item query and for any create, update
 * or delete, 5 for permission operations. Each request inside a `$batch` counts
 * on its own. Requests to other services (Teams, the directory) cost SharePoint nothing.
 */
export function sharePointResourceUnits(request: Pick<GraphRequest, 'method' | 'path'>): number {
  const path = request.path.split('?')[0] ?? '';
  if (!path.startsWith('/sites/')) return 0;
  if (/\/permissions(\/|$)/.test(path) || /\$expand=permissions/.test(request.path)) return 5;
  if (request.method !== 'GET') return 2;
  // A collection (items, lists, columns, delta) is a multi-item query; one of its members is a single item.
  return /\/(items|lists|columns|delta)$/.test(path) || /\/items\/delta/.test(path) ? 2 : 1;
}
