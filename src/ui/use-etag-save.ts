import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { SaveOutcome } from '../plan/save-outcome';

export type SaveAttempt<TResult, TLatest> =
  SaveOutcome<TResult, TLatest> | { kind: 'failed'; error: unknown };

/**
 * Saving something read with an eTag, one way for every form: the mutation (a use
 * case's, see `saveOrReload`) answers a 412 with the latest version, kept here as
 * `conflict` for the person to re-apply their change on top of or discard; any
 * other failure is kept as `failure` with what was sent, so trying again loses
 * nothing. Each save starts afresh.
 */
export function useETagSave<TVars, TResult, TLatest>(
  options: UseMutationOptions<SaveOutcome<TResult, TLatest>, unknown, TVars>,
) {
  const mutation = useMutation(options);
  const { mutateAsync } = mutation;
  const [conflict, setConflict] = useState<{ latest: TLatest; sent: TVars } | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; sent: TVars } | null>(null);
  const [saved, setSaved] = useState<TResult | null>(null);

  const save = useCallback(
    async (vars: TVars): Promise<SaveAttempt<TResult, TLatest>> => {
      setConflict(null);
      setFailure(null);
      setSaved(null);
      try {
        const outcome = await mutateAsync(vars);
        if (outcome.kind === 'conflict') setConflict({ latest: outcome.latest, sent: vars });
        else setSaved(outcome.result);
        return outcome;
      } catch (error) {
        setFailure({ error, sent: vars });
        return { kind: 'failed', error };
      }
    },
    [mutateAsync],
  );

  /** The person has answered the conflict or the failure (or moved on): forget both. */
  const settle = useCallback(() => {
    setConflict(null);
    setFailure(null);
  }, []);

  return { save, pending: mutation.isPending, conflict, failure, saved, settle };
}
