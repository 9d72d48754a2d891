import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { ThrottledError } from '../../../src/graph/errors';
import { createPlanStore } from '../../../src/graph/store';
import { makeMeasureReading } from '../../../src/domain';
import { startTestGraph, type TestGraph } from '../support/local-graph';

describe('writes under throttling', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  });
  afterAll(() => t.close());

  const readings = (n: number, measureId: string) =>
    Array.from({ length: n }, (_, i) => {
      const { id: _id, ...r } = makeMeasureReading({
        id: 'new',
        planId: 'p',
        measureId,
        date: '2026-11-23',
        value: i,
      });
      return r;
    });

  it('completes 2,000 writes with 30% of requests answered 429/503, none retried before Retry-After', async () => {
    t.graph.setFaults({ rate: 0.3, statuses: [429, 503], retryAfterSeconds: 1, latencyMs: 0, seed: 7 });
    t.graph.resetStats();
    const created = await t.storeAs('officer').measureReadings.createMany(readings(2_000, 'throttled'));
    const stats = t.graph.stats();
    t.graph.setFaults({ rate: 0 });

    expect(created).toHaveLength(2_000);
    expect(stats.throttled).toBeGreaterThan(300);
    expect(stats.earlyRetries).toBe(0);
    const stored = await t
      .storeAs('officer')
      .measureReadings.query({ filter: fieldEq('MeasureId', 'throttled') }, []);
    expect(stored).toHaveLength(2_000);
    expect(new Set(stored.map((r) => r.value)).size).toBe(2_000);
  });

  it('gives up with a ThrottledError once the retry budget is spent', async () => {
    t.graph.setFaults({ rate: 1, statuses: [429], retryAfterSeconds: 0, latencyMs: 0 });
    try {
      const impatient = createPlanStore({ client: t.clientAs('officer', { maxRetries: 2 }), siteId: 'root' });
      await expect(impatient.measureReadings.createMany(readings(3, 'never'))).rejects.toBeInstanceOf(
        ThrottledError,
      );
    } finally {
      t.graph.setFaults({ rate: 0 });
    }
  });
});
