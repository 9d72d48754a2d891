import type {
  Action,
  AreaOfWeakness,
  FocusArea,
  Measure,
  MeasureReading,
  Milestone,
  Plan,
  Priority,
  ProgressUpdate,
  ReportSnapshot,
  Risk,
} from '../domain';
import { firstFailure, sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import type { DataContext } from './context';
import {
  actionMapping,
  focusAreaMapping,
  measureMapping,
  measureReadingMapping,
  milestoneMapping,
  planMapping,
  priorityMapping,
  progressUpdateMapping,
  reportSnapshotMapping,
  riskMapping,
  weaknessMapping,
} from './mappings';
import { createRepository, type Repository } from './repository';

/** The repositories of one site, sharing a client. */
export interface PlanStore {
  ctx: DataContext;
  plans: Repository<Plan>;
  weaknesses: Repository<AreaOfWeakness>;
  priorities: Repository<Priority>;
  focusAreas: Repository<FocusArea>;
  actions: Repository<Action>;
  milestones: Repository<Milestone>;
  progressUpdates: Repository<ProgressUpdate>;
  measures: Repository<Measure>;
  measureReadings: Repository<MeasureReading>;
  risks: Repository<Risk>;
  reportSnapshots: Repository<ReportSnapshot>;
}

export function createPlanStore(ctx: DataContext): PlanStore {
  return {
    ctx,
    plans: createRepository(ctx, planMapping),
    weaknesses: createRepository(ctx, weaknessMapping),
    priorities: createRepository(ctx, priorityMapping),
    focusAreas: createRepository(ctx, focusAreaMapping),
    actions: createRepository(ctx, actionMapping),
    milestones: createRepository(ctx, milestoneMapping),
    progressUpdates: createRepository(ctx, progressUpdateMapping),
    measures: createRepository(ctx, measureMapping),
    measureReadings: createRepository(ctx, measureReadingMapping),
    risks: createRepository(ctx, riskMapping),
    reportSnapshots: createRepository(ctx, reportSnapshotMapping),
  };
}

/**
 * Sends several GETs as one `$batch` and hands back each body, so that a view's
 * reads cost one round trip. Throws the first failure as a typed error.
 */
export async function readTogether(
  ctx: DataContext,
  requests: readonly GraphRequest[],
  what: string,
): Promise<unknown[]> {
  const results = await sendBatchedJudged(ctx.client, requests, () => what);
  const failure = firstFailure(results);
  if (failure) throw failure;
  return results.map((r) => (r.ok ? r.response.body : null));
}
