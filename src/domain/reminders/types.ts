import type { DatePrecision, IsoDate } from '../dates';
import type { Action, Milestone, PersonRef, Plan, Priority } from '../model';
import type { RatingScale, RatingTone } from '../ratings';
import type { ChannelRef, ReminderPolicy } from './policy';

export const REMINDER_KINDS = [
  'milestone-due',
  'milestone-overdue',
  'escalation',
  'updates-due',
  'exceptions-digest',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What the planner knows of a reminder from the log: 'sending' before its post, 'sent' after it. */
export interface ReminderLogEntry {
  key: string;
  state: 'sending' | 'sent';
}

export interface ReminderPlanInput {
  plan: Plan;
  /** The plan's resolved scale (`resolveScale(plan.scaleId, plan.columnOrder)`). */
  scale: RatingScale;
  priorities: readonly Priority[];
  actions: readonly Action[];
  milestones: readonly Milestone[];
  /** The directory of people; a lead found here by Entra id wins over the copy stored on the item. */
  people?: readonly PersonRef[];
  policy: ReminderPolicy;
  log: readonly ReminderLogEntry[];
  now: Date;
}

export interface RatingSnapshot {
  key: string;
  label: string;
  tone: RatingTone | null;
}

/** What a card shows about an action, captured when the reminder is planned. */
export interface ActionSnapshot {
  actionId: string;
  reference: string;
  text: string;
  rating: RatingSnapshot;
  lead: PersonRef | null;
}

export interface PrioritySnapshot {
  priorityId: string;
  /** Null when the priority is missing from the plan. */
  number: number | null;
  label: string;
  title: string;
}

interface ReminderBase {
  /** Stable across runs: the reminder log is keyed by it. */
  key: string;
  kind: ReminderKind;
  /** "before-14", "on-due", "overdue-21", "escalate-14", "updates-due-5", "digest-3". */
  rule: string;
  /** The date the rule names, before quiet days move it. */
  nominalDate: IsoDate;
  /** The date it goes: the nominal date, or the next working day. */
  sendDate: IsoDate;
  channel: ChannelRef;
  /** 'resume' when the log says a previous run was sending it. */
  attempt: 'new' | 'resume';
  planId: string;
}

export interface MilestoneReminder extends ReminderBase {
  kind: 'milestone-due' | 'milestone-overdue' | 'escalation';
  priority: PrioritySnapshot;
  /** The action lead; for an escalation, the priority lead. */
  recipient: PersonRef;
  milestoneId: string;
  milestoneTitle: string;
  action: ActionSnapshot;
  /** The effective due date (a month-only date is the month's last day). */
  dueDate: IsoDate;
  dueDatePrecision: DatePrecision;
  /** Days past the due date as of today; negative while the milestone is still to come. */
  daysOverdue: number;
}

export interface UpdatesDueReminder extends ReminderBase {
  kind: 'updates-due';
  priority: PrioritySnapshot;
  recipient: PersonRef;
  deadline: IsoDate;
  /** The recipient's open actions in the priority, in reference order. */
  actions: ActionSnapshot[];
}

export type DigestFlag = 'red' | 'amber' | 'overdue' | 'escalated';

export interface DigestMilestone {
  milestoneId: string;
  title: string;
  dueDate: IsoDate;
  dueDatePrecision: DatePrecision;
  daysOverdue: number;
  escalated: boolean;
}

export interface DigestItem {
  action: ActionSnapshot;
  flags: DigestFlag[];
  actionDueDate: IsoDate | null;
  actionDueDatePrecision: DatePrecision;
  /** Days the action itself is past its due date; null when it is not overdue. */
  actionDaysOverdue: number | null;
  overdueMilestones: DigestMilestone[];
}

export interface DigestSection {
  priority: PrioritySnapshot;
  counts: Record<DigestFlag, number>;
  items: DigestItem[];
}

export interface ExceptionsDigestReminder extends ReminderBase {
  kind: 'exceptions-digest';
  recipient: null;
  boardDate: IsoDate;
  sections: DigestSection[];
  totals: Record<DigestFlag, number>;
  /** What each flag is called on this plan's scale ("Little or no progress", not "Red"). */
  flagLabels: Record<DigestFlag, string>;
}

export type PlannedReminder = MilestoneReminder | UpdatesDueReminder | ExceptionsDigestReminder;

export type UnassignedReason = 'no-lead' | 'no-priority-lead' | 'no-channel' | 'missing-action';

/** A reminder that is due but cannot be posted until the programme officer fixes the plan. */
export interface UnassignedItem {
  reason: UnassignedReason;
  /** The key the reminder would have had. */
  key: string;
  kind: ReminderKind;
  sendDate: IsoDate;
  priorityId: string;
  actionId: string | null;
  milestoneId: string | null;
  reference: string | null;
  title: string;
}

export interface ReminderPlan {
  /** London calendar date of `now`. */
  today: IsoDate;
  /** True when today is a quiet day: nothing is posted, everything waits for the next working day. */
  quietDay: boolean;
  reminders: PlannedReminder[];
  unassigned: UnassignedItem[];
}
