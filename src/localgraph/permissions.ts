import { foundRows, type Db } from './db';
import type { Principal } from './directory';
import { accessDenied } from './errors';
import type { SiteRole } from './types';

export type Access = 'read' | 'write';

export function siteRole(db: Db, siteId: string, userId: string): SiteRole | undefined {
  const cache = foundRows<SiteRole>(db, 'site_roles');
  const key = `${siteId}/${userId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const role = db
    .prepare<[string, string], { role: SiteRole }>(
      'SELECT role FROM site_roles WHERE site_id = ? AND user_id = ?',
    )
    .get(siteId, userId)?.role;
  if (role) cache.set(key, role);
  return role;
}

/** SharePoint's default groups: owners and members edit, visitors read, everyone else nothing. */
export function requireSiteAccess(db: Db, principal: Principal, siteId: string, access: Access): SiteRole {
  const role = siteRole(db, siteId, principal.id);
  if (role === undefined) throw accessDenied();
  if (access === 'write' && role === 'visitor') throw accessDenied();
  return role;
}

export function accessFor(method: string): Access {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}
