import type { IsoDate } from '../dates';
import type { WorkingCalendar } from './calendar';

/**
 * How late a reminder may still go: one whose send day is further back (runs were
 * off, say) is no longer news and is not sent. The run reads the log back as far.
 */
export const CATCH_UP_DAYS = 28;

export interface RuleHit {
  kind: 'milestone-due' | 'milestone-overdue' | 'escalation';
  rule: string;
  nominalDate: IsoDate;
  sendDate: IsoDate;
}

/** The policy's milestone rules, prepared once per run. */
export interface MilestoneRules {
  /** Days before the due date, nearest first. */
  daysBefore: readonly number[];
  onDueDate: boolean;
  overdueEveryDays: number | null;
  escalateAfterDaysOverdue: number | null;
}

export function prepareRules(
  milestones: { daysBefore: readonly number[]; onDueDate: boolean; overdueEveryDays: number | null },
  escalateAfterDaysOverdue: number | null,
): MilestoneRules {
  return {
    daysBefore: [...new Set(milestones.daysBefore)].sort((a, b) => a - b),
    onDueDate: milestones.onDueDate,
    overdueEveryDays: milestones.overdueEveryDays,
    escalateAfterDaysOverdue,
  };
}

/**
 * The one lead reminder that applies to an open milestone today: of the rules
 * whose send day has come, the one with the latest nominal date. Older rules are
 * superseded rather than caught up, so a lead never gets "due in 14 days" and
 * "due in 7 days" on the same morning. Days are day numbers (see WorkingCalendar).
 */
export function currentLeadRule(
  due: number,
  today: number,
  rules: MilestoneRules,
  calendar: WorkingCalendar,
): RuleHit | null {
  const every = rules.overdueEveryDays;
  if (every !== null && today - due >= every) {
    for (let k = Math.floor((today - due) / every); k >= 1; k--) {
      const hit = hitIfDue('milestone-overdue', `overdue-${k * every}`, due + k * every, today, calendar);
      if (hit) return hit;
    }
  }
  // Without overdue reminders, "due soon" rules go stale once the due date's own send day has passed.
  if (every === null && today > calendar.sendDay(due)) return null;
  if (rules.onDueDate) {
    const hit = hitIfDue('milestone-due', 'on-due', due, today, calendar);
    if (hit) return hit;
  }
  for (const days of rules.daysBefore) {
    const hit = hitIfDue('milestone-due', `before-${days}`, due - days, today, calendar);
    if (hit) return hit;
  }
  return null;
}

/** Escalation is independent of the lead's reminders: once, N days after the due date. */
export function escalationRule(
  due: number,
  today: number,
  rules: MilestoneRules,
  calendar: WorkingCalendar,
): RuleHit | null {
  const after = rules.escalateAfterDaysOverdue;
  if (after === null) return null;
  return hitIfDue('escalation', `escalate-${after}`, due + after, today, calendar);
}

function hitIfDue(
  kind: RuleHit['kind'],
  rule: string,
  nominal: number,
  today: number,
  calendar: WorkingCalendar,
): RuleHit | null {
  const send = calendar.sendDay(nominal);
  if (send > today || send < today - CATCH_UP_DAYS) return null;
  return { kind, rule, nominalDate: calendar.iso(nominal), sendDate: calendar.iso(send) };
}
