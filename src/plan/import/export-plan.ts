import { partsInUse, type DataProblem } from '../../domain';
import type { PlanStore } from '../../graph/store';
import { loadPlanStructure } from '../structure/load';
import type { ActionRegister, ExportedFile } from './export-register';

export type RegisterFormat = 'xlsx' | 'csv';

export interface ExportedRegister {
  file: ExportedFile;
  /** Items of the plan left out because they do not fit it, named (they are not in the file). */
  problems: DataProblem[];
}

/**
 * The plan's action register as it is in use: its structure in one `$batch`, leaving out what is archived or sits inside something
 * archived (see partsInUse).
 */
export async function loadActionRegister(
  store: PlanStore,
  planId: string,
): Promise<{ register: ActionRegister; problems: DataProblem[] }> {
  const { plan, priorities, focusAreas, actions, problems } = await loadPlanStructure(store, planId);
  const inUse = partsInUse({ priorities, focusAreas, actions, milestones: [] });
  return {
    register: { plan, priorities: inUse.priorities, focusAreas: inUse.focusAreas, actions: inUse.actions },
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
