import { z } from 'zod';

const tokenResponse = z.object({ access_token: z.string(), expires_in: z.number().positive().optional() });

/** A token is minted again this long before it lapses, so no request leaves with one about to expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** What Entra ID's access tokens last, assumed when the answer does not say. */
const DEFAULT_LIFETIME_SECONDS = 3600;

export class LocalTokenError extends Error {
  constructor(
    message: string,
    /** Whether anything answered at all: no local Graph running, or one that refused this person. */
    readonly reason: 'unreachable' | 'refused',
  ) {
    super(message);
  }
}

/**
 * Tokens the local Graph mints for one of its demo people. Like Entra ID's, they
 * expire after an hour; this mints one on first use and again as each nears its
 * end (one request at a time, however many callers ask).
 */
export function localTokenSource(
  origin: string,
  alias: string,
  now: () => number = Date.now,
): () => Promise<string> {
  let current: { token: string; expiresAt: number } | null = null;
  let minting: Promise<string> | null = null;

  async function mint(): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${origin}/_local/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ person: alias }),
      });
    } catch {
      throw new LocalTokenError(`No local Graph answers at ${origin}`, 'unreachable');
    }
    if (!response.ok)
      throw new LocalTokenError(
        `The local Graph refused a token for "${alias}" (HTTP ${response.status})`,
        'refused',
      );
    const body = tokenResponse.parse(await response.json());
    current = {
      token: body.access_token,
      expiresAt: now() + (body.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000,
    };
    return current.token;
  }

  return async () => {
    if (current && now() < current.expiresAt - REFRESH_MARGIN_MS) return current.token;
    minting ??= mint().finally(() => {
      minting = null;
    });
    return minting;
  };
}
