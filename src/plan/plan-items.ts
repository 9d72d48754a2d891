import type { DataProblem, Stored } from '../domain';
import { fieldEq } from '../graph/odata';
import type { Repository } from '../graph/repository';
import { readTogether, type PlanStore, type ReadOutcome } from '../graph/store';

/**
 * A plan's items of a list that can grow large (actions, milestones), from a read
 * filtered on the indexed PlanId. SharePoint refuses that filter once the plan
 * holds more than 5,000 of the list's items (the list view threshold): then they
 * are read again priority by priority, each a narrower indexed key, in one `$batch`.
 * A priority past 5,000 on its own is refused with the typed error.
 */
export async function planItems<T extends { id: string; priorityId: string }>(
  store: PlanStore,
  repository: Repository<T>,
  outcome: ReadOutcome,
  priorityIds: readonly string[],
  problems: DataProblem[],
): Promise<Stored<T>[]> {
  if ('body' in outcome) return repository.readPages(outcome.body, problems);
  const bodies = await readTogether(
    store.ctx,
    priorityIds.map((id) => repository.queryRequest({ filter: fieldEq('PriorityId', id) })),
    `Reading the plan's ${repository.mapping.noun.toLowerCase()}s priority by priority`,
  );
  const pages = await Promise.all(bodies.map((body) => repository.readPages(body, problems)));
  return pages.flat();
}
