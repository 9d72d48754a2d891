import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMeasure,
  makeMeasureReading,
  makeMilestone,
  makePlan,
  makePriority,
  makeWeakness,
  type Action,
  type PersonRef,
} from '../../../src/domain';
import { createGraphClient, type GraphRequest } from '../../../src/graph/client';
import { LIST_NAMES } from '../../../src/graph/lists';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import { ConflictError, ReadOnlyError, ValidationError } from '../../../src/plan/errors';
import {
  ACCELERATED_PLAN_TYPE,
  loadRevisit,
  recordOutcome,
  startAcceleratedPlan,
  type RevisitData,
} from '../../../src/plan/revisit';
import { startTestGraph, type TestGraph } from '../support/local-graph';

const hannah: PersonRef = {
  entraId: 'a601063b-5771-42e1-9e5f-9cbc7e320f9e',
  upn: 'hannah.whitfield@demo.localarea.example',
  displayName: 'Hannah Whitfield',
  agency: 'Leicestershire County Council',
};
/** Enough actions still to do under 2.1 that carrying them over takes two `$batch`es. */
const OPEN_UNDER_2_1 = 22;

/**
 * A plan after its revisit, written as the programme officer:
 *   area 1 "No joint commissioning strategy"  <- Priority 1: 1.1 [1.1.1 completed]
 *   area 2 "Weak EHC plans"                   <- Priority 2: 2.1 [2.1.1 … 2.1.22 amber, 2.1.23 archived],
 *                                                            2.2 [2.2.1 completed]
 *   area 3 "Poor transition to adulthood"     <- Priority 3 (answers 2 too): 3.1 [3.1.1 green, Hannah's]
 *   area 4, archived
 * Milestones: 2.1.1 one open, one done; 3.1.1 one open. Priority 2 has a measure with readings.
 */
