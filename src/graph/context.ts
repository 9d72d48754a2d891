import { DEFAULT_SITE_TIME_ZONE } from '../domain';
import type { GraphClient } from './client';
import type { SiteSettings } from './codecs';
import { LIST_NAMES, type ListKey } from './lists';

/** Where the plan lives: a client for Graph (real or local) and the SharePoint site. */
export interface DataContext {
  client: GraphClient;
  /** A Graph site id, or `root`. */
  siteId: string;
  /** The site's time zone (its regional settings), as an IANA name; Europe/London when left out. */
  siteTimeZone?: string;
}

export function siteSettings(ctx: DataContext): SiteSettings {
  return { timeZone: ctx.siteTimeZone ?? DEFAULT_SITE_TIME_ZONE };
}

/** Lists are addressed by display name, which Graph accepts in place of the list id. */
export function listPath(ctx: DataContext, list: ListKey): string {
  return listPathByName(ctx, LIST_NAMES[list].displayName);
}

export function listPathByName(ctx: DataContext, displayName: string): string {
  return sitePath(ctx, `/lists/${encodeURIComponent(displayName)}`);
}

export function sitePath(ctx: DataContext, rest: string): string {
  return `/sites/${encodeURIComponent(ctx.siteId)}${rest}`;
}

export function itemsPath(ctx: DataContext, list: ListKey): string {
  return `${listPath(ctx, list)}/items`;
}
