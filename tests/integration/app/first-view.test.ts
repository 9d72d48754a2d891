import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefetchFirstView } from '../../../src/app/first-view';
import { makeAction, makePlan, makePriority } from '../../../src/domain';
import type { PriorityBoardData } from '../../../src/plan/board';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore } from '../../../src/graph/store';
import { queryKeys } from '../../../src/plan/query-keys';
import { paths } from '../../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../support/local-graph';

describe('the first view’s read, sent before the UI renders', () => {
  let t: TestGraph;
  let ids: { planId: string; priorityId: string };
  beforeAll(async () => {
    t = await startTestGraph();
    const officer = t.storeAs('officer');
    await provisionSite(officer.ctx);
    const { id: _p, ...planDraft } = makePlan({ id: 'n', title: 'Prefetch plan', localArea: 'Testshire' });
    const plan = await officer.plans.create(planDraft);
    const { id: _q, ...priorityDraft } = makePriority({
      id: 'n',
      planId: plan.id,
      number: 1,
      title: 'Joint work',
    });
    const priority = await officer.priorities.create(priorityDraft);
    ids = { planId: plan.id, priorityId: priority.id };
    const { id: _a, ...action } = makeAction({
      id: 'n',
      ...ids,
      reference: '1.1.1',
      text: 'Publish the offer',
    });
    await officer.actions.create(action);
  });
  afterAll(() => t.close());

  function prefetch(pathname: string) {
    const queryClient = new QueryClient();
    let requests = 0;
    const client = t.clientAs('lead', { onHttpRequest: () => requests++ });
    prefetchFirstView(queryClient, createPlanStore({ client, siteId: 'root' }), pathname);
    return { queryClient, requests: () => requests };
  }

  it('a board URL puts the board’s data in the cache with one request', async () => {
    const { queryClient, requests } = prefetch(paths.board(ids.planId, ids.priorityId));
    const key = queryKeys.board(ids.planId, ids.priorityId);
    await expect.poll(() => queryClient.getQueryState(key)?.status).toBe('success');
    const board = queryClient.getQueryData<PriorityBoardData>(key);
    expect(board?.priority.title).toBe('Joint work');
    expect(board?.actions.map((a) => a.reference)).toEqual(['1.1.1']);
    expect(requests()).toBe(1);
  });

  it('any other view starts nothing', () => {
    for (const pathname of ['/', paths.myWork(), paths.action('7'), '/plans/1/priorities/']) {
      const { queryClient, requests } = prefetch(pathname);
      expect(queryClient.getQueryCache().getAll()).toEqual([]);
      expect(requests()).toBe(0);
    }
  });
});