async function aRevisitedPlan(officer: PlanStore, title: string) {
  const { id: _p, ...planDraft } = makePlan({
    id: 'n',
    title,
    localArea: 'Testshire',
    inspectionDate: '2024-11-23',
    scaleId: 'bragp',
    governanceBoard: 'SEND Improvement Board',
  });
  const plan = await officer.plans.create(planDraft);
  const planId = plan.id;
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  await officer.weaknesses.createMany(
    [
      'No joint commissioning strategy',
      'Weak EHC plans',
      'Poor transition to adulthood',
      'An archived finding',
    ].map((finding, i) =>
      strip(makeWeakness({ id: 'n', planId, number: i + 1, finding, archived: i === 3 })),
    ),
  );
  const [p1, p2, p3] = await officer.priorities.createMany(
    [
      [1, 'Joint commissioning', [1]],
      [2, 'EHC plans', [2]],
      [3, 'Preparing for adulthood', [2, 3]],
    ].map(([number, priorityTitle, weaknessNumbers]) =>
      strip(
        makePriority({
          id: 'n',
          planId,
          number: number as number,
          title: priorityTitle as string,
          weaknessNumbers: weaknessNumbers as number[],
          headline: 'Headline of the last cycle',
        }),
      ),
    ),
  );
  if (!p1 || !p2 || !p3) throw new Error('Expected three priorities');
  const [f11, f21, f22, f31] = await officer.focusAreas.createMany(
    (
      [
        [p1.id, '1.1', 'Strategy'],
        [p2.id, '2.1', 'Quality'],
        [p2.id, '2.2', 'Timeliness'],
        [p3.id, '3.1', 'Transition'],
      ] as const
    ).map(([priorityId, reference, focusTitle]) =>
      strip(makeFocusArea({ id: 'n', planId, priorityId, reference, title: focusTitle })),
    ),
  );
  if (!f11 || !f21 || !f22 || !f31) throw new Error('Expected four focus areas');
  const action = (priorityId: string, focusAreaId: string, reference: string, extra: Partial<Action>) =>
    strip(
      makeAction({
        id: 'n',
        planId,
        priorityId,
        focusAreaId,
        reference,
        text: `Action ${reference}`,
        ...extra,
      }),
    );
  const actions = await officer.actions.createMany([
    action(p1.id, f11.id, '1.1.1', { status: 'blue' }),
    ...Array.from({ length: OPEN_UNDER_2_1 }, (_, i) =>
      action(p2.id, f21.id, `2.1.${i + 1}`, { status: 'amber', dueDate: '2025-12-31' }),
    ),
    action(p2.id, f21.id, `2.1.${OPEN_UNDER_2_1 + 1}`, { status: 'red', archived: true }),
    action(p2.id, f22.id, '2.2.1', { status: 'blue', impactRating: 'green' }),
    action(p3.id, f31.id, '3.1.1', {
      status: 'green',
      lead: hannah,
      leadAsWritten: 'Head of SEND',
      dueDate: '2025-12-01',
      dueDatePrecision: 'month',
      impactRating: 'amber',
      sustainedRating: 'red',
      successMeasures: 'Every young person has a transition plan at 14',
      evidenceLinks: [{ title: 'Transition audit', url: 'https://example.org/audit' }],
    }),
  ]);
  const byReference = (reference: string) => {
    const found = actions.find((a) => a.reference === reference);
    if (!found) throw new Error(`No action ${reference}`);
    return found;
  };
  const a211 = byReference('2.1.1');
  const a311 = byReference('3.1.1');
  await officer.milestones.createMany(
    [
      [a211, 'Audit 20 plans', '2025-10-31', null],
      [a211, 'Agree the QA framework', '2025-03-31', '2025-03-20'],
      [a311, 'Preparing for adulthood pathway live', '2025-11-30', null],
    ].map(([a, milestoneTitle, dueDate, completedOn]) => {
      const of = a as (typeof actions)[number];
      return strip(
        makeMilestone({
          id: 'n',
          planId,
          priorityId: of.priorityId,
          actionId: of.id,
          title: milestoneTitle as string,
          dueDate: dueDate as string,
          completedOn: completedOn as string | null,
        }),
      );
    }),
  );
  const [measure] = await officer.measures.createMany([
    strip(
      makeMeasure({
        id: 'n',
        planId,
        priorityId: p2.id,
        title: 'EHC plans issued within 20 weeks',
        target: 80,
        targetDate: '2026-03-31',
      }),
    ),
  ]);
  if (!measure) throw new Error('Expected a measure');
  await officer.measureReadings.createMany(
    [
      ['2025-01-31', 45],
      ['2025-06-30', 52],
    ].map(([date, value]) =>
      strip(
        makeMeasureReading({
          id: 'n',
          planId,
          measureId: measure.id,
          date: date as string,
          value: value as number,
        }),
      ),
    ),
  );
  return plan;
}

/** A store whose every request (each inside a `$batch` too) `fail` may refuse before it leaves. */
function failingStore(t: TestGraph, fail: (request: GraphRequest) => boolean): PlanStore {
  const client = createGraphClient({
    baseUrl: t.graph.graphBaseUrl,
    getToken: async () => t.graph.tokenFor('officer'),
    onRequest: (request) => {
      if (fail(request)) throw new Error('The network dropped');
    },
  });
  return createPlanStore({ client, siteId: 'root' });
}

const to = (list: keyof typeof LIST_NAMES) => (request: GraphRequest) =>
  request.method !== 'GET' && decodeURIComponent(request.path).includes(`/${LIST_NAMES[list].displayName}/`);

/** Everything a plan holds, as stored (eTags too): to see that nothing changed. */
function asStored(data: RevisitData) {
  const { plan, weaknesses, priorities, focusAreas, actions, milestones, measures, readings } = data;
  return { plan, weaknesses, priorities, focusAreas, actions, milestones, measures, readings };
}

