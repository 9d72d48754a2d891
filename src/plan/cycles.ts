import { z } from 'zod';
import {
  byMeetingDate,
  CYCLE_KINDS,
  cycleSchema,
  formatDate,
  londonDate,
  isoDateSchema,
  type Cycle,
  type CycleKind,
  type DataProblem,
  type IsoDate,
  type PersonRef,
  type Stored,
} from '../domain';
import { freezeSnapshot, joinSnapshot, splitSnapshot, type Snapshot } from '../domain/snapshot';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import type { SnapshotPart } from '../graph/entities';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { loadPlanOverview } from './overview';
import { checkedInput, refusal } from './structure/input';

/** How a kind of cycle is named in its title: "6-weekly board, 12 Jan 2027". */
export const CYCLE_KIND_TEXT: Record<CycleKind, string> = {
  monthly: 'Monthly board',
  '6-weekly': '6-weekly board',
  quarterly: 'Quarterly board',
  'six-monthly scrutiny': 'Six-monthly scrutiny',
  revisit: 'Revisit',
};

export const cycleInputSchema = z.object({
  kind: z.enum(CYCLE_KINDS, { message: `Choose the kind of cycle: ${CYCLE_KINDS.join(', ')}` }),
  meetingDate: isoDateSchema,
  title: z.string().trim().max(255, 'The title must be at most 255 characters').default(''),
});
export type CycleInput = z.input<typeof cycleInputSchema>;

export function defaultCycleTitle(kind: CycleKind, meetingDate: IsoDate): string {
  return `${CYCLE_KIND_TEXT[kind]}, ${formatDate(meetingDate)}`;
}

export interface CyclesData {
  cycles: Stored<Cycle>[];
  problems: DataProblem[];
}

export async function loadCycles(store: PlanStore, planId: string): Promise<CyclesData> {
  const problems: DataProblem[] = [];
  const cycles = await store.cycles.query({ filter: fieldEq('PlanId', planId) }, problems);
  return { cycles: cycles.sort(byMeetingDate), problems };
}

export async function createCycle(
  store: PlanStore,
  planId: string,
  existing: readonly Cycle[],
  input: CycleInput,
): Promise<Stored<Cycle>> {
  const notDone = 'The cycle was not added';
  const value = checkedInput(cycleInputSchema, input, notDone);
  const same = existing.find((c) => c.kind === value.kind && c.meetingDate === value.meetingDate);
  if (same)
    throw refusal(notDone, [{ field: 'meetingDate', message: `"${same.title}" is already on that date` }]);
  const { id: _id, ...draft } = cycleSchema.parse({
    id: 'new',
    planId,
    kind: value.kind,
    meetingDate: value.meetingDate,
    title: value.title || defaultCycleTitle(value.kind, value.meetingDate),
  });
  return store.cycles.create(draft);
}

/**
 * Freezes the plan as it stands for a cycle: every action's ratings, every
 * measure's latest reading and each priority's narrative, written as JSON parts
 * and then marked on the cycle. A cycle's snapshot is taken once; parts left by
 * an attempt that failed before the cycle was marked are replaced.
 */
export async function takeSnapshot(
  store: PlanStore,
  cycle: Stored<Cycle>,
  by: PersonRef,
  now: Date,
  asOf: IsoDate,
): Promise<{ cycle: Stored<Cycle>; snapshot: Snapshot; parts: number }> {
  if (cycle.snapshotAt)
    throw refusal('The snapshot was not taken', [
      {
        field: '',
        message: `"${cycle.title}" was frozen on ${formatDate(londonDate(new Date(cycle.snapshotAt)))} by ${cycle.snapshotBy || 'someone'}; a snapshot is never retaken`,
      },
    ]);
  const [overview, leftOver] = await Promise.all([
    loadPlanOverview(store, cycle.planId),
    store.snapshotParts.query({ filter: fieldEq('CycleId', cycle.id) }, []),
  ]);
  const takenAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const snapshot = freezeSnapshot({
    ...overview,
    cycleId: cycle.id,
    planId: cycle.planId,
    scaleId: overview.plan.scaleId,
    takenAt,
    takenBy: by.displayName,
    asOf,
  });
  for (const part of leftOver) await store.snapshotParts.remove(part);
  const payloads = splitSnapshot(snapshot);
  await store.snapshotParts.createMany(
    payloads.map((payload, i) => ({
      planId: cycle.planId,
      cycleId: cycle.id,
      part: i + 1,
      parts: payloads.length,
      payload,
    })),
  );
  const marked = await store.cycles.update(cycle, { snapshotAt: takenAt, snapshotBy: by.displayName });
  return { cycle: marked, snapshot, parts: payloads.length };
}

