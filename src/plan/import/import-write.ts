import type { Action, FocusArea, Milestone, Stored } from '../../domain';
import type { SourcePlace } from '../../domain/import';
import { countWrites, type ImportChanges, type PlannedWrite } from '../../domain/import/changes';
import { BATCH_LIMIT, sendBatchedJudged } from '../../graph/batch';
import type { GraphRequest } from '../../graph/client';
import { ConflictError } from '../../graph/errors';
import type { Repository } from '../../graph/repository';
import type { PlanStore } from '../../graph/store';
import type { ImportTarget } from './import-plan';

/**
 * Writes what a preview planned, through the lists' repositories, 20 items to a
 * `$batch` and one batch at a time: areas (each an area of weakness and a
 * priority), then focus areas, actions and their second dates, since each needs its
 * parent's id. Cancelling stops before the next batch: every item is written whole
 * or not at all, and the summary says which. Importing the same file again resumes:
 * what was written is matched by number and reference and left alone.
 */

export type ImportedKind = 'area of weakness' | 'priority' | 'focus area' | 'action' | 'milestone';

export interface ImportOutcome {
  what: ImportedKind;
  /** The number or reference ("3", "1.2.4"). */
  reference: string;
  place: SourcePlace | null;
  /** Created or updated: the fields that changed; skipped or failed: why. */
  detail: string;
}

