import {
  addDays,
  londonDate,
  londonWallTime,
  partsInUse,
  type Action,
  type DataProblem,
  type Milestone,
  type Plan,
  type Priority,
  type Stored,
} from '../../domain';
import { CATCH_UP_DAYS, type ReminderLogItem } from '../../domain/reminders';
import { fieldEq, literal } from '../../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../../graph/store';
import { planItems } from '../plan-items';
import { queryKeys } from '../query-keys';
import { withTheirActions } from '../problems';
import { readPolicyItem, type StoredReminderPolicy } from './policy';

/** Everything a reminder run (or its preview) reads about one plan. */
export interface ReminderInputs {
  plan: Stored<Plan>;
  policy: StoredReminderPolicy;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  log: Stored<ReminderLogItem>[];
  /** Items left out because they do not fit the plan, named (the run reports them). */
  problems: DataProblem[];
}

/**
 * One `$batch` of seven reads, each list filtered on its indexed PlanId and read in
 * pages of 5,000 (priority by priority past 5,000 in one list: see planItems), so
 * a plan of 10,000 milestones costs a handful of requests. The
 * log is read back as far as a reminder may still go late (CATCH_UP_DAYS before
 * `now`'s London date): what was sent before then cannot be planned again.
 */
export async function loadReminderInputs(
  store: PlanStore,
  planId: string,
  now: Date = new Date(),
): Promise<ReminderInputs> {
  const inPlan = fieldEq('PlanId', planId);
  const since = londonWallTime(addDays(londonDate(now), -CATCH_UP_DAYS - 1), '00:00');
  const recentLog = `fields/ClaimedAt ge ${literal(since.toISOString())} and ${inPlan}`;
  const [plan, policy, priorities, focusAreas, actions, milestones, records] = await readTogetherOrRefused(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.reminderPolicies.getRequest(planId),
      store.priorities.queryRequest({ filter: inPlan }),
      // Read only to leave out actions in archived focus areas: no reminder for those.
      store.focusAreas.queryRequest({ filter: inPlan }),
      store.actions.queryRequest({ filter: inPlan }),
      store.milestones.queryRequest({ filter: inPlan }),
      store.reminderLog.queryRequest({ filter: recentLog }),
    ],
    'Reading the plan for its reminders',
  );
  const problems: DataProblem[] = [];
  const priorityItems = await store.priorities.readPages(bodyOf(priorities), problems);
  const priorityIds = priorityItems.map((p) => p.id);
  // Lists past one page follow their next links side by side.
  const [focusAreaItems, actionItems, milestoneItems, logItems] = await Promise.all([
    store.focusAreas.readPages(bodyOf(focusAreas), problems),
    planItems(store, store.actions, actions, priorityIds, problems),
    planItems(store, store.milestones, milestones, priorityIds, problems),
    store.reminderLog.readPages(bodyOf(records), problems),
  ]);
  // Archived actions (or ones in archived priorities or focus areas) are not reminded of.
  const inUse = partsInUse({
    priorities: priorityItems,
    focusAreas: focusAreaItems,
    actions: actionItems,
    milestones: milestoneItems,
  });
  return {
    plan: store.plans.readItem(bodyOf(plan)),
    policy: readPolicyItem(store.reminderPolicies.readItem(bodyOf(policy))),
    priorities: inUse.priorities,
    actions: inUse.actions,
    milestones: withTheirActions(inUse.milestones, inUse.actions, problems),
    log: logItems,
    problems,
  };
}

/** What the preview and "Send now" read: the same as a run. */
export function reminderRunQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.reminderRun(planId), queryFn: () => loadReminderInputs(store, planId) };
}
