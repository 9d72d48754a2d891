import { useQueryClient } from '@tanstack/react-query';
import { riskMutation } from '../../plan/risks';
import { usePlanStore } from '../../ui/store-context';
import { useCommand, type CommandAttempt } from '../../ui/use-command';

export type RiskAttempt = CommandAttempt;

/** Runs the register's commands; the promise settles once the register has been read again. */
export function useRiskCommand(planId: string) {
  return useCommand(riskMutation(usePlanStore(), useQueryClient(), planId));
}
