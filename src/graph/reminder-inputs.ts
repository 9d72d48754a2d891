import type { Action, Milestone, Plan, Priority } from '../domain';
import type { Stored } from './mapping';
import { fieldEq } from './odata';
import { planLogRequest, reminderLogRepository, type LogRecord } from './reminder-log';
import { readReminderPolicyItem, reminderPolicyRequest, type StoredReminderPolicy } from './reminder-policy';
import { readTogether, type PlanStore } from './store';

/** Everything a reminder run (or its preview) reads about one plan. */
export interface ReminderInputs {
  plan: Stored<Plan>;
  policy: StoredReminderPolicy;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  log: LogRecord[];
}

/**
 * One `$batch` of six reads, each list filtered on its indexed PlanId and read in
 * pages of 5,000, so a plan of 10,000 milestones costs a handful of requests.
 */
export async function loadReminderInputs(store: PlanStore, planId: string): Promise<ReminderInputs> {
  const inPlan = fieldEq('PlanId', planId);
  const log = reminderLogRepository(store.ctx);
  const [plan, policy, priorities, actions, milestones, records] = await readTogether(
    store.ctx,
    [
      store.plans.getRequest(planId),
      reminderPolicyRequest(store.ctx, planId),
      store.priorities.queryRequest({ filter: inPlan }),
      store.actions.queryRequest({ filter: inPlan }),
      store.milestones.queryRequest({ filter: inPlan }),
      planLogRequest(log, planId),
    ],
    'Reading the plan for its reminders',
  );
  // Lists past one page follow their next links side by side.
  const [priorityItems, actionItems, milestoneItems, logItems] = await Promise.all([
    store.priorities.readPages(priorities),
    store.actions.readPages(actions),
    store.milestones.readPages(milestones),
    log.readPages(records),
  ]);
  return {
    plan: store.plans.readItem(plan),
    policy: readReminderPolicyItem(policy),
    priorities: priorityItems,
    actions: actionItems,
    milestones: milestoneItems,
    log: logItems,
  };
}

export interface ReminderSettingsData {
  policy: StoredReminderPolicy;
  /** In number order, for per-priority channel overrides. */
  priorities: Stored<Priority>[];
}

/** What the reminder settings page edits, in one `$batch`. */
export async function loadReminderSettings(store: PlanStore, planId: string): Promise<ReminderSettingsData> {
  const [policy, priorities] = await readTogether(
    store.ctx,
    [
      reminderPolicyRequest(store.ctx, planId),
      store.priorities.queryRequest({ filter: fieldEq('PlanId', planId), orderBy: 'fields/Number' }),
    ],
    'Reading the reminder settings',
  );
  return {
    policy: readReminderPolicyItem(policy),
    priorities: (await store.priorities.readPages(priorities)).sort((a, b) => a.number - b.number),
  };
}
