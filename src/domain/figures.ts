import { addDays, type IsoDate } from './dates';
import type { Action, Milestone } from './model';
import { isCompletedRating, type RatingScale } from './ratings';
import { effectiveDueDate } from './reminders/calendar';

/**
 * The one definition of each figure a board reads: the overview, the boards'
 * filters, the exceptions digest and the report pack all count with these, so
 * "9 overdue" means the same nine actions everywhere. A date written as a month
 * ("Dec 2027") is due by the end of that month.
 */
export const DUE_SOON_DAYS = 14;

type Dated = Pick<Action, 'dueDate' | 'dueDatePrecision'>;
type Rated = Pick<Action, 'status'>;
type MilestoneDates = Pick<Milestone, 'dueDate' | 'dueDatePrecision' | 'completedOn'>;

function dueBy(item: Dated): IsoDate | null {
  return item.dueDate === null ? null : effectiveDueDate(item.dueDate, item.dueDatePrecision);
}

/** An action past its own due date and not completed. */
export function isActionOverdue(action: Dated & Rated, scale: RatingScale, asOf: IsoDate): boolean {
  const due = dueBy(action);
  return due !== null && due < asOf && !isCompletedRating(scale, action.status);
}

/** A milestone open past its date. (A completed action's open milestones are not counted: see `overdueMilestonesOf`.) */
export function isMilestoneOverdue(milestone: MilestoneDates, asOf: IsoDate): boolean {
  return (
    milestone.completedOn === null && effectiveDueDate(milestone.dueDate, milestone.dueDatePrecision) < asOf
  );
}

/** The overdue milestones of an action; none once the action is completed. */
export function overdueMilestonesOf<M extends MilestoneDates>(
  action: Rated,
  milestones: readonly M[],
  scale: RatingScale,
  asOf: IsoDate,
): M[] {
  if (isCompletedRating(scale, action.status)) return [];
  return milestones.filter((m) => isMilestoneOverdue(m, asOf));
}

/**
 * Overdue, as a board counts it: the action is past its date or has an overdue
 * milestone. This is the "Overdue" of the overview, the board's filter and the digest.
 */
export function isOverdue(
  action: Dated & Rated,
  milestones: readonly MilestoneDates[],
  scale: RatingScale,
  asOf: IsoDate,
): boolean {
  return (
    isActionOverdue(action, scale, asOf) || overdueMilestonesOf(action, milestones, scale, asOf).length > 0
  );
}

/**
 * Due within `days` (the action or an open milestone) and not overdue yet: what
 * needs doing before the next board rather than what is already late.
 */
export function isDueWithin(
  action: Dated & Rated,
  milestones: readonly MilestoneDates[],
  scale: RatingScale,
  asOf: IsoDate,
  days: number,
): boolean {
  if (isCompletedRating(scale, action.status) || isOverdue(action, milestones, scale, asOf)) return false;
  const limit = addDays(asOf, days);
  const due = dueBy(action);
  if (due !== null && due <= limit) return true;
  return milestones.some(
    (m) => m.completedOn === null && effectiveDueDate(m.dueDate, m.dueDatePrecision) <= limit,
  );
}

export interface PlanFigures {
  /** Actions overdue (their own date or a milestone's). */
  overdue: number;
  /** Actions past their own due date. */
  overdueActions: number;
  /** Milestones overdue, and how many actions hold them. */
  overdueMilestones: number;
  actionsWithOverdueMilestones: number;
  /** Actions due in the next DUE_SOON_DAYS days, not overdue yet. */
  dueSoon: number;
}

/** The figures of a set of actions (a priority, a plan), each milestone found by its action. */
export function figuresOf(
  actions: readonly (Dated & Rated & Pick<Action, 'id'>)[],
  milestonesByAction: ReadonlyMap<string, readonly MilestoneDates[]>,
  scale: RatingScale,
  asOf: IsoDate,
): PlanFigures {
  const figures: PlanFigures = {
    overdue: 0,
    overdueActions: 0,
    overdueMilestones: 0,
    actionsWithOverdueMilestones: 0,
    dueSoon: 0,
  };
  for (const action of actions) {
    const milestones = milestonesByAction.get(action.id) ?? [];
    const late = overdueMilestonesOf(action, milestones, scale, asOf).length;
    const own = isActionOverdue(action, scale, asOf);
    if (own) figures.overdueActions++;
    if (late > 0) {
      figures.overdueMilestones += late;
      figures.actionsWithOverdueMilestones++;
    }
    if (own || late > 0) figures.overdue++;
    else if (isDueWithin(action, milestones, scale, asOf, DUE_SOON_DAYS)) figures.dueSoon++;
  }
  return figures;
}
