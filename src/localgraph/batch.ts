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

/** Graph's words for a batch whose dependsOn graph it will not run. */
export const SHAPE_MESSAGE = 'Batch should be either fully sequential or fully parallel.';

const shapeError = (detail: string) => badRequest(`${SHAPE_MESSAGE} ${detail}`, 'BadRequest');

const deps = (r: InnerRequest) => r.dependsOn ?? [];
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The dependsOn shapes Graph runs (the Graph SDK's BatchRequestContent.validateDependencies,
 * citing Graph's known issues: "requests can only depend on a single other request, and must
 * follow one of these three patterns"): all parallel (no dependsOn); all serial (each
 * request depends on the one before it); or all depending on the same one request, which
 * comes first and depends on nothing. Graph refuses every other shape with 400 "Batch should
 * be either fully sequential or fully parallel" (microsoft-graph-docs#16280), and expects a
 * dependency to come earlier in the array (msgraph-sdk-dotnet-core#891).
 */
function checkShape(list: InnerRequest[]): void {
  const [first, ...rest] = list;
  if (!first || list.every((r) => deps(r).length === 0)) return;
  const multi = list.find((r) => deps(r).length > 1);
  if (multi) {
    throw shapeError(
      `Request '${multi.id}' depends on ${deps(multi).length} requests; a request can depend on at most one other.`,
    );
  }
  if (deps(first).length > 0) {
    throw shapeError(
      `The first request, '${first.id}', depends on another; a dependency must come earlier in the batch.`,
    );
  }
  const serial = rest.every((r, i) => {
    const [dep] = deps(r);
    const previous = list[i];
    return dep !== undefined && previous !== undefined && same(dep, previous.id);
  });
  const fanOut = rest.every((r) => {
    const [dep] = deps(r);
    return dep !== undefined && same(dep, first.id);
  });
  if (serial || fanOut) return;
  throw shapeError(
    'Either no request has dependsOn, or each depends on the one before it, or every other request depends on the first.',
  );
}

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
    for (const dep of deps(r)) {
      if (!ids.has(dep.toLowerCase()))
        throw badRequest(`Request '${r.id}' depends on unknown request '${dep}'.`, 'BadRequest');
      if (same(dep, r.id)) throw badRequest(`Request '${r.id}' depends on itself.`, 'BadRequest');
    }
    const hasContentType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (r.body !== undefined && !hasContentType) {
      throw badRequest(`Request '${r.id}' has a body but no Content-Type header.`, 'BadRequest');
    }
  }
  checkShape(list);
  return list;
}

/**
 * The absolute URL an inner request names, normalised (dot segments, backslashes and
 * `%2e` resolved as a URL parser resolves them), or why it is refused: it must stay under
 * `/v1.0/` of this server and must not name `$batch` (Graph does not nest batches).
 */
export function innerUrl(origin: string, raw: string): URL | string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw.trim())) {
    return 'Batch request URLs must be relative to the version, e.g. /me.';
  }
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  let url: URL;
  try {
    url = new URL(`${origin}/v1.0${path}`);
  } catch {
    return `The request URL '${raw}' is not valid.`;
  }
  if (url.origin !== origin || !url.pathname.startsWith('/v1.0/')) {
    return `The request URL '${raw}' leaves /v1.0; batch request URLs must be relative to the version, e.g. /me.`;
  }
  for (const segment of url.pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `The request URL '${raw}' is not valid.`;
    }
    if (decoded.toLowerCase() === '$batch') return 'A batch request cannot contain another $batch request.';
  }
  return url;
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

/** The inner request as the app will see it, or why it is refused (each refusal is that request's 400). */
function innerRequest(origin: string, r: InnerRequest, authorization: string | undefined): Request | string {
  const url = innerUrl(origin, r.url);
  if (typeof url === 'string') return url;
  if (r.method === 'GET' && r.body !== undefined) return 'A GET request cannot have a body.';
  let headers: Headers;
  try {
    headers = new Headers(r.headers ?? {});
  } catch {
    return `Request '${r.id}' has a malformed header name or value.`;
  }
  headers.delete('host');
  if (authorization !== undefined) headers.set('authorization', authorization);
  let body: string | undefined;
  try {
    body = r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  } catch {
    return `Request '${r.id}' has a body that cannot be sent.`;
  }
  try {
    return new Request(url.href, { method: r.method, headers, body });
  } catch {
    return `Request '${r.id}' cannot be made.`;
  }
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
        for (const dep of deps(r)) {
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
        const request = innerRequest(origin, r, authorization);
        if (typeof request === 'string') return errorResponse(c, r.id, 400, 'BadRequest', request);
        return toInnerResponse(r.id, await dispatch(request));
      })();
      running.set(key, promise);
      return promise;
    };

    const responses = await Promise.all(requests.map(run));
    return c.body(batchJson(responses), 200, { 'Content-Type': 'application/json' });
  });

  return app;
}
