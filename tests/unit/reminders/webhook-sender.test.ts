import { describe, expect, it } from 'vitest';
import { adaptiveCard, cardBytes, textBlock, utf8Length } from '../../../src/cards';
import type { ChannelRef } from '../../../src/domain/reminders';
import { DeliveryError } from '../../../src/plan/reminders/ports';
import { createRateLimiter, type Clock } from '../../../src/jobs/reminders/rate-limiter';
import { configuredWebhooks } from '../../../src/jobs/reminders/webhook-directory';
import {
  createWebhookSender,
  WEBHOOK_PARCEL_MAX_BYTES,
  WEBHOOK_PARCEL_MAX_CARDS,
} from '../../../src/jobs/reminders/webhook-sender';

/** Time that passes only when something sleeps. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
  };
}

describe('the per-URL rate limiter', () => {
  it('lets at most 4 requests through in any second (plus a margin) per URL', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock, marginMs: 10 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.acquire('a').then((answered) => {
          starts.push(clock.now());
          answered();
        }),
      ),
    );
    expect(starts).toEqual([0, 0, 0, 0, 1010, 1010, 1010, 1010, 2020, 2020]);
  });

  it('counts the window from the answers, so slow requests cannot bunch up at the receiver', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock, marginMs: 10 });
    const answers = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire('a')));
    await clock.sleep(300);
    answers.forEach((answered) => answered());
    await limiter.acquire('a');
    expect(clock.now()).toBe(1310);
  });

  it('does not hold one URL back for another', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ clock });
    for (let i = 0; i < 4; i++) (await limiter.acquire('a'))();
    await limiter.acquire('b');
    expect(clock.now()).toBe(0);
  });
});

const channel: ChannelRef = {
  key: 'wsoa',
  name: 'WSoA action leads',
  teamId: null,
  channelId: null,
  webhookName: 'wsoa-leads',
};
const URL_ = 'https://prod.example/workflows/1';
const cards = [adaptiveCard({ body: [textBlock('Part 1')] }), adaptiveCard({ body: [textBlock('Part 2')] })];

function scriptedFetch(answers: (number | [number, Record<string, string>])[]) {
  const calls: { url: string; body: unknown; redirect?: RequestRedirect }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls.push({ url: String(input), body: JSON.parse(String(init?.body)), redirect: init?.redirect });
    const answer = answers[calls.length - 1] ?? 500;
    const [status, headers] = Array.isArray(answer) ? answer : [answer, {}];
    // A refusal's body may echo what was sent, the signed URL with it.
    return new Response(status === 202 ? null : `nope: ${String(input)}`, { status, headers });
  };
  return { fetch, calls };
}

function sender(answers: Parameters<typeof scriptedFetch>[0]) {
  const clock = fakeClock();
  const scripted = scriptedFetch(answers);
  const s = createWebhookSender({
    directory: configuredWebhooks(new Map([['wsoa-leads', URL_]])),
    fetch: scripted.fetch,
    clock,
  });
  return { sender: s, clock, calls: scripted.calls };
}

describe('the Workflows webhook sender', () => {
  it('posts a parcel’s cards as the attachments of one request', async () => {
    const { sender: s, calls } = sender([202]);
    await s.post(channel, cards);
    expect(calls).toEqual([
      {
        url: URL_,
        body: {
          type: 'message',
          attachments: cards.map((content) => ({
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content,
          })),
        },
        redirect: 'manual',
      },
    ]);
  });

  it('declares parcels of 50 cards, whose request body stays under 512 KB when full', async () => {
    const { sender: s, calls } = sender([202]);
    expect(s.parcel).toEqual({ maxCards: WEBHOOK_PARCEL_MAX_CARDS, maxBytes: WEBHOOK_PARCEL_MAX_BYTES });
    expect(WEBHOOK_PARCEL_MAX_CARDS).toBe(50);
    // 50 cards whose JSON adds up to the byte limit.
    const card = (filler: number) => adaptiveCard({ body: [textBlock('x'.repeat(filler))] });
    const each = WEBHOOK_PARCEL_MAX_BYTES / WEBHOOK_PARCEL_MAX_CARDS - cardBytes(card(0));
    const full = Array.from({ length: WEBHOOK_PARCEL_MAX_CARDS }, () => card(each));
    expect(full.reduce((total, c) => total + cardBytes(c), 0)).toBe(WEBHOOK_PARCEL_MAX_BYTES);
    await s.post(channel, full);
    expect(utf8Length(JSON.stringify(calls[0]?.body))).toBeLessThanOrEqual(512 * 1024);
  });

  it('waits out Retry-After on a 429, then retries', async () => {
    const { sender: s, calls, clock } = sender([[429, { 'Retry-After': '3' }], 202]);
    await s.post(channel, cards);
    expect(calls).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('backs off exponentially on 5xx without Retry-After', async () => {
    const { sender: s, clock } = sender([500, 503, 502, 202]);
    await s.post(channel, cards);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('gives up after six attempts, as a retryable failure', async () => {
    const { sender: s, calls } = sender([503, 503, 503, 503, 503, 503, 202]);
    const failure = s.post(channel, cards);
    await expect(failure).rejects.toBeInstanceOf(DeliveryError);
    await expect(failure).rejects.toMatchObject({
      message: 'The webhook "wsoa-leads" still answered HTTP 503 after 6 attempts',
      retryable: true,
    });
    expect(calls).toHaveLength(6);
  });

  it('does not retry a refusal, and never prints the URL nor the answer, which may echo it', async () => {
    const { sender: s, calls } = sender([400]);
    const failure = s.post(channel, cards);
    await expect(failure).rejects.toMatchObject({
      message: 'The webhook "wsoa-leads" refused the cards: HTTP 400',
      status: 400,
      retryable: false,
    });
    await expect(failure).rejects.not.toThrow(URL_);
    await expect(failure).rejects.not.toThrow('nope');
    expect(calls).toHaveLength(1);
  });

  it('never follows a redirect, which would carry the cards somewhere else', async () => {
    const { sender: s, calls } = sender([[307, { Location: 'https://elsewhere.example/collect' }]]);
    const failure = s.post(channel, cards);
    await expect(failure).rejects.toMatchObject({
      message: expect.stringContaining('answered with a redirect (HTTP 307), which the job does not follow'),
      retryable: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.redirect).toBe('manual');
  });

  it('does not wait out a Retry-After longer than a minute: the log keeps the claim for the next run', async () => {
    const { sender: s, clock } = sender([[429, { 'Retry-After': '3600' }]]);
    await expect(s.post(channel, cards)).rejects.toThrow('still answered HTTP 429 after 1 attempt');
    expect(clock.sleeps).toEqual([]);
  });

  it('names what is missing instead of posting', () => {
    const s = createWebhookSender({ directory: configuredWebhooks(new Map()) });
    expect(s.problemWith(channel)).toBe(
      'REMINDER_WEBHOOKS has no URL for webhook "wsoa-leads" (channel "WSoA action leads")',
    );
    expect(s.problemWith({ ...channel, webhookName: null })).toBe(
      'Channel "WSoA action leads" has no webhook name, so the reminder job cannot post to it',
    );
  });
});
