import type { ProgressUpdate, Stored } from '../domain';
import { sendBatchedJudged } from '../graph/batch';
import type { GraphRequest } from '../graph/client';
import type { Repository } from '../graph/repository';
import type { PlanStore } from '../graph/store';

/** A change and the history item that records it. */
export interface RecordedChange<T> {
  value: Stored<T>;
  update: Stored<ProgressUpdate>;
}

/**
 * Writes a change and its history item as one `$batch`: the change goes first
 * with If-Match and the history item depends on it, so a conflict (412) leaves
 * neither behind.
 */
export async function recordChange<T extends { id: string }>(
  store: PlanStore,
  change: { repository: Repository<T>; request: GraphRequest; changed: Stored<T> },
  history: (value: Stored<T>) => Omit<ProgressUpdate, 'id'>,
): Promise<RecordedChange<T>> {
  const historyRequest = { ...store.progressUpdates.createRequest(history(change.changed)), dependsOn: [0] };
  const [changed, recorded] = await sendBatchedJudged(
    store.ctx.client,
    [change.request, historyRequest],
    (i) => (i === 0 ? 'Saving the change' : 'Recording the change in the history'),
  );
  if (!changed?.ok) throw changed?.error ?? new Error('No answer to the change');
  const value = change.repository.fromWriteResponse(change.changed, changed.response);
  if (!recorded?.ok) throw recorded?.error ?? new Error('No answer to the history item');
  return { value, update: store.progressUpdates.readItem(recorded.response.body) };
}
