import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { londonDate } from '../../domain';
import { loadMyWork } from '../../graph/queries';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';
import { groupMyWork } from './my-work-model';

/** The signed-in person's actions and milestones, grouped by when they are due. */
export function useMyWork(upn: string) {
  const store = usePlanStore();
  const query = useQuery({ queryKey: queryKeys.myWorkOf(upn), queryFn: () => loadMyWork(store, upn) });
  const today = useMemo(() => londonDate(new Date()), []);
  const data = query.data;
  const groups = useMemo(() => (data ? groupMyWork(data, today) : null), [data, today]);
  return { query, data, groups, today };
}
