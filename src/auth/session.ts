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
  /**
   * A token that may also create and change the plan's lists, for the step that sets
   * a site up. Entra sessions ask for that permission only here; sessions without
   * the method already carry what their role allows (use `setupToken`).
   */
  getTokenForSetup?(): Promise<string>;
  signOut(): Promise<void>;
}

/** The token for setting up a plan's site: the session's wider one where it has one. */
export function setupToken(session: AuthSession): Promise<string> {
  return session.getTokenForSetup ? session.getTokenForSetup() : session.getToken();
}

/** One way in that the sign-in page offers: a demo person, or an organisation's account. */
export interface SignInChoice {
  id: string;
  /**
   * `person`: a named person ("Sign in as {name}"); `account`: the work account
   * Microsoft's sign-in picks, where `name` is the button's whole text.
   */
  kind: 'person' | 'account';
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

/** An authenticator's flows, loaded when first used; the sign-in page's sentence is known before. */
export type SignInFlows = Omit<Authenticator, 'description'>;

export function toSiteRole(role: string | null | undefined): SiteRole {
  return role === 'owner' || role === 'member' ? role : 'visitor';
}
