import {
  resolveScale,
  rollupByPriority,
  type IsoDate,
  type PriorityRollup,
  type RatingScale,
} from '../../domain';
import { freezeSnapshot } from '../../domain/snapshot';
import { planGlance, type PlanGlance } from '../../domain/glance';
import type { GlanceData } from '../../plan/glance';

export interface GlanceView {
  scale: RatingScale;
  glance: PlanGlance;
  /** The live plan's own figures (due soon, next milestone), absent when a cycle's snapshot is shown. */
  live: Map<string, PriorityRollup> | null;
}

/**
 * What the board view shows: the chosen snapshot, or the live plan frozen on the
 * spot, against the snapshot before it: the same figures the report pack prints.
 */
export function glanceView(data: GlanceData, today: IsoDate, now: Date): GlanceView {
  const { overview, pair } = data;
  const scale = resolveScale(overview.plan.scaleId, overview.plan.columnOrder);
  const current =
    pair.snapshot ??
    freezeSnapshot({
      ...overview,
      cycleId: 'live',
      planId: overview.plan.id,
      scaleId: overview.plan.scaleId,
      takenAt: now.toISOString(),
      takenBy: '',
      asOf: today,
    });
  const glance = planGlance(current, pair.previous, scale, {
    escalateAfterDays: overview.escalateAfterDays,
    milestones: overview.milestones,
  });
  const live = pair.snapshot
    ? null
    : new Map(
        rollupByPriority(overview.priorities, overview.actions, overview.milestones, scale, today).map(
          (r) => [r.priorityId, r],
        ),
      );
  return { scale, glance, live };
}
