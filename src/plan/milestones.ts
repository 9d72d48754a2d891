import type { QueryClient } from '@tanstack/react-query';
import {
  formatDate,
  type Action,
  type DatePrecision,
  type IsoDate,
  type Milestone,
  type PersonRef,
  type Stored,
  wholeSecondsIso,
} from '../domain';
import type { PlanStore } from '../graph/store';
import { invalidatePlan } from './cache';
import { recordChange, type RecordedChange } from './history';

/** Milestones of an action: added, moved under change control, completed; each move and completion on record. */

export interface NewMilestone {
  action: Pick<Action, 'id' | 'planId' | 'priorityId'>;
  title: string;
  dueDate: IsoDate;
  dueDatePrecision: DatePrecision;
}

export async function addMilestone(store: PlanStore, input: NewMilestone): Promise<Stored<Milestone>> {
  return store.milestones.create({
    planId: input.action.planId,
    priorityId: input.action.priorityId,
    actionId: input.action.id,
    title: input.title,
    dueDate: input.dueDate,
    dueDatePrecision: input.dueDatePrecision,
    completedOn: null,
    dateChanges: [],
  });
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
  const reason = move.reason.trim();
  const dateChanges = [
    ...milestone.dateChanges,
    { from: milestone.dueDate, to: move.to, reason, changedBy: move.author.displayName, changedAt: move.at },
  ];
  const patch = { dueDate: move.to, dueDatePrecision: 'day' as const, dateChanges };
  return recordMilestoneChange(
    store,
    milestone,
    patch,
    move,
    `moved from ${formatDate(milestone.dueDate)} to ${formatDate(move.to)}: ${reason}`,
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
  return recordMilestoneChange(
    store,
    done.milestone,
    { completedOn: done.on },
    done,
    `completed on ${formatDate(done.on)}`,
  );
}

/** A milestone patch with its history item (the action's rating, unchanged, on both sides). */
function recordMilestoneChange(
  store: PlanStore,
  milestone: Stored<Milestone>,
  patch: Partial<Omit<Milestone, 'id'>>,
  by: { action: Pick<Action, 'status'>; author: PersonRef; at: string },
  what: string,
): Promise<RecordedChange<Milestone>> {
  return recordChange(
    store,
    {
      repository: store.milestones,
      request: store.milestones.updateRequest(milestone, patch),
      changed: { ...milestone, ...patch },
    },
    (m) => ({
      planId: m.planId,
      priorityId: m.priorityId,
      actionId: m.actionId,
      author: by.author,
      at: by.at,
      kind: 'milestone',
      fromRating: by.action.status,
      toRating: by.action.status,
      note: `Milestone "${m.title}" ${what}`,
    }),
  );
}

type ByAuthor<T> = Omit<T, 'author' | 'at'>;

/**
 * The three milestone commands as mutations of the tab's cache: each refreshes
 * the plan's views and the action once settled.
 */
export function milestoneMutations(store: PlanStore, queryClient: QueryClient, author: PersonRef) {
  const at = () => wholeSecondsIso();
  const settle = (_result: unknown, _error: unknown, input: { milestone: Milestone }) =>
    invalidatePlan(queryClient, input.milestone.planId, input.milestone.actionId);
  return {
    add: {
      mutationFn: (input: NewMilestone) => addMilestone(store, input),
      onSettled: (_result: unknown, _error: unknown, input: NewMilestone) =>
        invalidatePlan(queryClient, input.action.planId, input.action.id),
    },
    move: {
      mutationFn: (input: ByAuthor<MilestoneMove>) => moveMilestone(store, { ...input, author, at: at() }),
      onSettled: settle,
    },
    complete: {
      mutationFn: (input: ByAuthor<MilestoneCompletion>) =>
        completeMilestone(store, { ...input, author, at: at() }),
      onSettled: settle,
    },
  };
}
