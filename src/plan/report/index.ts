import type { Cycle, DataProblem, Stored } from '../../domain';
import { type Snapshot } from '../../domain/snapshot';
import type { PlanStore } from '../../graph/store';
import { defaultCycleTitle, frozenCycles, loadCycles, loadSnapshotPair } from '../cycles';
import { NotFoundError } from '../errors';
import { renderReportDocx } from './report-docx';
import { buildReportModel } from './report-model';

/**
 * The report pack of a reporting cycle: its snapshot (with the one before it, for
 * the direction of travel) written as a Word document. The tab loads this module
 * lazily, so `docx` stays out of its first load; the `report` command calls it too.
 */
export interface ReportPack {
  /** "Report pack - 6-weekly board, 12 Jan 2027.docx". */
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  cycle: Stored<Cycle>;
  snapshot: Snapshot;
  /** Cycle items left out because they do not fit, named. */
  problems: DataProblem[];
}

export type ReportSelector = { cycleId: string } | 'latest';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FIRST = 'Take a snapshot of a reporting cycle first';

export async function reportPack(
  store: PlanStore,
  planId: string,
  selector: ReportSelector,
): Promise<ReportPack> {
  const [plan, { cycles, problems }] = await Promise.all([
    store.plans.get(planId),
    loadCycles(store, planId),
  ]);
  const frozen = frozenCycles(cycles);
  const chosen = selector === 'latest' ? frozen.at(-1) : cycles.find((c) => c.id === selector.cycleId);
  if (!chosen) {
    if (selector === 'latest') throw new NotFoundError(`"${plan.title}" has no snapshot yet. ${FIRST}`);
    const known = frozen.map((c) => `"${c.title}" (id ${c.id})`).join(', ');
    throw new NotFoundError(
      `No reporting cycle with the id "${selector.cycleId}" in "${plan.title}"${known ? `; its snapshots: ${known}` : `. ${FIRST}`}`,
    );
  }
  if (chosen.snapshotAt === null) throw new NotFoundError(`"${chosen.title}" has no snapshot yet. ${FIRST}`);
  const { snapshot, previous } = await loadSnapshotPair(store, cycles, chosen.id);
  // A frozen cycle's snapshot is read or refused by loadSnapshotPair: null does not happen here.
  if (snapshot === null) throw new NotFoundError(`"${chosen.title}" has no snapshot yet. ${FIRST}`);
  const model = buildReportModel({ plan, cycle: chosen, snapshot, previous });
  return {
    fileName: `Report pack - ${defaultCycleTitle(chosen.kind, chosen.meetingDate)}.docx`,
    mediaType: DOCX_MEDIA_TYPE,
    bytes: await renderReportDocx(model),
    cycle: chosen,
    snapshot,
    problems,
  };
}
