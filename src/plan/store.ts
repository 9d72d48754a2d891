import { createGraphClient } from '../graph/client';
import { createPlanStore, type PlanStore } from '../graph/store';

export type { PlanStore } from '../graph/store';

/** The plan's site as the signed-in person reaches it: Graph (real or local) with the session's token. */
export function connectPlanStore(options: {
  graphBaseUrl: string;
  siteId: string;
  siteTimeZone: string;
  getToken: () => Promise<string>;
}): PlanStore {
  const client = createGraphClient({ baseUrl: options.graphBaseUrl, getToken: options.getToken });
  return createPlanStore({ client, siteId: options.siteId, siteTimeZone: options.siteTimeZone });
}
