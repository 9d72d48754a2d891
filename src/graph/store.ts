import type {
  Action,
  AreaOfWeakness,
  Cycle,
  FocusArea,
  Measure,
  MeasureReading,
  Milestone,
  Plan,
  Priority,
  ProgressUpdate,
  Risk,
} from '../domain';
import type { ReminderLogItem } from '../domain/reminders/log';
import { firstFailure, sendBatchedJudged } from './batch';
import { ListThresholdError } from './errors';
import type { GraphRequest } from './client';
import type { DataContext } from './context';
import {
  actionMapping,
  cycleMapping,
  focusAreaMapping,
  importMappingMapping,
  measureMapping,
  measureReadingMapping,
  milestoneMapping,
  planMapping,
  priorityMapping,
  progressUpdateMapping,
  reminderLogMapping,
  reminderPolicyMapping,
  riskMapping,
  snapshotPartMapping,
  weaknessMapping,
  type ImportMappingItem,
  type SnapshotPart,
  type ReminderPolicyItem,
} from './entities';
import { createRepository, type Repository } from './repository';

/** The repositories of one site, sharing a client: what every use case is given. */
export interface PlanStore {
  ctx: DataContext;
  plans: Repository<Plan>;
  /** The reminder policy column of the plans' items (read and written with the plan's eTag). */
  reminderPolicies: Repository<ReminderPolicyItem>;
  /** The column mapping the plan's imports remember, in a column of the plans' items. */
  importMappings: Repository<ImportMappingItem>;
  weaknesses: Repository<AreaOfWeakness>;
  priorities: Repository<Priority>;
  focusAreas: Repository<FocusArea>;
  actions: Repository<Action>;
  milestones: Repository<Milestone>;
  progressUpdates: Repository<ProgressUpdate>;
  measures: Repository<Measure>;
  measureReadings: Repository<MeasureReading>;
  risks: Repository<Risk>;
  cycles: Repository<Cycle>;
  snapshotParts: Repository<SnapshotPart>;
  reminderLog: Repository<ReminderLogItem>;
}

export function createPlanStore(ctx: DataContext): PlanStore {
  return {
    ctx,
    plans: createRepository(ctx, planMapping),
    reminderPolicies: createRepository(ctx, reminderPolicyMapping),
    importMappings: createRepository(ctx, importMappingMapping),
    weaknesses: createRepository(ctx, weaknessMapping),
    priorities: createRepository(ctx, priorityMapping),
    focusAreas: createRepository(ctx, focusAreaMapping),
    actions: createRepository(ctx, actionMapping),
    milestones: createRepository(ctx, milestoneMapping),
    progressUpdates: createRepository(ctx, progressUpdateMapping),
    measures: createRepository(ctx, measureMapping),
    measureReadings: createRepository(ctx, measureReadingMapping),
    risks: createRepository(ctx, riskMapping),
    cycles: createRepository(ctx, cycleMapping),
    snapshotParts: createRepository(ctx, snapshotPartMapping),
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

/** A body read, or SharePoint's list view threshold refusal for the caller to read around. */
export type ReadOutcome = { body: unknown } | { refused: ListThresholdError };

/** As readTogether, except that a read refused for the list view threshold comes back as such. */
export async function readTogetherOrRefused<const R extends readonly GraphRequest[]>(
  ctx: DataContext,
  requests: R,
  what: string,
): Promise<{ [K in keyof R]: ReadOutcome }> {
  const results = await sendBatchedJudged(ctx.client, requests, () => what);
  const failure = firstFailure(results.filter((r) => r.ok || !(r.error instanceof ListThresholdError)));
  if (failure) throw failure;
  return results.map((r) =>
    r.ok ? { body: r.response.body } : { refused: r.error as ListThresholdError },
  ) as { [K in keyof R]: ReadOutcome };
}

/** The body of a read that must not be refused (a plan's priorities, a single item): the refusal thrown if it was. */
export function bodyOf(outcome: ReadOutcome): unknown {
  if ('refused' in outcome) throw outcome.refused;
  return outcome.body;
}
