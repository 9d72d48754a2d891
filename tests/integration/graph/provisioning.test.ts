import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(second).toEqual({ createdLists: [], addedColumns: [], indexedColumns: [] });

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
    expect(await provisionSite(ctx, [scratch])).toEqual({
      createdLists: [],
      addedColumns: [],
      indexedColumns: [],
    });
  });
});
