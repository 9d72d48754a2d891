import { prioritySchema, type Priority, type Stored } from '../../domain';
import { checkFreeNumber, defaultPriorityLabel, followLabel, renumber } from '../../domain/structure';
import { priorityInputSchema, type PriorityInput } from '../../domain/structure-input';
import type { PlanStore } from '../../graph/store';
import { checkedInput, itemOf, orRefuse, refusal } from './input';
import type { PlanStructureData } from './load';
import { mergeWrites, writeStructure } from './write';

/**
 * A new improvement priority: its number, label (the plan's own way, "Priority 4"
 * or "Area 4", when left empty), title and the areas of weakness it answers.
 */
export async function addPriority(
  store: PlanStore,
  data: PlanStructureData,
  input: PriorityInput,
): Promise<Stored<Priority>> {
  const notDone = 'The priority was not added';
  const value = checkedInput(priorityInputSchema, input, notDone);
  orRefuse(checkFreeNumber(data, 'priority', value.number), notDone);
  const { id: _id, ...draft } = prioritySchema.parse({
    id: 'new',
    planId: data.plan.id,
    number: value.number,
    label: value.label || defaultPriorityLabel(data.priorities, value.number),
    title: value.title,
    weaknessNumbers: linkedWeaknesses(data, value.weaknessNumbers, [], notDone),
  });
  return store.priorities.create(draft);
}

/**
 * A priority edited. A new number takes its focus areas' and actions' references
 * with it, and its label too while the label is the one it had ("Priority 2" → "Priority 3").
 */
export async function editPriority(
  store: PlanStore,
  data: PlanStructureData,
  id: string,
  input: PriorityInput,
): Promise<void> {
  const notDone = 'The priority was not saved';
  const value = checkedInput(priorityInputSchema, input, notDone);
  const current = itemOf(data.priorities, id, 'priority', notDone);
  const follow = orRefuse(renumber(data, { kind: 'priority', id }, value.number), notDone);
  const typedLabel = value.label && value.label !== current.label ? value.label : null;
  const patch = {
    number: value.number,
    label: typedLabel ?? followLabel(current.label, current.number, value.number),
    title: value.title,
    weaknessNumbers: linkedWeaknesses(data, value.weaknessNumbers, current.weaknessNumbers, notDone),
  };
  await writeStructure(store, data, mergeWrites([...follow, { kind: 'priority', id, patch }]));
}

/**
 * The areas of weakness a priority answers, by number, in order. A new link must
 * be to an area in use; a link the priority already has may stay.
 */
function linkedWeaknesses(
  data: PlanStructureData,
  numbers: readonly number[],
  already: readonly number[],
  notDone: string,
): number[] {
  const wanted = [...new Set(numbers)].sort((a, b) => a - b);
  for (const number of wanted) {
    if (already.includes(number)) continue;
    const weakness = data.weaknesses.find((w) => w.number === number);
    const message = !weakness
      ? `There is no area of weakness ${number} in this plan`
      : weakness.archived
        ? `Area of weakness ${number} is archived: restore it to link it`
        : null;
    if (message) throw refusal(notDone, [{ field: 'weaknessNumbers', message }]);
  }
  return wanted;
}
