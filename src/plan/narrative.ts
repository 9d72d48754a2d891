import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  byMeetingDate,
  priorityNarrativeSchema,
  prioritySchema,
  type Cycle,
  type Plan,
  type Priority,
  type PriorityNarrative,
  type Stored,
} from '../domain';
import { NotFoundError } from '../graph/errors';
import { fieldEq } from '../graph/odata';
import { readTogether, type PlanStore } from '../graph/store';
import { loadSnapshotPair } from './cycles';
import { queryKeys } from './query-keys';
import { saveOrReload } from './save-outcome';
import { checkedInput } from './structure/input';

export interface NarrativeData {
  plan: Stored<Plan>;
  priority: Stored<Priority>;
  /** The cycle the narrative is being written for: the next one without a snapshot (null: none planned). */
  forCycle: Stored<Cycle> | null;
  /** What the last frozen cycle said, to write on from. */
  previous: { cycle: Stored<Cycle>; narrative: PriorityNarrative } | null;
}

/** A priority's narrative with the cycle it is for and the last cycle's, in two round trips. */
export async function loadNarrative(
  store: PlanStore,
  planId: string,
  priorityId: string,
): Promise<NarrativeData> {
  const [planBody, priorityBody, cyclesBody] = await readTogether(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.priorities.getRequest(priorityId),
      store.cycles.queryRequest({ filter: fieldEq('PlanId', planId) }),
    ],
    'Reading the priority',
  );
  const plan = store.plans.readItem(planBody);
  const priority = store.priorities.readItem(priorityBody);
  if (priority.planId !== planId) throw new NotFoundError(`Priority ${priorityId} is not part of this plan`);
  const cycles = (await store.cycles.readPages(cyclesBody, [])).sort(byMeetingDate);
  const pair = await loadSnapshotPair(store, cycles, null);
  const said = pair.previous?.priorities.find((p) => p.priorityId === priorityId);
  return {
    plan,
    priority,
    forCycle: cycles.find((c) => c.snapshotAt === null) ?? null,
    previous: pair.previousCycle && said ? { cycle: pair.previousCycle, narrative: said.narrative } : null,
  };
}

export function narrativeQuery(store: PlanStore, planId: string, priorityId: string) {
  return {
    queryKey: [...queryKeys.planScope(planId), 'narrative', priorityId] as const,
    queryFn: () => loadNarrative(store, planId, priorityId),
  };
}

export const narrativeInputSchema = priorityNarrativeSchema.extend({
  inspectionConcern: prioritySchema.shape.inspectionConcern,
});
export type NarrativeInput = z.input<typeof narrativeInputSchema>;

/** The narrative saved with the eTag it was read with: a ValidationError naming each field that does not fit. */
export async function saveNarrative(
  store: PlanStore,
  priority: Stored<Priority>,
  input: NarrativeInput,
): Promise<Stored<Priority>> {
  const value = checkedInput(narrativeInputSchema, input, 'The narrative was not saved');
  return store.priorities.update(priority, value);
}

export function saveNarrativeMutation(
  store: PlanStore,
  queryClient: QueryClient,
  planId: string,
  priorityId: string,
) {
  return {
    mutationFn: (input: { priority: Stored<Priority>; narrative: NarrativeInput }) =>
      saveOrReload(
        () => saveNarrative(store, input.priority, input.narrative),
        () => loadNarrative(store, planId, priorityId),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
      ]),
  };
}
