import {
  addDays,
  compareReferences,
  daysBetween,
  formatDate,
  isActionOverdue,
  isCompletedRating,
  resolveScale,
  type Action,
  type DatePrecision,
  type IsoDate,
  type Milestone,
  type Plan,
  type RatingScale,
  type Stored,
} from '../../domain';

/** One line of "My work": an action, or an open milestone of one of the person's actions. */
export type WorkItem =
  | { kind: 'action'; key: string; action: Stored<Action>; due: DueInfo | null }
  | { kind: 'milestone'; key: string; action: Stored<Action>; milestone: Stored<Milestone>; due: DueInfo };

export interface DueInfo {
  date: IsoDate;
  precision: DatePrecision;
  overdue: boolean;
}

export interface MyWorkGroups {
  overdue: WorkItem[];
  soon: WorkItem[];
  later: WorkItem[];
  /** Completed actions are done work: counted, not listed. */
  completedActions: number;
}

export const SOON_DAYS = 14;

export function scaleOf(plans: readonly Plan[], planId: string): RatingScale {
  const plan = plans.find((p) => p.id === planId);
  return resolveScale(plan?.scaleId ?? 'bragp', plan?.columnOrder);
}

/** Overdue, due in the next 14 days, later (or undated); each by date, then reference. */
export function groupMyWork(
  data: {
    actions: readonly Stored<Action>[];
    milestones: readonly Stored<Milestone>[];
    plans: readonly Plan[];
  },
  today: IsoDate,
): MyWorkGroups {
  const groups: MyWorkGroups = { overdue: [], soon: [], later: [], completedActions: 0 };
  const soonLimit = addDays(today, SOON_DAYS);
  const place = (item: WorkItem) => {
    const group = !item.due
      ? groups.later
      : item.due.overdue
        ? groups.overdue
        : item.due.date <= soonLimit
          ? groups.soon
          : groups.later;
    group.push(item);
  };
  const actionsById = new Map(data.actions.map((a) => [a.id, a]));
  for (const action of data.actions) {
    const scale = scaleOf(data.plans, action.planId);
    if (isCompletedRating(scale, action.status)) {
      groups.completedActions++;
      continue;
    }
    const due = action.dueDate
      ? {
          date: action.dueDate,
          precision: action.dueDatePrecision,
          overdue: isActionOverdue(action, scale, today),
        }
      : null;
    place({ kind: 'action', key: `action:${action.id}`, action, due });
  }
  for (const milestone of data.milestones) {
    const action = actionsById.get(milestone.actionId);
    if (!action || milestone.completedOn !== null) continue;
    place({
      kind: 'milestone',
      key: `milestone:${milestone.id}`,
      action,
      milestone,
      due: {
        date: milestone.dueDate,
        precision: milestone.dueDatePrecision,
        overdue: milestone.dueDate < today,
      },
    });
  }
  for (const group of [groups.overdue, groups.soon, groups.later]) group.sort(byDueThenReference);
  return groups;
}

function byDueThenReference(a: WorkItem, b: WorkItem): number {
  const da = a.due?.date ?? '9999-12-31';
  const db = b.due?.date ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  const byRef = compareReferences(a.action.reference, b.action.reference);
  return byRef !== 0 ? byRef : a.kind === b.kind ? 0 : a.kind === 'action' ? -1 : 1;
}

/** "Due 23 Nov 2026", "Due today", "Due 2 Nov 2026, 3 days overdue", "No due date". */
export function dueText(due: DueInfo | null, today: IsoDate): string {
  if (!due) return 'No due date';
  if (due.date === today) return 'Due today';
  const when = `Due ${formatDate(due.date, due.precision)}`;
  if (!due.overdue) return when;
  const late = daysBetween(due.date, today);
  return `${when}, ${late} ${late === 1 ? 'day' : 'days'} overdue`;
}
