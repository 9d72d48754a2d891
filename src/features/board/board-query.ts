import { queryOptions } from '@tanstack/react-query';
import { loadPriorityBoard } from '../../graph/queries';
import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../../shared/data/query-keys';

/** The board's one read (a single `$batch`): shared by the page and by the prefetch before first render. */
export function boardQuery(store: PlanStore, planId: string, priorityId: string) {
  return queryOptions({
    queryKey: queryKeys.board(planId, priorityId),
    queryFn: () => loadPriorityBoard(store, planId, priorityId),
  });
}