export interface ImportSummary {
  planId: string;
  created: ImportOutcome[];
  updated: ImportOutcome[];
  /** Items the file gives exactly as the plan has them. */
  unchanged: number;
  skipped: ImportOutcome[];
  failed: ImportOutcome[];
  /** True when the person cancelled: `notWritten` items were left for a resumed import. */
  cancelled: boolean;
  notWritten: number;
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface WriteOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

interface Pending<T extends { id: string }> {
  what: ImportedKind;
  reference: string;
  place: SourcePlace | null;
  repository: Repository<T>;
  write: PlannedWrite<T>;
  /** The item's parents' ids, resolved once they are written; null when a parent failed. */
  ids: () => Partial<T> | string;
  /** Called with the written item's id. */
  saved?: (id: string) => void;
}

export async function writeImport(
  store: PlanStore,
  target: Pick<ImportTarget, 'plan'>,
  changes: ImportChanges,
  options: WriteOptions = {},
): Promise<ImportSummary> {
  const planId = target.plan.id;
  const summary: ImportSummary = {
    planId,
    created: [],
    updated: [],
    unchanged: 0,
    skipped: changes.skipped.map((s) => ({
      what: s.what === 'area' ? 'priority' : s.what,
      reference: s.reference,
      place: s.place,
      detail: s.reason,
    })),
    failed: [],
    cancelled: false,
    notWritten: 0,
  };
  const total = countWrites(changes);
  let done = 0;
  options.onProgress?.({ done, total });

  const priorityIds = new Map<number, string>();
  const focusIds = new Map<string, string>();
  const actionIds = new Map<string, string>();
  const missing = (what: string) => `Not written: its ${what} could not be saved`;

  const phases: Pending<{ id: string }>[][] = [
    changes.areas.flatMap((area) => [
      pending(store.weaknesses, 'area of weakness', String(area.number), area.place, area.weakness, () => ({
        planId,
      })),
      pending(
        store.priorities,
        'priority',
        String(area.number),
        area.place,
        area.priority,
        () => ({ planId }),
        (id) => priorityIds.set(area.number, id),
      ),
    ]),
    changes.focusAreas.map((focus) =>
      pending<FocusArea>(
        store.focusAreas,
        'focus area',
        focus.reference,
        focus.place,
        focus.write,
        () => {
          const priorityId = priorityIds.get(focus.areaNumber);
          return priorityId ? { planId, priorityId } : missing('area');
        },
        (id) => focusIds.set(focus.reference, id),
      ),
    ),
    changes.actions.map((action) =>
      pending<Action>(
        store.actions,
        'action',
        action.reference,
        action.place,
        action.write,
        () => {
          const priorityId = priorityIds.get(action.areaNumber);
          if (!priorityId) return missing('area');
          if (action.focusReference === null) return { planId, priorityId, focusAreaId: null };
          const focusAreaId = focusIds.get(action.focusReference);
          return focusAreaId ? { planId, priorityId, focusAreaId } : missing('focus area');
        },
        (id) => actionIds.set(action.reference, id),
      ),
    ),
    changes.actions.flatMap((action) =>
      action.milestone
        ? [
            pending<Milestone>(
              store.milestones,
              'milestone',
              action.reference,
              action.place,
              action.milestone,
              () => {
                const priorityId = priorityIds.get(action.areaNumber);
                const actionId = actionIds.get(action.reference);
                return priorityId && actionId ? { planId, priorityId, actionId } : missing('action');
              },
            ),
          ]
        : [],
    ),
  ] as Pending<{ id: string }>[][];

  for (const phase of phases) {
    // Items already as the file has them still give their ids to their children.
    for (const item of phase)
      if (item.write.kind === 'same' && item.write.current) {
        item.saved?.(item.write.current.id);
        summary.unchanged++;
      }
    const toWrite = phase.filter((item) => item.write.kind !== 'same');
    for (let start = 0; start < toWrite.length; start += BATCH_LIMIT) {
      if (options.signal?.aborted) {
        summary.cancelled = true;
        summary.notWritten = total - done;
        return summary;
      }
      const batch = toWrite.slice(start, start + BATCH_LIMIT);
      await writeBatch(store, batch, summary);
      done += batch.length;
      options.onProgress?.({ done, total });
    }
  }
  return summary;
}

function pending<T extends { id: string }>(
  repository: Repository<T>,
  what: ImportedKind,
  reference: string,
  place: SourcePlace | null,
  write: PlannedWrite<T>,
  ids: () => Partial<T> | string,
  saved?: (id: string) => void,
): Pending<T> {
  return { what, reference, place, repository, write, ids, ...(saved ? { saved } : {}) };
}

/** One `$batch` of at most 20 writes; each item's outcome is recorded on its own. */
async function writeBatch(store: PlanStore, batch: Pending<{ id: string }>[], summary: ImportSummary) {
  const requests: GraphRequest[] = [];
  const sent: Pending<{ id: string }>[] = [];
  for (const item of batch) {
    const outcome = (detail: string) => ({
      what: item.what,
      reference: item.reference,
      place: item.place,
      detail,
    });
    const ids = item.ids();
    if (typeof ids === 'string') {
      summary.failed.push(outcome(ids));
      continue;
    }
    try {
      requests.push(requestFor(item, ids));
      sent.push(item);
    } catch (error) {
      summary.failed.push(outcome(error instanceof Error ? error.message : String(error)));
    }
  }
  if (requests.length === 0) return;
  const results = await sendBatchedJudged(
    store.ctx.client,
    requests,
    (i) => `Saving ${sent[i]?.what ?? 'item'} ${sent[i]?.reference ?? ''}`,
  );
  results.forEach((result, i) => {
    const item = sent[i];
    if (!item) return;
    const outcome = (detail: string) => ({
      what: item.what,
      reference: item.reference,
      place: item.place,
      detail,
    });
    if (!result.ok) {
      const reason =
        result.error instanceof ConflictError
          ? 'Changed by someone else since the preview: import again to see the change'
          : result.error.message;
      summary.failed.push(outcome(reason));
      return;
    }
    const current = item.write.current;
    const stored = item.repository.fromWriteResponse(current, result.response);
    item.saved?.(stored.id);
    if (current) summary.updated.push(outcome(item.write.changed.join(', ')));
    else summary.created.push(outcome(''));
  });
}

/** The create or the PATCH (If-Match) for an item, its parents' ids put in; moving it when they are others. */
function requestFor<T extends { id: string }>(item: Pending<T>, ids: Partial<T>): GraphRequest {
  const { write, repository } = item;
  if (!write.current) return repository.createRequest({ ...write.values, ...ids } as Omit<T, 'id'>);
  const current: Stored<T> = write.current;
  const moves: Partial<T> = {};
  for (const [key, id] of Object.entries(ids) as [keyof T, T[keyof T]][])
    if (current[key] !== id) moves[key] = id;
  return repository.updateRequest(current, { ...write.values, ...moves } as Partial<Omit<T, 'id'>>);
}
