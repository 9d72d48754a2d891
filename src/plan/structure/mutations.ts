import type { QueryClient } from '@tanstack/react-query';
import type { StructureTarget } from '../../domain/structure';
import type { ActionInput, FocusAreaInput, PriorityInput, WeaknessInput } from '../../domain/structure-input';
import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { saveOrReload, type SaveOutcome } from '../save-outcome';
import { tabSetupKeys } from '../tab-setup';
import { addAction, editAction, type ActionPlace } from './actions';
import { moveItem, setArchived } from './arrange';
import { addFocusArea, editFocusArea } from './focus-areas';
import { loadPlanStructure, type PlanStructureData } from './load';
import { addPriority, editPriority } from './priorities';
import { addWeakness, editWeakness } from './weaknesses';

/** What every structure command is given: the structure as the person saw it (its eTags). */
interface On {
  data: PlanStructureData;
}

/** The commands of the structure page, each saved with the eTags it was shown. */
export type StructureCommand =
  | (On & { do: 'add-weakness'; input: WeaknessInput })
  | (On & { do: 'edit-weakness'; id: string; input: WeaknessInput })
  | (On & { do: 'add-priority'; input: PriorityInput })
  | (On & { do: 'edit-priority'; id: string; input: PriorityInput })
  | (On & { do: 'add-focus-area'; priorityId: string; input: FocusAreaInput })
  | (On & { do: 'edit-focus-area'; id: string; input: FocusAreaInput })
  | (On & { do: 'add-action'; place: ActionPlace; input: ActionInput })
  | (On & { do: 'edit-action'; id: string; input: ActionInput })
  | (On & { do: 'move'; target: StructureTarget; offset: number })
  | (On & { do: 'archive' | 'restore'; target: StructureTarget });

export async function runStructureCommand(store: PlanStore, command: StructureCommand): Promise<void> {
  const { data } = command;
  switch (command.do) {
    case 'add-weakness':
      await addWeakness(store, data, command.input);
      return;
    case 'edit-weakness':
      return editWeakness(store, data, command.id, command.input);
    case 'add-priority':
      await addPriority(store, data, command.input);
      return;
    case 'edit-priority':
      return editPriority(store, data, command.id, command.input);
    case 'add-focus-area':
      await addFocusArea(store, data, command.priorityId, command.input);
      return;
    case 'edit-focus-area':
      return editFocusArea(store, data, command.id, command.input);
    case 'add-action':
      await addAction(store, data, command.place, command.input);
      return;
    case 'edit-action':
      return editAction(store, data, command.id, command.input);
    case 'move':
      return moveItem(store, data, command.target, command.offset);
    case 'archive':
    case 'restore':
      return setArchived(store, data, command.target, command.do === 'archive');
  }
}

/**
 * A structure command as a mutation of the tab's cache. A 412 comes back as a
 * conflict with the structure as it is now, which the page then shows; once
 * settled, every view the change may touch is read again (see invalidateStructure).
 */
export function structureMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (command: StructureCommand) =>
      saveOrReload(
        () => runStructureCommand(store, command),
        () => loadPlanStructure(store, planId),
      ),
    onSuccess: (outcome: SaveOutcome<void, PlanStructureData>) => {
      if (outcome.kind === 'conflict') queryClient.setQueryData(queryKeys.structure(planId), outcome.latest);
    },
    onSettled: () => invalidateStructure(queryClient, planId),
  };
}

/**
 * A change of structure (renumbering, archiving, an import) changes what every view of the plan shows:
 * the plan's views, the default overview, every action page, My work and the
 * priorities the tab's set-up offers.
 */
export function invalidateStructure(queryClient: QueryClient, planId: string) {
  return Promise.all(
    [
      queryKeys.planScope(planId),
      queryKeys.defaultOverview(),
      queryKeys.actions(),
      queryKeys.myWork(),
      tabSetupKeys.all(),
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
