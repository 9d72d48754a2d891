import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { listChannelMessages, listChannels } from '../../graph/channel-messages';
import { loadReminderInputs, loadReminderSettings } from '../../graph/reminder-inputs';
import { saveReminderPolicy, type StoredReminderPolicy } from '../../graph/reminder-policy';
import { queryKeys } from '../../shared/data/query-keys';
import { usePlanStore } from '../../shared/data/store-context';

export function useReminderSettings(planId: string) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.reminderSettings(planId),
    queryFn: () => loadReminderSettings(store, planId),
  });
}

/** Saves with If-Match; the caller keeps the form as typed when it fails. */
export function useSaveReminderPolicy(planId: string) {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { current: StoredReminderPolicy; policy: unknown }) =>
      saveReminderPolicy(store.ctx, input.current, input.policy),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderSettings(planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderRun(planId) }),
      ]);
    },
  });
}

export function useReminderRunInputs(planId: string) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.reminderRun(planId),
    queryFn: () => loadReminderInputs(store, planId),
  });
}

export function useTeamChannels(teamId: string | null) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.teamChannels(teamId ?? ''),
    queryFn: () => listChannels(store.ctx, teamId ?? ''),
    enabled: teamId !== null,
  });
}

const MESSAGES_SHOWN = 50;

export function useChannelMessages(teamId: string, channelId: string | null) {
  const store = usePlanStore();
  return useQuery({
    queryKey: queryKeys.channelMessagesOf(teamId, channelId ?? ''),
    queryFn: () => listChannelMessages(store.ctx, teamId, channelId ?? '', { max: MESSAGES_SHOWN }),
    enabled: channelId !== null,
  });
}

/** Every channel's latest messages (the same cache entries as `useChannelMessages`), for counts on the tabs. */
export function useEveryChannelsMessages(teamId: string, channelIds: readonly string[]) {
  const store = usePlanStore();
  return useQueries({
    queries: channelIds.map((channelId) => ({
      queryKey: queryKeys.channelMessagesOf(teamId, channelId),
      queryFn: () => listChannelMessages(store.ctx, teamId, channelId, { max: MESSAGES_SHOWN }),
    })),
  });
}
