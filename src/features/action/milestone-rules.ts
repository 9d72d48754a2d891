import {
  isMilestoneOverdue,
  type DatePrecision,
  type FieldIssue,
  type IsoDate,
  type Milestone,
  type Validated,
} from '../../domain';
import { readDueDate } from './form-model';

export type MilestoneStatus = 'completed' | 'overdue' | 'open';

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  completed: 'Completed',
  overdue: 'Overdue',
  open: 'Open',
};

export function milestoneStatus(
  milestone: Pick<Milestone, 'dueDate' | 'dueDatePrecision' | 'completedOn'>,
  today: IsoDate,
): MilestoneStatus {
  if (milestone.completedOn !== null) return 'completed';
  return isMilestoneOverdue(milestone, today) ? 'overdue' : 'open';
}

const TITLE_MAX = 500;
const REASON_MAX = 1000;

export interface MilestoneDraftInput {
  title: string;
  dueDate: string;
}

/** A new milestone from the add form: a title and a due date (a day, or a month alone). */
export function readNewMilestone(
  input: MilestoneDraftInput,
): Validated<{ title: string; dueDate: IsoDate; dueDatePrecision: DatePrecision }> {
  const issues: FieldIssue[] = [];
  const title = input.title.trim();
  if (!title) issues.push({ field: 'title', message: 'Give the milestone a title' });
  else if (title.length > TITLE_MAX)
    issues.push({ field: 'title', message: `A milestone title must be at most ${TITLE_MAX} characters` });
  const due = readDueDate(input.dueDate);
  if (!due.ok) issues.push({ field: 'dueDate', message: due.message });
  else if (!due.value) issues.push({ field: 'dueDate', message: 'Give the date the milestone is due' });
  if (issues.length > 0 || !due.ok || !due.value) return { ok: false, issues };
  return { ok: true, value: { title, dueDate: due.value.date, dueDatePrecision: due.value.precision } };
}

export interface MilestoneMoveInput {
  date: string;
  reason: string;
}

/** Change control: a new day and the reason for moving it, both required. */
export function readMilestoneMove(
  input: MilestoneMoveInput,
  milestone: Pick<Milestone, 'dueDate'>,
): Validated<{ to: IsoDate; reason: string }> {
  const issues: FieldIssue[] = [];
  const due = readDueDate(input.date);
  let to: IsoDate | null = null;
  if (!due.ok) issues.push({ field: 'date', message: due.message });
  else if (!due.value) issues.push({ field: 'date', message: 'Give the new date' });
  else if (due.value.precision !== 'day')
    issues.push({ field: 'date', message: 'Give a day, such as 23 Nov 2026, not a month alone' });
  else if (due.value.date === milestone.dueDate)
    issues.push({ field: 'date', message: 'That is the date it already has: give a different date' });
  else to = due.value.date;
  const reason = input.reason.trim();
  if (!reason)
    issues.push({ field: 'reason', message: 'Say why the date is moving: the board sees the reason' });
  else if (reason.length > REASON_MAX)
    issues.push({ field: 'reason', message: `The reason must be at most ${REASON_MAX} characters` });
  if (issues.length > 0 || to === null) return { ok: false, issues };
  return { ok: true, value: { to, reason } };
}
