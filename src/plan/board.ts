import {
  byPriorityNumber,
  byReference,
  partsInUse,
  type Action,
  type FocusArea,
  type Milestone,
  type Plan,
  type Priority,
  type DataProblem,
  type Stored,
} from '../domain';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { requireReadable, withTheirActions } from './problems';
import { queryKeys } from './query-keys';

export interface PriorityBoardData {
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  priority: Stored<Priority>;
  focusAreas: Stored<FocusArea>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  /** Items of this priority left out because they do not fit the plan, named. */
  problems: DataProblem[];
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
  // Another priority that does not fit is the overview's to name, not this board's.
  const planProblems: DataProblem[] = [];
  const priorities = (await store.priorities.readPages(prioritiesBody, planProblems)).sort(byPriorityNumber);
  const priority = priorities.find((p) => p.id === priorityId);
  requireReadable('priorities', priorityId, planProblems);
  if (!priority) throw new NotFoundError(`Priority ${priorityId} is not part of plan ${planId}`);
  if (priority.archived) {
    throw new NotFoundError(
      `${priority.label} is archived: restore it in the plan's structure to see its board again`,
    );
  }
  const problems: DataProblem[] = [];
  const inUse = partsInUse({
    priorities,
    focusAreas: await store.focusAreas.readPages(focusBody, problems),
    actions: await store.actions.readPages(actionsBody, problems),
    milestones: await store.milestones.readPages(milestonesBody, problems),
  });
  const actions = inUse.actions.sort(byReference);
  return {
    plan,
    priorities: inUse.priorities,
    priority,
    focusAreas: inUse.focusAreas.sort(byReference),
    actions,
    milestones: withTheirActions(inUse.milestones, actions, problems),
    problems,
  };
}

/** The board's one read: shared by the page and by the prefetch before first render. */
export function boardQuery(store: PlanStore, planId: string, priorityId: string) {
  return {
    queryKey: queryKeys.board(planId, priorityId),
    queryFn: () => loadPriorityBoard(store, planId, priorityId),
  };
}
