import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { adminRoutes } from './admin';
import { verifyAuthorization } from './auth';
import { batchRoutes } from './batch';
import { ColumnStore } from './columns';
import { columnRoutes } from './columns-routes';
import type { AppEnv, ServerContext } from './context';
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
import { webhookRoutes } from './webhooks';

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export interface AppOptions {
  log: (message: string) => void;
}

export function createApp(ctx: ServerContext, faults: FaultController, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const columns = new ColumnStore(ctx.db);
  const items = new ItemStore(ctx.db);
  const messages = new MessageStore(ctx.db);

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

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    const clientRequestId = c.req.header('client-request-id') ?? requestId;
    c.set('requestId', requestId);
    c.set('clientRequestId', clientRequestId);
    c.header('request-id', requestId);
    c.header('client-request-id', clientRequestId);
    await next();
  });

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
  app.route('/', webhookRoutes(ctx, messages));
  app.route('/', adminRoutes(ctx, faults));
  app.route('/', localSignInRoutes(ctx));

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/v1.0/')) {
      const segment = decodeURIComponent(
        path
          .split('/')
          .filter((s) => s !== '')
          .pop() ?? '',
      );
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
      return c.json(graphErrorBody(err.code, err.message, requestId, clientRequestId), err.status);
    }
    options.log(`local Graph: ${c.req.method} ${c.req.url} failed: ${err.stack ?? err.message}`);
    return c.json(
      graphErrorBody('generalException', 'An unspecified error has occurred.', requestId, clientRequestId),
      500,
    );
  });

  return app;
}
