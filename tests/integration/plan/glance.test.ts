import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate, resolveScale, type PersonRef } from '../../../src/domain';
import { planGlance } from '../../../src/domain/glance';
import type { PlanStore } from '../../../src/graph/store';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { readSeedSources } from '../../../src/jobs/demo/sources';
import { createCycle, takeSnapshot } from '../../../src/plan/cycles';
import { loadGlance } from '../../../src/plan/glance';
import { loadPlanOverview } from '../../../src/plan/overview';
import { ValidationError } from '../../../src/plan/errors';
import { startTestGraph, type TestGraph } from '../support/local-graph';

const OFFICER: PersonRef = {
  entraId: 'officer',
  upn: 'officer@demo.localarea.example',
  displayName: 'Priya Shah',
  agency: '',
};
const bragp = resolveScale('bragp');

let t: TestGraph;
let store: PlanStore;
let planId: string;
const today = londonDate(new Date());

beforeAll(async () => {
  t = await startTestGraph();
  store = t.storeAs('officer');
  planId = (await seedDemo(store, readSeedSources(), today, { reportingHistory: false })).planId;
}, 120_000);
afterAll(() => t?.close());

describe('directions of travel through the data layer', () => {
  it('compares a snapshot with the one before it, and the live plan with the latest', async () => {
    const first = await createCycle(store, planId, [], { kind: 'monthly', meetingDate: '2026-10-01' });
    let second = await createCycle(store, planId, [first], { kind: 'monthly', meetingDate: '2026-11-01' });
    await takeSnapshot(store, first, OFFICER, new Date('2026-10-01T12:00:00Z'), '2026-10-01');
    await expect(
      takeSnapshot(store, { ...first, snapshotAt: '2026-10-01T12:00:00Z' }, OFFICER, new Date(), today),
    ).rejects.toThrow(ValidationError);

    const { actions, priorities } = await loadPlanOverview(store, planId);
    const [ip1, ip2] = priorities;
    const up = actions.find((a) => a.priorityId === ip1?.id && a.status === 'red');
    const down = actions.find((a) => a.priorityId === ip2?.id && a.status === 'green');
    if (!up || !down) throw new Error('The demo plan lacks a red action in IP1 or a green one in IP2');
    await store.actions.update(up, { status: 'green' });
    await store.actions.update(down, { status: 'red' });
    second = (await takeSnapshot(store, second, OFFICER, new Date('2026-11-01T12:00:00Z'), '2026-11-01'))
      .cycle;

    const frozen = await loadGlance(store, planId, second.id);
    expect(frozen.pair.previousCycle?.id).toBe(first.id);
    const { snapshot, previous } = frozen.pair;
    if (!snapshot) throw new Error('No snapshot read back');
    const glance = planGlance(snapshot, previous, bragp, { escalateAfterDays: null, milestones: [] });
    const byId = new Map(glance.priorities.map((p) => [p.priority.priorityId, p.direction]));
    expect(byId.get(ip1?.id ?? '')).toMatchObject({ direction: 'improved', up: 1, down: 0 });
    expect(byId.get(ip2?.id ?? '')).toMatchObject({ direction: 'worse', up: 0, down: 1 });
    const changed = glance.exceptions.find((e) => e.action.actionId === down.id);
    expect(changed).toMatchObject({ direction: 'worse', reasons: expect.arrayContaining(['red']) });

    const live = await loadGlance(store, planId, null);
    expect(live.pair.snapshot).toBeNull();
    expect(live.pair.previousCycle?.id).toBe(second.id);
  });
});
