import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { milestoneMutations } from '../../plan/milestones';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';

/** The milestone commands (add, move, complete) as the signed-in person, for `useMutation`. */
export function useMilestoneCommands() {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const { person } = useSession();
  return useMemo(() => milestoneMutations(store, queryClient, person), [store, queryClient, person]);
}
