import { listChannelMessages, listChannels } from '../../graph/channel-messages';
import type { PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';

export type { ChannelMessage, TeamChannel } from '../../graph/channel-messages';

/** How many of a channel's latest messages the preview shows. */
const MESSAGES_SHOWN = 50;

export function teamChannelsQuery(store: PlanStore, teamId: string) {
  return { queryKey: queryKeys.teamChannels(teamId), queryFn: () => listChannels(store.ctx, teamId) };
}

/** A channel's latest messages, newest first. */
export function channelMessagesQuery(store: PlanStore, teamId: string, channelId: string) {
  return {
    queryKey: queryKeys.channelMessagesOf(teamId, channelId),
    queryFn: () => listChannelMessages(store.ctx, teamId, channelId, { max: MESSAGES_SHOWN }),
  };
}
