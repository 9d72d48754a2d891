import type { Action, AreaOfWeakness, FocusArea, Priority, Stored } from '../../domain';
import type { StructureKind } from '../../domain/structure';
import type { PlanStructureData } from '../../plan/structure/load';

/**
 * The plan's structure as the page shows it: each group's items in use, in order,
 * and its archived items apart (shown collapsed under "Archived"). Pure.
 */
export interface Split<T> {
  inUse: T[];
  archived: T[];
}

export interface FocusAreaNode {
  focusArea: Stored<FocusArea>;
  actions: Split<Stored<Action>>;
}

export interface PriorityNode {
  priority: Stored<Priority>;
  focusAreas: Split<FocusAreaNode>;
  /** Actions of the priority that sit in no focus area (some plans have none). */
  ownActions: Split<Stored<Action>>;
}

export interface StructureView {
  weaknesses: Split<Stored<AreaOfWeakness>>;
  priorities: Split<PriorityNode>;
}

function split<T>(items: readonly T[], archived: (item: T) => boolean): Split<T> {
  return { inUse: items.filter((i) => !archived(i)), archived: items.filter(archived) };
}

/** The loader gives every list in order already (numbers, then references as numbers). */
export function structureView(data: PlanStructureData): StructureView {
  const actionsIn = (priorityId: string, focusAreaId: string | null) =>
    split(
      data.actions.filter((a) => a.priorityId === priorityId && a.focusAreaId === focusAreaId),
      (a) => a.archived,
    );
  const priorityNode = (priority: Stored<Priority>): PriorityNode => ({
    priority,
    focusAreas: split(
      data.focusAreas
        .filter((f) => f.priorityId === priority.id)
        .map((focusArea) => ({ focusArea, actions: actionsIn(priority.id, focusArea.id) })),
      (node) => node.focusArea.archived,
    ),
    ownActions: actionsIn(priority.id, null),
  });
  return {
    weaknesses: split(data.weaknesses, (w) => w.archived),
    priorities: split(data.priorities.map(priorityNode), (node) => node.priority.archived),
  };
}

/** How an item is named on its buttons and in announcements: "priority 2", "action 2.1.3". */
export function itemName(kind: StructureKind, item: { number: number } | { reference: string }): string {
  const place = 'number' in item ? String(item.number) : item.reference;
  const noun = {
    weakness: 'area of weakness',
    priority: 'priority',
    focusArea: 'focus area',
    action: 'action',
  };
  return `${noun[kind]} ${place}`;
}

/** The item's name as it is in `data` (after a move, its new number), or null once it is gone. */
export function currentName(data: PlanStructureData, kind: StructureKind, id: string): string | null {
  const byId = (item: { id: string }) => item.id === id;
  const found =
    kind === 'weakness'
      ? data.weaknesses.find(byId)
      : kind === 'priority'
        ? data.priorities.find(byId)
        : kind === 'focusArea'
          ? data.focusAreas.find(byId)
          : data.actions.find(byId);
  return found ? itemName(kind, found) : null;
}
