import { useQueryClient } from '@tanstack/react-query';
import { structureMutation } from '../../plan/structure/mutations';
import { usePlanStore } from '../../ui/store-context';
import { useCommand } from '../../ui/use-command';

export type { CommandAttempt } from '../../ui/use-command';

/** Runs structure commands of one plan; each settles once the views it touched have been read again. */
export function useStructureCommand(planId: string) {
  return useCommand(structureMutation(usePlanStore(), useQueryClient(), planId));
}
