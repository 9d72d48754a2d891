import type { QueryClient } from '@tanstack/react-query';
import type { CardLinks } from '../../cards';
import type { PersonRef } from '../../domain';
import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { createGraphChannelSender } from './graph-sender';
import { runReminders } from './run';

/**
 * "Send now": the reminder run for one priority, as the signed-in person, with
 * Graph channel messages. It shares the reminder log with the daily run, so
 * neither posts what the other sent.
 */
export function sendNowMutation(
  store: PlanStore,
  queryClient: QueryClient,
  options: { planId: string; person: PersonRef; links: CardLinks },
) {
  return {
    mutationFn: (priorityId: string) =>
      runReminders({
        store,
        sender: createGraphChannelSender(store),
        planId: options.planId,
        priorityId,
        now: new Date(),
        links: () => options.links,
        by: options.person.upn,
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderRun(options.planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.channelMessages() }),
      ]),
  };
}
