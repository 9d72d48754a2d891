import {
  addDays,
  cycleSchema,
  resolveScale,
  type Action,
  type IsoDate,
  type PriorityNarrative,
  type RatingScale,
  type Stored,
} from '../../domain';
import { freezeSnapshot, splitSnapshot } from '../../domain/snapshot';
import type { PlanStore } from '../../graph/store';
import { defaultCycleTitle } from '../../plan/cycles';
import { loadPlanOverview } from '../../plan/overview';
import { demoNarratives } from './demo-narratives';

/** The demo's boards: two past ones, frozen, and the next one, for which the narratives are being written. */
const PAST_BOARDS = [-84, -42] as const;
const NEXT_BOARD = 14;
const OFFICER = 'Priya Shah';

/**
 * Two past reporting cycles with their snapshots, and the coming one, so that a
 * fresh `npm start` shows directions of travel and a report pack at once. The past
 * ratings are the live ones moved back along the scale (most actions have
 * progressed since; a few have slipped), the past readings are the readings of the
 * time, and the past narratives are what the leads wrote then.
 */
export async function seedDemoCycles(store: PlanStore, planId: string, today: IsoDate): Promise<number> {
  const overview = await loadPlanOverview(store, planId);
  const scale = resolveScale(overview.plan.scaleId);
  let cycles = 0;
  for (const [index, offset] of PAST_BOARDS.entries()) {
    const asOf = addDays(today, offset);
    const stepsBack = PAST_BOARDS.length - index;
    const takenAt = `${asOf}T17:00:00Z`;
    const { id: _id, ...draft } = cycleSchema.parse({
      id: 'new',
      planId,
      kind: '6-weekly',
      meetingDate: addDays(asOf, 2),
      title: defaultCycleTitle('6-weekly', addDays(asOf, 2)),
      snapshotAt: takenAt,
      snapshotBy: OFFICER,
    });
    const cycle = await store.cycles.create(draft);
    const snapshot = freezeSnapshot({
      ...overview,
      cycleId: cycle.id,
      planId,
      scaleId: overview.plan.scaleId,
      takenAt,
      takenBy: OFFICER,
      asOf,
      priorities: overview.priorities.map((p) => ({ ...p, ...pastNarrative(p.number, stepsBack) })),
      actions: overview.actions.map((a, i) => ({ ...a, status: pastRating(a, i, stepsBack, scale) })),
      readings: overview.readings.filter((r) => r.date <= asOf),
    });
    const payloads = splitSnapshot(snapshot);
    await store.snapshotParts.createMany(
      payloads.map((payload, i) => ({
        planId,
        cycleId: cycle.id,
        part: i + 1,
        parts: payloads.length,
        payload,
      })),
    );
    cycles++;
  }
  const next = addDays(today, NEXT_BOARD);
  const { id: _id, ...draft } = cycleSchema.parse({
    id: 'new',
    planId,
    kind: '6-weekly',
    meetingDate: next,
    title: defaultCycleTitle('6-weekly', next),
  });
  await store.cycles.create(draft);
  return cycles + 1;
}

function pastNarrative(area: number, stepsBack: number): PriorityNarrative {
  return demoNarratives(area)[stepsBack] ?? demoNarratives(area)[0];
}

/**
 * An action's rating `stepsBack` cycles ago: most actions were one rank lower per
 * cycle for some of them, every eleventh was a rank higher (it has slipped since).
 * Deterministic by position, so the demo reads the same on every machine.
 */
function pastRating(action: Stored<Action>, index: number, stepsBack: number, scale: RatingScale): string {
  const ranks = [...scale.ratings].sort((a, b) => a.rank - b.rank);
  const at = ranks.findIndex((r) => r.key === action.status);
  if (at < 0) return action.status;
  const slipped = index % 11 === 5;
  const moved = slipped ? -1 : [0, 1, 1][(index + stepsBack) % 3] === 1 ? stepsBack : stepsBack - 1;
  const then = ranks[Math.min(Math.max(at - moved, 0), ranks.length - 1)];
  // Nothing had been completed and then reopened.
  return then && !(slipped && then.completed) ? then.key : action.status;
}
