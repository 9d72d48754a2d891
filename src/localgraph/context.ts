import type { Context } from 'hono';
import type { Db } from './db';
import type { Principal, UserRow } from './directory';

export interface AppEnv {
  Bindings: {
    /** Set only when $batch dispatches an inner request through the app. */
    batchInner?: boolean;
  };
  Variables: {
    principal: Principal;
    requestId: string;
    clientRequestId: string;
  };
}

export type AppContext = Context<AppEnv>;

export interface ServerContext {
  db: Db;
  secret: Buffer;
  /** The seeded directory; it does not change while the server runs. */
  users: Map<string, UserRow>;
}

export function isBatchInner(c: AppContext): boolean {
  // c.env is the node-server bindings object for outer requests, or ours for inner ones.
  const env: unknown = c.env;
  return typeof env === 'object' && env !== null && 'batchInner' in env && env.batchInner === true;
}

/** Absolute origin of the current request, used to build nextLink/deltaLink URLs. */
export function requestOrigin(c: AppContext): string {
  return new URL(c.req.url).origin;
}

export function graphBase(c: AppContext): string {
  return `${requestOrigin(c)}/v1.0`;
}
