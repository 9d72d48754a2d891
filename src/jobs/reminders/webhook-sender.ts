import { toWorkflowsWebhookPayload, type AdaptiveCard } from '../../cards';
import type { ChannelRef } from '../../domain/reminders';
import { retryAfterSeconds } from '../../graph/client';
import { DeliveryError, type ReminderSender } from '../../plan/reminders/ports';
import { createRateLimiter, systemClock, type Clock, type RateLimiter } from './rate-limiter';
import type { WebhookDirectory } from './webhook-directory';

export interface WebhookSenderOptions {
  directory: WebhookDirectory;
  fetch?: typeof fetch;
  clock?: Clock;
  limiter?: RateLimiter;
  /** Tries per post, the first included. */
  maxAttempts?: number;
  /** Backoff without Retry-After: 0.5 s, 1 s, 2 s… */
  baseDelayMs?: number;
  /** A Retry-After longer than this is not waited out: the claim stays for the next run. */
  maxDelayMs?: number;
  timeoutMs?: number;
}

/** Cards per request: the flow posts them one by one, so 50 bounds a flow run and what a killed run repeats. */
export const WEBHOOK_PARCEL_MAX_CARDS = 50;
/** Cards' JSON per request: with their attachment envelopes (~90 bytes a card) the body stays under 512 KB. */
export const WEBHOOK_PARCEL_MAX_BYTES = 500 * 1024;

/**
 * Teams Workflows incoming webhooks: `{"type":"message","attachments":[…]}`. A
 * parcel's cards (several delivery groups') travel in one request, and the flow's
 * "Send each adaptive card" loop posts each attachment as its own message; the
 * request is taken (202) or not, so a parcel never goes in part. At most 4
 * requests a second per URL; 429 and 5xx are retried, waiting out Retry-After when given.
 */
export function createWebhookSender(options: WebhookSenderOptions): ReminderSender {
  const send = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;
  const limiter = options.limiter ?? createRateLimiter({ clock });
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;

  function urlOf(channel: ChannelRef): string {
    const found = options.directory.resolve(channel);
    if ('problem' in found) throw new DeliveryError(found.problem, null, false);
    return found.url;
  }

  return {
    via: 'Teams Workflows webhook',
    confirms: 'accepted',
    parcel: { maxCards: WEBHOOK_PARCEL_MAX_CARDS, maxBytes: WEBHOOK_PARCEL_MAX_BYTES },
    problemWith(channel) {
      const found = options.directory.resolve(channel);
      return 'problem' in found ? found.problem : null;
    },
    laneOf: (channel) => urlOf(channel),
    async post(channel, cards: readonly AdaptiveCard[]) {
      const url = urlOf(channel);
      const name = `webhook "${channel.webhookName ?? channel.key}"`;
      const body = JSON.stringify({
        type: 'message',
        attachments: cards.flatMap((card) => toWorkflowsWebhookPayload(card).attachments),
      });
      for (let attempt = 1; ; attempt++) {
        const answered = await limiter.acquire(url);
        let status = 0; // no answer: a network failure or a timeout
        let wait: number | null = null;
        try {
          const response = await send(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
            // A redirect would carry the cards (and the flow's signed URL) somewhere else: never follow one.
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
          });
          answered();
          status = response.status;
          // The answer's body is never shown: it may echo the request, signature and all.
          await response.body?.cancel().catch(() => undefined);
          if (status >= 200 && status < 300) return;
          if (status >= 300 && status < 400) {
            throw new DeliveryError(
              `The ${name} answered with a redirect (HTTP ${status}), which the job does not follow; check its URL`,
              status,
              false,
            );
          }
          if (status !== 429 && status < 500) {
            throw new DeliveryError(`The ${name} refused the cards: HTTP ${status}`, status, false);
          }
          const seconds = retryAfterSeconds(Object.fromEntries(response.headers));
          wait = seconds === null ? null : seconds * 1000;
        } catch (error) {
          answered();
          if (error instanceof DeliveryError) throw error;
        }
        const delay = wait ?? Math.min(baseDelayMs * 2 ** (attempt - 1), maxDelayMs);
        if (attempt >= maxAttempts || delay > maxDelayMs) {
          const what = status === 0 ? 'did not answer' : `still answered HTTP ${status}`;
          throw new DeliveryError(
            `The ${name} ${what} after ${attempt} attempt${attempt === 1 ? '' : 's'}`,
            status || null,
            true,
          );
        }
        await clock.sleep(delay);
      }
    },
  };
}
