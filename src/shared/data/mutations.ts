import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../domain';
import { changeRating, completeMilestone, moveMilestone } from '../../graph/commands';
import { ReadOnlyError } from '../../graph/errors';
import type { Stored } from '../../graph/mapping';
import type { MyWorkData, PriorityBoardData } from '../../graph/queries';
import { useSession } from '../session';
import { queryKeys } from './query-keys';
import { usePlanStore } from './store-context';

export interface RatingChangeInput {
  action: Stored<Action>;
  toRating: string;
  note: string;
}

/**
 * Changes an action's rating with its progress note. The board moves the card at
 * once (optimistic); on failure the card goes back and the error is the caller's
 * to show (a ConflictError carries what to offer the user); on success every view
 * of the plan is refreshed.
 */
export function useChangeRating() {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationKey: RATING_CHANGE_KEY,
    mutationFn: (input: RatingChangeInput) =>
      changeRating(store, { ...input, author: session.person, at: new Date().toISOString() }),
    onMutate: async (input) => {
      await Promise.all([
        queryClient.cancelQueries({
          queryKey: queryKeys.board(input.action.planId, input.action.priorityId),
        }),
        queryClient.cancelQueries({ queryKey: queryKeys.myWork() }),
      ]);
      replaceAction(queryClient, { ...input.action, status: input.toRating });
    },
    // Puts back only this action (not a snapshot of the whole board), so other changes in flight stay.
    onError: (error, input) => {
      replaceAction(queryClient, input.action);
      if (error instanceof ReadOnlyError) session.markReadOnly();
    },
    onSuccess: (result) => replaceAction(queryClient, result.value),
    onSettled: (_result, _error, input) => {
      // A refetch while another change is still on its way would show that card back where it was.
      if (queryClient.isMutating({ mutationKey: RATING_CHANGE_KEY }) > 1)
        return queryClient.invalidateQueries({ queryKey: queryKeys.action(input.action.id) });
      return invalidatePlan(queryClient, input.action.planId, input.action.id);
    },
  });
}

const RATING_CHANGE_KEY = [...queryKeys.all, 'change-rating'] as const;

/** Shows one action as given on its board and in My work (the views that list it by rating). */
function replaceAction(queryClient: ReturnType<typeof useQueryClient>, action: Stored<Action>) {
  const swap = (a: Stored<Action>) => (a.id === action.id ? action : a);
  queryClient.setQueryData<PriorityBoardData>(queryKeys.board(action.planId, action.priorityId), (current) =>
    current ? { ...current, actions: current.actions.map(swap) } : current,
  );
  queryClient.setQueriesData<MyWorkData>({ queryKey: queryKeys.myWork() }, (current) =>
    current ? { ...current, actions: current.actions.map(swap) } : current,
  );
}

type MilestoneArgs<F extends (...args: never[]) => unknown> = Omit<Parameters<F>[1], 'author' | 'at'>;

export function useMoveMilestone() {
  return useMilestoneCommand((store, input: MilestoneArgs<typeof moveMilestone>, author, at) =>
    moveMilestone(store, { ...input, author, at }),
  );
}

export function useCompleteMilestone() {
  return useMilestoneCommand((store, input: MilestoneArgs<typeof completeMilestone>, author, at) =>
    completeMilestone(store, { ...input, author, at }),
  );
}

function useMilestoneCommand<I extends { milestone: { planId: string; actionId: string } }, R>(
  run: (
    store: ReturnType<typeof usePlanStore>,
    input: I,
    author: ReturnType<typeof useSession>['person'],
    at: string,
  ) => Promise<R>,
) {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: (input: I) => run(store, input, session.person, new Date().toISOString()),
    onError: (error) => {
      if (error instanceof ReadOnlyError) session.markReadOnly();
    },
    onSettled: (_r, _e, input) =>
      invalidatePlan(queryClient, input.milestone.planId, input.milestone.actionId),
  });
}

/** A write touches the plan's views (overview, boards, my work) and the action it changed. */
export function invalidatePlan(
  queryClient: ReturnType<typeof useQueryClient>,
  planId: string,
  actionId: string,
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.action(actionId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.myWork() }),
  ]);
}
