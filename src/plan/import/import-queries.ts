import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { readImportTarget } from './import-plan';

/** The plan an import goes into, as it is now; refreshed after every import into it. */
export function importTargetQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.importTarget(planId), queryFn: () => readImportTarget(store, planId) };
}
