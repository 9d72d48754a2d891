import { compareIsoDates, type IsoDate } from './dates';
import type { Action, Milestone, Priority } from './model';
import { figuresOf, type PlanFigures } from './figures';
import type { RatingScale } from './ratings';

export interface RatingCount {
  key: string;
  label: string;
  count: number;
}

/** Counts per rating in the scale's order; ratings outside the scale are counted as unrated. */
export interface RatingCounts {
  byRating: RatingCount[];
  unrated: number;
  total: number;
}

export function countByRating(actions: readonly Pick<Action, 'status'>[], scale: RatingScale): RatingCounts {
  const counts = new Map(scale.ratings.map((r) => [r.key, 0]));
  let unrated = 0;
  for (const action of actions) {
    const current = counts.get(action.status);
    if (current === undefined) unrated++;
    else counts.set(action.status, current + 1);
  }
  return {
    byRating: scale.ratings.map((r) => ({ key: r.key, label: r.label, count: counts.get(r.key) ?? 0 })),
    unrated,
    total: actions.length,
  };
}

/** The earliest open milestone due on or after `asOf`. */
export function nextMilestone<T extends Pick<Milestone, 'dueDate' | 'completedOn'>>(
  milestones: readonly T[],
  asOf: IsoDate,
): T | null {
  let next: T | null = null;
  for (const m of milestones) {
    if (m.completedOn !== null || m.dueDate < asOf) continue;
    if (next === null || compareIsoDates(m.dueDate, next.dueDate) < 0) next = m;
  }
  return next;
}

export interface PriorityRollup {
  priorityId: string;
  counts: RatingCounts;
  figures: PlanFigures;
  nextMilestone: Milestone | null;
}

/** The headline figures of every progress report, one entry per priority in the order given. */
export function rollupByPriority(
  priorities: readonly Pick<Priority, 'id'>[],
  actions: readonly Action[],
  milestones: readonly Milestone[],
  scale: RatingScale,
  asOf: IsoDate,
): PriorityRollup[] {
  const actionsByPriority = groupBy(actions, (a) => a.priorityId);
  const milestonesByPriority = groupBy(milestones, (m) => m.priorityId);
  return priorities.map((p) => {
    const own = actionsByPriority.get(p.id) ?? [];
    const ownMilestones = milestonesByPriority.get(p.id) ?? [];
    return {
      priorityId: p.id,
      counts: countByRating(own, scale),
      figures: figuresOf(
        own,
        groupBy(ownMilestones, (m) => m.actionId),
        scale,
        asOf,
      ),
      nextMilestone: nextMilestone(ownMilestones, asOf),
    };
  });
}

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
