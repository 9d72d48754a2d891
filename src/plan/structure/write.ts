import type { Action, AreaOfWeakness, FocusArea, Priority, Stored } from '../../domain';
import type { StructureChange, StructureKind } from '../../domain/structure';
import { firstFailure, sendBatchedJudged, type BatchResult } from '../../graph/batch';
import type { GraphRequest, GraphResponse } from '../../graph/client';
import { NotFoundError } from '../../graph/errors';
import type { Repository } from '../../graph/repository';
import type { PlanStore } from '../../graph/store';
import type { PlanStructureData } from './load';

interface Entities {
  weakness: AreaOfWeakness;
  priority: Priority;
  focusArea: FocusArea;
  action: Action;
}

/** One item of the structure and what changes on it. */
export type StructureWrite = {
  [K in StructureKind]: { kind: K; id: string; patch: Partial<Omit<Entities[K], 'id'>> };
}[StructureKind];

interface PreparedWrite {
  request: GraphRequest;
  what: string;
  /** The request that puts the item back as it was, once this write has been saved. */
  undo: (saved: GraphResponse) => GraphRequest;
}

/**
 * Several items' writes together, one patch per item (a later write of the same item
 * adds to the earlier one): a renumbering and the edit that caused it go as one.
 */
export function mergeWrites(writes: readonly (StructureWrite | StructureChange)[]): StructureWrite[] {
  const byItem = new Map<string, StructureWrite>();
  for (const write of writes) {
    const key = `${write.kind}:${write.id}`;
    const earlier = byItem.get(key);
    byItem.set(key, { ...write, patch: { ...earlier?.patch, ...write.patch } } as StructureWrite);
  }
  return [...byItem.values()];
}

/**
 * Sends the PATCHes of a structure change, each with the eTag the item was read
 * with, as `$batch`es of 20. Every patched item is validated before anything is
 * sent. When any is refused (a 412 when someone else changed the item: a
 * ConflictError) the ones already saved are put back as they were, as far as
 * SharePoint lets them be, and the refusal is thrown: a renumbering is never left
 * half done on purpose, nor reported as saved.
 */
export async function writeStructure(
  store: PlanStore,
  data: PlanStructureData,
  writes: readonly StructureWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  const prepared = writes.map((write) => prepare(store, data, write));
  const results = await sendBatchedJudged(
    store.ctx.client,
    prepared.map((p) => p.request),
    (i) => prepared[i]?.what ?? 'Saving the plan’s structure',
  );
  const failure = firstFailure(results);
  if (!failure) return;
  await undoSaved(store, prepared, results);
  throw failure;
}

async function undoSaved(
  store: PlanStore,
  prepared: readonly PreparedWrite[],
  results: readonly BatchResult[],
): Promise<void> {
  const undo = results.flatMap((result, i) => {
    const write = prepared[i];
    return result.ok && write ? [write.undo(result.response)] : [];
  });
  if (undo.length === 0) return;
  try {
    await sendBatchedJudged(store.ctx.client, undo, () => 'Putting the plan’s structure back');
  } catch {
    // The refusal that made the undo necessary is what the person needs to hear.
  }
}

function prepare(store: PlanStore, data: PlanStructureData, write: StructureWrite): PreparedWrite {
  switch (write.kind) {
    case 'weakness':
      return prepareWith(store.weaknesses, data.weaknesses, write, (w) => `area of weakness ${w.number}`);
    case 'priority':
      return prepareWith(store.priorities, data.priorities, write, (p) => `priority ${p.number}`);
    case 'focusArea':
      return prepareWith(store.focusAreas, data.focusAreas, write, (f) => `focus area ${f.reference}`);
    case 'action':
      return prepareWith(store.actions, data.actions, write, (a) => `action ${a.reference}`);
  }
}

function prepareWith<T extends { id: string }>(
  repository: Repository<T>,
  items: readonly Stored<T>[],
  { id, patch }: { id: string; patch: Partial<Omit<T, 'id'>> },
  name: (item: Stored<T>) => string,
): PreparedWrite {
  const current = items.find((item) => item.id === id);
  if (!current) {
    throw new NotFoundError(`The ${repository.mapping.noun.toLowerCase()} ${id} is not part of this plan`);
  }
  const before: Partial<Omit<T, 'id'>> = {};
  for (const key of Object.keys(patch) as (keyof Omit<T, 'id'>)[]) before[key] = current[key];
  return {
    request: repository.updateRequest(current, patch),
    what: `Saving ${name(current)}`,
    undo: (response) =>
      repository.updateRequest(repository.fromWriteResponse({ ...current, ...patch }, response), before),
  };
}
