import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SaveOutcome } from '../plan/save-outcome';

/** How a page's command ended: saved, refused by a newer version (now shown), or failed. */
export type CommandAttempt = { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; error: unknown };

/**
 * Runs a page's commands through a use case's mutation (see `saveOrReload`): the
 * promise settles once the views it touched have been read again, so the page
 * already shows the result, and never rejects.
 */
export function useCommand<C, R, L>(options: UseMutationOptions<SaveOutcome<R, L>, unknown, C>) {
  const mutation = useMutation(options);
  const { mutateAsync } = mutation;
  const run = useCallback(
    async (command: C): Promise<CommandAttempt> => {
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
