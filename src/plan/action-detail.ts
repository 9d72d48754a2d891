import type { Action, DataProblem, Milestone, Plan, Priority, ProgressUpdate, Stored } from '../domain';
import { fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

export interface ActionDetailData {
  action: Stored<Action>;
  plan: Stored<Plan>;
  priority: Stored<Priority>;
  milestones: Stored<Milestone>[];
  updates: Stored<ProgressUpdate>[];
  /** Milestones or history items of the action left out because they do not fit, named. */
  problems: DataProblem[];
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
  const problems: DataProblem[] = [];
  return {
    action,
    plan: store.plans.readItem(planBody),
    priority: store.priorities.readItem(priorityBody),
    milestones: await store.milestones.readPages(milestonesBody, problems),
    updates: await store.progressUpdates.readPages(updatesBody, problems),
    problems,
  };
}

export function actionDetailQuery(store: PlanStore, actionId: string) {
  return { queryKey: queryKeys.action(actionId), queryFn: () => loadActionDetail(store, actionId) };
}
