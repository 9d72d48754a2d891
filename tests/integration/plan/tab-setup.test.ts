import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePriority } from '../../../src/domain';
import { LIST_KEYS, LIST_NAMES } from '../../../src/graph/lists';
import { createPlanStore } from '../../../src/graph/store';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import { NotFoundError, ValidationError } from '../../../src/plan/errors';
import {
  createPlanOnSite,
  findTeamSite,
  loadSitePlans,
  SetupRefusedError,
  storeForSite,
  type PlanSetupProgress,
} from '../../../src/plan/tab-setup';
import { startTestGraph, type TestGraph } from '../support/local-graph';

/** A channel tab is set up on the team's own site, not the site the tab was built for. */
describe('setting up a channel tab on the team’s site', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  /** As the person, on the team's site found from the group id (as the configuration page does). */
  async function onTeamSite(person: string) {
    const configured = t.storeAs(person);
    const site = await findTeamSite(configured, DEMO_TENANT.group.id);
    return storeForSite(configured, site.id);
  }

  async function appListsOnTeamSite(): Promise<string[]> {
    const response = await t
      .clientAs('officer')
      .call({ method: 'GET', path: `/sites/${encodeURIComponent(DEMO_TENANT.groupSite.id)}/lists` }, 'lists');
    const names = (response.body as { value: { displayName: string }[] }).value.map((l) => l.displayName);
    return names.filter((name) => name.startsWith('WSoA '));
  }

  it('finds the team’s SharePoint site from the team’s group id', async () => {
    const site = await findTeamSite(t.storeAs('lead'), DEMO_TENANT.group.id);
    expect(site).toEqual({
      id: DEMO_TENANT.groupSite.id,
      displayName: 'SEND Local Area Partnership',
      webUrl: DEMO_TENANT.groupSite.webUrl,
    });
    await expect(findTeamSite(t.storeAs('lead'), '00000000-0000-0000-0000-000000000000')).rejects.toThrow(
      NotFoundError,
    );
  });

  it('finds no plans on a team site without the app’s lists, and says so', async () => {
    const store = await onTeamSite('officer');
    expect(store.ctx.siteId).toBe(DEMO_TENANT.groupSite.id);
    expect(await loadSitePlans(store)).toEqual({ listsReady: false, plans: [], problems: [] });
  });

  it('names an empty title and sends nothing', async () => {
    const requests: string[] = [];
    const client = t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) });
    const store = createPlanStore({ client, siteId: DEMO_TENANT.groupSite.id });
    const attempt = createPlanOnSite(store, { title: '   ', localArea: 'Testshire' });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: [{ field: 'title', message: 'Plan title is required' }],
    });
    expect(requests).toEqual([]);
  });

  it('refuses a visitor clearly, and creates nothing on the site', async () => {
    const store = await onTeamSite('chair');
    const attempt = createPlanOnSite(store, { title: 'Not allowed', localArea: 'Testshire' });
    await expect(attempt).rejects.toThrow(SetupRefusedError);
    await expect(attempt).rejects.toThrow(
      "You can't create the plan's lists on this site: ask a site owner to add the tab, or to make you a member of the site.",
    );
    expect(await appListsOnTeamSite()).toEqual([]);
  });

  it('creates a plan on an empty site, provisioning its lists first and reporting each step', async () => {
    const store = await onTeamSite('officer');
    const progress: PlanSetupProgress[] = [];
    const created = await createPlanOnSite(
      store,
      { title: '  SEND WSoA 2026  ', localArea: 'Testshire' },
      (p) => progress.push(p),
    );
    expect(created).toMatchObject({ title: 'SEND WSoA 2026', planType: 'Written Statement of Action' });

    const allLists = LIST_KEYS.map((key) => LIST_NAMES[key].displayName);
    const total = allLists.length + 3;
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress[0]).toMatchObject({ kind: 'lists-read', missing: allLists });
    expect(progress[1]).toMatchObject({ kind: 'lists-created', lists: allLists });
    const checked = progress.flatMap((p) => (p.kind === 'list-checked' ? [p.list] : []));
    expect([...checked].sort()).toEqual([...allLists].sort());
    expect(progress.at(-1)).toMatchObject({ kind: 'plan-saved', title: 'SEND WSoA 2026' });
    expect((await appListsOnTeamSite()).sort()).toEqual([...allLists].sort());

    const read = await loadSitePlans(store);
    expect(read.listsReady).toBe(true);
    expect(read.plans).toEqual([created]);
    // The configured site (root) was left alone.
    expect(await loadSitePlans(t.storeAs('officer'))).toMatchObject({ listsReady: false, plans: [] });
  });

  it('lists the site’s plans with their priorities in order', async () => {
    const store = await onTeamSite('officer');
    const plan = await createPlanOnSite(store, {
      title: 'Accelerated progress plan',
      localArea: 'Testshire',
    });
    for (const number of [2, 1]) {
      const { id: _id, ...priority } = makePriority({
        id: 'n',
        planId: plan.id,
        number,
        title: number === 1 ? 'Joint commissioning' : 'Co-production',
      });
      await store.priorities.create(priority);
    }
    const read = await loadSitePlans(await onTeamSite('lead'));
    expect(read.plans.map((p) => p.title)).toEqual(['Accelerated progress plan', 'SEND WSoA 2026']);
    expect(read.plans[0]?.priorities.map((p) => [p.number, p.label, p.title])).toEqual([
      [1, 'Priority 1', 'Joint commissioning'],
      [2, 'Priority 2', 'Co-production'],
    ]);
    expect(read.plans[1]?.priorities).toEqual([]);
  });

  it('refuses a visitor the plan itself once the lists exist, and saves nothing', async () => {
    const store = await onTeamSite('chair');
    const before = (await loadSitePlans(store)).plans;
    const attempt = createPlanOnSite(store, { title: 'Not mine to make', localArea: 'Testshire' });
    await expect(attempt).rejects.toThrow(SetupRefusedError);
    await expect(attempt).rejects.toMatchObject({ step: 'plan' });
    await expect(attempt).rejects.toThrow("You can't create a plan on this site: ask a site owner");
    expect((await loadSitePlans(store)).plans).toEqual(before);
  });

  it('sets the site up with the token that may create lists, when the session has one', async () => {
    // In a tenant the tab asks for Sites.Manage.All only here (src/auth/entra-scopes.ts).
    const store = await onTeamSite('lead');
    const asked: string[] = [];
    const setupToken = async () => {
      asked.push('setup');
      return t.graph.tokenFor('officer');
    };
    const plan = await createPlanOnSite(
      store,
      { title: 'Set up with care', localArea: 'Testshire' },
      undefined,
      setupToken,
    );
    expect(asked.length).toBeGreaterThan(0);
    expect((await loadSitePlans(store)).plans.map((p) => p.id)).toContain(plan.id);
  });
});
