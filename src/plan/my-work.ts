import type { Action, DataProblem, Milestone, Plan, Stored } from '../domain';
import { anyOf, fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

export interface MyWorkData {
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  plans: Stored<Plan>[];
  /** The person's items left out because they do not fit the plan, named. */
  problems: DataProblem[];
}

/** SharePoint keeps URLs short; this many OR-ed ids fit comfortably in one filter. */
const IDS_PER_FILTER = 15;

/** The signed-in person's actions (by UPN, across the site's plans) and their milestones. */
export async function loadMyWork(store: PlanStore, upn: string): Promise<MyWorkData> {
  const [plansBody, actionsBody] = await readTogether(
    store.ctx,
    [
      store.plans.queryRequest({}),
      store.actions.queryRequest({ filter: fieldEq('LeadUpn', upn), orderBy: 'fields/DueDate' }),
    ],
    'Reading your work',
  );
  const problems: DataProblem[] = [];
  const actions = await store.actions.readPages(actionsBody, problems);
  const ids = actions.map((a) => a.id);
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_FILTER) groups.push(ids.slice(i, i + IDS_PER_FILTER));
  const milestoneBodies = groups.length
    ? await readTogether(
        store.ctx,
        groups.map((group) => store.milestones.queryRequest({ filter: anyOf('ActionId', group) })),
        'Reading your milestones',
      )
    : [];
  const milestones = (
    await Promise.all(milestoneBodies.map((body) => store.milestones.readPages(body, problems)))
  ).flat();
  // A plan that does not fit is the overview's to name; here its actions show under the plan's id.
  const plans = await store.plans.readPages(plansBody, []);
  return { plans, actions, milestones, problems };
}

export function myWorkQuery(store: PlanStore, upn: string) {
  return { queryKey: queryKeys.myWorkOf(upn), queryFn: () => loadMyWork(store, upn) };
}
