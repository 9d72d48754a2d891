import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalGraph } from '../../../src/localgraph/index';
import { TestClient, errorSchema, expectError, startFresh, stopAndRemove } from './helpers';

let graph: LocalGraph;
let lead: TestClient;

beforeAll(async () => {
  graph = await startFresh();
  lead = new TestClient(graph, 'lead');
});
afterEach(() => {
  graph.setFaults({ rate: 0, latencyMs: 0, statuses: [429, 503], retryAfterSeconds: 1 });
  graph.resetStats();
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const statsSchema = z.object({
  requests: z.number(),
  batchInnerRequests: z.number(),
  throttled: z.number(),
  earlyRetries: z.number(),
});

describe('fault injection', () => {
  it('answers 429 with Retry-After and Graph’s body at rate 1, and counts it', async () => {
    graph.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 7 });
    const reply = await lead.get('/me');
    expectError(reply, 429, 'activityLimitReached', 'throttled');
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(graph.stats()).toEqual({ requests: 1, batchInnerRequests: 0, throttled: 1, earlyRetries: 0 });
  });

  it('answers 503 serviceNotAvailable when asked to', async () => {
    graph.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 2 });
    const reply = await lead.get('/sites/root');
    expectError(reply, 503, 'serviceNotAvailable');
    expect(reply.headers.get('retry-after')).toBe('2');
  });

  it('counts a retry of the same request before Retry-After has passed as an early retry', async () => {
    graph.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 30 });
    await lead.post('/sites/root/lists', { displayName: 'Early' });
    await lead.post('/sites/root/lists', { displayName: 'Early' });
    await lead.post('/sites/root/lists', { displayName: 'Different body' });
    expect(graph.stats()).toMatchObject({ throttled: 3, earlyRetries: 1 });
  });

  it('does not count a retry once Retry-After has passed', async () => {
    graph.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 0 });
    await lead.get('/me');
    await lead.get('/me');
    expect(graph.stats()).toMatchObject({ throttled: 2, earlyRetries: 0 });
  });

  it('throttles batch inner requests independently, with Retry-After in the inner headers', async () => {
    graph.setFaults({ rate: 0.5, statuses: [429, 503], retryAfterSeconds: 3, seed: 42 });
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    let observedThrottles = 0;
    let inner: { status: number; headers: Record<string, string>; body?: unknown }[] | undefined;
    for (let attempt = 0; attempt < 20 && inner === undefined; attempt += 1) {
      const reply = await lead.post('/$batch', { requests });
      if (reply.status === 200) {
        inner = z
          .object({
            responses: z.array(
              z.object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.unknown() }),
            ),
          })
          .parse(reply.json).responses;
      } else {
        expect([429, 503]).toContain(reply.status);
        observedThrottles += 1;
      }
    }
    expect(inner).toBeDefined();
    const throttled = (inner ?? []).filter((r) => r.status !== 200);
    expect(throttled.length).toBeGreaterThan(0);
    for (const r of throttled) {
      expect([429, 503]).toContain(r.status);
      expect(r.headers['Retry-After']).toBe('3');
      expect(['activityLimitReached', 'serviceNotAvailable']).toContain(errorSchema.parse(r.body).error.code);
    }
    const stats = graph.stats();
    expect(stats.throttled).toBe(observedThrottles + throttled.length);
    expect(stats.batchInnerRequests).toBe(20);
    expect(stats.requests).toBe(observedThrottles + 1);
  });

  it('reproduces the same sequence of faults from the same seed', async () => {
    const run = async () => {
      graph.setFaults({ rate: 0.5, statuses: [429, 503], seed: 1234, retryAfterSeconds: 0 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await lead.get('/me')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('adds latency before answering', async () => {
    graph.setFaults({ latencyMs: 60 });
    const started = performance.now();
    expect((await lead.get('/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('leaves /_admin and /_local alone, and validates the admin fault configuration', async () => {
    const put = (body: unknown) =>
      fetch(`${graph.origin}/_admin/faults`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ rate: 2 })).status).toBe(400);
    expect((await put({ statuses: [500] })).status).toBe(400);
    expect((await put({ latency: 5 })).status).toBe(400);
    const ok = await put({ rate: 1, statuses: [503], retryAfterSeconds: 4 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ rate: 1, statuses: [503], retryAfterSeconds: 4, latencyMs: 0 });
    expect((await fetch(`${graph.origin}/_local/people`)).status).toBe(200);
    expect((await lead.get('/me')).status).toBe(503);
    const stats = statsSchema.parse(await (await fetch(`${graph.origin}/_admin/stats`)).json());
    expect(stats).toMatchObject({ requests: 1, throttled: 1 });
    const reset = statsSchema.parse(
      await (await fetch(`${graph.origin}/_admin/stats/reset`, { method: 'POST' })).json(),
    );
    expect(reset).toEqual({ requests: 0, batchInnerRequests: 0, throttled: 0, earlyRetries: 0 });
  });
});
