import type { Action, PersonRef } from '../model';
import { currentDeadline } from './deadlines';
import { updatesDueKey } from './keys';
import type { RunContext } from './run-context';
import type { ActionSnapshot } from './types';

/**
 * Before each reporting deadline: one reminder per lead per priority, listing
 * that lead's open actions in it, to every lead with an open action.
 */
export function planUpdatesDue(ctx: RunContext, openActions: readonly Action[]): void {
  const { updatesDue } = ctx.input.policy;
  const hit = currentDeadline(updatesDue.deadlines, updatesDue.daysBefore, ctx.today, ctx.calendar);
  if (hit === null) return;
  const rule = `updates-due-${updatesDue.daysBefore}`;
  const groups = new Map<string, { priorityId: string; lead: PersonRef; actions: ActionSnapshot[] }>();
  for (const action of openActions) {
    const snapshot = ctx.snapshotOf(action);
    if (snapshot.lead === null) {
      ctx.unassigned.push({
        reason: 'no-lead',
        key: updatesDueKey(action.priorityId, `action-${action.id}`, rule, hit.nominalDate),
        kind: 'updates-due',
        sendDate: hit.sendDate,
        priorityId: action.priorityId,
        actionId: action.id,
        milestoneId: null,
        reference: action.reference,
        title: action.text,
      });
      continue;
    }
    const groupKey = `${action.priorityId}\u0000${snapshot.lead.entraId}`;
    const group = groups.get(groupKey);
    if (group) group.actions.push(snapshot);
    else groups.set(groupKey, { priorityId: action.priorityId, lead: snapshot.lead, actions: [snapshot] });
  }
  for (const group of groups.values()) {
    const key = updatesDueKey(group.priorityId, group.lead.entraId, rule, hit.nominalDate);
    const state = ctx.logState(key);
    if (state === 'sent') continue;
    const channel = ctx.channelOf(group.priorityId);
    if (channel === null) {
      for (const a of group.actions) {
        ctx.unassigned.push({
          reason: 'no-channel',
          key,
          kind: 'updates-due',
          sendDate: hit.sendDate,
          priorityId: group.priorityId,
          actionId: a.actionId,
          milestoneId: null,
          reference: a.reference,
          title: a.text,
        });
      }
      continue;
    }
    ctx.reminders.push({
      key,
      kind: 'updates-due',
      rule,
      nominalDate: hit.nominalDate,
      sendDate: hit.sendDate,
      channel,
      attempt: state === 'sending' ? 'resume' : 'new',
      planId: ctx.input.plan.id,
      priority: ctx.prioritySnapshot(group.priorityId),
      recipient: group.lead,
      deadline: hit.deadline,
      actions: sortByReference(ctx, group.actions),
    });
  }
}

function sortByReference(ctx: RunContext, actions: ActionSnapshot[]): ActionSnapshot[] {
  if (actions.length < 2) return actions;
  return actions
    .map((a) => ({ a, key: ctx.referenceKey(a.reference) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.a);
}
