import { MAX_CARD_BYTES, toGraphChatMessage } from '../../cards';
import { postChannelMessage } from '../../graph/channel-messages';
import { GraphDataError, ThrottledError } from '../../graph/errors';
import type { PlanStore } from '../../graph/store';
import { DeliveryError, type ReminderSender } from './ports';

/**
 * Graph channel messages, posted as the signed-in person (delegated): Graph
 * refuses app-only channel posts outside migration, so the unattended job uses
 * webhooks and this adapter serves a person pressing "Send now". One message per card.
 */
export function createGraphChannelSender(store: PlanStore): ReminderSender {
  return {
    via: 'Graph channel message',
    confirms: 'posted',
    // Graph takes one message per request, so nothing is gained by packing: a parcel is one group.
    parcel: { maxCards: 1, maxBytes: MAX_CARD_BYTES },
    problemWith: (channel) =>
      channel.teamId && channel.channelId
        ? null
        : `Channel "${channel.name || channel.key}" has no team and channel id, which a Graph post needs`,
    laneOf: (channel) => `${channel.teamId ?? ''}/${channel.channelId ?? ''}`,
    async post(channel, cards) {
      if (!channel.teamId || !channel.channelId) {
        throw new DeliveryError(
          `Channel "${channel.name || channel.key}" has no team and channel id`,
          null,
          false,
        );
      }
      for (const card of cards) {
        try {
          await postChannelMessage(
            store.ctx,
            channel.teamId,
            channel.channelId,
            toGraphChatMessage(card, crypto.randomUUID()),
          );
        } catch (error) {
          if (!(error instanceof GraphDataError)) throw error;
          throw new DeliveryError(error.message, error.status, error instanceof ThrottledError);
        }
      }
    },
  };
}
