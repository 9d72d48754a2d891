import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeMeasure,
  makeMeasureReading,
  makePlan,
  makePriority,
  type Measure,
  type MeasureReading,
  type Stored,
} from '../../../src/domain';
import { itemsPath } from '../../../src/graph/context';
import { ConflictError, NotFoundError, ReadOnlyError, ValidationError } from '../../../src/graph/errors';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import {
  addMeasure,
  addReading,
  editMeasure,
  editReading,
  loadMeasures,
  measureMutation,
  measuresKeys,
  measuresQuery,
} from '../../../src/plan/measures';
import { startTestGraph, type TestGraph } from '../support/local-graph';

let t: TestGraph;
let officer: PlanStore;
beforeAll(async () => {
  t = await startTestGraph();
  officer = t.storeAs('officer');
  await provisionSite(officer.ctx);
});
afterAll(() => t.close());

/**
 * A plan of the test's own, written as the programme officer:
 *   Priority 2 "EHC plans": "EHC plans issued within 20 weeks" (readings in Dec, Feb, Jan)
 *   Priority 1 "Joint commissioning"
 *   Priority 3, archived: "Transitions reviewed" (a reading)
 *   across the plan: "Parents who feel listened to" (no target, no readings)
 */
async function aPlan(title: string) {
  const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
  const plan = await officer.plans.create(planDraft);
  const planId = plan.id;
  const [p2, p1, p3] = await officer.priorities.createMany(
    (
      [
        [2, 'EHC plans', false],
        [1, 'Joint commissioning', false],
        [3, 'Preparing for adulthood', true],
      ] as const
    ).map(([number, priorityTitle, archived]) => {
      const { id: _q, ...draft } = makePriority({ id: 'n', planId, number, title: priorityTitle, archived });
      return draft;
    }),
  );
  if (!p1 || !p2 || !p3) throw new Error('Expected three priorities');
  const measure = (fields: Partial<Measure> & { title: string }) => {
    const { id: _m, ...draft } = makeMeasure({ id: 'n', planId, ...fields });
    return draft;
  };
  const [ehcp, listened, transitions] = await officer.measures.createMany([
    measure({
      priorityId: p2.id,
      title: 'EHC plans issued within 20 weeks',
      baseline: 45,
      baselineDate: '2026-01-01',
      target: 60,
      targetDate: '2027-06-30',
    }),
    measure({ title: 'Parents who feel listened to' }),
    measure({ priorityId: p3.id, title: 'Transitions reviewed', target: 90, targetDate: '2027-06-30' }),
  ]);
  if (!ehcp || !listened || !transitions) throw new Error('Expected three measures');
  const reading = (measureId: string, date: string, value: number) => {
    const { id: _r, ...draft } = makeMeasureReading({ id: 'n', planId, measureId, date, value });
    return draft;
  };
  await officer.measureReadings.createMany([
    reading(ehcp.id, '2026-12-01', 52),
    reading(ehcp.id, '2027-02-01', 55),
    reading(ehcp.id, '2027-01-05', 17),
    reading(transitions.id, '2027-01-05', 40),
  ]);
  return { plan, priorities: { p1, p2, p3 }, measures: { ehcp, listened, transitions } };
}

async function measuresIn(planId: string): Promise<Stored<Measure>[]> {
  return officer.measures.query({ filter: fieldEq('PlanId', planId) }, []);
}

async function readingsIn(planId: string): Promise<Stored<MeasureReading>[]> {
  return officer.measureReadings.query({ filter: fieldEq('PlanId', planId) }, []);
}

