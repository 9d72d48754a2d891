import { addDays, type IsoDate } from './dates';
import {
  priorityDirection,
  type Direction,
  type PriorityDirection,
  measureDirection,
  actionDirection,
} from './direction';
import { isActionOverdue } from './figures';
import { trajectoryStatus, type MeasureStatus } from './measures';
import type { Milestone } from './model';
import { findRating, toneLabel, type RatingScale } from './ratings';
import { topRisks } from './risks';
import { countByRating, type RatingCounts } from './rollups';
import type { Snapshot, SnapshotAction, SnapshotMeasure, SnapshotPriority, SnapshotRisk } from './snapshot';

/**
 * The board's view of a plan at a glance, worked out from a snapshot (the live plan
 * frozen on the spot, or a cycle's) and the snapshot before it, so that what the
 * chair sees live and what the report pack says are the same figures.
 */
export interface PriorityGlance {
  priority: SnapshotPriority;
  counts: RatingCounts;
  direction: PriorityDirection;
  /** Actions overdue (their own date or a milestone's): the board's "Overdue" filter. */
  overdue: number;
  overdueMilestones: number;
}

export type ExceptionReason = 'red' | 'amber' | 'overdue' | 'escalated' | 'moved';

export interface ExceptionLine {
  action: SnapshotAction;
  priority: SnapshotPriority;
  reasons: ExceptionReason[];
  direction: Direction;
  /** Milestone date changes recorded since the previous cycle. */
  moves: number;
}

export interface MeasureGlance {
  measure: SnapshotMeasure;
  status: MeasureStatus;
  direction: Direction;
}

export interface PlanGlance {
  asOf: IsoDate;
  priorities: PriorityGlance[];
  exceptions: ExceptionLine[];
  /** Every measure judged; `offTrajectory` is the figure. */
  measures: MeasureGlance[];
  offTrajectory: MeasureGlance[];
  topRisks: SnapshotRisk[];
  reasonLabels: Record<ExceptionReason, string>;
}

export interface GlanceOptions {
  /** The plan's escalation rule: a milestone this many days overdue is escalated (null: never). */
  escalateAfterDays: number | null;
  /** The plan's milestones, for the date moves recorded between the two snapshots. */
  milestones: readonly Pick<Milestone, 'actionId' | 'dateChanges'>[];
  topRiskCount?: number;
}

/** The scale's ratings of red and amber tone, by their own names. */
export function exceptionLabels(scale: RatingScale): Record<ExceptionReason, string> {
  return {
    red: toneLabel(scale, 'red'),
    amber: toneLabel(scale, 'amber'),
    overdue: 'Overdue',
    escalated: 'Escalated',
    moved: 'Milestone moved since the last cycle',
  };
}

/** Overdue as every board figure counts it, read from a snapshot's action. */
export function isSnapshotActionOverdue(action: SnapshotAction, scale: RatingScale, asOf: IsoDate): boolean {
  return action.overdueMilestones > 0 || isActionOverdue(action, scale, asOf);
}

export function planGlance(
  current: Snapshot,
  previous: Snapshot | null,
  scale: RatingScale,
  options: GlanceOptions,
): PlanGlance {
  const before = previous ? new Map(previous.actions.map((a) => [a.actionId, a.status])) : null;
  const actionsByPriority = new Map<string, SnapshotAction[]>();
  for (const a of current.actions) {
    const list = actionsByPriority.get(a.priorityId);
    if (list) list.push(a);
    else actionsByPriority.set(a.priorityId, [a]);
  }
  const overdue = (a: SnapshotAction) => isSnapshotActionOverdue(a, scale, current.asOf);
  const priorities = current.priorities.map((priority) => {
    const own = actionsByPriority.get(priority.priorityId) ?? [];
    const wasThere = previous?.priorities.some((p) => p.priorityId === priority.priorityId) ?? false;
    return {
      priority,
      counts: countByRating(own, scale),
      direction: priorityDirection(
        scale,
        own.map((a) => ({ id: a.actionId, status: a.status })),
        wasThere ? before : null,
      ),
      overdue: own.filter(overdue).length,
      overdueMilestones: own.reduce((sum, a) => sum + a.overdueMilestones, 0),
    };
  });
  const moves = movesBetween(options.milestones, previous?.takenAt ?? null, current.takenAt);
  const byId = new Map(current.priorities.map((p) => [p.priorityId, p]));
  const escalateBy =
    options.escalateAfterDays === null ? null : addDays(current.asOf, -options.escalateAfterDays);
  const exceptions: ExceptionLine[] = [];
  for (const action of current.actions) {
    const priority = byId.get(action.priorityId);
    if (!priority) continue;
    const reasons: ExceptionReason[] = [];
    const tone = findRating(scale, action.status);
    if (tone && !tone.completed && (tone.tone === 'red' || tone.tone === 'amber')) reasons.push(tone.tone);
    if (overdue(action)) reasons.push('overdue');
    if (
      escalateBy !== null &&
      action.oldestOverdueMilestone !== null &&
      action.oldestOverdueMilestone <= escalateBy
    )
      reasons.push('escalated');
    const moved = moves.get(action.actionId) ?? 0;
    if (moved > 0) reasons.push('moved');
    if (reasons.length === 0) continue;
    exceptions.push({
      action,
      priority,
      reasons,
      direction: actionDirection(scale, action.status, before?.get(action.actionId)),
      moves: moved,
    });
  }
  const previousMeasures = new Map(previous?.measures.map((m) => [m.measureId, m.value]) ?? []);
  const measures = current.measures.map((measure) => ({
    measure,
    status: trajectoryStatus(
      { ...measure, id: measure.measureId },
      measure.date === null || measure.value === null
        ? []
        : [{ measureId: measure.measureId, date: measure.date, value: measure.value }],
      current.asOf,
    ),
    direction: measureDirection(measure, measure.value, previousMeasures.get(measure.measureId)),
  }));
  return {
    asOf: current.asOf,
    priorities,
    exceptions,
    measures,
    offTrajectory: measures.filter((m) => m.status.status === 'off trajectory'),
    topRisks: topRisks(current.risks, options.topRiskCount ?? 5),
    reasonLabels: exceptionLabels(scale),
  };
}

/** Date moves of each action's milestones recorded after `since` (all, with no previous cycle) up to `until`. */
function movesBetween(
  milestones: GlanceOptions['milestones'],
  since: string | null,
  until: string,
): Map<string, number> {
  const moves = new Map<string, number>();
  if (since === null) return moves;
  for (const m of milestones) {
    const count = m.dateChanges.filter((c) => c.changedAt > since && c.changedAt <= until).length;
    if (count > 0) moves.set(m.actionId, (moves.get(m.actionId) ?? 0) + count);
  }
  return moves;
}
