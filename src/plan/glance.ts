import type { PlanStore } from '../graph/store';
import { loadSnapshotPair, type SnapshotPair } from './cycles';
import { loadPlanOverview, type PlanOverviewData } from './overview';
import { queryKeys } from './query-keys';

export interface GlanceData {
  overview: PlanOverviewData;
  /** The snapshot shown (none: the live plan) and the one it is compared with. */
  pair: SnapshotPair;
}

/**
 * The board view: the plan as it stands (or as a cycle froze it) with the
 * snapshot before it, for directions of travel. Two round trips: the plan with
 * its cycles, then the snapshots those cycles name (none when no cycle is frozen).
 */
export async function loadGlance(
  store: PlanStore,
  planId: string | null,
  cycleId: string | null,
): Promise<GlanceData> {
  const overview = await loadPlanOverview(store, planId);
  const pair = await loadSnapshotPair(store, overview.cycles, cycleId);
  return { overview, pair };
}

export function glanceQuery(store: PlanStore, planId: string | null, cycleId: string | null) {
  return {
    queryKey: [...queryKeys.overview(planId), 'glance', cycleId ?? 'live'] as const,
    queryFn: () => loadGlance(store, planId, cycleId),
  };
}
