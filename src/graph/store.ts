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
  Risk,
} from '../domain';
import type { ReminderLogRecord } from '../domain/reminders';
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
  reminderLogMapping,
  reminderPolicyMapping,
  riskMapping,
  weaknessMapping,
  type ReminderPolicyItem,
} from './entities';
import { createRepository, type Repository } from './repository';

/** The repositories of one site, sharing a client: what every use case is given. */
export interface PlanStore {
  ctx: DataContext;
  plans: Repository<Plan>;
  /** The reminder policy column of the plans' items (read and written with the plan's eTag). */
  reminderPolicies: Repository<ReminderPolicyItem>;
  weaknesses: Repository<AreaOfWeakness>;
  priorities: Repository<Priority>;
  focusAreas: Repository<FocusArea>;
  actions: Repository<Action>;
  milestones: Repository<Milestone>;
  progressUpdates: Repository<ProgressUpdate>;
  measures: Repository<Measure>;
  measureReadings: Repository<MeasureReading>;
  risks: Repository<Risk>;
  reminderLog: Repository<ReminderLogRecord>;
}

export function createPlanStore(ctx: DataContext): PlanStore {
  return {
    ctx,
    plans: createRepository(ctx, planMapping),
    reminderPolicies: createRepository(ctx, reminderPolicyMapping),
    weaknesses: createRepository(ctx, weaknessMapping),
    priorities: createRepository(ctx, priorityMapping),
    focusAreas: createRepository(ctx, focusAreaMapping),
    actions: createRepository(ctx, actionMapping),
    milestones: createRepository(ctx, milestoneMapping),
    progressUpdates: createRepository(ctx, progressUpdateMapping),
    measures: createRepository(ctx, measureMapping),
    measureReadings: createRepository(ctx, measureReadingMapping),
    risks: createRepository(ctx, riskMapping),
    reminderLog: createRepository(ctx, reminderLogMapping),
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
