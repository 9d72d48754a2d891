import { z } from 'zod';
import type { NaaLogEntry } from './api';
import type { LocalPerson, LocalToken } from './local-graph';

/**
 * The host's end of nested app authentication (NAA). MSAL's nestable client
 * (@azure/msal-browser src/naa/BridgeProxy.ts) posts JSON envelopes to
 * `window.nestedAppAuthBridge`; TeamsJS's bridge (internal/nestedAppAuthUtils.ts,
 * communication.ts) wraps each in a `nestedAppAuth.execute` request to the top
 * window, with the envelope as `data`, and passes on to MSAL the second argument of
 * the host's answer when it is a `NestedAppAuthResponse` envelope. MSAL matches
 * answers to requests by `requestId` (src/naa/BridgeRequestEnvelope.ts,
 * BridgeResponseEnvelope.ts) and reads tokens and accounts as
 * src/naa/mapping/NestedAppAuthAdapter.ts does: the ID token must be a JWT whose
 * claims it decodes (unsigned is enough; it does not verify the signature).
 */

const requestEnvelopeSchema = z.object({
  messageType: z.literal('NestedAppAuthRequest'),
  method: z.string(),
  requestId: z.string(),
  tokenParams: z
    .object({
      clientId: z.string(),
      scope: z.string(),
      correlationId: z.string().optional(),
    })
    .optional(),
});

export type NaaRequest = z.infer<typeof requestEnvelopeSchema>;

/** MSAL's `BridgeStatusCode`. */
type BridgeStatus = 'ACCOUNT_UNAVAILABLE' | 'PERSISTENT_ERROR' | 'TRANSIENT_ERROR';

export type NaaResponse = {
  messageType: 'NestedAppAuthResponse';
  requestId: string;
} & (
  | { success: true; initContext: InitContext }
  | { success: true; token: TokenResponse; account: AccountInfo }
  | { success: false; error: { status: BridgeStatus; code?: string; description: string } }
);

interface AccountContext {
  homeAccountId: string;
  environment: string;
  tenantId: string;
}

interface InitContext {
  sdkName: string;
  sdkVersion: string;
  capabilities: { queryAccount: boolean };
  accountContext?: AccountContext;
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  id_token: string;
  properties: null;
  scope: string;
}

interface AccountInfo extends AccountContext {
  username: string;
  localAccountId: string;
  name: string;
  loginHint: string;
}

export function parseNaaRequest(data: string | undefined): NaaRequest | null {
  if (data === undefined) return null;
  try {
    const parsed = requestEnvelopeSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What the harness needs to answer: the Teams user (null if none was set up) and a token for them. */
export interface NaaHost {
  /** The tenant id the tokens name. */
  tenantId: string;
  /** Token requests for another client id are refused; null accepts any. */
  clientId: string | null;
  person(): Promise<LocalPerson | null>;
  mintToken(alias: string): Promise<LocalToken>;
}

const ENVIRONMENT = 'login.microsoftonline.com';

export async function answerNaa(request: NaaRequest, host: NaaHost): Promise<NaaResponse> {
  const envelope = { messageType: 'NestedAppAuthResponse', requestId: request.requestId } as const;
  const fail = (status: BridgeStatus, description: string, code?: string): NaaResponse => ({
    ...envelope,
    success: false,
    error: { status, description, ...(code && { code }) },
  });

  let person: LocalPerson | null;
  try {
    person = await host.person();
  } catch (error) {
    return fail('TRANSIENT_ERROR', String(error));
  }
  const account = person && accountOf(person, host.tenantId);

  if (request.method === 'GetInitContext') {
    return {
      ...envelope,
      success: true,
      initContext: {
        sdkName: 'teams-host-harness',
        sdkVersion: '1.0.0',
        capabilities: { queryAccount: false },
        ...(account && {
          accountContext: {
            homeAccountId: account.homeAccountId,
            environment: account.environment,
            tenantId: account.tenantId,
          },
        }),
      },
    };
  }
  if (request.method !== 'GetToken' && request.method !== 'GetTokenPopup') {
    return fail('PERSISTENT_ERROR', `The harness does not know ${request.method}`, 'unsupported_method');
  }
  const params = request.tokenParams;
  if (!params) return fail('PERSISTENT_ERROR', 'A token request without tokenParams', 'invalid_request');
  if (host.clientId !== null && params.clientId !== host.clientId) {
    return fail(
      'PERSISTENT_ERROR',
      `The host knows no app with client id ${params.clientId}`,
      'invalid_client',
    );
  }
  if (!person || !account) return fail('ACCOUNT_UNAVAILABLE', 'Nobody is signed in to the host');

  let token: LocalToken;
  try {
    token = await host.mintToken(person.alias);
  } catch (error) {
    return fail('TRANSIENT_ERROR', String(error));
  }
  return {
    ...envelope,
    success: true,
    token: {
      access_token: token.access_token,
      expires_in: token.expires_in,
      id_token: idToken(person, account, params.clientId, token.expires_in),
      properties: null,
      scope: params.scope,
    },
    account,
  };
}

function accountOf(person: LocalPerson, tenantId: string): AccountInfo {
  const username = person.userPrincipalName ?? person.id;
  return {
    homeAccountId: `${person.id}.${tenantId}`,
    environment: ENVIRONMENT,
    tenantId,
    username,
    localAccountId: person.id,
    name: person.displayName,
    loginHint: username,
  };
}

/** An ID token as Entra ID's v2.0 endpoint shapes it, unsigned: MSAL only decodes its claims. */
function idToken(person: LocalPerson, account: AccountInfo, clientId: string, lifetime: number): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://${ENVIRONMENT}/${account.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + lifetime,
    name: person.displayName,
    oid: person.id,
    preferred_username: account.username,
    login_hint: account.loginHint,
    sub: person.id,
    tid: account.tenantId,
    ver: '2.0',
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.harness`;
}

function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const binary = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The log's view of an envelope: what was asked and answered, never a token. */
export function naaRequestLog(request: NaaRequest): NaaLogEntry {
  return {
    method: request.method,
    requestId: request.requestId,
    clientId: request.tokenParams?.clientId ?? null,
    scope: request.tokenParams?.scope ?? null,
    success: null,
    status: null,
    username: null,
  };
}

export function naaResponseLog(request: NaaRequest, response: NaaResponse): NaaLogEntry {
  return {
    method: request.method,
    requestId: response.requestId,
    clientId: null,
    scope: 'token' in response ? response.token.scope : null,
    success: response.success,
    status: response.success ? null : response.error.status,
    username: 'account' in response ? response.account.username : null,
  };
}
