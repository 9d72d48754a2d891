import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { adminRoutes } from './admin';
import { verifyAuthorization } from './auth';
import { batchRoutes } from './batch';
import { ColumnStore } from './columns';
import { columnRoutes } from './columns-routes';
import type { AppContext, AppEnv, ServerContext } from './context';
import { isBatchInner } from './context';
import { directoryRoutes } from './directory';
import { GraphError, graphErrorBody } from './errors';
import type { FaultController } from './faults';
import { itemRoutes } from './items-routes';
import { ItemStore } from './items-store';
import { listRoutes } from './lists';
import { localSignInRoutes } from './local-signin';
import { MessageStore } from './messages';
import { siteRoutes } from './sites';
import { teamRoutes } from './teams';
import { WorkflowRunner, webhookRoutes } from './webhooks';

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/** Graph refuses request bodies over 4 MB (the limit Graph documents for a request). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface AppOptions {
  log: (message: string) => void;
  /**
   * `host:port` values the Host header may take (127.0.0.1 and localhost with the server's
   * port), filled in once the server listens. Anything else is refused, so a DNS-rebinding
   * page that points its own name at 127.0.0.1 cannot reach the local Graph.
   */
  allowedHosts: ReadonlySet<string>;
}

export interface LocalGraphApp {
  app: Hono<AppEnv>;
  runner: WorkflowRunner;
}

function refuse(c: AppContext, status: 400 | 403 | 413, code: string, message: string) {
  return c.json(graphErrorBody(code, message, c.get('requestId'), c.get('clientRequestId')), status);
}

/**
 * /_local and /_admin take no token, so a browser must not be able to call them from
 * another site: an unsafe request whose Origin is not a local origin (or, without Origin,
 * whose Sec-Fetch-Site says cross-site) is refused. The tab's sign-in page on another local
 * port sends a local Origin and passes; commands and tests send neither and pass.
 */
function crossSite(c: AppContext): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return false;
  const origin = c.req.header('origin');
  if (origin !== undefined) return !LOCAL_ORIGIN.test(origin);
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site.toLowerCase() === 'cross-site';
}

export function createApp(ctx: ServerContext, faults: FaultController, options: AppOptions): LocalGraphApp {
  const app = new Hono<AppEnv>();
  const columns = new ColumnStore(ctx.db);
  const items = new ItemStore(ctx.db);
  const messages = new MessageStore(ctx.db);
  const runner = new WorkflowRunner(ctx.db, messages, options.log);

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    c.header('request-id', requestId);
    c.header('client-request-id', clientRequestId);
    await next();
  });

  app.use('*', async (c, next) => {
    // Inner $batch requests are made by this server from an outer request already checked.
    if (isBatchInner(c)) return next();
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!options.allowedHosts.has(host)) {
      return refuse(
        c,
        400,
        'BadRequest',
        'The Host header must name this local server (127.0.0.1 or localhost and its port).',
      );
    }
    const method = c.req.method;
    if (
      (method === 'GET' || method === 'HEAD') &&
      (Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined)
    ) {
      return refuse(c, 400, 'BadRequest', `A ${method} request cannot have a body.`);
    }
    return next();
  });

  // The tab runs on Vite's port, so any local origin may call the local Graph.
  app.use(
    '*',
    cors({
      origin: (origin) => (LOCAL_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'Prefer',
        'client-request-id',
        'ConsistencyLevel',
      ],
      exposeHeaders: ['ETag', 'Retry-After', 'Location', 'request-id', 'client-request-id'],
      maxAge: 600,
    }),
  );

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read: close the connection rather than leave it unusable.
        c.header('Connection', 'close');
        return refuse(
          c,
          413,
          'requestEntityTooLarge',
          `The request body exceeds the maximum of ${MAX_BODY_BYTES} bytes (4 MB).`,
        );
      },
    }),
  );

  for (const prefix of ['/_local/*', '/_admin/*']) {
    app.use(prefix, async (c, next) => {
      if (crossSite(c))
        return refuse(
          c,
          403,
          'Forbidden',
          "Cross-site requests to the local Graph's /_local and /_admin endpoints are refused.",
        );
      return next();
    });
  }

  app.use('/v1.0/*', faults.middleware());
  app.use('/webhooks/*', faults.middleware());

  app.use('/v1.0/*', async (c, next) => {
    const oid = verifyAuthorization(ctx.secret, c.req.header('authorization'));
    const principal = ctx.users.get(oid);
    if (!principal) {
      throw new GraphError(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. The token names an unknown principal.',
      );
    }
    c.set('principal', principal);
    await next();
  });

  // Inner $batch requests go through the whole app, so auth, faults and routing apply to each.
  const dispatch = async (request: Request) => app.fetch(request, { batchInner: true });

  app.route('/v1.0', batchRoutes(dispatch));
  app.route('/v1.0', directoryRoutes(ctx));
  app.route('/v1.0', siteRoutes(ctx));
  app.route('/v1.0', listRoutes(ctx, columns));
  app.route('/v1.0', columnRoutes(ctx, columns));
  app.route('/v1.0', itemRoutes(ctx, columns, items));
  app.route('/v1.0', teamRoutes(ctx, messages));
  app.route('/', webhookRoutes(ctx, runner));
  app.route('/', adminRoutes(ctx, faults, runner));
  app.route('/', localSignInRoutes(ctx));

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/v1.0/')) {
      const raw =
        path
          .split('/')
          .filter((s) => s !== '')
          .pop() ?? '';
      let segment = raw;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        // A malformed escape is shown as it was sent.
      }
      return c.json(
        graphErrorBody(
          'BadRequest',
          `Resource not found for the segment '${segment}'.`,
          c.get('requestId'),
          c.get('clientRequestId'),
        ),
        400,
      );
    }
    return c.json(
      graphErrorBody(
        'NotFound',
        `No route for ${c.req.method} ${path}.`,
        c.get('requestId'),
        c.get('clientRequestId'),
      ),
      404,
    );
  });

  app.onError((err, c) => {
    const requestId = c.get('requestId');
    const clientRequestId = c.get('clientRequestId');
    if (err instanceof GraphError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(
        graphErrorBody(err.code, err.message, requestId, clientRequestId, err.innerCode),
        err.status,
      );
    }
    // Input too large or deep for the engine (a stack, SQLite's expression depth or variable count) is the caller's 400.
    const overload =
      (err instanceof RangeError && /call stack/i.test(err.message)) ||
      (err.name === 'SqliteError' && /too (large|many|deep|complex)|stack overflow/i.test(err.message));
    if (overload) {
      return c.json(
        graphErrorBody('BadRequest', 'The request is too complex to run.', requestId, clientRequestId),
        400,
      );
    }
    options.log(`local Graph: ${c.req.method} ${c.req.url} failed: ${err.stack ?? err.message}`);
    return c.json(
      graphErrorBody('generalException', 'An unspecified error has occurred.', requestId, clientRequestId),
      500,
    );
  });

  return { app, runner };
}
