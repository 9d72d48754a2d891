import type { QueryClient } from '@tanstack/react-query';
import type { Cycle, IsoDate, PersonRef, Stored } from '../domain';
import type { PlanStore } from '../graph/store';
import { createCycle, takeSnapshot, type CycleInput } from './cycles';
import { queryKeys } from './query-keys';

/** What the cycles page does: add a cycle, freeze one. Both refresh the plan's views (directions move). */
export function addCycleMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (input: { existing: readonly Cycle[]; cycle: CycleInput }) =>
      createCycle(store, planId, input.existing, input.cycle),
    onSuccess: () => refreshPlan(queryClient, planId),
  };
}

export function takeSnapshotMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (input: { cycle: Stored<Cycle>; by: PersonRef; asOf: IsoDate }) =>
      takeSnapshot(store, input.cycle, input.by, new Date(), input.asOf),
    onSuccess: () => refreshPlan(queryClient, planId),
  };
}

function refreshPlan(queryClient: QueryClient, planId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
  ]);
}
