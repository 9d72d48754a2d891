import type { QueryClient } from '@tanstack/react-query';
import type { Action, Stored } from '../domain';
import type { PriorityBoardData } from './board';
import type { MyWorkData } from './my-work';
import { queryKeys } from './query-keys';

/**
 * What a write does to the cached reads: invalidate exactly the views it touched,
 * or show a changed action at once in the views that list it by rating.
 */

/** A write touches the plan's views (overview, boards, my work) and the action it changed. */
export function invalidatePlan(queryClient: QueryClient, planId: string, actionId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.action(actionId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.myWork() }),
  ]);
}

/** Shows one action as given on its board and in My work (the views that list it by rating). */
export function showAction(queryClient: QueryClient, action: Stored<Action>) {
  const swap = (a: Stored<Action>) => (a.id === action.id ? action : a);
  queryClient.setQueryData<PriorityBoardData>(queryKeys.board(action.planId, action.priorityId), (current) =>
    current ? { ...current, actions: current.actions.map(swap) } : current,
  );
  queryClient.setQueriesData<MyWorkData>({ queryKey: queryKeys.myWork() }, (current) =>
    current ? { ...current, actions: current.actions.map(swap) } : current,
  );
}
