import type { Action, Milestone } from '../model';
import { currentDeadline } from './deadlines';
import { buildDigestSections, digestFlagLabels } from './digest';
import { digestKey } from './keys';
import { digestChannel } from './policy';
import type { RunContext } from './run-context';

/** Before each board date: one exceptions digest for the board's channel. */
export function planDigest(
  ctx: RunContext,
  openActions: readonly Action[],
  openMilestonesByAction: ReadonlyMap<string, readonly Milestone[]>,
): void {
  const { policy, plan } = ctx.input;
  const digest = policy.exceptionsDigest;
  const hit = currentDeadline(digest.boardDates, digest.daysBefore, ctx.today, ctx.calendar);
  if (hit === null) return;
  const rule = `digest-${digest.daysBefore}`;
  const key = digestKey(plan.id, rule, hit.nominalDate);
  const state = ctx.logState(key);
  if (state === 'sent') return;
  const channel = digestChannel(policy);
  if (channel === null) {
    ctx.unassigned.push({
      reason: 'no-channel',
      key,
      kind: 'exceptions-digest',
      sendDate: hit.sendDate,
      priorityId: '',
      actionId: null,
      milestoneId: null,
      reference: null,
      title: `Exceptions digest for the board on ${hit.deadline}`,
    });
    return;
  }
  const { sections, totals } = buildDigestSections({
    today: ctx.today,
    calendar: ctx.calendar,
    priorities: ctx.input.priorities,
    openActions,
    openMilestonesByAction,
    escalateAfterDaysOverdue: policy.escalation.afterDaysOverdue,
    snapshotOf: ctx.snapshotOf,
    prioritySnapshot: ctx.prioritySnapshot,
    referenceKey: ctx.referenceKey,
  });
  ctx.reminders.push({
    key,
    kind: 'exceptions-digest',
    rule,
    nominalDate: hit.nominalDate,
    sendDate: hit.sendDate,
    channel,
    attempt: state === 'sending' ? 'resume' : 'new',
    planId: plan.id,
    recipient: null,
    boardDate: hit.deadline,
    sections,
    totals,
    flagLabels: digestFlagLabels(ctx.input.scale),
  });
}
