import type { Action, Milestone } from '../model';
import { effectiveDueDate } from './calendar';
import { milestoneKey } from './keys';
import { currentLeadRule, escalationRule, type RuleHit } from './milestone-rules';
import type { RunContext } from './run-context';
import type { UnassignedReason } from './types';

/**
 * A milestone's reminders today: at most one to its lead (the latest rule due)
 * and, independently, its escalation to the priority lead.
 */
export function planMilestone(
  ctx: RunContext,
  milestone: Milestone,
  action: Action | undefined,
  actionExists: boolean,
): void {
  // A milestone of a completed action is done with, whatever its own completion says.
  if (!action && actionExists) return;
  const due = effectiveDueDate(milestone.dueDate, milestone.dueDatePrecision);
  const dueDay = ctx.calendar.day(due);
  const lead = currentLeadRule(dueDay, ctx.today, ctx.rules, ctx.calendar);
  if (lead) addMilestoneReminder(ctx, milestone, action, lead, due, dueDay);
  const escalation = escalationRule(dueDay, ctx.today, ctx.rules, ctx.calendar);
  if (escalation) addMilestoneReminder(ctx, milestone, action, escalation, due, dueDay);
}

function addMilestoneReminder(
  ctx: RunContext,
  milestone: Milestone,
  action: Action | undefined,
  hit: RuleHit,
  due: string,
  dueDay: number,
): void {
  const key = milestoneKey(milestone.id, hit.rule, hit.nominalDate);
  const state = ctx.logState(key);
  if (state === 'sent') return;
  if (!action) return unassigned(ctx, 'missing-action', key, hit, milestone, null);
  const snapshot = ctx.snapshotOf(action);
  const recipient =
    hit.kind === 'escalation' ? ctx.resolve(ctx.priority(action.priorityId)?.lead ?? null) : snapshot.lead;
  if (recipient === null) {
    return unassigned(
      ctx,
      hit.kind === 'escalation' ? 'no-priority-lead' : 'no-lead',
      key,
      hit,
      milestone,
      action,
    );
  }
  const channel = ctx.channelOf(action.priorityId);
  if (channel === null) return unassigned(ctx, 'no-channel', key, hit, milestone, action);
  ctx.reminders.push({
    key,
    kind: hit.kind,
    rule: hit.rule,
    nominalDate: hit.nominalDate,
    sendDate: hit.sendDate,
    channel,
    attempt: state === 'sending' ? 'resume' : 'new',
    planId: ctx.input.plan.id,
    priority: ctx.prioritySnapshot(action.priorityId),
    recipient,
    milestoneId: milestone.id,
    milestoneTitle: milestone.title,
    action: snapshot,
    dueDate: due,
    dueDatePrecision: milestone.dueDatePrecision,
    daysOverdue: ctx.today - dueDay,
  });
}

function unassigned(
  ctx: RunContext,
  reason: UnassignedReason,
  key: string,
  hit: RuleHit,
  milestone: Milestone,
  action: Action | null,
): void {
  ctx.unassigned.push({
    reason,
    key,
    kind: hit.kind,
    sendDate: hit.sendDate,
    priorityId: milestone.priorityId,
    actionId: milestone.actionId,
    milestoneId: milestone.id,
    reference: action?.reference ?? null,
    title: milestone.title,
  });
}
