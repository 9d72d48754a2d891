/**
 * What of a plan is in use: everything not archived and not inside something
 * archived. Archived items are kept (with their history) but left out of every
 * view and run that uses the plan; only the plan's structure shows them.
 */
interface Archivable {
  id: string;
  archived: boolean;
}

export interface PlanParts<
  P extends Archivable,
  F extends Archivable & { priorityId: string },
  A extends Archivable & { priorityId: string; focusAreaId: string | null },
  M extends { actionId: string },
> {
  priorities: readonly P[];
  focusAreas: readonly F[];
  actions: readonly A[];
  milestones: readonly M[];
}

/**
 * The parts in use. An action is left out when it, its focus area or its priority
 * is archived; a milestone when its action is left out (quietly: it is no data
 * problem). A parent that was not read (left out as a data problem) archives nothing.
 */
export function partsInUse<
  P extends Archivable,
  F extends Archivable & { priorityId: string },
  A extends Archivable & { priorityId: string; focusAreaId: string | null },
  M extends { actionId: string },
>(parts: PlanParts<P, F, A, M>): { priorities: P[]; focusAreas: F[]; actions: A[]; milestones: M[] } {
  const archivedPriorities = idsOf(parts.priorities.filter((p) => p.archived));
  const focusAreaInUse = (f: F) => !f.archived && !archivedPriorities.has(f.priorityId);
  const focusAreas = parts.focusAreas.filter(focusAreaInUse);
  const archivedFocusAreas = idsOf(parts.focusAreas.filter((f) => !focusAreaInUse(f)));
  const leftOut = new Set<string>();
  const actions = parts.actions.filter((a) => {
    const archived =
      a.archived ||
      archivedPriorities.has(a.priorityId) ||
      (a.focusAreaId !== null && archivedFocusAreas.has(a.focusAreaId));
    if (archived) leftOut.add(a.id);
    return !archived;
  });
  return {
    priorities: parts.priorities.filter((p) => !p.archived),
    focusAreas,
    actions,
    milestones: parts.milestones.filter((m) => !leftOut.has(m.actionId)),
  };
}

/** Whether an action is archived itself or inside an archived focus area or priority. */
export function isArchivedInPlan(
  action: Archivable,
  priority: Archivable,
  focusArea: Archivable | null,
): boolean {
  return action.archived || priority.archived || (focusArea?.archived ?? false);
}

function idsOf(items: readonly Archivable[]): Set<string> {
  return new Set(items.map((i) => i.id));
}
