import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Action, DatePrecision, IsoDate } from '../../domain';
import { ReadOnlyError } from '../../graph/errors';
import { invalidatePlan } from '../../shared/data/mutations';
import { usePlanStore } from '../../shared/data/store-context';
import { useSession } from '../../shared/session';

export interface NewMilestone {
  action: Pick<Action, 'id' | 'planId' | 'priorityId'>;
  title: string;
  dueDate: IsoDate;
  dueDatePrecision: DatePrecision;
}

export function useAddMilestone() {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: (input: NewMilestone) =>
      store.milestones.create({
        planId: input.action.planId,
        priorityId: input.action.priorityId,
        actionId: input.action.id,
        title: input.title,
        dueDate: input.dueDate,
        dueDatePrecision: input.dueDatePrecision,
        completedOn: null,
        dateChanges: [],
      }),
    onError: (error) => {
      if (error instanceof ReadOnlyError) session.markReadOnly();
    },
    onSettled: (_m, _e, input) => invalidatePlan(queryClient, input.action.planId, input.action.id),
  });
}
