import { searchPeople } from '../graph/people';
import type { PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

export { toPersonRef, type DirectoryUser } from '../graph/people';

/** People whose name starts with `prefix`, for choosing an action lead. */
export function peopleSearchQuery(store: PlanStore, prefix: string) {
  return { queryKey: queryKeys.people(prefix), queryFn: () => searchPeople(store.ctx, prefix) };
}
