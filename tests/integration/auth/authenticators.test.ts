import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../src/auth';
import { createGraphClient } from '../../../src/graph/client';
import { getMe } from '../../../src/graph/people';
import { startTestGraph, type TestGraph } from '../support/local-graph';

let t: TestGraph;
beforeAll(async () => {
  t = await startTestGraph();
});
afterAll(() => t.close());

const origin = () => new URL(t.graph.graphBaseUrl).origin;

describe('the local sign-in, one implementation of the session seam', () => {
  it('offers the demo people with the role each has on the site', async () => {
    const auth = createAuthenticator({ kind: 'local-graph', origin: origin() });
    const choices = await auth.choices();
    expect(choices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'officer', name: 'Priya Shah', role: 'owner' }),
        expect.objectContaining({ id: 'lead', name: 'Hannah Whitfield', role: 'member' }),
        expect.objectContaining({ id: 'chair', name: 'Margaret Ellison', role: 'visitor' }),
      ]),
    );
    expect(auth.description).toContain(origin());
  });

  it('signs a person in with a token Graph accepts as them', async () => {
    const auth = createAuthenticator({ kind: 'local-graph', origin: origin() });
    const session = await auth.signIn('chair');
    expect(session.role).toBe('visitor');
    expect(session.person).toMatchObject({ displayName: 'Margaret Ellison' });
    const client = createGraphClient({ baseUrl: t.graph.graphBaseUrl, getToken: session.getToken });
    const me = await getMe({ client, siteId: 'root' });
    expect(me.userPrincipalName).toBe(session.person.upn);
    expect(me.id).toBe(session.person.entraId);
  });

  it('names an unknown person rather than signing anyone in', async () => {
    const auth = createAuthenticator({ kind: 'local-graph', origin: origin() });
    await expect(auth.signIn('nobody')).rejects.toThrow('The local Graph has no demo person "nobody"');
  });

  it('keeps nothing to restore where the browser gives it no session storage', async () => {
    const auth = createAuthenticator({ kind: 'local-graph', origin: origin() });
    await auth.signIn('lead');
    expect(await auth.restore()).toBeNull();
  });
});

describe('a build with no sign-in configured', () => {
  it('says so on the sign-in page instead of offering a way in', async () => {
    const auth = createAuthenticator({ kind: 'none' });
    expect(await auth.restore()).toBeNull();
    await expect(auth.choices()).rejects.toThrow(
      'Sign-in with Microsoft Entra ID is not configured in this build; see the README.',
    );
  });
});