describe('the revisit: outcomes recorded and the accelerated progress plan started', () => {
  let t: TestGraph;
  let officer: PlanStore;
  let lead: PlanStore;
  beforeAll(async () => {
    t = await startTestGraph();
    officer = t.storeAs('officer');
    lead = t.storeAs('lead');
    await provisionSite(officer.ctx);
  });
  afterAll(() => t.close());

  async function judged(title: string) {
    const plan = await aRevisitedPlan(officer, title);
    const data = await loadRevisit(officer, plan.id);
    const area = (n: number) => {
      const found = data.weaknesses.find((w) => w.number === n);
      if (!found) throw new Error(`No area ${n}`);
      return found;
    };
    await recordOutcome(officer, area(1), 'sufficient progress made');
    await recordOutcome(officer, area(2), 'sufficient progress not made');
    await recordOutcome(officer, area(3), 'sufficient progress not made');
    return plan;
  }

  it('reads the plan’s parts in use, its measures and the site’s plans in one round trip', async () => {
    const plan = await aRevisitedPlan(officer, 'One read');
    const requests: string[] = [];
    const client = t.clientAs('officer', { onHttpRequest: (url) => requests.push(new URL(url).pathname) });
    const data = await loadRevisit(createPlanStore({ client, siteId: 'root' }), plan.id);

    expect(requests).toEqual(['/v1.0/$batch']);
    expect(data.weaknesses.map((w) => [w.number, w.finding, w.outcome])).toEqual([
      [1, 'No joint commissioning strategy', 'open'],
      [2, 'Weak EHC plans', 'open'],
      [3, 'Poor transition to adulthood', 'open'],
    ]);
    expect(data.actions).toHaveLength(OPEN_UNDER_2_1 + 3);
    expect(data.actions.some((a) => a.archived)).toBe(false);
    expect(data.milestones).toHaveLength(3);
    expect(data.measures.map((m) => m.title)).toEqual(['EHC plans issued within 20 weeks']);
    expect(data.readings.map((r) => r.value).sort()).toEqual([45, 52]);
    expect(data.plans.map((p) => p.title)).toContain('One read');
  });

  it('a member records each area’s outcome with the eTag it read; a stale one is refused', async () => {
    const plan = await aRevisitedPlan(officer, 'Outcomes');
    const [area1] = (await loadRevisit(lead, plan.id)).weaknesses;
    if (!area1) throw new Error('Expected area 1');

    const saved = await recordOutcome(lead, area1, 'sufficient progress made');
    expect(saved.outcome).toBe('sufficient progress made');
    expect((await loadRevisit(officer, plan.id)).weaknesses[0]?.outcome).toBe('sufficient progress made');

    await expect(recordOutcome(lead, area1, 'sufficient progress not made')).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await officer.weaknesses.get(area1.id)).outcome).toBe('sufficient progress made');
  });

  it('refuses an outcome it does not know, an archived area, and a visitor', async () => {
    const plan = await aRevisitedPlan(officer, 'Refused outcomes');
    const [area1] = (await loadRevisit(officer, plan.id)).weaknesses;
    if (!area1) throw new Error('Expected area 1');

    const unknown = recordOutcome(officer, area1, 'nearly there' as 'open');
    await expect(unknown).rejects.toBeInstanceOf(ValidationError);
    await expect(unknown).rejects.toMatchObject({
      issues: [
        {
          field: 'outcome',
          message: 'Choose one of: open, sufficient progress made, sufficient progress not made',
        },
      ],
    });
    await expect(recordOutcome(officer, { ...area1, archived: true }, 'open')).rejects.toThrow(
      'The outcome of area of weakness 1 was not saved: The area of weakness is archived: restore it first',
    );
    await expect(recordOutcome(t.storeAs('chair'), area1, 'sufficient progress made')).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    expect((await officer.weaknesses.get(area1.id)).outcome).toBe('open');
  });

  it('refuses to start an accelerated progress plan before any area is judged not made, writing nothing', async () => {
    const plan = await aRevisitedPlan(officer, 'Not judged yet');
    const requests: string[] = [];
    const client = t.clientAs('officer', { onHttpRequest: (url) => requests.push(new URL(url).pathname) });
    const attempt = startAcceleratedPlan(createPlanStore({ client, siteId: 'root' }), plan.id, {
      title: 'Not judged yet APP',
      inspectionDate: '14 Nov 2025',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(
      'The accelerated progress plan was not started: No area of weakness is judged “sufficient progress not made”: record the revisit’s outcomes first',
    );
    expect(requests).toEqual(['/v1.0/$batch']);
  });

  it('refuses a missing title or revisit date before reading anything', async () => {
    const requests: string[] = [];
    const client = t.clientAs('officer', { onHttpRequest: (url) => requests.push(new URL(url).pathname) });
    const attempt = startAcceleratedPlan(createPlanStore({ client, siteId: 'root' }), 'any', {
      title: '  ',
      inspectionDate: '31/02/2025',
    });
    await expect(attempt).rejects.toMatchObject({
      issues: [
        { field: 'title', message: 'Plan title is required' },
        { field: 'inspectionDate', message: '"31/02/2025" is not a real date' },
      ],
    });
    await expect(
      startAcceleratedPlan(officer, 'any', { title: 'An APP', inspectionDate: '' }),
    ).rejects.toMatchObject({
      issues: [{ field: 'inspectionDate', message: 'Give the date of the revisit, such as 23 Nov 2026' }],
    });
    expect(requests).toEqual([]);
  });

  it('starts the APP as a new plan with the areas not made, their priorities and unfinished work, 20 writes to a $batch', async () => {
    const old = await judged('Testshire WSoA');
    const before = asStored(await loadRevisit(officer, old.id));
    const requests: string[] = [];
    const client = t.clientAs('lead', {
      onHttpRequest: (url) => requests.push(decodeURIComponent(new URL(url).pathname)),
    });

    const started = await startAcceleratedPlan(createPlanStore({ client, siteId: 'root' }), old.id, {
      title: 'Testshire Accelerated Progress Plan',
      inspectionDate: '14 Nov 2025',
    });

    expect(started).toMatchObject({
      title: 'Testshire Accelerated Progress Plan',
      counts: { areas: 2, priorities: 2, focusAreas: 2, actions: OPEN_UNDER_2_1 + 1, milestones: 2 },
      leftBehind: { actions: 1, focusAreas: 1 },
    });
    // One read; the plan; areas and priorities; focus areas; 23 actions in two batches; milestones.
    expect(requests).toEqual([
      '/v1.0/$batch',
      `/v1.0/sites/root/lists/${LIST_NAMES.plans.displayName}/items`,
      ...Array<string>(5).fill('/v1.0/$batch'),
    ]);

    const app = await loadRevisit(officer, started.planId);
    expect(app.plan).toMatchObject({
      title: 'Testshire Accelerated Progress Plan',
      planType: ACCELERATED_PLAN_TYPE,
      localArea: 'Testshire',
      inspectionDate: '2025-11-14',
      scaleId: 'bragp',
      governanceBoard: 'SEND Improvement Board',
      status: 'active',
    });
    expect(app.weaknesses.map((w) => [w.number, w.finding, w.outcome])).toEqual([
      [1, 'Weak EHC plans', 'open'],
      [2, 'Poor transition to adulthood', 'open'],
    ]);
    expect(app.priorities.map((p) => [p.number, p.title, p.weaknessNumbers, p.headline])).toEqual([
      [2, 'EHC plans', [1], ''],
      [3, 'Preparing for adulthood', [1, 2], ''],
    ]);
    expect(app.focusAreas.map((f) => `${f.reference} ${f.title}`)).toEqual(['2.1 Quality', '3.1 Transition']);
    expect(app.actions.map((a) => a.reference)).toEqual([
      ...Array.from({ length: OPEN_UNDER_2_1 }, (_, i) => `2.1.${i + 1}`),
      '3.1.1',
    ]);
    const priorityOf = new Map(app.priorities.map((p) => [p.id, p.number]));
    const focusOf = new Map(app.focusAreas.map((f) => [f.id, f.reference]));
    expect(
      app.actions.every(
        (a) => a.reference.startsWith(`${focusOf.get(a.focusAreaId ?? '')}.`) && a.planId === app.plan.id,
      ),
    ).toBe(true);
    expect(priorityOf.get(app.actions.at(-1)?.priorityId ?? '')).toBe(3);
    expect(app.actions.at(-1)).toMatchObject({
      reference: '3.1.1',
      lead: hannah,
      leadAsWritten: 'Head of SEND',
      dueDate: '2025-12-01',
      dueDatePrecision: 'month',
      status: 'green',
      impactRating: 'amber',
      sustainedRating: 'red',
      successMeasures: 'Every young person has a transition plan at 14',
      evidenceLinks: [{ title: 'Transition audit', url: 'https://example.org/audit' }],
    });
    const actionOf = new Map(app.actions.map((a) => [a.id, a.reference]));
    expect(
      app.milestones
        .map((m) => [
          actionOf.get(m.actionId),
          m.title,
          m.dueDate,
          m.completedOn,
          priorityOf.get(m.priorityId),
        ])
        .sort(),
    ).toEqual([
      ['2.1.1', 'Audit 20 plans', '2025-10-31', null, 2],
      ['3.1.1', 'Preparing for adulthood pathway live', '2025-11-30', null, 3],
    ]);
    expect(app.measures).toEqual([]);

    // The old plan stays on record exactly as it was.
    expect(asStored(await loadRevisit(officer, old.id))).toEqual(before);
  });

  it('refuses a title a plan on the site already has, whatever its case', async () => {
    const old = await judged('Title taken');
    const first = await startAcceleratedPlan(officer, old.id, {
      title: 'Title taken APP',
      inspectionDate: '14 Nov 2025',
    });
    const again = startAcceleratedPlan(officer, old.id, {
      title: '  title TAKEN app ',
      inspectionDate: '14 Nov 2025',
    });
    await expect(again).rejects.toMatchObject({
      issues: [
        {
          field: 'title',
          message: 'A plan titled “Title taken APP” is already on this site: choose another title',
        },
      ],
    });
    const titled = (await officer.plans.query({}, [])).filter((p) => /title taken app/i.test(p.title));
    expect(titled.map((p) => p.id)).toEqual([first.planId]);
  });

  it('a visitor is refused by SharePoint, and nothing is created', async () => {
    const old = await judged('Visitor');
    const plansBefore = (await officer.plans.query({}, [])).length;
    await expect(
      startAcceleratedPlan(t.storeAs('chair'), old.id, {
        title: 'Visitor APP',
        inspectionDate: '14 Nov 2025',
      }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    expect(await officer.plans.query({}, [])).toHaveLength(plansBefore);
  });

  it('takes away what it created when a write fails part way, so starting again works', async () => {
    const old = await judged('Dropped');
    const counts = async () => {
      const [plans, weaknesses, actions, milestones] = await Promise.all([
        officer.plans.query({}, []),
        officer.weaknesses.query({}, []),
        officer.actions.query({}, []),
        officer.milestones.query({}, []),
      ]);
      return [plans.length, weaknesses.length, actions.length, milestones.length];
    };
    const before = await counts();
    const input = { title: 'Dropped APP', inspectionDate: '14 Nov 2025' };

    await expect(startAcceleratedPlan(failingStore(t, to('milestones')), old.id, input)).rejects.toThrow(
      'The network dropped',
    );
    expect(await counts()).toEqual(before);

    const started = await startAcceleratedPlan(officer, old.id, input);
    expect(started.counts.milestones).toBe(2);
  });

  it('says what is left to remove by hand when taking it away fails too', async () => {
    const old = await judged('Dropped twice');
    const dropAll = failingStore(t, (r) => to('milestones')(r) || r.method === 'DELETE');
    await expect(
      startAcceleratedPlan(dropAll, old.id, { title: 'Dropped twice APP', inspectionDate: '14 Nov 2025' }),
    ).rejects.toThrow(
      'The accelerated progress plan “Dropped twice APP” was only partly created (The network dropped) and could not be removed: remove it in SharePoint, or start again under another title',
    );
    const left = await officer.plans.query({}, []);
    expect(left.filter((p) => p.planType === ACCELERATED_PLAN_TYPE).map((p) => p.title)).toContain(
      'Dropped twice APP',
    );
  });
});
