import type { Action, Milestone, Plan, Priority, Stored } from '../../domain';
import type { ReminderLogRecord } from '../../domain/reminders';
import { fieldEq } from '../../graph/odata';
import { readTogether, type PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { readPolicyItem, type StoredReminderPolicy } from './policy';

/** Everything a reminder run (or its preview) reads about one plan. */
export interface ReminderInputs {
  plan: Stored<Plan>;
  policy: StoredReminderPolicy;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  log: Stored<ReminderLogRecord>[];
}

/**
 * One `$batch` of six reads, each list filtered on its indexed PlanId and read in
 * pages of 5,000, so a plan of 10,000 milestones costs a handful of requests.
 */
export async function loadReminderInputs(store: PlanStore, planId: string): Promise<ReminderInputs> {
  const inPlan = fieldEq('PlanId', planId);
  const [plan, policy, priorities, actions, milestones, records] = await readTogether(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.reminderPolicies.getRequest(planId),
      store.priorities.queryRequest({ filter: inPlan }),
      store.actions.queryRequest({ filter: inPlan }),
      store.milestones.queryRequest({ filter: inPlan }),
      store.reminderLog.queryRequest({ filter: inPlan }),
    ],
    'Reading the plan for its reminders',
  );
  // Lists past one page follow their next links side by side.
  const [priorityItems, actionItems, milestoneItems, logItems] = await Promise.all([
    store.priorities.readPages(priorities),
    store.actions.readPages(actions),
    store.milestones.readPages(milestones),
    store.reminderLog.readPages(records),
  ]);
  return {
    plan: store.plans.readItem(plan),
    policy: readPolicyItem(store.reminderPolicies.readItem(policy)),
    priorities: priorityItems,
    actions: actionItems,
    milestones: milestoneItems,
    log: logItems,
  };
}

/** What the preview and "Send now" read: the same as a run. */
export function reminderRunQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.reminderRun(planId), queryFn: () => loadReminderInputs(store, planId) };
}
