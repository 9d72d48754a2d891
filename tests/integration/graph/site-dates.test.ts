import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMilestone } from '../../../src/domain';
import { itemsPath } from '../../../src/graph/context';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore } from '../../../src/graph/store';
import { startTestGraph, type TestGraph } from '../support/local-graph';

/**
 * SharePoint keeps a date-only value as midnight in the site's time zone and returns
 * that instant in UTC, so 1 Jul on a London site reads back as 30 Jun 23:00Z
 * (pnp/pnpjs#1890). The app writes a site's midnight and reads on the site's clocks:
 * every date stays itself, either side of both clock changes, on a London site and on
 * one kept in New York time (a site created with the US default regional settings).
 */
const DATES = [
  '2026-01-15',
  '2026-03-07',
  '2026-03-08', // New York's clocks go forward
  '2026-03-28',
  '2026-03-29', // London's clocks go forward
  '2026-07-01',
  '2026-10-24',
  '2026-10-25', // London's clocks go back
  '2026-11-01', // New York's clocks go back
  '2026-12-31',
];

describe.each([
  ['Europe/London', '2026-06-30T23:00:00Z'],
  ['America/New_York', '2026-07-01T04:00:00Z'],
])('date-only columns on a site kept in %s', (siteTimeZone, firstOfJulyStored) => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph({ siteTimeZone });
    await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  });
  afterAll(() => t.close());

  const storeFor = (zone: string) =>
    createPlanStore({ client: t.clientAs('officer'), siteId: 'root', siteTimeZone: zone });
  const milestoneDue = (dueDate: string) => {
    const { id: _id, ...milestone } = makeMilestone({
      id: 'new',
      planId: 'dates',
      priorityId: 'p1',
      actionId: 'a1',
      title: `Due ${dueDate}`,
      dueDate,
    });
    return milestone;
  };

  it('keeps every date through a write and a read, in every month', async () => {
    const store = storeFor(siteTimeZone);
    const created = await store.milestones.createMany(DATES.map(milestoneDue));
    expect(created.map((m) => m.dueDate)).toEqual(DATES);
    const read = await store.milestones.query({ filter: fieldEq('PlanId', 'dates') }, []);
    expect(read.map((m) => m.dueDate).sort()).toEqual(DATES);
  });

  it("stores the site's midnight as SharePoint does", async () => {
    const store = storeFor(siteTimeZone);
    const saved = await store.milestones.create(milestoneDue('2026-07-01'));
    const raw = await store.ctx.client.call(
      { method: 'GET', path: `${itemsPath(store.ctx, 'milestones')}/${saved.id}?$expand=fields` },
      'Reading the raw item',
    );
    expect(raw.body).toMatchObject({ fields: { DueDate: firstOfJulyStored } });
  });

  it('a store told the wrong zone moves dates a day: the setting matters', async () => {
    const wrong = storeFor(siteTimeZone === 'Europe/London' ? 'America/New_York' : 'Europe/London');
    const saved = await wrong.milestones.create(milestoneDue('2026-07-01'));
    expect((await wrong.milestones.get(saved.id)).dueDate).toBe('2026-06-30');
  });
});
