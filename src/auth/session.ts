import type { PersonRef } from '../domain';

/**
 * The one seam between sign-in and the rest of the app: who is signed in, what
 * the plan's site lets them do, a token for Graph, and signing out. Views, the
 * shell and the tests see only this; how the session was made (the local Graph's
 * demo people, MSAL in Teams or a browser) stays behind an `Authenticator`.
 */

/** Site owners set the plan up, members change it, visitors read. SharePoint enforces it; the UI follows. */
export type SiteRole = 'owner' | 'member' | 'visitor';

export interface AuthSession {
  person: PersonRef;
  role: SiteRole;
  /** A bearer token for Graph (the tab's base URL), refreshed as the implementation needs. */
  getToken(): Promise<string>;
  signOut(): Promise<void>;
}

/** One way in that the sign-in page offers: a demo person, or an organisation's account. */
export interface SignInChoice {
  id: string;
  /** Read as "Sign in as {name}". */
  name: string;
  /** Job title, organisation… */
  details: string[];
  /** The role the choice signs in with, when it is known before signing in. */
  role: SiteRole | null;
}

export interface Authenticator {
  /** A sentence for the sign-in page: where this copy signs in. */
  readonly description: string;
  /** The session kept from before (a reload), or one the host gives without asking; else null. */
  restore(): Promise<AuthSession | null>;
  /** What the sign-in page lists; throws with a message to show when sign-in cannot work here. */
  choices(): Promise<SignInChoice[]>;
  signIn(choiceId: string): Promise<AuthSession>;
}

export function toSiteRole(role: string | null | undefined): SiteRole {
  return role === 'owner' || role === 'member' ? role : 'visitor';
}
