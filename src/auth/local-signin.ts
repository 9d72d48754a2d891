import { z } from 'zod';
import { localTokenSource } from './local-token';
import type { AuthSession, SignInFlows } from './session';
import { toSiteRole } from './session';

/**
 * Sign-in against the local Graph: it seeds demo people and issues tokens that
 * name them, so every role can be tried. Nothing here reaches a real tenant.
 */
const personSchema = z.object({
  alias: z.string(),
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string().nullable(),
  jobTitle: z.string().nullable().optional(),
  companyName: z.string().nullable().optional(),
  siteRole: z.string(),
});
type LocalPerson = z.infer<typeof personSchema>;

const STORAGE_KEY = 'wsoa.localSession';
/** Only who is signed in is kept: a token is minted afresh when the page needs one. */
const storedSchema = z.object({ person: personSchema });

/**
 * Session storage, when the browser allows it: in a cross-site iframe (as a tab
 * inside Teams) it may be blocked, and merely reading the property throws. Then
 * the session lasts as long as the page.
 */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function localSignIn(origin: string): SignInFlows {
  let people: Promise<LocalPerson[]> | null = null;
  const listPeople = () => (people ??= fetchLocalPeople(origin));

  function sessionOf(person: LocalPerson, getToken: () => Promise<string>): AuthSession {
    const upn = person.userPrincipalName ?? person.id;
    return {
      person: { entraId: person.id, upn, displayName: person.displayName, agency: person.companyName ?? '' },
      role: toSiteRole(person.siteRole),
      getToken,
      signOut: async () => sessionStore()?.removeItem(STORAGE_KEY),
    };
  }

  return {
    /** A session kept for this browser tab, so a reload does not sign you out. */
    async restore() {
      const store = sessionStore();
      const raw = store?.getItem(STORAGE_KEY);
      if (!store || !raw) return null;
      try {
        const stored = storedSchema.parse(JSON.parse(raw));
        return sessionOf(stored.person, localTokenSource(origin, stored.person.alias));
      } catch {
        store.removeItem(STORAGE_KEY);
        return null;
      }
    },
    async choices() {
      return (await listPeople()).map((p) => ({
        id: p.alias,
        kind: 'person' as const,
        name: p.displayName,
        details: [p.jobTitle, p.companyName].flatMap((d) => (d ? [d] : [])),
        role: toSiteRole(p.siteRole),
      }));
    },
    async signIn(alias) {
      const person = (await listPeople()).find((p) => p.alias === alias);
      if (!person) throw new Error(`The local Graph has no demo person "${alias}"`);
      const getToken = localTokenSource(origin, alias);
      try {
        await getToken();
      } catch {
        throw new Error(`The local Graph refused to sign in ${person.displayName}`);
      }
      sessionStore()?.setItem(STORAGE_KEY, JSON.stringify({ person }));
      return sessionOf(person, getToken);
    },
  };
}

async function fetchLocalPeople(origin: string): Promise<LocalPerson[]> {
  const response = await fetch(`${origin}/_local/people`);
  if (!response.ok)
    throw new Error(`The local Graph at ${origin} did not list its people (HTTP ${response.status})`);
  return z
    .array(personSchema)
    .parse(await response.json())
    .filter((p) => p.userPrincipalName !== null);
}