describe('loading a plan’s measures', () => {
  it('reads the plan, its priorities in use in order, its measures and their readings oldest first, in one request', async () => {
    const { plan, priorities, measures } = await aPlan('Loaded in one batch');
    const requests: string[] = [];
    const counted = createPlanStore({
      client: t.clientAs('chair', { onHttpRequest: (url) => requests.push(url) }),
      siteId: 'root',
    });

    const data = await loadMeasures(counted, plan.id);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/\/\$batch$/);
    expect(data.plan.title).toBe('Loaded in one batch');
    expect(data.priorities.map((p) => p.title)).toEqual(['Joint commissioning', 'EHC plans']);
    // The archived priority's measure and its reading are left out quietly.
    expect(data.measures.map((m) => m.title).sort()).toEqual([
      'EHC plans issued within 20 weeks',
      'Parents who feel listened to',
    ]);
    expect(data.readings.map((r) => [r.measureId, r.date, r.value])).toEqual([
      [measures.ehcp.id, '2026-12-01', 52],
      [measures.ehcp.id, '2027-01-05', 17],
      [measures.ehcp.id, '2027-02-01', 55],
    ]);
    expect(data.measures.every((m) => m.etag)).toBe(true);
    expect(data.problems).toEqual([]);
    expect(priorities.p3.archived).toBe(true);
  });

  it('names a measure whose priority is not in the plan, one edited outside the app, and a reading of neither', async () => {
    const { plan, measures } = await aPlan('Edited outside the app');
    const { id: _m, ...stray } = makeMeasure({
      id: 'n',
      planId: plan.id,
      priorityId: 'no-such-priority',
      title: 'A measure of a deleted priority',
    });
    const strayMeasure = await officer.measures.create(stray);
    const { id: _r, ...orphan } = makeMeasureReading({
      id: 'n',
      planId: plan.id,
      measureId: 'no-such-measure',
      date: '2027-01-01',
      value: 3,
    });
    const orphanReading = await officer.measureReadings.create(orphan);
    await officer.ctx.client.call(
      {
        method: 'PATCH',
        path: `${itemsPath(officer.ctx, 'measures')}/${measures.listened.id}/fields`,
        body: { Unit: 'x'.repeat(51) },
      },
      'Editing outside the app',
    );

    const data = await loadMeasures(t.storeAs('chair'), plan.id);

    expect(data.measures.map((m) => m.title)).toEqual(['EHC plans issued within 20 weeks']);
    expect(data.problems).toEqual([
      expect.objectContaining({
        list: 'WSoA Measures',
        itemId: measures.listened.id,
        columns: ['Unit'],
        message: 'unit: Unit must be at most 50 characters',
      }),
      expect.objectContaining({
        list: 'WSoA Measures',
        itemId: strayMeasure.id,
        columns: ['PriorityId'],
        message: 'Its priority (item no-such-priority of WSoA Priorities) is not in this plan',
      }),
      expect.objectContaining({
        list: 'WSoA Measure Readings',
        itemId: orphanReading.id,
        columns: ['MeasureId'],
        message: 'Its measure (item no-such-measure of WSoA Measures) is not in this plan',
      }),
    ]);
  });

  it('is cached under the measures key of its plan', async () => {
    const { plan } = await aPlan('Cached');
    const query = measuresQuery(officer, plan.id);
    expect(query.queryKey).toEqual(['wsoa', 'plan', plan.id, 'measures']);
    expect((await query.queryFn()).plan.id).toBe(plan.id);
  });

  it('says so when there is no such plan', async () => {
    await expect(loadMeasures(officer, '987654')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('adding and editing measures', () => {
  it('adds a measure of a priority, from what was typed', async () => {
    const { plan, priorities } = await aPlan('Measure added');
    const data = await loadMeasures(officer, plan.id);

    const added = await addMeasure(officer, data, {
      title: 'Annual health checks within 20 working days',
      unit: '%',
      baseline: '32',
      baselineDate: '2026-03-01',
      target: '75',
      targetDate: '2027-12-31',
      higherIsBetter: true,
      priorityId: priorities.p1.id,
    });

    expect(await officer.measures.get(added.id)).toMatchObject({
      planId: plan.id,
      priorityId: priorities.p1.id,
      title: 'Annual health checks within 20 working days',
      baseline: 32,
      baselineDate: '2026-03-01',
      target: 75,
      targetDate: '2027-12-31',
      higherIsBetter: true,
    });
  });

  it.each([
    ['a target with a % sign', { target: '75%' }, 'target: Enter the target as a number, such as 42 or 87.5'],
    ['no title', { title: '' }, 'title: Measure is required'],
    [
      'an archived priority',
      { priorityId: 'p3' },
      'priorityId: Choose one of the plan’s priorities in use, or none for the whole plan',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_, change, message) => {
    const { plan, priorities } = await aPlan('Measure refused');
    const data = await loadMeasures(officer, plan.id);
    const before = await measuresIn(plan.id);
    const input = {
      title: 'Annual health checks',
      target: '75',
      targetDate: '2027-12-31',
      ...change,
      priorityId: 'priorityId' in change ? priorities.p3.id : null,
    };

    const refused = addMeasure(officer, data, input);

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(`The measure was not added: ${message}`);
    expect(await measuresIn(plan.id)).toEqual(before);
  });

  it('edits a measure with the eTag it was read with, and refuses an edit over a newer version', async () => {
    const { plan, measures } = await aPlan('Measure edited');
    const data = await loadMeasures(officer, plan.id);
    const input = {
      title: 'EHC plans issued within 20 weeks (excluding exceptions)',
      baseline: 45,
      baselineDate: '2026-01-01',
      target: '65',
      targetDate: '2027-06-30',
    };

    await editMeasure(officer, data, measures.ehcp.id, input);
    expect(await officer.measures.get(measures.ehcp.id)).toMatchObject({
      title: 'EHC plans issued within 20 weeks (excluding exceptions)',
      target: 65,
      priorityId: null,
    });

    // `data` still holds the eTag from before that save.
    await expect(
      editMeasure(officer, data, measures.ehcp.id, { ...input, target: '70' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await officer.measures.get(measures.ehcp.id)).target).toBe(65);
  });

  it('refuses a visitor’s measure: SharePoint has the last word', async () => {
    const { plan } = await aPlan('Visitor refused');
    const data = await loadMeasures(t.storeAs('chair'), plan.id);
    await expect(
      addMeasure(t.storeAs('chair'), data, { title: 'A board chair’s measure' }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    expect(await measuresIn(plan.id)).toHaveLength(3);
  });
});

describe('adding and correcting readings', () => {
  it('adds a reading as typed', async () => {
    const { plan, measures } = await aPlan('Reading added');
    const data = await loadMeasures(t.storeAs('lead'), plan.id);

    const added = await addReading(t.storeAs('lead'), data, measures.ehcp.id, {
      date: '2027-03-01',
      value: ' 57.5 ',
      note: 'Two new caseworkers started',
    });

    expect(await officer.measureReadings.get(added.id)).toMatchObject({
      planId: plan.id,
      measureId: measures.ehcp.id,
      date: '2027-03-01',
      value: 57.5,
      note: 'Two new caseworkers started',
    });
  });

  it('refuses a second reading for the same day, even one added since the page was read', async () => {
    const { plan, measures } = await aPlan('Second reading refused');
    const data = await loadMeasures(officer, plan.id);
    await addReading(t.storeAs('lead'), data, measures.ehcp.id, { date: '2027-01-12', value: '50' });
    const before = await readingsIn(plan.id);

    const refused = addReading(officer, data, measures.ehcp.id, { date: '2027-01-12', value: '51' });

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      issues: [
        { field: 'date', message: 'There is already a reading for 12 Jan 2027: change that one instead' },
      ],
    });
    expect(await readingsIn(plan.id)).toEqual(before);
  });

  it.each([
    [{ value: 'about half' }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ date: '2027-02-30' }, 'date', 'Enter the date of the reading as a real date, such as 2027-01-12'],
    [{ note: 'x'.repeat(1001) }, 'note', 'Note must be at most 1000 characters'],
  ])('refuses %j on the field %s and writes nothing', async (change, field, message) => {
    const { plan, measures } = await aPlan('Reading refused');
    const data = await loadMeasures(officer, plan.id);
    const before = await readingsIn(plan.id);

    const refused = addReading(officer, data, measures.ehcp.id, {
      date: '2027-03-01',
      value: '50',
      ...change,
    });

    await expect(refused).rejects.toMatchObject({ issues: [{ field, message }] });
    expect(await readingsIn(plan.id)).toEqual(before);
  });

  it('refuses a reading of a measure that is not in the plan as loaded', async () => {
    const { plan, measures } = await aPlan('Reading of an archived priority');
    const data = await loadMeasures(officer, plan.id);
    await expect(
      addReading(officer, data, measures.transitions.id, { date: '2027-03-01', value: '50' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('corrects a reading, keeps one reading a day, and refuses a correction over a newer version', async () => {
    const { plan, measures } = await aPlan('Reading corrected');
    const data = await loadMeasures(officer, plan.id);
    const january = data.readings.find((r) => r.date === '2027-01-05');
    if (!january) throw new Error('Expected the January reading');

    await expect(
      editReading(officer, data, january.id, { date: '2027-02-01', value: '17' }),
    ).rejects.toMatchObject({
      issues: [
        { field: 'date', message: 'There is already a reading for 1 Feb 2027: change that one instead' },
      ],
    });

    await editReading(officer, data, january.id, { date: '2027-01-05', value: '19', note: 'Recounted' });
    expect(await officer.measureReadings.get(january.id)).toMatchObject({
      measureId: measures.ehcp.id,
      date: '2027-01-05',
      value: 19,
      note: 'Recounted',
    });

    await expect(
      editReading(officer, data, january.id, { date: '2027-01-06', value: '20' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await officer.measureReadings.get(january.id)).date).toBe('2027-01-05');
  });
});

describe('the measures mutation of the tab', () => {
  it('answers a save over a newer version with the measures as they are now, and caches them', async () => {
    const { plan, measures } = await aPlan('Mutation conflict');
    const data = await loadMeasures(officer, plan.id);
    await editMeasure(t.storeAs('lead'), data, measures.ehcp.id, { title: 'Renamed by someone else' });
    const queryClient = new QueryClient();
    const mutation = measureMutation(officer, queryClient, plan.id);

    const outcome = await mutation.mutationFn({
      do: 'edit-measure',
      data,
      id: measures.ehcp.id,
      input: { title: 'Renamed by me' },
    });
    mutation.onSuccess(outcome);

    expect(outcome.kind).toBe('conflict');
    const cached = queryClient.getQueryData<typeof data>(measuresKeys.measures(plan.id));
    expect(cached?.measures.find((m) => m.id === measures.ehcp.id)?.title).toBe('Renamed by someone else');
    expect((await officer.measures.get(measures.ehcp.id)).title).toBe('Renamed by someone else');
  });
});
