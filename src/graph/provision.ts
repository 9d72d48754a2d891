import { z } from 'zod';
import { firstFailure, sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import type { ColumnSpec } from './codecs';
import { listPathByName, sitePath, type DataContext } from './context';
import { LIST_SPECS, type ListSpec } from './list-specs';
import { LIST_KEYS } from './lists';

export interface ProvisionReport {
  createdLists: string[];
  addedColumns: string[];
  indexedColumns: string[];
}

const listsSchema = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })) });
const columnsSchema = z.object({
  value: z.array(z.object({ id: z.string(), name: z.string(), indexed: z.boolean().optional() })),
});

/**
 * Creates the app's lists and columns on a site, and indexes what it filters on.
 * Safe to run again: it only adds what is missing (lists, columns, indexes) and
 * never removes or rewrites anything.
 */
export async function provisionSite(
  ctx: DataContext,
  specs: readonly ListSpec[] = LIST_KEYS.map((key) => LIST_SPECS[key]),
): Promise<ProvisionReport> {
  const report: ProvisionReport = { createdLists: [], addedColumns: [], indexedColumns: [] };
  const existing = await existingListNames(ctx);

  const missing = specs.filter((spec) => !existing.has(spec.displayName));
  await runAll(
    ctx,
    missing.map((spec) => ({
      method: 'POST',
      path: sitePath(ctx, '/lists'),
      body: {
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      },
    })),
    'Creating a list',
  );
  report.createdLists.push(...missing.map((spec) => spec.displayName));

  // Lists created just now may not have honoured `indexed` inside the create body, so check every list.
  const columnPages = await runAll(
    ctx,
    specs.map((spec) => ({
      method: 'GET',
      path: `${listPathByName(ctx, spec.displayName)}/columns?$select=id,name,indexed`,
    })),
    'Reading list columns',
  );
  const changes: GraphRequest[] = [];
  specs.forEach((list, i) => {
    const columns = columnsSchema.parse(columnPages[i]).value;
    const byName = new Map(columns.map((c) => [c.name, c]));
    const path = listPathByName(ctx, list.displayName);
    for (const spec of list.columns) {
      const column = byName.get(spec.name);
      const where = `${list.displayName}.${spec.name}`;
      if (!column) {
        changes.push({ method: 'POST', path: `${path}/columns`, body: columnDefinition(spec) });
        report.addedColumns.push(where);
      } else if (spec.indexed && !column.indexed) {
        changes.push({
          method: 'PATCH',
          path: `${path}/columns/${encodeURIComponent(column.id)}`,
          body: { indexed: true },
        });
        report.indexedColumns.push(where);
      }
    }
  });
  await runAll(ctx, changes, 'Changing a list column');
  return report;
}

async function existingListNames(ctx: DataContext): Promise<Set<string>> {
  const names = new Set<string>();
  let path: string | null = sitePath(ctx, '/lists?$select=id,displayName');
  while (path) {
    const response = await ctx.client.call({ method: 'GET', path }, 'Reading the site lists');
    const page = listsSchema.extend({ '@odata.nextLink': z.string().optional() }).parse(response.body);
    page.value.forEach((list) => names.add(list.displayName));
    const next = page['@odata.nextLink'];
    path = next ? ctx.client.relativePath(next) : null;
  }
  return names;
}

async function runAll(ctx: DataContext, requests: GraphRequest[], what: string): Promise<unknown[]> {
  if (requests.length === 0) return [];
  const results = await sendBatchedJudged(ctx.client, requests, () => what);
  const failure = firstFailure(results);
  if (failure) throw failure;
  return results.map((r) => (r.ok ? r.response.body : null));
}

function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const { name, indexed, ...kind } = spec;
  return { name, displayName: name, indexed: indexed ?? false, ...kind };
}
