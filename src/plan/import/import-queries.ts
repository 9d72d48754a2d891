import type { QueryClient } from '@tanstack/react-query';
import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { readImportTarget } from './import-plan';

/** The plan an import goes into, as it is now; refreshed after every import into it. */
export function importTargetQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.importTarget(planId), queryFn: () => readImportTarget(store, planId) };
}

/**
 * An import may touch every view of the plan (its overview, every board, the
 * structure), any action's page and anyone's work: all of them are read again.
 */
export function invalidateAfterImport(queryClient: QueryClient, planId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.actions() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.myWork() }),
  ]);
}
