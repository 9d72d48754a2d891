import { z } from 'zod';
import type { DataProblem, FieldIssue } from '../domain';

/**
 * Typed errors from the data layer. Callers decide what to show; nothing here
 * touches the UI. `status` and `code` are Graph's, when Graph produced the error.
 */
export class GraphDataError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 412: somebody else changed the item since it was read. */
export class ConflictError extends GraphDataError {}

/** 403: the caller can read this site but not change it (or cannot reach it at all). */
export class ReadOnlyError extends GraphDataError {}

/** 401: no token, or one the service does not accept. */
export class AuthenticationError extends GraphDataError {}

export class NotFoundError extends GraphDataError {}

/**
 * SharePoint refused a query that touches more than its list view threshold (5,000
 * items): 422 `notSupported`, inner `tooManyResources`. Waiting does not help; a
 * query whose first indexed condition matches fewer items does.
 */
export class ListThresholdError extends GraphDataError {}

/** 429/503/504 still answered after the retry budget was spent. */
export class ThrottledError extends GraphDataError {
  constructor(
    message: string,
    status: number,
    code: string | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message, status, code);
  }
}

/** Input or stored data that does not fit the domain's schema, or a 400 from Graph. */
export class ValidationError extends GraphDataError {
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    status: number | null = null,
    code: string | null = null,
    /** When a stored item does not fit: which item, and what is wrong with it. */
    readonly problem: DataProblem | null = null,
  ) {
    super(message, status, code);
  }
}

const graphErrorBody = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z.object({ code: z.string().optional() }).optional(),
  }),
});

/** Maps a Graph error response (outer or inside a batch) to the typed error callers handle. */
export function errorFromResponse(
  status: number,
  body: unknown,
  what: string,
  retryAfterSeconds: number | null = null,
): GraphDataError {
  const parsed = graphErrorBody.safeParse(body);
  const code = parsed.success ? (parsed.data.error.code ?? null) : null;
  const message = parsed.success ? (parsed.data.error.message ?? null) : null;
  const detail = message ?? `HTTP ${status}`;
  if (status === 422 && parsed.data?.error.innerError?.code === 'tooManyResources') {
    return new ListThresholdError(
      `${what}: more than 5,000 items match, past SharePoint's list view threshold`,
      status,
      code,
    );
  }
  switch (status) {
    case 400:
      return new ValidationError(`${what}: ${detail}`, [], status, code);
    case 401:
      return new AuthenticationError(`${what}: sign in again (${detail})`, status, code);
    case 403:
      return new ReadOnlyError(`${what}: you can view this plan but not change it`, status, code);
    case 404:
      return new NotFoundError(`${what}: not found (${detail})`, status, code);
    case 409:
      return new GraphDataError(`${what}: ${detail}`, status, code);
    case 412:
      return new ConflictError(`${what}: it was changed by someone else since you opened it`, status, code);
    case 429:
    case 503:
    case 504:
      return new ThrottledError(
        `${what}: the service is busy, try again shortly (${detail})`,
        status,
        code,
        retryAfterSeconds,
      );
    default:
      return new GraphDataError(`${what}: ${detail}`, status, code);
  }
}
