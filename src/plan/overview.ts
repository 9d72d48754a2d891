import {
  byPriorityNumber,
  byReference,
  partsInUse,
  type Action,
  type Milestone,
  type Plan,
  type Priority,
  type DataProblem,
  type Stored,
} from '../domain';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { planItems } from './plan-items';
import { withTheirActions, requireReadable } from './problems';
import { queryKeys } from './query-keys';

export interface PlanOverviewData {
  plans: Stored<Plan>[];
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

/**
 * The plan at a glance: the site's plans, and one plan's priorities, actions and
 * milestones, in one round trip (two when no plan is named yet).
 */
export async function loadPlanOverview(store: PlanStore, planId: string | null): Promise<PlanOverviewData> {
  if (planId === null) {
    // The plans are read again below with the rest; their problems are named then.
    const first = choosePlan(await store.plans.query({}, []));
    if (!first) throw new NotFoundError('This site holds no plan yet: run the seed or import a plan');
    planId = first.id;
  }
  const inPlan = fieldEq('PlanId', planId);
  const [plans, priorities, focusAreas, actions, milestones] = await readTogetherOrRefused(
    store.ctx,
    [
      store.plans.queryRequest({}),
      store.priorities.queryRequest({ filter: inPlan, orderBy: 'fields/Number' }),
      // Read only to leave out what sits in an archived focus area.
      store.focusAreas.queryRequest({ filter: inPlan }),
      store.actions.queryRequest({ filter: inPlan }),
      store.milestones.queryRequest({ filter: inPlan }),
    ],
    'Reading the plan',
  );
  const problems: DataProblem[] = [];
  const allPlans = await store.plans.readPages(bodyOf(plans), problems);
  const plan = allPlans.find((p) => p.id === planId);
  requireReadable('plans', planId, problems);
  if (!plan) throw new NotFoundError(`No plan with id ${planId} on this site`);
  const priorityItems = (await store.priorities.readPages(bodyOf(priorities), problems)).sort(
    byPriorityNumber,
  );
  const priorityIds = priorityItems.map((p) => p.id);
  const [focusAreaItems, actionItems, milestoneItems] = await Promise.all([
    store.focusAreas.readPages(bodyOf(focusAreas), problems),
    planItems(store, store.actions, actions, priorityIds, problems),
    planItems(store, store.milestones, milestones, priorityIds, problems),
  ]);
  const inUse = partsInUse({
    priorities: priorityItems,
    focusAreas: focusAreaItems,
    actions: actionItems,
    milestones: milestoneItems,
  });
  inUse.actions.sort(byReference);
  return {
    plans: allPlans,
    plan,
    priorities: inUse.priorities,
    actions: inUse.actions,
    milestones: withTheirActions(inUse.milestones, inUse.actions, problems),
    problems,
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
