import { z } from 'zod';
import { mapLimited } from '../lib/concurrency';
import {
  isTransientFailure,
  lowerCaseHeaders,
  retryAfterSeconds,
  type GraphClient,
  type GraphRequest,
  type GraphResponse,
} from './client';
import { errorFromResponse, GraphDataError, ThrottledError } from './errors';

/** Graph's JSON batching takes at most 20 requests. */
export const BATCH_LIMIT = 20;
const DEFAULT_CONCURRENCY = 4;

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

export interface BatchOptions {
  /** How many `$batch` requests may be in flight at once. */
  concurrency?: number;
}

/**
 * Sends any number of requests as JSON batches of 20. Inner 429/503/504 answers are
 * invisible to the SDK's retry handler, so they are retried here: after each
 * round every throttled request waits until the latest `Retry-After` among them
 * has passed, then all go again together, until the retry budget is spent.
 * Resolves with one response per request, in order; other statuses are the caller's.
 */
export async function sendBatched(
  client: GraphClient,
  requests: readonly GraphRequest[],
  options: BatchOptions = {},
): Promise<GraphResponse[]> {
  assertDependenciesFit(requests);
  const results = new Array<GraphResponse | undefined>(requests.length);
  let pending = requests.map((_, index) => index);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const retry = new Map<number, { response: GraphResponse; notBefore: number }>();
    const chunks = chunk(pending, BATCH_LIMIT);
    await mapLimited(chunks, options.concurrency ?? DEFAULT_CONCURRENCY, async (indexes) => {
      const responses = await sendOneBatch(client, requests, indexes);
      const sentAt = Date.now();
      responses.forEach((response, position) => {
        const index = indexes[position] as number;
        if (isTransientFailure(response.status, response.headers)) {
          const wait = retryAfterSeconds(response.headers) ?? 1;
          retry.set(index, { response, notBefore: sentAt + wait * 1000 });
        } else {
          results[index] = response;
        }
      });
    });
    // A request refused (424) only because what it depends on was throttled goes again with it.
    for (const index of pending) {
      const deps = requests[index]?.dependsOn ?? [];
      if (results[index]?.status === 424 && deps.some((d) => retry.has(d))) {
        retry.set(index, { response: results[index] as GraphResponse, notBefore: 0 });
        results[index] = undefined;
      }
    }
    if (retry.size === 0) break;
    if (attempt >= client.maxRetries) {
      for (const [index, r] of retry) results[index] = r.response;
      break;
    }
    await delay(Math.max(...[...retry.values()].map((r) => r.notBefore)) - Date.now());
    pending = [...retry.keys()].sort((a, b) => a - b);
  }
  return results.map((r, i) => {
    if (!r) throw new Error(`Batch request ${i} got no response`);
    return r;
  });
}

/** Requests that depend on each other must travel in one batch, so such a call holds at most 20. */
function assertDependenciesFit(requests: readonly GraphRequest[]): void {
  const linked = requests.some((r) => r.dependsOn?.length);
  if (linked && requests.length > BATCH_LIMIT) {
    throw new GraphDataError(`Requests with dependencies must fit one batch of ${BATCH_LIMIT}`);
  }
}

async function sendOneBatch(
  client: GraphClient,
  all: readonly GraphRequest[],
  indexes: readonly number[],
): Promise<GraphResponse[]> {
  const inThisBatch = new Set(indexes);
  const requests = indexes.map((i) => all[i] as GraphRequest);
  for (const request of requests) client.onRequest?.(request);
  const body = {
    requests: requests.map((r, position) => ({
      id: String((indexes[position] as number) + 1),
      method: r.method,
      url: r.path,
      ...(r.dependsOn?.some((d) => inThisBatch.has(d))
        ? { dependsOn: r.dependsOn.filter((d) => inThisBatch.has(d)).map((d) => String(d + 1)) }
        : {}),
      ...(r.body !== undefined || r.headers
        ? {
            headers: {
              ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
              ...r.headers,
            },
          }
        : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
    })),
  };
  const response = await client.call({ method: 'POST', path: '/$batch', body }, 'Batch request');
  const parsed = batchResponseSchema.safeParse(response.body);
  if (!parsed.success)
    throw new GraphDataError('Graph answered a batch with a body that is not a batch response');
  const byId = new Map(parsed.data.responses.map((r) => [r.id, r]));
  return indexes.map((index) => {
    const inner = byId.get(String(index + 1));
    if (!inner) throw new GraphDataError(`Graph's batch response lacks request ${index + 1}`);
    return { status: inner.status, headers: lowerCaseHeaders(inner.headers ?? {}), body: inner.body ?? null };
  });
}

export type BatchResult = { ok: true; response: GraphResponse } | { ok: false; error: GraphDataError };

/** Sends batched and judges each answer on its own: a typed error where it failed. */
export async function sendBatchedJudged(
  client: GraphClient,
  requests: readonly GraphRequest[],
  what: (index: number) => string,
  options?: BatchOptions,
): Promise<BatchResult[]> {
  const responses = await sendBatched(client, requests, options);
  return responses.map((response, i) =>
    response.status >= 200 && response.status < 300
      ? { ok: true, response }
      : {
          ok: false,
          error: errorFromResponse(
            response.status,
            response.body,
            what(i),
            retryAfterSeconds(response.headers),
          ),
        },
  );
}

/** Throws the first failure of a judged batch (a throttle last, so real errors win). */
export function firstFailure(results: readonly BatchResult[]): GraphDataError | null {
  const failures = results.flatMap((r) => (r.ok ? [] : [r.error]));
  return failures.find((e) => !(e instanceof ThrottledError)) ?? failures[0] ?? null;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
