import { actionSchema, initialRating, resolveScale, type Action, type Stored } from '../../domain';
import { nextActionReference } from '../../domain/structure';
import { actionInputSchema, type ActionInput } from '../../domain/structure-input';
import type { PlanStore } from '../../graph/store';
import { checkedInput, itemOf, refusal } from './input';
import type { PlanStructureData } from './load';
import { writeStructure } from './write';

/** Where a new action goes: a focus area of a priority, or the priority itself (`focusAreaId` null). */
export interface ActionPlace {
  priorityId: string;
  focusAreaId: string | null;
}

/**
 * A new action, last in its focus area: its reference is the next free one
 * ("2.1.4"), its rating the plan's first (yet to start), with no lead yet.
 */
export async function addAction(
  store: PlanStore,
  data: PlanStructureData,
  place: ActionPlace,
  input: ActionInput,
): Promise<Stored<Action>> {
  const notDone = 'The action was not added';
  const value = checkedInput(actionInputSchema, input, notDone);
  const priority = itemOf(data.priorities, place.priorityId, 'priority', notDone);
  const focusArea = place.focusAreaId
    ? itemOf(data.focusAreas, place.focusAreaId, 'focus area', notDone)
    : null;
  if (focusArea && focusArea.priorityId !== priority.id) {
    throw refusal(notDone, [{ field: '', message: 'The focus area belongs to another priority' }]);
  }
  const scale = resolveScale(data.plan.scaleId, data.plan.columnOrder);
  const { id: _id, ...draft } = actionSchema.parse({
    id: 'new',
    planId: data.plan.id,
    priorityId: priority.id,
    focusAreaId: focusArea?.id ?? null,
    reference: nextActionReference(data, priority, focusArea),
    text: value.text,
    successMeasures: value.successMeasures,
    governanceForum: value.governanceForum,
    dueDate: value.dueDate?.date ?? null,
    dueDatePrecision: value.dueDate?.precision ?? 'day',
    status: initialRating(scale).key,
  });
  return store.actions.create(draft);
}

/** An action's wording, success measures, governance forum and due date edited. */
export async function editAction(
  store: PlanStore,
  data: PlanStructureData,
  id: string,
  input: ActionInput,
): Promise<void> {
  const notDone = 'The action was not saved';
  const value = checkedInput(actionInputSchema, input, notDone);
  itemOf(data.actions, id, 'action', notDone);
  await writeStructure(store, data, [
    {
      kind: 'action',
      id,
      patch: {
        text: value.text,
        successMeasures: value.successMeasures,
        governanceForum: value.governanceForum,
        dueDate: value.dueDate?.date ?? null,
        dueDatePrecision: value.dueDate?.precision ?? 'day',
      },
    },
  ]);
}
