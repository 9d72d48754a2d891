import { partsInUse, type Action, type DataProblem, type Milestone, type Plan, type Stored } from '../domain';
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

/**
 * The signed-in person's actions (by UPN, across the site's plans) and their
 * milestones. The site's priorities and focus areas are read alongside, in the
 * same `$batch`, to leave out actions inside archived ones.
 */
export async function loadMyWork(store: PlanStore, upn: string): Promise<MyWorkData> {
  const [plansBody, actionsBody, prioritiesBody, focusAreasBody] = await readTogether(
    store.ctx,
    [
      store.plans.queryRequest({}),
      store.actions.queryRequest({ filter: fieldEq('LeadUpn', upn), orderBy: 'fields/DueDate' }),
      store.priorities.queryRequest({}),
      store.focusAreas.queryRequest({}),
    ],
    'Reading your work',
  );
  const problems: DataProblem[] = [];
  // A priority or focus area that does not fit is the overview's to name; it archives nothing here.
  const { actions } = partsInUse({
    priorities: await store.priorities.readPages(prioritiesBody, []),
    focusAreas: await store.focusAreas.readPages(focusAreasBody, []),
    actions: await store.actions.readPages(actionsBody, problems),
    milestones: [],
  });
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
