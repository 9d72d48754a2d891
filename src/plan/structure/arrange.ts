import { moveBy, type StructureKind, type StructureTarget } from '../../domain/structure';
import type { PlanStore } from '../../graph/store';
import { itemOf, orRefuse } from './input';
import type { PlanStructureData } from './load';
import { writeStructure } from './write';

/**
 * Moves an item up (-1) or down (+1) among its siblings in use; it and its
 * siblings are renumbered and every reference below them follows, all with
 * If-Match (see writeStructure). At either end there is nothing to do.
 */
export async function moveItem(
  store: PlanStore,
  data: PlanStructureData,
  target: StructureTarget,
  offset: number,
): Promise<void> {
  const changes = orRefuse(moveBy(data, target, offset), 'Nothing was moved');
  await writeStructure(store, data, changes);
}

/**
 * Archives an item, or restores it. It keeps its number and reference, so nothing
 * else is renumbered; what is inside it is left out of the plan's views with it.
 */
export async function setArchived(
  store: PlanStore,
  data: PlanStructureData,
  target: StructureTarget,
  archived: boolean,
): Promise<void> {
  const notDone = archived ? 'Nothing was archived' : 'Nothing was restored';
  const items: Record<StructureKind, readonly { id: string; archived: boolean }[]> = {
    weakness: data.weaknesses,
    priority: data.priorities,
    focusArea: data.focusAreas,
    action: data.actions,
  };
  const item = itemOf(items[target.kind], target.id, NAMES[target.kind], notDone, true);
  if (item.archived === archived) return;
  await writeStructure(store, data, [{ ...target, patch: { archived } }]);
}

const NAMES: Record<StructureKind, string> = {
  weakness: 'area of weakness',
  priority: 'priority',
  focusArea: 'focus area',
  action: 'action',
};
