import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { secureDataDir, secureFile } from './files';
import { GraphError } from './errors';

const SECRET_FILE = 'token-secret';

/** The HMAC secret lives in the data dir so tokens stay valid across restarts. */
export function loadOrCreateSecret(dataDir: string): Buffer {
  secureDataDir(dataDir);
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    secureFile(file);
    const hex = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  }
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  secureFile(file);
  return secret;
}

/** Entra ID's access tokens last about an hour; so do these. */
export const TOKEN_LIFETIME_SECONDS = 3600;
/** Clock skew tolerated for a token issued "in the future". */
const CLOCK_SKEW_SECONDS = 300;

const payloadSchema = z.object({
  oid: z.string().min(1),
  upn: z.string().nullable(),
  iat: z.number().int(),
  /** Absent in tokens issued before tokens expired; those count from iat. */
  exp: z.number().int().optional(),
});
export type TokenPayload = z.infer<typeof payloadSchema>;

function sign(secret: Buffer, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function issueToken(
  secret: Buffer,
  oid: string,
  upn: string | null,
  issuedAtMs: number = Date.now(),
): string {
  const iat = Math.floor(issuedAtMs / 1000);
  const payload: TokenPayload = { oid, upn, iat, exp: iat + TOKEN_LIFETIME_SECONDS };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(secret, encoded).toString('base64url')}`;
}

const invalidToken = (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message);

/** Returns the object id the bearer token names, or throws Graph's 401. */
export function verifyAuthorization(secret: Buffer, header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw invalidToken('Access token is empty.');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) throw invalidToken('Access token is empty.');
  const [encoded, signature, extra] = token.split('.');
  if (encoded === undefined || signature === undefined || extra !== undefined) {
    throw invalidToken('IDX14100: JWT is not well formed, there are no dots (.).');
  }
  const expected = sign(secret, encoded);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidToken('Access token validation failure. Invalid signature.');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken('Access token validation failure.');
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw invalidToken('Access token validation failure.');
  const { iat, exp = iat + TOKEN_LIFETIME_SECONDS } = parsed.data;
  const now = Math.floor(Date.now() / 1000);
  // Graph's answer to an expired Entra token.
  if (now >= exp || iat > now + CLOCK_SKEW_SECONDS)
    throw invalidToken('Access token has expired or is not yet valid.');
  return parsed.data.oid;
}
