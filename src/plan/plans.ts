import type { DataProblem, Plan, Stored } from '../domain';
import type { PlanStore } from '../graph/store';

/** The site's plans. A plan item that does not fit is left out and named, never fatal to the others. */
export async function readPlans(
  store: PlanStore,
): Promise<{ plans: Stored<Plan>[]; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const plans = await store.plans.query({}, problems);
  return { plans, problems };
}
