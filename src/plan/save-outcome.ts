import { ConflictError } from '../graph/errors';

/** How a write with If-Match ended: saved, or refused because someone else changed the item first. */
export type SaveOutcome<TResult, TLatest> =
  { kind: 'saved'; result: TResult } | { kind: 'conflict'; latest: TLatest };

/**
 * Saves with the eTag the item was read with. A 412 is not an error to show but
 * a conflict to resolve: it comes back with the latest version (`reload`), so the
 * person can compare, then re-apply their change on top of it or discard it.
 */
export async function saveOrReload<TResult, TLatest>(
  save: () => Promise<TResult>,
  reload: () => Promise<TLatest>,
): Promise<SaveOutcome<TResult, TLatest>> {
  try {
    return { kind: 'saved', result: await save() };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return { kind: 'conflict', latest: await reload() };
  }
}
