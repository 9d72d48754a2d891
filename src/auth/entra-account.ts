import type { PersonRef } from '../domain';

/** An Entra app registration and the Graph its tokens are for. */
export interface EntraConfig {
  /** The app registration's Application (client) ID. */
  clientId: string;
  /** The tenant's ID or a verified domain, or `organizations`. */
  tenantId: string;
  graphBaseUrl: string;
}

/** The parts of MSAL's `AccountInfo` a person is read from (its ID token's claims). */
export interface AccountLike {
  localAccountId: string;
  username: string;
  name?: string;
  idTokenClaims?: { oid?: string; preferred_username?: string; name?: string };
}

/**
 * Who signed in, from the ID token that came with the sign-in: no request to Graph.
 * The agency (company name) is not in the token; it stays empty.
 */
export function personFromAccount(account: AccountLike): PersonRef {
  const claims = account.idTokenClaims ?? {};
  const upn = claims.preferred_username || account.username;
  return {
    entraId: claims.oid || account.localAccountId,
    upn,
    displayName: claims.name || account.name || upn,
    agency: '',
  };
}

/** The tenant as the sign-in page names it. */
export function tenantLabel(tenantId: string): string {
  return tenantId === 'organizations' ? 'any organisation' : tenantId;
}

/** The sign-in page's one Entra choice. */
export const WORK_ACCOUNT_CHOICE = 'work-account';
