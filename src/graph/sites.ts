import { z } from 'zod';
import type { GraphClient } from './client';

const siteSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().optional(),
  name: z.string().optional(),
  webUrl: z.string(),
});

/** What the app shows of a SharePoint site: its Graph id, its name and its address. */
export interface SiteSummary {
  id: string;
  displayName: string;
  webUrl: string;
}

/**
 * Reads a site resource (`/sites/{id}`, `/sites/{hostname}:/{path}`,
 * `/groups/{id}/sites/root`); a site without a display name is shown by name or address.
 */
export async function readSite(client: GraphClient, path: string, what: string): Promise<SiteSummary> {
  const response = await client.call({ method: 'GET', path }, what);
  const site = siteSchema.parse(response.body);
  return { id: site.id, displayName: site.displayName ?? site.name ?? site.webUrl, webUrl: site.webUrl };
}
