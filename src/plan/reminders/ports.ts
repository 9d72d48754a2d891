import type { AdaptiveCard } from '../../cards';
import type { ChannelRef } from '../../domain/reminders';

/**
 * How much one `post` may carry. The run packs consecutive delivery groups of a
 * lane into parcels up to these limits; a group's cards are never divided, so a
 * group larger than the limits travels alone.
 */
export interface ParcelLimits {
  /** Cards per post. */
  maxCards: number;
  /** The cards' JSON per post, in UTF-8 bytes (as `cardBytes` counts them). */
  maxBytes: number;
}

/** The delivery port: a Teams Workflows webhook, or a Graph channel message. */
export interface ReminderSender {
  /** For reports: "Teams Workflows webhook", "Graph channel message". */
  readonly via: string;
  /**
   * What a post that succeeds says. Graph answers once the message is in the
   * channel ('posted'); a Workflows webhook answers 202 once the flow has taken the
   * request, before it posts, and never reports a card it then fails on (a private
   * channel, a card too large, its connector throttled) ('accepted').
   */
  readonly confirms: 'posted' | 'accepted';
  readonly parcel: ParcelLimits;
  /** Why this sender cannot post to a channel (nothing configured for it), or null when it can. */
  problemWith(channel: ChannelRef): string | null;
  /**
   * Posts one parcel's cards (one or more delivery groups') to a channel, each card
   * becoming its own channel message. Throws DeliveryError when the post did not go.
   */
  post(channel: ChannelRef, cards: readonly AdaptiveCard[]): Promise<void>;
  /**
   * Posts to the same place share a lane: lanes run side by side, posts within a
   * lane one after another (a webhook URL is limited to 4 requests a second).
   */
  laneOf(channel: ChannelRef): string;
}

/** A post that failed; the run goes on with other posts, and the log keeps the claim for the next run. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
