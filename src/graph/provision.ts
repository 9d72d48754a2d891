import { z } from 'zod';
import { firstFailure, sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import { mapLimited } from '../lib/concurrency';
import type { ColumnSpec } from './codecs';
import { ValidationError } from './errors';
import { listPathByName, sitePath, type DataContext } from './context';
import { LIST_SPECS, type ListSpec } from './list-specs';
import { LIST_KEYS } from './lists';

export interface ProvisionReport {
  createdLists: string[];
  addedColumns: string[];
  indexedColumns: string[];
  /** Multi-line columns that were rich text (so SharePoint wrapped their values in HTML), made plain. */
  plainTextColumns: string[];
}

/**
 * How far provisioning has got, for a progress indicator: the site's lists read
 * (and which are missing), the missing lists created, then each list's columns and
 * indexes made and checked. `done` of `total` steps (two, then one per list).
 */
export type ProvisionStep =
  | { kind: 'lists-read'; missing: readonly string[] }
  | { kind: 'lists-created'; lists: readonly string[] }
  | { kind: 'list-checked'; list: string };
export type ProvisionProgress = ProvisionStep & { done: number; total: number };

export interface ProvisionOptions {
  /** Told after each step; what it does has no bearing on provisioning. */
  onProgress?: (progress: ProvisionProgress) => void;
}

const listsSchema = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })) });
const columnsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      indexed: z.boolean().optional(),
      text: z.object({ textType: z.string().optional() }).loose().optional(),
    }),
  ),
});
const COLUMN_FACTS = '$select=id,name,indexed,text';

/**
 * Creates the app's lists and columns on a site, and indexes what it filters on.
 * Safe to run again: it only adds what is missing (lists, columns, indexes), makes
 * plain a multi-line column left rich text (an older version made them so), and
 * never removes anything.
 */
export async function provisionSite(
  ctx: DataContext,
  specs: readonly ListSpec[] = LIST_KEYS.map((key) => LIST_SPECS[key]),
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const total = specs.length + 2;
  let done = 0;
  const tell = (step: ProvisionStep) => {
    done += 1;
    try {
      options.onProgress?.({ ...step, done, total });
    } catch {
      // A progress listener's failure is no failure of provisioning.
    }
  };
  const report: ProvisionReport = {
    createdLists: [],
    addedColumns: [],
    indexedColumns: [],
    plainTextColumns: [],
  };
  const existing = await existingListNames(ctx);

  const missing = specs.filter((spec) => !existing.has(spec.displayName));
  tell({ kind: 'lists-read', missing: missing.map((spec) => spec.displayName) });
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
  tell({ kind: 'lists-created', lists: missing.map((spec) => spec.displayName) });

  // Lists created just now may not have honoured `indexed` inside the create body, so check every list.
  const columnPages = await runAll(
    ctx,
    specs.map((spec) => ({
      method: 'GET',
      path: `${listPathByName(ctx, spec.displayName)}/columns?${COLUMN_FACTS}`,
    })),
    'Reading list columns',
  );
  // SharePoint changes a list's schema one request at a time: a list's column changes go in turn
  // (lists side by side), and an index asked for is read back, as SharePoint can decline one quietly.
  const changesByList = specs.map((list, i) => {
    const columns = columnsSchema.parse(columnPages[i]).value;
    const byName = new Map(columns.map((c) => [c.name, c]));
    const path = listPathByName(ctx, list.displayName);
    const changes: GraphRequest[] = [];
    const toIndex: string[] = [];
    for (const spec of list.columns) {
      const column = byName.get(spec.name);
      const where = `${list.displayName}.${spec.name}`;
      if (!column) {
        changes.push({ method: 'POST', path: `${path}/columns`, body: columnDefinition(spec) });
        report.addedColumns.push(where);
        if (spec.indexed) toIndex.push(spec.name);
        continue;
      }
      const columnPath = `${path}/columns/${encodeURIComponent(column.id)}`;
      if ('text' in spec && spec.text.textType === 'plain' && column.text?.textType === 'richText') {
        changes.push({ method: 'PATCH', path: columnPath, body: { text: spec.text } });
        report.plainTextColumns.push(where);
      }
      if (spec.indexed && !column.indexed) {
        changes.push({ method: 'PATCH', path: columnPath, body: { indexed: true } });
        report.indexedColumns.push(where);
        toIndex.push(spec.name);
      }
    }
    return { list, path, changes, toIndex };
  });
  await mapLimited(changesByList, 4, async ({ list, path, changes, toIndex }) => {
    for (const change of changes) await ctx.client.call(change, `Changing a column of ${list.displayName}`);
    if (toIndex.length === 0) {
      tell({ kind: 'list-checked', list: list.displayName });
      return;
    }
    const response = await ctx.client.call(
      { method: 'GET', path: `${path}/columns?${COLUMN_FACTS}` },
      `Reading the columns of ${list.displayName}`,
    );
    const indexed = new Set(
      columnsSchema
        .parse(response.body)
        .value.filter((c) => c.indexed)
        .map((c) => c.name),
    );
    const missing = toIndex.filter((name) => !indexed.has(name));
    if (missing.length > 0) {
      throw new ValidationError(
        `SharePoint did not index ${missing.map((m) => `${list.displayName}.${m}`).join(', ')}: the app filters on ${missing.length === 1 ? 'it' : 'them'}, so queries would fail past 5,000 items. Index ${missing.length === 1 ? 'it' : 'them'} in the list settings (Indexed columns) and run provisioning again`,
      );
    }
    tell({ kind: 'list-checked', list: list.displayName });
  });
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
