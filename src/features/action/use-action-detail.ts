import { useQuery } from '@tanstack/react-query';
import { loadActionDetail } from '../../graph/queries';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';

export function useActionDetail(actionId: string) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.action(actionId),
    queryFn: () => loadActionDetail(store, actionId),
  });
}
