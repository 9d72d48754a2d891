import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import { startLocalGraph } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'localgraph-test-'));
}

export async function startFresh(dataDir = freshDataDir()): Promise<LocalGraph> {
  return startLocalGraph({ port: 0, dataDir, quiet: true });
}

export async function stopAndRemove(graph: LocalGraph): Promise<void> {
  await graph.close();
  rmSync(graph.dataDir, { recursive: true, force: true });
}

export interface Reply {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** A caller signed in as one seeded person (or anonymous with `null`). */
export class TestClient {
  constructor(
    readonly graph: LocalGraph,
    readonly person: string | null,
  ) {}

  url(pathOrUrl: string): string {
    return /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.graph.graphBaseUrl}${pathOrUrl}`;
  }

  async request(method: string, pathOrUrl: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.person !== null) headers.authorization = `Bearer ${this.graph.tokenFor(this.person)}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.url(pathOrUrl), { method, headers, body });
    return replyOf(res);
  }

  get(p: string, headers?: Record<string, string>) {
    return this.request('GET', p, { headers });
  }
  post(p: string, body: unknown, headers?: Record<string, string>) {
    return this.request('POST', p, { body, headers });
  }
  patch(p: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', p, { body, headers });
  }
  delete(p: string, headers?: Record<string, string>) {
    return this.request('DELETE', p, { headers });
  }
}

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: z
      .object({ date: z.string(), 'request-id': z.string(), 'client-request-id': z.string() })
      .loose(),
  }),
});

export const itemSchema = z
  .object({
    id: z.string(),
    eTag: z.string(),
    '@odata.etag': z.string(),
    fields: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type Item = z.infer<typeof itemSchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    value: z.array(item),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
  });

export const idSchema = z.object({ id: z.string() }).loose();

export function expectError(
  reply: Reply,
  status: number,
  code: string,
  messagePart?: string | RegExp,
): string {
  expect(reply.status).toBe(status);
  const body = errorSchema.parse(reply.json);
  expect(body.error.code).toBe(code);
  if (messagePart !== undefined) expect(body.error.message).toMatch(messagePart);
  return body.error.message;
}

export const ROOT = '/sites/root';

/** Creates a list (201 expected) and returns its id. */
export async function createList(
  client: TestClient,
  displayName: string,
  columns: unknown[],
): Promise<string> {
  const reply = await client.post(`${ROOT}/lists`, {
    displayName,
    columns,
    list: { template: 'genericList' },
  });
  expect(reply.status).toBe(201);
  return idSchema.parse(reply.json).id;
}

const batchReplySchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()),
      body: z.unknown().optional(),
    }),
  ),
});
export type BatchReply = z.infer<typeof batchReplySchema>;

export async function batch(client: TestClient, requests: unknown[]): Promise<BatchReply> {
  const reply = await client.post('/$batch', { requests });
  expect(reply.status).toBe(200);
  return batchReplySchema.parse(reply.json);
}

/** Creates items through $batch, 20 per batch, a few batches in flight at once. */
export async function createItemsViaBatch(
  client: TestClient,
  listId: string,
  fieldsFor: (index: number) => Record<string, unknown>,
  count: number,
  concurrency = 4,
): Promise<void> {
  const batches: number[][] = [];
  for (let start = 0; start < count; start += 20) {
    batches.push(Array.from({ length: Math.min(20, count - start) }, (_, i) => start + i));
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const indices = batches[next++] ?? [];
      const result = await batch(
        client,
        indices.map((i) => ({
          id: String(i),
          method: 'POST',
          url: `${ROOT}/lists/${listId}/items`,
          headers: { 'Content-Type': 'application/json' },
          body: { fields: fieldsFor(i) },
        })),
      );
      const failed = result.responses.filter((r) => r.status !== 201);
      expect(failed).toEqual([]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Follows @odata.nextLink to the end and returns every item. */
export async function readAllPages(
  client: TestClient,
  firstUrl: string,
  headers?: Record<string, string>,
): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url !== undefined) {
    const reply = await client.get(url, headers);
    expect(reply.status).toBe(200);
    const page = pageSchema(itemSchema).parse(reply.json);
    items.push(...page.value);
    pages += 1;
    url = page['@odata.nextLink'];
  }
  return { items, pages };
}

/** A request to the local Graph's own endpoints (outside /v1.0): /_admin, /_local, /webhooks. */
export async function local(
  graph: LocalGraph,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const res = await fetch(`${graph.origin}${path}`, init);
  return replyOf(res);
}

/** A reply's status, headers and body: JSON when it parses, else the text as it came. */
async function replyOf(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown = undefined;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
  }
  return { status: res.status, headers: res.headers, json };
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `deadlineMs`.
 * For state the server changes after it has answered (a Workflows run after its 202).
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, deadlineMs = 5000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${deadlineMs} ms`);
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
  }
}
