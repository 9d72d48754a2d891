import type { DataContext } from '../graph/context';
import { ReadOnlyError } from '../graph/errors';
import {
  provisionSite,
  type ProvisionOptions,
  type ProvisionProgress,
  type ProvisionReport,
} from '../graph/provision';
import { explainRefusal, type ProvisionAccess } from './provision-access';
import { resolveSite, type ResolvedSite, type SiteRef } from './site-ref';

export interface ProvisionOutcome {
  site: ResolvedSite;
  report: ProvisionReport;
}

/**
 * `npm run provision`: finds the site `--site` names and runs the app's own provisioning on it
 * (the lists, columns and indexes; it only ever adds), turning a 403 into what to grant to whom.
 */
export async function provisionNamedSite(
  ctx: DataContext,
  ref: SiteRef,
  access: ProvisionAccess,
  options: ProvisionOptions = {},
): Promise<ProvisionOutcome> {
  const site = await refusalExplained(() => resolveSite(ctx.client, ref), access, {
    ref,
    site: null,
    stage: 'read',
  });
  const report = await refusalExplained(
    () => provisionSite({ ...ctx, siteId: site.id }, undefined, options),
    access,
    {
      ref,
      site,
      stage: 'change',
    },
  );
  return { site, report };
}

async function refusalExplained<T>(
  run: () => Promise<T>,
  access: ProvisionAccess,
  what: Parameters<typeof explainRefusal>[1],
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReadOnlyError) throw explainRefusal(access, what);
    throw error;
  }
}

/** One line per step, for stderr while a tenant's site is provisioned (a minute or so). */
export function describeProgress(progress: ProvisionProgress): string {
  const step =
    progress.kind === 'lists-read'
      ? `read the site's lists (${progress.missing.length} to create)`
      : progress.kind === 'lists-created'
        ? `created ${progress.lists.length} lists`
        : `checked the columns and indexes of ${progress.list}`;
  return `[${progress.done}/${progress.total}] ${step}`;
}

export function nothingToDo(report: ProvisionReport): boolean {
  return Object.values(report).every((changes) => changes.length === 0);
}

/** The report for people: what changed, then the id to configure the tab and the jobs with. */
export function describeProvisioning({ site, report }: ProvisionOutcome): string {
  const lines = [`Site: ${site.displayName} (${site.webUrl})`];
  const part = (names: string[], verb: string, noun: string, after = '') =>
    names.length > 0
      ? [`${verb} ${names.length} ${noun}${names.length === 1 ? '' : 's'}${after}: ${names.join(', ')}`]
      : [];
  lines.push(
    ...part(report.createdLists, 'Created', 'list'),
    ...part(report.addedColumns, 'Added', 'column'),
    ...part(report.indexedColumns, 'Indexed', 'column'),
    ...part(report.plainTextColumns, 'Made', 'column', ' plain text'),
  );
  if (nothingToDo(report)) lines.push('Nothing to do: every list, column and index is already in place.');
  lines.push(`Site id (set VITE_SITE_ID for the tab and GRAPH_SITE_ID for the jobs): ${site.id}`);
  return lines.join('\n');
}
