import type { Action, Milestone, Priority } from '../model';
import { toneLabel, type RatingScale } from '../ratings';
import { effectiveDueDate, type WorkingCalendar } from './calendar';
import type {
  ActionSnapshot,
  DigestFlag,
  DigestItem,
  DigestMilestone,
  DigestSection,
  PrioritySnapshot,
} from './types';

export interface DigestInput {
  /** Today as a day number of `calendar`. */
  today: number;
  calendar: WorkingCalendar;
  priorities: readonly Priority[];
  /** The plan's open actions (completed ones are not exceptions). */
  openActions: readonly Action[];
  openMilestonesByAction: ReadonlyMap<string, readonly Milestone[]>;
  escalateAfterDaysOverdue: number | null;
  snapshotOf: (action: Action) => ActionSnapshot;
  prioritySnapshot: (priorityId: string) => PrioritySnapshot;
  referenceKey: (reference: string) => string;
}

const FLAGS: readonly DigestFlag[] = ['red', 'amber', 'overdue', 'escalated'];

export function emptyCounts(): Record<DigestFlag, number> {
  return { red: 0, amber: 0, overdue: 0, escalated: 0 };
}

/** Exception reporting: only what is red, amber, overdue or escalated, grouped by priority in priority order. */
export function buildDigestSections(input: DigestInput): {
  sections: DigestSection[];
  totals: Record<DigestFlag, number>;
} {
  const byPriority = new Map<string, { sortKey: string; item: DigestItem }[]>();
  for (const action of input.openActions) {
    const item = digestItem(action, input);
    if (item.flags.length === 0) continue;
    const list = byPriority.get(action.priorityId) ?? [];
    list.push({ sortKey: input.referenceKey(action.reference), item });
    byPriority.set(action.priorityId, list);
  }
  const priorityById = new Map(input.priorities.map((p) => [p.id, p]));
  const priorityIds = [...byPriority.keys()].sort((a, b) =>
    comparePriorities(priorityById.get(a), priorityById.get(b), a, b),
  );
  const totals = emptyCounts();
  const sections = priorityIds.map((priorityId) => {
    const items = (byPriority.get(priorityId) ?? [])
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .map((entry) => entry.item);
    const counts = emptyCounts();
    for (const item of items) {
      for (const flag of item.flags) {
        counts[flag]++;
        totals[flag]++;
      }
    }
    return { priority: input.prioritySnapshot(priorityId), counts, items };
  });
  return { sections, totals };
}

function digestItem(action: Action, input: DigestInput): DigestItem {
  const snapshot = input.snapshotOf(action);
  const flags = new Set<DigestFlag>();
  if (snapshot.rating.tone === 'red') flags.add('red');
  if (snapshot.rating.tone === 'amber') flags.add('amber');

  const { calendar, today } = input;
  const actionDue =
    action.dueDate === null ? null : effectiveDueDate(action.dueDate, action.dueDatePrecision);
  const actionDueDay = actionDue === null ? null : calendar.day(actionDue);
  const actionDaysOverdue = actionDueDay !== null && actionDueDay < today ? today - actionDueDay : null;
  if (actionDaysOverdue !== null) flags.add('overdue');

  const overdueMilestones: DigestMilestone[] = [];
  for (const m of input.openMilestonesByAction.get(action.id) ?? []) {
    const due = effectiveDueDate(m.dueDate, m.dueDatePrecision);
    const daysOverdue = today - calendar.day(due);
    if (daysOverdue <= 0) continue;
    const escalated =
      input.escalateAfterDaysOverdue !== null && daysOverdue >= input.escalateAfterDaysOverdue;
    overdueMilestones.push({
      milestoneId: m.id,
      title: m.title,
      dueDate: due,
      dueDatePrecision: m.dueDatePrecision,
      daysOverdue,
      escalated,
    });
    flags.add('overdue');
    if (escalated) flags.add('escalated');
  }
  overdueMilestones.sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.milestoneId < b.milestoneId ? -1 : 1,
  );
  return {
    action: snapshot,
    flags: FLAGS.filter((f) => flags.has(f)),
    actionDueDate: actionDue,
    actionDueDatePrecision: action.dueDatePrecision,
    actionDaysOverdue,
    overdueMilestones,
  };
}

function comparePriorities(
  a: Priority | undefined,
  b: Priority | undefined,
  idA: string,
  idB: string,
): number {
  // Known priorities in their number order; items whose priority is missing go last.
  if (a && b && a.number !== b.number) return a.number - b.number;
  if (a && !b) return -1;
  if (!a && b) return 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * The flags' names in the plan's own words: red and amber are the scale's ratings
 * of that tone ("Little or no progress", "Minor delays" on BRAG(P)).
 */
export function digestFlagLabels(scale: RatingScale): Record<DigestFlag, string> {
  return {
    red: toneLabel(scale, 'red'),
    amber: toneLabel(scale, 'amber'),
    overdue: 'Overdue',
    escalated: 'Escalated',
  };
}
