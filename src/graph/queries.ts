import {
  compareReferences,
  type Action,
  type FocusArea,
  type Milestone,
  type Plan,
  type Priority,
  type ProgressUpdate,
} from '../domain';
import { NotFoundError } from './errors';
import type { Stored } from './mapping';
import { anyOf, fieldEq } from './odata';
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

export interface ActionDetailData {
  action: Stored<Action>;
  plan: Stored<Plan>;
  priority: Stored<Priority>;
  milestones: Stored<Milestone>[];
  updates: Stored<ProgressUpdate>[];
}

/** One action with its milestones and history: one `$batch`, then its plan and priority in a second. */
export async function loadActionDetail(store: PlanStore, actionId: string): Promise<ActionDetailData> {
  const ofAction = fieldEq('ActionId', actionId);
  const [actionBody, milestonesBody, updatesBody] = await readTogether(
    store.ctx,
    [
      store.actions.getRequest(actionId),
      store.milestones.queryRequest({ filter: ofAction, orderBy: 'fields/DueDate' }),
      store.progressUpdates.queryRequest({ filter: ofAction, orderBy: 'fields/UpdatedAt desc' }),
    ],
    'Reading the action',
  );
  const action = store.actions.readItem(actionBody);
  const [planBody, priorityBody] = await readTogether(
    store.ctx,
    [store.plans.getRequest(action.planId), store.priorities.getRequest(action.priorityId)],
    "Reading the action's plan",
  );
  return {
    action,
    plan: store.plans.readItem(planBody),
    priority: store.priorities.readItem(priorityBody),
    milestones: await store.milestones.readPages(milestonesBody),
    updates: await store.progressUpdates.readPages(updatesBody),
  };
}

export interface MyWorkData {
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  plans: Stored<Plan>[];
}

/** SharePoint keeps URLs short; this many OR-ed ids fit comfortably in one filter. */
const IDS_PER_FILTER = 15;

/** The signed-in person's actions (by UPN, across the site's plans) and their milestones. */
export async function loadMyWork(store: PlanStore, upn: string): Promise<MyWorkData> {
  const [plansBody, actionsBody] = await readTogether(
    store.ctx,
    [
      store.plans.queryRequest({}),
      store.actions.queryRequest({ filter: fieldEq('LeadUpn', upn), orderBy: 'fields/DueDate' }),
    ],
    'Reading your work',
  );
  const actions = await store.actions.readPages(actionsBody);
  const ids = actions.map((a) => a.id);
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_FILTER) groups.push(ids.slice(i, i + IDS_PER_FILTER));
  const milestoneBodies = groups.length
    ? await readTogether(
        store.ctx,
        groups.map((group) => store.milestones.queryRequest({ filter: anyOf('ActionId', group) })),
        'Reading your milestones',
      )
    : [];
  const milestones = (
    await Promise.all(milestoneBodies.map((body) => store.milestones.readPages(body)))
  ).flat();
  return { plans: await store.plans.readPages(plansBody), actions, milestones };
}