/** A cycle's snapshot, or the reason it cannot be read (named as a data problem). */
export async function loadSnapshot(store: PlanStore, cycle: Cycle): Promise<Snapshot> {
  const problems: DataProblem[] = [];
  const parts = await store.snapshotParts.query({ filter: fieldEq('CycleId', cycle.id) }, problems);
  return joinedOrThrow(cycle, parts);
}

function joinedOrThrow(cycle: Cycle, parts: readonly SnapshotPart[]): Snapshot {
  const joined = joinSnapshot(parts);
  if (!joined.ok)
    throw new NotFoundError(`The snapshot of "${cycle.title}" cannot be read: ${joined.reason}`);
  return joined.snapshot;
}

export interface SnapshotPair {
  /** The cycle shown (null: the plan as it stands now). */
  cycle: Stored<Cycle> | null;
  snapshot: Snapshot | null;
  /** The cycle compared against: the last one frozen before the one shown. */
  previousCycle: Stored<Cycle> | null;
  previous: Snapshot | null;
}

/** The cycles whose snapshot was taken, in meeting order. */
export function frozenCycles<T extends Cycle>(cycles: readonly T[]): T[] {
  return cycles.filter((c) => c.snapshotAt !== null).sort(byMeetingDate);
}

/**
 * A chosen snapshot with the one before it, or (`cycleId` null) the latest frozen
 * snapshot for the live plan to be compared with. Both parts lists in one `$batch`.
 */
export async function loadSnapshotPair(
  store: PlanStore,
  cycles: readonly Stored<Cycle>[],
  cycleId: string | null,
): Promise<SnapshotPair> {
  const frozen = frozenCycles(cycles);
  let cycle: Stored<Cycle> | null = null;
  let previousCycle: Stored<Cycle> | null;
  if (cycleId === null) previousCycle = frozen.at(-1) ?? null;
  else {
    const at = frozen.findIndex((c) => c.id === cycleId);
    if (at < 0) {
      const known = cycles.find((c) => c.id === cycleId);
      throw new NotFoundError(
        known ? `"${known.title}" has no snapshot yet` : `No reporting cycle ${cycleId} in this plan`,
      );
    }
    cycle = frozen[at] ?? null;
    previousCycle = frozen[at - 1] ?? null;
  }
  const wanted = [cycle, previousCycle].filter((c): c is Stored<Cycle> => c !== null);
  if (wanted.length === 0) return { cycle, snapshot: null, previousCycle, previous: null };
  const bodies = await readTogetherOrRefused(
    store.ctx,
    wanted.map((c) => store.snapshotParts.queryRequest({ filter: fieldEq('CycleId', c.id) })),
    'Reading the snapshots',
  );
  const problems: DataProblem[] = [];
  const snapshots = await Promise.all(
    bodies.map(async (body, i) => {
      const parts = await store.snapshotParts.readPages(bodyOf(body), problems);
      return joinedOrThrow(wanted[i] as Cycle, parts);
    }),
  );
  return cycle
    ? { cycle, snapshot: snapshots[0] ?? null, previousCycle, previous: snapshots[1] ?? null }
    : { cycle, snapshot: null, previousCycle, previous: snapshots[0] ?? null };
}
