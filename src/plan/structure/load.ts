import {
  byPriorityNumber,
  byReference,
  type Action,
  type AreaOfWeakness,
  type DataProblem,
  type FocusArea,
  type Plan,
  type Priority,
  type Stored,
} from '../../domain';
import { type PlanStructure } from '../../domain/structure';
import { fieldEq } from '../../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore, type ReadOutcome } from '../../graph/store';
import { planItems } from '../plan-items';
import { queryKeys } from '../query-keys';

/** A plan's whole structure as stored, archived items included, each with its eTag. */
export interface PlanStructureData extends PlanStructure {
  plan: Stored<Plan>;
  weaknesses: Stored<AreaOfWeakness>[];
  priorities: Stored<Priority>[];
  focusAreas: Stored<FocusArea>[];
  actions: Stored<Action>[];
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

/** The reads of a plan's structure, to send in one `$batch` (with others beside them, if need be). */
export function structureRequests(store: PlanStore, planId: string) {
  const inPlan = fieldEq('PlanId', planId);
  return [
    store.plans.getRequest(planId),
    store.weaknesses.queryRequest({ filter: inPlan }),
    store.priorities.queryRequest({ filter: inPlan }),
    store.focusAreas.queryRequest({ filter: inPlan }),
    store.actions.queryRequest({ filter: inPlan }),
  ] as const;
}

/** The structure from the answers to `structureRequests`, in their order; items that do not fit go to `problems`. */
export async function readStructure(
  store: PlanStore,
  [plan, weaknesses, priorities, focusAreas, actions]: readonly ReadOutcome[],
  problems: DataProblem[],
): Promise<PlanStructureData> {
  if (!plan || !weaknesses || !priorities || !focusAreas || !actions)
    throw new Error('readStructure needs the answers to every one of structureRequests');
  const priorityItems = await store.priorities.readPages(bodyOf(priorities), problems);
  const [weaknessItems, focusAreaItems, actionItems] = await Promise.all([
    store.weaknesses.readPages(bodyOf(weaknesses), problems),
    store.focusAreas.readPages(bodyOf(focusAreas), problems),
    planItems(
      store,
      store.actions,
      actions,
      priorityItems.map((p) => p.id),
      problems,
    ),
  ]);
  return {
    plan: store.plans.readItem(bodyOf(plan)),
    weaknesses: weaknessItems.sort((a, b) => a.number - b.number),
    priorities: priorityItems.sort(byPriorityNumber),
    focusAreas: focusAreaItems.sort(byReference),
    actions: actionItems.sort(byReference),
    problems,
  };
}

/** The plan, its areas of weakness, priorities, focus areas and actions: one `$batch`. */
export async function loadPlanStructure(store: PlanStore, planId: string): Promise<PlanStructureData> {
  const outcomes = await readTogetherOrRefused(
    store.ctx,
    structureRequests(store, planId),
    "Reading the plan's structure",
  );
  return readStructure(store, outcomes, []);
}

export function structureQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.structure(planId), queryFn: () => loadPlanStructure(store, planId) };
}
