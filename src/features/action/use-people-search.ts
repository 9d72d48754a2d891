import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { searchPeople } from '../../graph/people';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';

const TYPING_PAUSE_MS = 250;

/** The directory's people whose name starts with what was typed, once typing pauses. */
export function usePeopleSearch(text: string, enabled: boolean) {
  const store = usePlanStore();
  const prefix = useSettled(text.trim(), TYPING_PAUSE_MS);
  const query = useQuery({
    queryKey: queryKeys.people(prefix),
    queryFn: () => searchPeople(store.ctx, prefix),
    enabled: enabled && prefix.length > 0,
    staleTime: 5 * 60_000,
  });
  return { ...query, prefix, settled: prefix === text.trim() };
}

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
