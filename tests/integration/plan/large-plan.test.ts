import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAction,
  makeMilestone,
  makePlan,
  makePriority,
  type Stored,
  type Priority,
} from '../../../src/domain';
import { ListThresholdError } from '../../../src/graph/errors';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import { loadPlanOverview } from '../../../src/plan/overview';
import { loadReminderInputs } from '../../../src/plan/reminders/inputs';
import { startTestGraph, type TestGraph } from '../support/local-graph';

/**
 * SharePoint refuses a query whose first indexed condition matches more than 5,000
 * items, the list view threshold: 422 notSupported / tooManyResources
 * (microsoft-graph-docs#13611; msgraph-sdk-dotnet#827, "when I have less than 5000
 * records for the first filter … it is working fine"). A plan of 6,000 actions and
 * 6,000 milestones over three priorities: reading it by PlanId is refused, so the
 * plan-wide views read it priority by priority.
 */
const PER_PRIORITY = 2_000;
let t: TestGraph;
let officer: PlanStore;
let planId: string;
let priorities: Stored<Priority>[];

beforeAll(async () => {
  t = await startTestGraph();
  await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  officer = t.storeAs('officer');
  const { id: _p, ...plan } = makePlan({ id: 'new', title: 'A large plan', localArea: 'Anytown' });
  planId = (await officer.plans.create(plan)).id;
  priorities = await officer.priorities.createMany(
    [1, 2, 3].map((number) => {
      const { id: _id, ...priority } = makePriority({
        id: 'new',
        planId,
        number,
        title: `Priority ${number}`,
      });
      return priority;
    }),
  );
  const actions = await officer.actions.createMany(
    priorities.flatMap((priority, p) =>
      Array.from({ length: PER_PRIORITY }, (_, i) => {
        const { id: _id, ...action } = makeAction({
          id: 'new',
          planId,
          priorityId: priority.id,
          reference: `${p + 1}.${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
          text: `Action ${i + 1} of priority ${p + 1}`,
        });
        return action;
      }),
    ),
  );
  await officer.milestones.createMany(
    actions.map((action) => {
      const { id: _id, ...milestone } = makeMilestone({
        id: 'new',
        planId,
        priorityId: action.priorityId,
        actionId: action.id,
        title: `Milestone of ${action.reference}`,
        dueDate: '2027-03-31',
      });
      return milestone;
    }),
  );
}, 300_000);
afterAll(() => t.close());

describe('a plan past the list view threshold', () => {
  it('is refused by PlanId alone, as SharePoint refuses it', async () => {
    await expect(officer.actions.query({ filter: fieldEq('PlanId', planId) }, [])).rejects.toBeInstanceOf(
      ListThresholdError,
    );
    await expect(officer.actions.query({ filter: fieldEq('PlanId', planId) }, [])).rejects.toThrow(
      /more than 5,000 items match, past SharePoint's list view threshold/,
    );
  });

  it('loads whole in the overview: one batch, then one per list past the threshold, priority by priority', async () => {
    const requests: string[] = [];
    const counted = createPlanStore({
      client: t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) }),
      siteId: 'root',
    });
    const overview = await loadPlanOverview(counted, planId);
    expect(overview.problems).toEqual([]);
    expect(overview.priorities).toHaveLength(3);
    expect(overview.actions).toHaveLength(3 * PER_PRIORITY);
    expect(new Set(overview.actions.map((a) => a.id)).size).toBe(3 * PER_PRIORITY);
    expect(overview.milestones).toHaveLength(3 * PER_PRIORITY);
    // The plan's batch, then actions and milestones priority by priority, side by side.
    expect(requests).toHaveLength(3);
  });

  it('loads whole for the reminder run', async () => {
    const inputs = await loadReminderInputs(officer, planId, new Date('2027-03-30T08:00:00Z'));
    expect(inputs.problems).toEqual([]);
    expect(inputs.actions).toHaveLength(3 * PER_PRIORITY);
    expect(inputs.milestones).toHaveLength(3 * PER_PRIORITY);
    expect(inputs.milestones.every((m) => m.planId === planId)).toBe(true);
  });

  it('a priority past 5,000 on its own is named with the typed error', async () => {
    const [first] = priorities;
    const { id: _id, ...extra } = makeAction({
      id: 'new',
      planId,
      priorityId: first?.id ?? '',
      reference: '1.999.1',
      text: 'One more',
    });
    await officer.actions.createMany(Array.from({ length: 3_001 }, () => extra));
    await expect(loadPlanOverview(officer, planId)).rejects.toThrow(
      /Reading the plan's actions priority by priority: more than 5,000 items match/,
    );
  });
});
