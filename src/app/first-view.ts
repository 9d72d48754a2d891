import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router';
import { boardQuery } from '../plan/board';
import type { PlanStore } from '../plan/store';
import { routes } from '../ui/paths';

/**
 * Sends the first view's read before React renders, so the `$batch` is on the
 * wire while the UI boots; the view then finds it in the query cache (or in
 * flight). Only the board is worth it: it is the view people open from a pin.
 */
export function prefetchFirstView(queryClient: QueryClient, store: PlanStore, pathname: string): void {
  const board = matchPath(routes.board, pathname);
  if (board?.params.planId && board.params.priorityId) {
    void queryClient.prefetchQuery(boardQuery(store, board.params.planId, board.params.priorityId));
  }
}
