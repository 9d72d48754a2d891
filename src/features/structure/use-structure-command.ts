import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { structureMutation, type StructureCommand } from '../../plan/structure/mutations';
import { usePlanStore } from '../../ui/store-context';

/** How a structure command ended: saved, refused by a newer version (now shown), or failed. */
export type CommandAttempt = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; error: unknown };

/**
 * Runs structure commands of one plan. The promise settles once the views it
 * touched have been read again, so the page already shows the result.
 */
export function useStructureCommand(planId: string) {
  const mutation = useMutation(structureMutation(usePlanStore(), useQueryClient(), planId));
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (command: StructureCommand): Promise<CommandAttempt> => {
      try {
        const outcome = await mutateAsync(command);
        return { kind: outcome.kind === 'conflict' ? 'conflict' : 'saved' };
      } catch (error) {
        return { kind: 'failed', error };
      }
    },
    [mutateAsync],
  );
  return { run, pending: mutation.isPending };
}
