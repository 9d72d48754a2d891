import {
  Client,
  HTTPMessageHandler,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { errorFromResponse } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request relative to the Graph base URL, e.g. `/sites/root/lists`. */
export interface GraphRequest {
  method: HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * Inside a `$batch`: indexes (in the same call) of requests that must succeed
   * first; if one fails, Graph answers this one 424 without running it.
   */
  dependsOn?: readonly number[];
}

export interface GraphResponse {
  status: number;
  /** Header names in lower case, whether the answer came alone or inside a `$batch`. */
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, or the local Graph's `http://127.0.0.1:4000/v1.0`. */
  baseUrl: string;
  /** Returns a bearer token for the signed-in person or the app. */
  getToken: () => Promise<string>;
  /** Retries of a throttled request (429/503/504) before giving up; Graph's own SDK allows at most 10. */
  maxRetries?: number;
  /** Called once per HTTP request that leaves the client (retries included): for the bench. */
  onHttpRequest?: (url: string) => void;
  /** Called once per Graph request sent, each request inside a `$batch` included: to count what a run costs. */
  onRequest?: (request: GraphRequest) => void;
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly maxRetries: number;
  /** Told of each Graph request (a `$batch`'s inner requests one by one, not the `$batch` itself). */
  readonly onRequest: ((request: GraphRequest) => void) | undefined;
  /** Sends one request; resolves with any HTTP status (the caller judges it). */
  send(request: GraphRequest): Promise<GraphResponse>;
  /** Sends one request and returns its body, throwing the typed error for a non-2xx status. */
  call(request: GraphRequest, what: string): Promise<GraphResponse>;
  /** The path of an absolute `@odata.nextLink` relative to the base URL. */
  relativePath(absoluteUrl: string): string;
}

/**
 * Adds the bearer token only to requests for the configured base URL's origin, so a
 * token is never sent elsewhere. (The SDK's own AuthenticationHandler only
 * recognises https Graph hosts, which would leave the local Graph unauthenticated.)
 */
class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly getToken: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = new Headers(context.options?.headers);
    if (new URL(url).origin === this.origin) headers.set('Authorization', `Bearer ${await this.getToken()}`);
    else headers.delete('Authorization');
    context.options = { ...context.options, headers: Object.fromEntries(headers) };
    if (!this.next) throw new Error('BearerTokenMiddleware must not be last in the chain');
    return this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Counts every attempt, retries included, by sitting just before the transport. */
class CountingMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly onHttpRequest: (url: string) => void) {}
  async execute(context: Context): Promise<void> {
    this.onHttpRequest(typeof context.request === 'string' ? context.request : context.request.url);
    if (!this.next) throw new Error('CountingMiddleware must not be last in the chain');
    return this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** RetryHandlerOptions refuses more than this. */
const SDK_MAX_RETRIES = 10;

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const version = base.pathname.replace(/^\/+/, '');
  const maxRetries = options.maxRetries ?? 10;

  const chain: Middleware[] = [
    new BearerTokenMiddleware(base.origin, options.getToken),
    new RetryHandler(new RetryHandlerOptions(1, Math.min(maxRetries, SDK_MAX_RETRIES), isTransient)),
  ];
  if (options.onHttpRequest) chain.push(new CountingMiddleware(options.onHttpRequest));
  chain.push(new HTTPMessageHandler());
  for (let i = 0; i < chain.length - 1; i++) chain[i]?.setNext?.(chain[i + 1] as Middleware);

  const sdk = Client.initWithMiddleware({
    middleware: chain[0],
    baseUrl: `${base.origin}/`,
    defaultVersion: version,
  });
  const baseUrl = `${base.origin}/${version}`;

  async function send(request: GraphRequest): Promise<GraphResponse> {
    if (request.path !== '/$batch') options.onRequest?.(request);
    const call = sdk
      .api(request.path)
      .headers(request.headers ?? {})
      .responseType(ResponseType.RAW);
    const raw: Response = await (request.method === 'GET'
      ? call.get()
      : request.method === 'POST'
        ? call.post(request.body ?? {})
        : request.method === 'PATCH'
          ? call.patch(request.body ?? {})
          : request.method === 'PUT'
            ? call.put(request.body ?? {})
            : call.delete());
    return { status: raw.status, headers: Object.fromEntries(raw.headers), body: await readBody(raw) };
  }

  return {
    baseUrl,
    maxRetries,
    onRequest: options.onRequest,
    send,
    async call(request, what) {
      const response = await send(request);
      if (response.status >= 200 && response.status < 300) return response;
      throw errorFromResponse(response.status, response.body, what, retryAfterSeconds(response.headers));
    },
    relativePath(absoluteUrl) {
      if (!absoluteUrl.startsWith(`${baseUrl}/`)) {
        throw new Error(`Graph returned a link outside ${baseUrl}: ${absoluteUrl}`);
      }
      return absoluteUrl.slice(baseUrl.length);
    },
  };
}

/**
 * A real throttle (429) carries Retry-After; a 503 or 504 (a gateway that gave up
 * waiting for SharePoint) may not, and is worth retrying. Older reports show Graph
 * answering a query past SharePoint's list view threshold with 429 and no
 * Retry-After; retrying that only delays the error (today it is 422, see errors.ts).
 */
export function isTransientFailure(status: number, headers: Record<string, string>): boolean {
  if (status === 503 || status === 504) return true;
  return status === 429 && retryAfterSeconds(headers) !== null;
}

function isTransient(
  _delay: number,
  _attempt: number,
  _request: RequestInfo,
  _options: unknown,
  response: Response,
): boolean {
  return isTransientFailure(response.status, Object.fromEntries(response.headers));
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  return JSON.parse(text);
}

/** Header names in lower case, as `fetch` gives them: a `$batch` answer keeps whatever case the service used. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

const fieldsEtag = z.object({ '@odata.etag': z.string() });

/**
 * The version a write left behind: the ETag header, or the `@odata.etag` of the
 * body (a PATCH of `…/fields` answers with the fields).
 */
export function etagOf(response: GraphResponse): string | undefined {
  return response.headers['etag'] ?? fieldsEtag.safeParse(response.body).data?.['@odata.etag'];
}

export function retryAfterSeconds(headers: Record<string, string>): number | null {
  const value = headers['retry-after'];
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}
