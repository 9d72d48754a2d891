import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from './context';
import { requestOrigin } from './context';
import { badRequest, describeZodError, graphErrorBody } from './errors';
import { readJson } from './json-body';

/** Graph's documented limit for JSON batching. */
export const MAX_BATCH_REQUESTS = 20;

const innerRequestSchema = z.object({
  id: z.string({ error: 'every request needs a string id' }).min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(
      z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], {
        error: 'method must be GET, POST, PATCH, PUT or DELETE',
      }),
    ),
  url: z.string().min(1, 'url is required'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
type InnerRequest = z.infer<typeof innerRequestSchema>;

const batchSchema = z.object({ requests: z.array(innerRequestSchema) });

export interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  /** The body as JSON text, spliced into the batch's answer as it is (never parsed and written again). */
  json?: string;
}

/** Dispatches one inner request through the whole app (auth, faults, routing). */
export type Dispatch = (request: Request) => Promise<Response>;

const HEADER_NAMES: Record<string, string> = {
  'content-type': 'Content-Type',
  etag: 'ETag',
  'retry-after': 'Retry-After',
  location: 'Location',
  'cache-control': 'Cache-Control',
};

function validate(raw: unknown): InnerRequest[] {
  const requests = typeof raw === 'object' && raw !== null && 'requests' in raw ? raw.requests : undefined;
  if (!Array.isArray(requests))
    throw badRequest("Invalid batch payload format: a 'requests' array is required.", 'BadRequest');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw badRequest(
      `Number of requests in the batch exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
      'BadRequest',
    );
  }
  if (requests.length === 0)
    throw badRequest('Invalid batch payload format: the batch holds no requests.', 'BadRequest');
  const parsed = batchSchema.safeParse(raw);
  if (!parsed.success) throw badRequest(describeZodError(parsed.error, 'batch payload'), 'BadRequest');
  const list = parsed.data.requests;
  const ids = new Set<string>();
  for (const r of list) {
    const key = r.id.toLowerCase();
    if (ids.has(key))
      throw badRequest(`Invalid batch payload format: duplicate request id '${r.id}'.`, 'BadRequest');
    ids.add(key);
  }
  for (const r of list) {
    for (const dep of r.dependsOn ?? []) {
      if (!ids.has(dep.toLowerCase()))
        throw badRequest(`Request '${r.id}' depends on unknown request '${dep}'.`, 'BadRequest');
    }
    const hasContentType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (r.body !== undefined && !hasContentType) {
      throw badRequest(`Request '${r.id}' has a body but no Content-Type header.`, 'BadRequest');
    }
  }
  const byId = new Map(list.map((r) => [r.id.toLowerCase(), r]));
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (r: InnerRequest) => {
    const key = r.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key))
      throw badRequest(`The dependsOn chain through request '${r.id}' is circular.`, 'BadRequest');
    visiting.add(key);
    for (const dep of r.dependsOn ?? []) {
      const target = byId.get(dep.toLowerCase());
      if (target) visit(target);
    }
    visiting.delete(key);
    done.add(key);
  };
  list.forEach(visit);
  return list;
}

async function toInnerResponse(id: string, res: Response): Promise<InnerResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    const canonical = HEADER_NAMES[name.toLowerCase()];
    if (canonical) headers[canonical] = value;
  });
  const text = await res.text();
  if (text === '') return { id, status: res.status, headers };
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  // This server's own JSON answers go in as they are; anything else as a JSON string.
  return { id, status: res.status, headers, json: isJson ? text : JSON.stringify(text) };
}

/** The batch's answer, each inner body spliced in as the JSON text it already is. */
function batchJson(responses: readonly InnerResponse[]): string {
  const parts = responses.map((r) => {
    const head = JSON.stringify({ id: r.id, status: r.status, headers: r.headers });
    return r.json === undefined ? head : `${head.slice(0, -1)},"body":${r.json}}`;
  });
  return `{"responses":[${parts.join(',')}]}`;
}

function errorResponse(
  c: AppContext,
  id: string,
  status: number,
  code: string,
  message: string,
): InnerResponse {
  return {
    id,
    status,
    headers: { 'Content-Type': 'application/json' },
    json: JSON.stringify(graphErrorBody(code, message, c.get('requestId'), c.get('clientRequestId'))),
  };
}

export function batchRoutes(dispatch: Dispatch): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/$batch', async (c) => {
    const requests = validate(await readJson(c));
    const origin = requestOrigin(c);
    const authorization = c.req.header('authorization');
    const byId = new Map(requests.map((r) => [r.id.toLowerCase(), r]));
    const running = new Map<string, Promise<InnerResponse>>();

    const run = (r: InnerRequest): Promise<InnerResponse> => {
      const key = r.id.toLowerCase();
      const existing = running.get(key);
      if (existing) return existing;
      const promise = (async () => {
        for (const dep of r.dependsOn ?? []) {
          const target = byId.get(dep.toLowerCase());
          const result = target ? await run(target) : undefined;
          if (!result || result.status >= 400) {
            return errorResponse(
              c,
              r.id,
              424,
              'failedDependency',
              `Request '${r.id}' was not run because request '${dep}' failed.`,
            );
          }
        }
        if (/^https?:/i.test(r.url)) {
          return errorResponse(
            c,
            r.id,
            400,
            'BadRequest',
            'Batch request URLs must be relative to the version, e.g. /me.',
          );
        }
        const path = r.url.startsWith('/') ? r.url : `/${r.url}`;
        if (/^\/(\$|%24)batch\b/i.test(path)) {
          return errorResponse(
            c,
            r.id,
            400,
            'BadRequest',
            'A batch request cannot contain another $batch request.',
          );
        }
        const headers = new Headers(r.headers ?? {});
        if (authorization !== undefined) headers.set('authorization', authorization);
        const body =
          r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        const res = await dispatch(new Request(`${origin}/v1.0${path}`, { method: r.method, headers, body }));
        return toInnerResponse(r.id, res);
      })();
      running.set(key, promise);
      return promise;
    };

    const responses = await Promise.all(requests.map(run));
    return c.body(batchJson(responses), 200, { 'Content-Type': 'application/json' });
  });

  return app;
}
