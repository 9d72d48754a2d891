import {
  isArchivedInPlan,
  type Action,
  type DataProblem,
  type FocusArea,
  type Milestone,
  type Plan,
  type Priority,
  type ProgressUpdate,
  type Stored,
} from '../domain';
import { firstFailure, sendBatchedJudged, type BatchResult } from '../graph/batch';
import { fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

export interface ActionDetailData {
  action: Stored<Action>;
  plan: Stored<Plan>;
  priority: Stored<Priority>;
  milestones: Stored<Milestone>[];
  updates: Stored<ProgressUpdate>[];
  /**
   * The action, or its focus area or priority, is archived: it is out of the plan's
   * views and shown (opened directly) for the record only.
   */
  archived: boolean;
  /** Milestones or history items of the action left out because they do not fit, named. */
  problems: DataProblem[];
}

/** One action with its milestones and history: one `$batch`, then its plan, priority and focus area in a second. */
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
  const results = await sendBatchedJudged(
    store.ctx.client,
    [
      store.plans.getRequest(action.planId),
      store.priorities.getRequest(action.priorityId),
      ...(action.focusAreaId ? [store.focusAreas.getRequest(action.focusAreaId)] : []),
    ],
    () => "Reading the action's plan",
  );
  const [planResult, priorityResult, focusAreaResult] = results;
  const failure = firstFailure([planResult, priorityResult].filter((r) => r !== undefined));
  if (failure) throw failure;
  const problems: DataProblem[] = [];
  const priority = store.priorities.readItem(bodyOfResult(priorityResult));
  const focusArea = readFocusArea(store, focusAreaResult);
  return {
    action,
    plan: store.plans.readItem(bodyOfResult(planResult)),
    priority,
    archived: isArchivedInPlan(action, priority, focusArea),
    milestones: await store.milestones.readPages(milestonesBody, problems),
    updates: await store.progressUpdates.readPages(updatesBody, problems),
    problems,
  };
}

function bodyOfResult(result: BatchResult | undefined): unknown {
  return result?.ok ? result.response.body : null;
}

/** The action's focus area, to know whether it is archived: one gone or unreadable archives nothing. */
function readFocusArea(store: PlanStore, result: BatchResult | undefined): FocusArea | null {
  if (!result?.ok) return null;
  try {
    return store.focusAreas.readItem(result.response.body);
  } catch {
    return null;
  }
}

export function actionDetailQuery(store: PlanStore, actionId: string) {
  return { queryKey: queryKeys.action(actionId), queryFn: () => loadActionDetail(store, actionId) };
}
