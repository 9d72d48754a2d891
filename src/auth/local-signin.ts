import { z } from 'zod';

/**
 * Sign-in against the local Graph: it seeds demo people and issues tokens that
 * name them. Production uses MSAL instead; nothing here reaches a real tenant.
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
export type LocalPerson = z.infer<typeof personSchema>;

export interface SignedInSession {
  person: LocalPerson;
  getToken: () => Promise<string>;
}

const STORAGE_KEY = 'wsoa.localSession';

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
const storedSchema = z.object({ person: personSchema, token: z.string() });

export async function fetchLocalPeople(origin: string): Promise<LocalPerson[]> {
  const response = await fetch(`${origin}/_local/people`);
  if (!response.ok)
    throw new Error(`The local Graph at ${origin} did not list its people (HTTP ${response.status})`);
  return z
    .array(personSchema)
    .parse(await response.json())
    .filter((p) => p.userPrincipalName !== null);
}

export async function signInLocally(origin: string, person: LocalPerson): Promise<SignedInSession> {
  const response = await fetch(`${origin}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ person: person.alias }),
  });
  if (!response.ok)
    throw new Error(`The local Graph refused to sign in ${person.displayName} (HTTP ${response.status})`);
  const token = z.object({ access_token: z.string() }).parse(await response.json()).access_token;
  sessionStore()?.setItem(STORAGE_KEY, JSON.stringify({ person, token }));
  return { person, getToken: async () => token };
}

/** A session kept for this browser tab, so a reload does not sign you out. */
export function restoreLocalSession(): SignedInSession | null {
  const store = sessionStore();
  const raw = store?.getItem(STORAGE_KEY);
  if (!store || !raw) return null;
  try {
    const stored = storedSchema.parse(JSON.parse(raw));
    return { person: stored.person, getToken: async () => stored.token };
  } catch {
    store.removeItem(STORAGE_KEY);
    return null;
  }
}

export function signOutLocally(): void {
  sessionStore()?.removeItem(STORAGE_KEY);
}
