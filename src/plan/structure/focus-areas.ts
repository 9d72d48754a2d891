import { focusAreaSchema, type FocusArea, type Stored } from '../../domain';
import { nextFocusAreaReference } from '../../domain/structure';
import { focusAreaInputSchema, type FocusAreaInput } from '../../domain/structure-input';
import type { PlanStore } from '../../graph/store';
import { checkedInput, itemOf } from './input';
import type { PlanStructureData } from './load';
import { writeStructure } from './write';

/** A new focus area, last in its priority: its reference is the next free one ("2.4"). */
export async function addFocusArea(
  store: PlanStore,
  data: PlanStructureData,
  priorityId: string,
  input: FocusAreaInput,
): Promise<Stored<FocusArea>> {
  const notDone = 'The focus area was not added';
  const value = checkedInput(focusAreaInputSchema, input, notDone);
  const priority = itemOf(data.priorities, priorityId, 'priority', notDone);
  const { id: _id, ...draft } = focusAreaSchema.parse({
    id: 'new',
    planId: data.plan.id,
    priorityId,
    reference: nextFocusAreaReference(data, priority),
    title: value.title,
  });
  return store.focusAreas.create(draft);
}

/** A focus area's title edited; its reference follows its place (see moveItem). */
export async function editFocusArea(
  store: PlanStore,
  data: PlanStructureData,
  id: string,
  input: FocusAreaInput,
): Promise<void> {
  const notDone = 'The focus area was not saved';
  const value = checkedInput(focusAreaInputSchema, input, notDone);
  itemOf(data.focusAreas, id, 'focus area', notDone);
  await writeStructure(store, data, [{ kind: 'focusArea', id, patch: { title: value.title } }]);
}
