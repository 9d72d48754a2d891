import { useQuery } from '@tanstack/react-query';
import { loadPlanOverview } from '../../graph/queries';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';

export function usePlanOverview(planId: string | null, enabled = true) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.overview(planId),
    queryFn: () => loadPlanOverview(store, planId),
    enabled,
  });
}
