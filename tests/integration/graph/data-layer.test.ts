import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBatched } from '../../../src/graph/batch';
import { ConflictError, ListThresholdError, ReadOnlyError, ValidationError } from '../../../src/graph/errors';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore } from '../../../src/graph/store';
import { makeAction } from '../../../src/domain';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import { manyActions } from './builders';

describe('the Graph data layer against the local Graph', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  });
  afterAll(() => t.close());

  const newAction = (planId: string, reference: string) => {
    const { id: _id, ...action } = makeAction({
      id: 'new',
      planId,
      priorityId: 'p1',
      reference,
      text: `Action ${reference}`,
    });
    return action;
  };

  it('pages through 12,000 items by @odata.nextLink and returns each exactly once, as domain objects', async () => {
    const store = t.storeAs('officer');
    await store.actions.createMany(manyActions('big', 12_000));
    const requests: string[] = [];
    const counted = createPlanStore({
      client: t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) }),
      siteId: 'root',
    });

    // Unfiltered, SharePoint pages a list of any size (the threshold applies to filters).
    const actions = await counted.actions.query({ top: 1000 }, []);
    expect(actions).toHaveLength(12_000);
    expect(new Set(actions.map((a) => a.id)).size).toBe(12_000);
    expect(requests).toHaveLength(12);
    expect(actions[0]).toMatchObject({ planId: 'big', status: expect.any(String), etag: expect.any(String) });
    expect(actions[0]?.lead?.upn).toMatch(/@demo\.localarea\.example$/);
  });

  it('filters on indexed columns past 5,000 items when the first indexed condition matches fewer; refuses a non-indexed column', async () => {
    const store = t.storeAs('officer');
    const green = await store.actions.query(
      {
        filter: `${fieldEq('PriorityId', 'p1')} and ${fieldEq('PlanId', 'big')} and ${fieldEq('Status', 'green')}`,
      },
      [],
    );
    const expected = manyActions('big', 12_000).filter((a) => a.priorityId === 'p1' && a.status === 'green');
    expect(green).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    await expect(
      store.actions.query({ filter: fieldEq('GovernanceForum', 'WSOA Group') }, []),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.actions.query({ filter: fieldEq('GovernanceForum', 'WSOA Group') }, []),
    ).rejects.toThrow(/not indexed/);
  });

  it('refuses, as SharePoint does, a filter whose first indexed condition matches more than 5,000 items', async () => {
    // 422 notSupported / tooManyResources: microsoft-graph-docs#13611; the first condition
    // drives the query (msgraph-sdk-dotnet#827). Waiting does not help, so it is not retried.
    const requests: string[] = [];
    const counted = createPlanStore({
      client: t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) }),
      siteId: 'root',
    });
    const refused = counted.actions.query(
      { filter: `${fieldEq('PlanId', 'big')} and ${fieldEq('PriorityId', 'p1')}` },
      [],
    );
    await expect(refused).rejects.toBeInstanceOf(ListThresholdError);
    expect(requests).toHaveLength(1);
  });

  it('with the Prefer header a non-indexed query works on a small list but is refused past 5,000 items', async () => {
    const client = t.clientAs('officer');
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const small = await client.send({
      method: 'GET',
      path: `/sites/root/lists/${encodeURIComponent('WSoA Risks')}/items?$filter=${encodeURIComponent("fields/Owner eq 'x'")}`,
      headers: prefer,
    });
    expect(small.status).toBe(200);
    const large = await client.send({
      method: 'GET',
      path: `/sites/root/lists/${encodeURIComponent('WSoA Actions')}/items?$filter=${encodeURIComponent("fields/GovernanceForum eq 'x'")}`,
      headers: prefer,
    });
    expect(large.status).toBe(422);
    expect(large.body).toMatchObject({
      error: { code: 'notSupported', innerError: { code: 'tooManyResources' } },
    });
  });

  it('two people editing the same action: the second gets a ConflictError and nothing is silently overwritten', async () => {
    const officer = t.storeAs('officer');
    const lead = t.storeAs('lead');
    const created = await officer.actions.create(newAction('conflict', '1.1'));
    const seenByLead = await lead.actions.get(created.id);
    const seenByOfficer = await officer.actions.get(created.id);

    const saved = await lead.actions.update(seenByLead, {
      status: 'green',
      progressNarrative: 'Workshop held',
    });
    expect(saved.etag).not.toBe(seenByLead.etag);
    await expect(officer.actions.update(seenByOfficer, { status: 'red' })).rejects.toBeInstanceOf(
      ConflictError,
    );

    const after = await officer.actions.get(created.id);
    expect(after).toMatchObject({ status: 'green', progressNarrative: 'Workshop held' });
    expect(after.etag).toBe(saved.etag);
    await expect(officer.actions.update(after, { status: 'red' })).resolves.toMatchObject({ status: 'red' });
  });

  it("a visitor's write surfaces as ReadOnlyError and changes nothing", async () => {
    const created = await t.storeAs('officer').actions.create(newAction('visitor', '1.1'));
    const chair = t.storeAs('chair');
    const seen = await chair.actions.get(created.id);
    await expect(chair.actions.update(seen, { status: 'blue' })).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(chair.actions.create(newAction('visitor', '1.2'))).rejects.toBeInstanceOf(ReadOnlyError);
    expect((await chair.actions.get(created.id)).status).toBe('purple');
  });

  it('rejects bad input before it reaches Graph, with the field named', async () => {
    const store = t.storeAs('officer');
    const created = await store.actions.create(newAction('invalid', '1.1'));
    await expect(store.actions.update(created, { reference: 'one point two' })).rejects.toThrow(
      /reference.*numbers separated by dots/,
    );
    await expect(store.actions.update(created, { dueDate: '2026-02-31' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await store.actions.get(created.id)).reference).toBe('1.1');
  });

  it('Graph refuses a batch of 21 requests; the data layer splits larger work into batches of 20', async () => {
    const client = t.clientAs('officer');
    const get = { id: '', method: 'GET', url: '/sites/root' };
    const refused = await client.send({
      method: 'POST',
      path: '/$batch',
      body: { requests: Array.from({ length: 21 }, (_, i) => ({ ...get, id: String(i + 1) })) },
    });
    expect(refused.status).toBe(400);

    const requests: string[] = [];
    const counting = t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) });
    const responses = await sendBatched(
      counting,
      Array.from({ length: 45 }, () => ({ method: 'GET' as const, path: '/sites/root' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(45).fill(200));
    expect(requests).toHaveLength(3);
  });

  it('keeps the data through a restart of the local Graph', async () => {
    const created = await t.storeAs('officer').actions.create(newAction('restart', '3.2.1'));
    await t.restart();
    const reread = await t.storeAs('lead').actions.get(created.id);
    expect(reread).toMatchObject({ reference: '3.2.1', text: 'Action 3.2.1', etag: created.etag });
  });
});
