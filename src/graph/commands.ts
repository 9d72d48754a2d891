import {
  formatDate,
  type Action,
  type IsoDate,
  type Milestone,
  type PersonRef,
  type ProgressUpdate,
} from '../domain';
import { sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import type { Stored } from './mapping';
import type { Repository } from './repository';
import type { PlanStore } from './store';

/**
 * Writes that change an action and record why, each as one `$batch`: the change
 * goes first with If-Match, and the history item depends on it, so a conflict
 * (412) leaves neither behind.
 */
export interface RatingChange {
  action: Stored<Action>;
  toRating: string;
  note: string;
  author: PersonRef;
  /** ISO date-time of the change. */
  at: string;
}

export interface RecordedChange<T> {
  value: Stored<T>;
  update: Stored<ProgressUpdate>;
}

export async function changeRating(store: PlanStore, change: RatingChange): Promise<RecordedChange<Action>> {
  return patchRecordingRating(
    store,
    change.action,
    { status: change.toRating, updatedAt: change.at },
    change,
  );
}

/**
 * Patches an action whose rating changes to `change.toRating`, with the history
 * item depending on the patch, so a 412 leaves neither behind.
 */
export async function patchRecordingRating(
  store: PlanStore,
  action: Stored<Action>,
  patch: Partial<Omit<Action, 'id'>>,
  change: Pick<RatingChange, 'toRating' | 'note' | 'author' | 'at'>,
): Promise<RecordedChange<Action>> {
  return recordTogether(
    store,
    store.actions.updateRequest(action, patch),
    { ...action, ...patch },
    (a) => ({
      planId: a.planId,
      priorityId: a.priorityId,
      actionId: a.id,
      author: change.author,
      at: change.at,
      kind: 'rating',
      fromRating: action.status,
      toRating: change.toRating,
      note: change.note.trim(),
    }),
    store.actions,
  );
}

export interface MilestoneMove {
  milestone: Stored<Milestone>;
  action: Pick<Action, 'status'>;
  to: IsoDate;
  reason: string;
  author: PersonRef;
  at: string;
}

/** Change control: a milestone's date moves only with a reason, kept on the milestone and in the history. */
export async function moveMilestone(
  store: PlanStore,
  move: MilestoneMove,
): Promise<RecordedChange<Milestone>> {
  const { milestone } = move;
  const dateChanges = [
    ...milestone.dateChanges,
    {
      from: milestone.dueDate,
      to: move.to,
      reason: move.reason.trim(),
      changedBy: move.author.displayName,
      changedAt: move.at,
    },
  ];
  const patch = { dueDate: move.to, dueDatePrecision: 'day' as const, dateChanges };
  return recordTogether(
    store,
    store.milestones.updateRequest(milestone, patch),
    { ...milestone, ...patch },
    (m) => ({
      planId: m.planId,
      priorityId: m.priorityId,
      actionId: m.actionId,
      author: move.author,
      at: move.at,
      kind: 'milestone',
      fromRating: move.action.status,
      toRating: move.action.status,
      note: `Milestone "${m.title}" moved from ${formatDate(milestone.dueDate)} to ${formatDate(move.to)}: ${move.reason.trim()}`,
    }),
    store.milestones,
  );
}

export interface MilestoneCompletion {
  milestone: Stored<Milestone>;
  action: Pick<Action, 'status'>;
  on: IsoDate;
  author: PersonRef;
  at: string;
}

export async function completeMilestone(
  store: PlanStore,
  done: MilestoneCompletion,
): Promise<RecordedChange<Milestone>> {
  const patch = { completedOn: done.on };
  return recordTogether(
    store,
    store.milestones.updateRequest(done.milestone, patch),
    { ...done.milestone, ...patch },
    (m) => ({
      planId: m.planId,
      priorityId: m.priorityId,
      actionId: m.actionId,
      author: done.author,
      at: done.at,
      kind: 'milestone',
      fromRating: done.action.status,
      toRating: done.action.status,
      note: `Milestone "${m.title}" completed on ${formatDate(done.on)}`,
    }),
    store.milestones,
  );
}

async function recordTogether<T extends { id: string }>(
  store: PlanStore,
  changeRequest: GraphRequest,
  changed: Stored<T>,
  history: (value: Stored<T>) => Omit<ProgressUpdate, 'id'>,
  repository: Repository<T>,
): Promise<RecordedChange<T>> {
  const historyRequest = { ...store.progressUpdates.createRequest(history(changed)), dependsOn: [0] };
  const [change, recorded] = await sendBatchedJudged(
    store.ctx.client,
    [changeRequest, historyRequest],
    (i) => (i === 0 ? 'Saving the change' : 'Recording the change in the history'),
  );
  if (!change?.ok) throw change?.error ?? new Error('No answer to the change');
  const value = repository.fromWriteResponse(changed, change.response.body, change.response.headers['etag']);
  if (!recorded?.ok) throw recorded?.error ?? new Error('No answer to the history item');
  return { value, update: store.progressUpdates.readItem(recorded.response.body) };
}
