import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphClient, GraphRequest } from '../../../src/graph/client';
import { listPath } from '../../../src/graph/context';
import { provisionSite } from '../../../src/graph/provision';
import { LIST_KEYS } from '../../../src/graph/lists';
import { LIST_SPECS } from '../../../src/graph/list-specs';
import { startTestGraph, type TestGraph } from '../support/local-graph';

describe('provisioning the SharePoint lists through Graph', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it('creates every list with its columns, indexes what the app filters on, and adds nothing on a second run', async () => {
    const ctx = { client: t.clientAs('officer'), siteId: 'root' };
    const first = await provisionSite(ctx);
    expect(first.createdLists).toHaveLength(LIST_KEYS.length);

    const second = await provisionSite(ctx);
    expect(second).toEqual(NOTHING_TO_DO);

    const lists = await ctx.client.call({ method: 'GET', path: '/sites/root/lists' }, 'lists');
    const names = (lists.body as { value: { displayName: string }[] }).value.map((l) => l.displayName);
    for (const key of LIST_KEYS)
      expect(names.filter((n) => n === LIST_SPECS[key].displayName)).toHaveLength(1);

    const columns = await ctx.client.call(
      { method: 'GET', path: `${listPath(ctx, 'actions')}/columns` },
      'columns',
    );
    const byName = new Map(
      (columns.body as { value: { name: string; indexed: boolean }[] }).value.map((c) => [c.name, c]),
    );
    for (const spec of LIST_SPECS.actions.columns) {
      expect(byName.get(spec.name), spec.name).toBeDefined();
      if (spec.indexed) expect(byName.get(spec.name)?.indexed, `${spec.name} indexed`).toBe(true);
    }
  });

  it('adds a missing column and a missing index on a later run, leaving the rest alone', async () => {
    const ctx = { client: t.clientAs('officer'), siteId: 'root' };
    // A list left by an older version of the app, with only some of the columns and no index. where an older version of the app created the actions list without some columns.
    await ctx.client.call(
      {
        method: 'POST',
        path: '/sites/root/lists',
        body: {
          displayName: 'Scratch',
          columns: [{ name: 'PlanId', text: {} }],
          list: { template: 'genericList' },
        },
      },
      'create',
    );
    const scratch = { ...LIST_SPECS.actions, displayName: 'Scratch' };
    const report = await provisionSite(ctx, [scratch]);
    expect(report.createdLists).toEqual([]);
    expect(report.indexedColumns).toEqual(['Scratch.PlanId']);
    expect(report.addedColumns).toContain('Scratch.Status');
    expect(report.addedColumns).not.toContain('Scratch.PlanId');
    expect(await provisionSite(ctx, [scratch])).toEqual(NOTHING_TO_DO);
  });

  it('makes plain a multi-line column an older version left rich text, so values stop coming back as HTML', async () => {
    // Graph's textColumn: textType "plain" or "richText"; SharePoint hands rich text values back
    // wrapped in <div class="ExternalClass…"> (see the local Graph's lists-columns tests).
    const ctx = { client: t.clientAs('officer'), siteId: 'root' };
    await ctx.client.call(
      {
        method: 'POST',
        path: '/sites/root/lists',
        body: {
          displayName: 'Rich',
          columns: [{ name: 'ProgressNarrative', text: { allowMultipleLines: true } }],
          list: { template: 'genericList' },
        },
      },
      'create',
    );
    const item = await ctx.client.call(
      {
        method: 'POST',
        path: `/sites/root/lists/Rich/items`,
        body: { fields: { Title: 'x', ProgressNarrative: 'Workshop held' } },
      },
      'item',
    );
    const narrative = async () => {
      const read = await ctx.client.call(
        {
          method: 'GET',
          path: `/sites/root/lists/Rich/items/${(item.body as { id: string }).id}?$expand=fields`,
        },
        'read',
      );
      return (read.body as { fields: { ProgressNarrative: string } }).fields.ProgressNarrative;
    };
    expect(await narrative()).toMatch(/^<div class="ExternalClass/);

    const rich = { ...LIST_SPECS.actions, displayName: 'Rich' };
    const report = await provisionSite(ctx, [rich]);
    expect(report.plainTextColumns).toEqual(['Rich.ProgressNarrative']);
    expect(await narrative()).toBe('Workshop held');
    expect((await provisionSite(ctx, [rich])).plainTextColumns).toEqual([]);
  });

  it('reads an index back and stops, naming the column, when SharePoint did not make it', async () => {
    // SharePoint can decline an index without failing the request (a list past its 20 indexes,
    // or one too large to index): modelled by a client whose index requests never arrive.
    const client = t.clientAs('officer');
    const declining: GraphClient = {
      ...client,
      send: (request) =>
        isIndexRequest(request) ? client.send({ ...request, body: {} }) : client.send(request),
      call: (request, what) =>
        isIndexRequest(request) ? client.call({ ...request, body: {} }, what) : client.call(request, what),
    };
    await client.call(
      {
        method: 'POST',
        path: '/sites/root/lists',
        body: {
          displayName: 'Unindexed',
          columns: [{ name: 'PlanId', text: {} }],
          list: { template: 'genericList' },
        },
      },
      'create',
    );
    const unindexed = { ...LIST_SPECS.priorities, displayName: 'Unindexed' };
    await expect(provisionSite({ client: declining, siteId: 'root' }, [unindexed])).rejects.toThrow(
      /SharePoint did not index Unindexed\.PlanId: the app filters on it, so queries would fail past 5,000 items/,
    );
  });
});

describe('schema changes', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it("change one list's columns one at a time, lists side by side", async () => {
    // Columns added to one list side by side fail with 409 "Save Conflict" (pnp/pnpjs#2646, in a
    // batch) or stranger errors (pnp/pnpjs#172, with Promise.all), so a list's changes go in turn.
    const client = t.clientAs('officer');
    const inFlight = new Map<string, number>();
    let mostOnOneList = 0;
    let mostOverall = 0;
    const watching: GraphClient = {
      ...client,
      call: async (request, what) => {
        const list = /\/lists\/([^/]+)\/columns/.exec(request.path)?.[1];
        const changing = list !== undefined && request.method !== 'GET';
        if (!changing) return client.call(request, what);
        inFlight.set(list, (inFlight.get(list) ?? 0) + 1);
        mostOnOneList = Math.max(mostOnOneList, inFlight.get(list) ?? 0);
        mostOverall = Math.max(
          mostOverall,
          [...inFlight.values()].reduce((a, b) => a + b, 0),
        );
        try {
          return await client.call(request, what);
        } finally {
          inFlight.set(list, (inFlight.get(list) ?? 1) - 1);
        }
      },
    };
    const bare = ['Bare A', 'Bare B'];
    for (const displayName of bare) {
      await client.call(
        {
          method: 'POST',
          path: '/sites/root/lists',
          body: { displayName, list: { template: 'genericList' } },
        },
        'create',
      );
    }
    const report = await provisionSite(
      { client: watching, siteId: 'root' },
      bare.map((displayName) => ({ ...LIST_SPECS.actions, displayName })),
    );
    expect(report.addedColumns.length).toBe(2 * LIST_SPECS.actions.columns.length);
    expect(mostOnOneList).toBe(1);
    expect(mostOverall).toBe(2);
  });
});

const NOTHING_TO_DO = { createdLists: [], addedColumns: [], indexedColumns: [], plainTextColumns: [] };

function isIndexRequest(request: GraphRequest): boolean {
  const body = request.body as { indexed?: unknown } | undefined;
  return request.method === 'PATCH' && body?.indexed === true;
}
