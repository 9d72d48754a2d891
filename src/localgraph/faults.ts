import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from './context';
import { isBatchInner } from './context';
import { graphErrorBody } from './errors';
import type { FaultConfig, LocalGraphStats } from './types';

export const faultConfigSchema = z.object({
  rate: z.number().min(0).max(1),
  statuses: z
    .array(z.union([z.literal(429), z.literal(503)]))
    .min(1, 'give at least one status (429 or 503)'),
  retryAfterSeconds: z.number().int().min(0).max(3600),
  latencyMs: z.number().int().min(0).max(60_000),
  seed: z.number().int().optional(),
});

export const DEFAULT_FAULTS: FaultConfig = {
  rate: 0,
  statuses: [429, 503],
  retryAfterSeconds: 1,
  latencyMs: 0,
};

/** Small, fast, seedable PRNG (mulberry32) so a seed reproduces the same fault sequence. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Injects throttling and latency, counts requests, and catches clients that retry too early. */
export class FaultController {
  private config: FaultConfig;
  private random: () => number;
  private counters: LocalGraphStats = { requests: 0, batchInnerRequests: 0, throttled: 0, earlyRetries: 0 };
  /** fingerprint -> epoch ms before which a retry is early. */
  private readonly retryNotBefore = new Map<string, number>();

  constructor(initial: FaultConfig = DEFAULT_FAULTS) {
    this.config = faultConfigSchema.parse(initial);
    this.random = mulberry32(initial.seed ?? Date.now());
  }

  current(): FaultConfig {
    return { ...this.config };
  }

  /** Merges and validates; throws a ZodError on bad values. */
  set(partial: Partial<FaultConfig>): FaultConfig {
    this.config = faultConfigSchema.parse({ ...this.config, ...partial });
    if (partial.seed !== undefined) this.random = mulberry32(partial.seed);
    return this.current();
  }

  stats(): LocalGraphStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = { requests: 0, batchInnerRequests: 0, throttled: 0, earlyRetries: 0 };
    this.retryNotBefore.clear();
  }

  private async fingerprint(c: AppContext): Promise<string> {
    const url = new URL(c.req.url);
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
    return `${c.req.method} ${url.pathname}${url.search} ${body}`;
  }

  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (isBatchInner(c)) this.counters.batchInnerRequests += 1;
      else this.counters.requests += 1;
      const { rate, statuses, retryAfterSeconds, latencyMs } = this.config;
      if (latencyMs > 0) await sleep(latencyMs);
      if (rate === 0 && this.retryNotBefore.size === 0) return next();

      const fp = await this.fingerprint(c);
      const notBefore = this.retryNotBefore.get(fp);
      if (notBefore !== undefined) {
        if (Date.now() < notBefore) this.counters.earlyRetries += 1;
        else this.retryNotBefore.delete(fp);
      }
      if (rate === 0 || this.random() >= rate) return next();

      const status = statuses[Math.floor(this.random() * statuses.length)] ?? 429;
      this.counters.throttled += 1;
      this.retryNotBefore.set(fp, Date.now() + retryAfterSeconds * 1000);
      this.prune();
      const [code, message] =
        status === 429
          ? ['activityLimitReached', 'The request has been throttled']
          : [
              'serviceNotAvailable',
              'The service is temporarily unavailable. Please retry after the time given in Retry-After.',
            ];
      c.header('Retry-After', String(retryAfterSeconds));
      return c.json(graphErrorBody(code, message, c.get('requestId'), c.get('clientRequestId')), status);
    };
  }

  private prune(): void {
    if (this.retryNotBefore.size < 10_000) return;
    const now = Date.now();
    for (const [fp, t] of this.retryNotBefore) if (t <= now) this.retryNotBefore.delete(fp);
  }
}
