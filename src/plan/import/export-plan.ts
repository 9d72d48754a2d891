import { byPriorityNumber, partsInUse, type DataProblem } from '../../domain';
import { fieldEq } from '../../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../../graph/store';
import { planItems } from '../plan-items';
import type { ActionRegister, ExportedFile } from './export-register';

export type RegisterFormat = 'xlsx' | 'csv';

export interface ExportedRegister {
  file: ExportedFile;
  /** Items of the plan left out because they do not fit it, named (they are not in the file). */
  problems: DataProblem[];
}

/**
 * The plan's action register as it is in use: its priorities, focus areas and
 * actions in one `$batch`, leaving out what is archived or sits inside something
 * archived (see partsInUse).
 */
export async function loadActionRegister(
  store: PlanStore,
  planId: string,
): Promise<{ register: ActionRegister; problems: DataProblem[] }> {
  const inPlan = fieldEq('PlanId', planId);
  const [plan, priorities, focusAreas, actions] = await readTogetherOrRefused(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.priorities.queryRequest({ filter: inPlan }),
      store.focusAreas.queryRequest({ filter: inPlan }),
      store.actions.queryRequest({ filter: inPlan }),
    ],
    "Reading the plan's action register",
  );
  const problems: DataProblem[] = [];
  const priorityItems = (await store.priorities.readPages(bodyOf(priorities), problems)).sort(
    byPriorityNumber,
  );
  const [focusAreaItems, actionItems] = await Promise.all([
    store.focusAreas.readPages(bodyOf(focusAreas), problems),
    planItems(
      store,
      store.actions,
      actions,
      priorityItems.map((p) => p.id),
      problems,
    ),
  ]);
  const inUse = partsInUse({
    priorities: priorityItems,
    focusAreas: focusAreaItems,
    actions: actionItems,
    milestones: [],
  });
  return {
    register: {
      plan: store.plans.readItem(bodyOf(plan)),
      priorities: inUse.priorities,
      focusAreas: inUse.focusAreas,
      actions: inUse.actions,
    },
    problems,
  };
}

/** The register as a workbook or a CSV file; the writers (ExcelJS, PapaParse) load only now. */
export async function exportPlanRegister(
  store: PlanStore,
  planId: string,
  format: RegisterFormat,
): Promise<ExportedRegister> {
  const [{ register, problems }, { exportRegister }] = await Promise.all([
    loadActionRegister(store, planId),
    import('./export-register'),
  ]);
  return { file: await exportRegister(register, format), problems };
}

/** "Export register" in the tab: a read, but run on demand, as a mutation is. */
export function exportRegisterMutation(store: PlanStore, planId: string) {
  return { mutationFn: (format: RegisterFormat) => exportPlanRegister(store, planId, format) };
}
