import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Action, ProgressUpdate } from '../../domain';
import { saveActionEdit, type ActionPatch } from '../../graph/action-commands';
import { ConflictError, ReadOnlyError } from '../../graph/errors';
import type { Stored } from '../../graph/mapping';
import type { ActionDetailData } from '../../graph/queries';
import { invalidatePlan } from '../../shared/data/mutations';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';
import { useSession } from '../../shared/session';

export interface SaveActionInput {
  action: Stored<Action>;
  patch: ActionPatch;
  note: string;
}

/** A 412 is not a failure to show as an error: it comes back with the latest stored action to compare. */
export type SaveOutcome =
  | { kind: 'saved'; value: Stored<Action>; update: Stored<ProgressUpdate> | null }
  | { kind: 'conflict'; latest: Stored<Action> };

export function useSaveAction() {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: async (input: SaveActionInput): Promise<SaveOutcome> => {
      try {
        const saved = await saveActionEdit(store, {
          ...input,
          author: session.person,
          at: new Date().toISOString(),
        });
        return { kind: 'saved', ...saved };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return { kind: 'conflict', latest: await store.actions.get(input.action.id) };
      }
    },
    onError: (error) => {
      if (error instanceof ReadOnlyError) session.markReadOnly();
    },
    onSuccess: (outcome) => {
      if (outcome.kind !== 'saved') return;
      const { value, update } = outcome;
      queryClient.setQueryData<ActionDetailData>(queryKeys.action(value.id), (current) =>
        current
          ? { ...current, action: value, updates: update ? [update, ...current.updates] : current.updates }
          : current,
      );
    },
    onSettled: (_outcome, _error, input) => invalidatePlan(queryClient, input.action.planId, input.action.id),
  });
}
