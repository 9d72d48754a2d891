import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { peopleSearchQuery } from '../../plan/people';
import { usePlanStore } from '../../ui/store-context';

const TYPING_PAUSE_MS = 250;

/** The directory's people whose name starts with what was typed, once typing pauses. */
export function usePeopleSearch(text: string, enabled: boolean) {
  const prefix = useSettled(text.trim(), TYPING_PAUSE_MS);
  const query = useQuery({
    ...peopleSearchQuery(usePlanStore(), prefix),
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
