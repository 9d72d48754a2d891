import { weaknessSchema, type AreaOfWeakness, type Stored } from '../../domain';
import { checkFreeNumber, renumber } from '../../domain/structure';
import { weaknessInputSchema, type WeaknessInput } from '../../domain/structure-input';
import type { PlanStore } from '../../graph/store';
import { checkedInput, itemOf, orRefuse } from './input';
import type { PlanStructureData } from './load';
import { mergeWrites, writeStructure } from './write';

/** A new area of weakness: its number (one nobody holds, archived or not) and the finding, quoted. */
export async function addWeakness(
  store: PlanStore,
  data: PlanStructureData,
  input: WeaknessInput,
): Promise<Stored<AreaOfWeakness>> {
  const notDone = 'The area of weakness was not added';
  const value = checkedInput(weaknessInputSchema, input, notDone);
  orRefuse(checkFreeNumber(data, 'weakness', value.number), notDone);
  const { id: _id, ...draft } = weaknessSchema.parse({ id: 'new', planId: data.plan.id, ...value });
  return store.weaknesses.create(draft);
}

/** An area of weakness edited; a new number is followed by the priorities that answer it. */
export async function editWeakness(
  store: PlanStore,
  data: PlanStructureData,
  id: string,
  input: WeaknessInput,
): Promise<void> {
  const notDone = 'The area of weakness was not saved';
  const value = checkedInput(weaknessInputSchema, input, notDone);
  itemOf(data.weaknesses, id, 'area of weakness', notDone);
  const follow = orRefuse(renumber(data, { kind: 'weakness', id }, value.number), notDone);
  await writeStructure(
    store,
    data,
    mergeWrites([
      ...follow,
      { kind: 'weakness', id, patch: { number: value.number, finding: value.finding } },
    ]),
  );
}
