import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../domain';
import { changeRating, completeMilestone, moveMilestone } from '../../graph/commands';
import { ReadOnlyError } from '../../graph/errors';
import type { Stored } from '../../graph/mapping';
import type { PriorityBoardData } from '../../graph/queries';
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
    mutationFn: (input: RatingChangeInput) =>
      changeRating(store, { ...input, author: session.person, at: new Date().toISOString() }),
    onMutate: async (input) => {
      const key = queryKeys.board(input.action.planId, input.action.priorityId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PriorityBoardData>(key);
      if (previous) {
        queryClient.setQueryData<PriorityBoardData>(key, {
          ...previous,
          actions: previous.actions.map((a) =>
            a.id === input.action.id ? { ...a, status: input.toRating } : a,
          ),
        });
      }
      return { key, previous };
    },
    onError: (error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(context.key, context.previous);
      if (error instanceof ReadOnlyError) session.markReadOnly();
    },
    onSuccess: (result) => {
      const key = queryKeys.board(result.value.planId, result.value.priorityId);
      queryClient.setQueryData<PriorityBoardData>(key, (current) =>
        current
          ? { ...current, actions: current.actions.map((a) => (a.id === result.value.id ? result.value : a)) }
          : current,
      );
    },
    onSettled: (_result, _error, input) => invalidatePlan(queryClient, input.action.planId, input.action.id),
  });
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
