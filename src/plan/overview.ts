import {
  byMeetingDate,
  byPriorityNumber,
  byReference,
  partsInUse,
  type Action,
  type Cycle,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Risk,
  type Plan,
  type Priority,
  type DataProblem,
  type Stored,
} from '../domain';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { planItems } from './plan-items';
import { withTheirActions, requireReadable } from './problems';
import { queryKeys } from './query-keys';
import { readPolicyItem } from './reminders/policy';

export interface PlanOverviewData {
  plans: Stored<Plan>[];
  plan: Stored<Plan>;
  priorities: Stored<Priority>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  /** Measures and risks of the priorities in use, and of the plan as a whole. */
  measures: Stored<Measure>[];
  readings: Stored<MeasureReading>[];
  risks: Stored<Risk>[];
  /** The plan's reporting cycles in meeting order. */
  cycles: Stored<Cycle>[];
  /** The reminder policy's escalation rule (null: never, or no valid policy). */
  escalateAfterDays: number | null;
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

/**
 * The plan at a glance: the site's plans, and one plan's priorities, actions,
 * milestones, measures, risks and cycles, in one round trip (two when no plan is
 * named yet).
 */
export async function loadPlanOverview(store: PlanStore, planId: string | null): Promise<PlanOverviewData> {
  if (planId === null) {
    // The plans are read again below with the rest; their problems are named then.
    const first = choosePlan(await store.plans.query({}, []));
    if (!first) throw new NotFoundError('This site holds no plan yet: run the seed or import a plan');
    planId = first.id;
  }
  const inPlan = fieldEq('PlanId', planId);
  const [plans, priorities, focusAreas, actions, milestones, measures, readings, risks, cycles, policy] =
    await readTogetherOrRefused(
      store.ctx,
      [
        store.plans.queryRequest({}),
        store.priorities.queryRequest({ filter: inPlan, orderBy: 'fields/Number' }),
        // Read only to leave out what sits in an archived focus area.
        store.focusAreas.queryRequest({ filter: inPlan }),
        store.actions.queryRequest({ filter: inPlan }),
        store.milestones.queryRequest({ filter: inPlan }),
        store.measures.queryRequest({ filter: inPlan }),
        store.measureReadings.queryRequest({ filter: inPlan }),
        store.risks.queryRequest({ filter: inPlan }),
        store.cycles.queryRequest({ filter: inPlan }),
        store.reminderPolicies.getRequest(planId),
      ],
      'Reading the plan',
    );
  const problems: DataProblem[] = [];
  const allPlans = await store.plans.readPages(bodyOf(plans), problems);
  const plan = allPlans.find((p) => p.id === planId);
  requireReadable('plans', planId, problems);
  if (!plan) throw new NotFoundError(`No plan with id ${planId} on this site`);
  const priorityItems = (await store.priorities.readPages(bodyOf(priorities), problems)).sort(
    byPriorityNumber,
  );
  const priorityIds = priorityItems.map((p) => p.id);
  const [focusAreaItems, actionItems, milestoneItems, measureItems, readingItems, riskItems, cycleItems] =
    await Promise.all([
      store.focusAreas.readPages(bodyOf(focusAreas), problems),
      planItems(store, store.actions, actions, priorityIds, problems),
      planItems(store, store.milestones, milestones, priorityIds, problems),
      store.measures.readPages(bodyOf(measures), problems),
      store.measureReadings.readPages(bodyOf(readings), problems),
      store.risks.readPages(bodyOf(risks), problems),
      store.cycles.readPages(bodyOf(cycles), problems),
    ]);
  const inUse = partsInUse({
    priorities: priorityItems,
    focusAreas: focusAreaItems,
    actions: actionItems,
    milestones: milestoneItems,
  });
  inUse.actions.sort(byReference);
  const inUsePriority = new Set(inUse.priorities.map((p) => p.id));
  const ofPriorityInUse = (item: { priorityId: string | null }) =>
    item.priorityId === null || inUsePriority.has(item.priorityId);
  const measuresInUse = measureItems.filter(ofPriorityInUse);
  const measureIds = new Set(measuresInUse.map((m) => m.id));
  return {
    plans: allPlans,
    plan,
    priorities: inUse.priorities,
    actions: inUse.actions,
    milestones: withTheirActions(inUse.milestones, inUse.actions, problems),
    measures: measuresInUse,
    readings: readingItems
      .filter((r) => measureIds.has(r.measureId))
      .sort((a, b) => a.date.localeCompare(b.date)),
    risks: riskItems.filter(ofPriorityInUse),
    cycles: cycleItems.sort(byMeetingDate),
    escalateAfterDays:
      readPolicyItem(store.reminderPolicies.readItem(bodyOf(policy))).policy?.escalation.afterDaysOverdue ??
      null,
    problems,
  };
}

/** `planId` null: the plan chosen by default (see `choosePlan`). */
export function overviewQuery(store: PlanStore, planId: string | null) {
  return { queryKey: queryKeys.overview(planId), queryFn: () => loadPlanOverview(store, planId) };
}

/** The active plan most recently inspected, else the first. */
function choosePlan<T extends Plan>(plans: readonly T[]): T | undefined {
  const active = plans.filter((p) => p.status === 'active');
  const pool = active.length ? active : plans;
  return [...pool].sort((a, b) => (b.inspectionDate ?? '').localeCompare(a.inspectionDate ?? ''))[0];
}
