import { londonDate } from '../dates';
import type { Action, Milestone } from '../model';
import { isCompletedRating } from '../ratings';
import { workingCalendar } from './calendar';
import { sortReminders, sortUnassigned } from './order';
import { planDigest } from './plan-digest';
import { planMilestone } from './plan-milestones';
import { planUpdatesDue } from './plan-updates';
import { createRunContext } from './run-context';
import type { ReminderPlan, ReminderPlanInput } from './types';

/**
 * The reminders due today (the London date of `now`) that the log does not show
 * as sent, plus what could not be routed. Pure and deterministic: the same input
 * always gives the same reminders in the same order.
 */
export function planReminders(input: ReminderPlanInput): ReminderPlan {
  if (input.scale.id !== input.plan.scaleId) {
    throw new RangeError(
      `The rating scale given (${input.scale.id}) is not the plan's scale (${input.plan.scaleId})`,
    );
  }
  const today = londonDate(input.now);
  const calendar = workingCalendar(input.policy.quietDays);
  const quietDay = !calendar.isWorkingDay(calendar.day(today));
  if (quietDay || !input.policy.enabled || input.plan.status === 'closed') {
    return { today, quietDay, reminders: [], unassigned: [] };
  }
  const ctx = createRunContext(input, calendar.day(today), calendar);

  const openActions = new Map<string, Action>();
  const knownActions = new Set<string>();
  for (const action of input.actions) {
    if (action.planId !== input.plan.id) continue;
    knownActions.add(action.id);
    if (!isCompletedRating(input.scale, action.status)) openActions.set(action.id, action);
  }
  const openMilestonesByAction = new Map<string, Milestone[]>();
  for (const milestone of input.milestones) {
    if (milestone.planId !== input.plan.id || milestone.completedOn !== null) continue;
    const list = openMilestonesByAction.get(milestone.actionId);
    if (list) list.push(milestone);
    else openMilestonesByAction.set(milestone.actionId, [milestone]);
    planMilestone(ctx, milestone, openActions.get(milestone.actionId), knownActions.has(milestone.actionId));
  }
  const open = [...openActions.values()];
  planUpdatesDue(ctx, open);
  planDigest(ctx, open, openMilestonesByAction);

  return {
    today,
    quietDay: false,
    reminders: sortReminders(ctx.reminders, ctx.referenceKey),
    unassigned: sortUnassigned(ctx.unassigned, ctx.referenceKey),
  };
}
