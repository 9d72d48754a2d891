import type { ZodError } from 'zod';

export type GraphErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 422 | 424 | 429 | 503;

/** Thrown by handlers; the app's error handler turns it into Graph's error envelope. */
export class GraphError extends Error {
  constructor(
    readonly status: GraphErrorStatus,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Graph's `innerError.code`, when it gives one (e.g. `tooManyResources`). */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; 'request-id': string; 'client-request-id': string };
  };
}

export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  innerCode?: string,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        ...(innerCode === undefined ? {} : { code: innerCode }),
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const badRequest = (message: string, code = 'invalidRequest') => new GraphError(400, code, message);

export const notFound = (message: string, code = 'itemNotFound') => new GraphError(404, code, message);

export const accessDenied = () =>
  new GraphError(
    403,
    'accessDenied',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );

/** One readable sentence per zod issue, naming the offending property path. */
export function describeZodError(error: ZodError, what: string): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `'${issue.path.join('.')}'` : what;
    return `${where}: ${issue.message}`;
  });
  return `Invalid ${what}. ${parts.join('; ')}`;
}
