import {
  byPriorityNumber,
  byReference,
  type Action,
  type Milestone,
  type Plan,
  type Priority,
  type Stored,
} from '../domain';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

export interface PlanOverviewData {
  plans: Stored<Plan>[];
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
}

/**
 * The plan at a glance: the site's plans, and one plan's priorities, actions and
 * milestones, in one round trip (two when no plan is named yet).
 */
export async function loadPlanOverview(store: PlanStore, planId: string | null): Promise<PlanOverviewData> {
  if (planId === null) {
    const first = choosePlan(await store.plans.query({}));
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
    priorities: (await store.priorities.readPages(priorities)).sort(byPriorityNumber),
    actions: (await store.actions.readPages(actions)).sort(byReference),
    milestones: await store.milestones.readPages(milestones),
  };
}

/** `planId` null: the plan chosen by default (see `choosePlan`). */
export function overviewQuery(store: PlanStore, planId: string | null) {
  return { queryKey: queryKeys.overview(planId), queryFn: () => loadPlanOverview(store, planId) };
}

/** The active plan most recently inspected, else the first. */
function choosePlan<T extends Plan>(plans: readonly T[]): T | undefined {
  const active = plans.filter((p) => p.status === 'active');
  const pool = active.length ? active : plans;
  return [...pool].sort((a, b) => (b.inspectionDate ?? '').localeCompare(a.inspectionDate ?? ''))[0];
}
