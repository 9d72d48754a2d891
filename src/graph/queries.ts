import {
  compareReferences,
  type Action,
  type FocusArea,
  type Milestone,
  type Plan,
  type Priority,
} from '../domain';
import { NotFoundError } from './errors';
import type { Stored } from './mapping';
import { fieldEq } from './odata';
import { readTogether, type PlanStore } from './store';

export interface PlanOverviewData {
  plans: Stored<Plan>[];
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
}

export interface PriorityBoardData {
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  priority: Stored<Priority>;
  focusAreas: Stored<FocusArea>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
}

const byNumber = (a: Priority, b: Priority) => a.number - b.number;
const byReference = (a: { reference: string }, b: { reference: string }) =>
  compareReferences(a.reference, b.reference);

/** The plan at a glance: the site's plans, and one plan's priorities, actions and milestones, in one round trip. */
export async function loadPlanOverview(store: PlanStore, planId: string | null): Promise<PlanOverviewData> {
  if (planId === null) {
    const plans = await store.plans.query({});
    const first = choosePlan(plans);
    if (!first) throw new NotFoundError('This site holds no plan yet: run the seed or import a plan');
    planId = first.id;
  }
  const inPlan = fieldEq('PlanId', planId);
  const [plans, priorities, actions, milestones] = await readTogether(
    store.ctx,
    [
      store.plans.queryRequest({}),
      store.priorities.queryRequest({ filter: inPlan, orderBy: 'fields/Number' }),
      store.actions.queryRequest({ filter: inPlan }),
      store.milestones.queryRequest({ filter: inPlan }),
    ],
    'Reading the plan',
  );
  const allPlans = await store.plans.readPages(plans);
  const plan = allPlans.find((p) => p.id === planId);
  if (!plan) throw new NotFoundError(`No plan with id ${planId} on this site`);
  return {
    plans: allPlans,
    plan,
    priorities: (await store.priorities.readPages(priorities)).sort(byNumber),
    actions: (await store.actions.readPages(actions)).sort(byReference),
    milestones: await store.milestones.readPages(milestones),
  };
}

/** Everything the board of one priority needs, in one `$batch` (plus next pages, if any). */
export async function loadPriorityBoard(
  store: PlanStore,
  planId: string,
  priorityId: string,
): Promise<PriorityBoardData> {
  const inPriority = fieldEq('PriorityId', priorityId);
  const bodies = await readTogether(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.priorities.queryRequest({ filter: fieldEq('PlanId', planId), orderBy: 'fields/Number' }),
      store.focusAreas.queryRequest({ filter: inPriority, orderBy: 'fields/SortKey' }),
      store.actions.queryRequest({ filter: inPriority, orderBy: 'fields/SortKey' }),
      store.milestones.queryRequest({ filter: inPriority }),
    ],
    'Reading the board',
  );
  const [planBody, prioritiesBody, focusBody, actionsBody, milestonesBody] = bodies;
  const plan = store.plans.readItem(planBody);
  const priorities = (await store.priorities.readPages(prioritiesBody)).sort(byNumber);
  const priority = priorities.find((p) => p.id === priorityId);
  if (!priority) throw new NotFoundError(`Priority ${priorityId} is not part of plan ${planId}`);
  return {
    plan,
    priorities,
    priority,
    focusAreas: (await store.focusAreas.readPages(focusBody)).sort(byReference),
    actions: (await store.actions.readPages(actionsBody)).sort(byReference),
    milestones: await store.milestones.readPages(milestonesBody),
  };
}

/** The active plan most recently inspected, else the first. */
export function choosePlan<T extends Plan>(plans: readonly T[]): T | undefined {
  const active = plans.filter((p) => p.status === 'active');
  const pool = active.length ? active : plans;
  return [...pool].sort((a, b) => (b.inspectionDate ?? '').localeCompare(a.inspectionDate ?? ''))[0];
}
