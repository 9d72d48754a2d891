import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../../../src/auth';
import { localTokenSource } from '../../../src/auth/local-token';
import { connect } from '../../../src/jobs/graph-access';
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

describe("local tokens, which lapse after an hour as Entra ID's do", () => {
  afterEach(() => vi.restoreAllMocks());
  const mints = (spy: { mock: { calls: unknown[][] } }) =>
    spy.mock.calls.filter(([url]) => String(url).endsWith('/_local/token')).length;

  it('mints one token for callers who ask together, and a new one as it nears its end', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    let clock = Date.now();
    const getToken = localTokenSource(origin(), 'lead', () => clock);
    const [first, second] = await Promise.all([getToken(), getToken()]);
    expect(first).toBe(second);
    expect(mints(fetchSpy)).toBe(1);
    clock += 54 * 60_000;
    await getToken();
    expect(mints(fetchSpy)).toBe(1);
    clock += 2 * 60_000; // within five minutes of the hour
    const client = createGraphClient({ baseUrl: t.graph.graphBaseUrl, getToken });
    expect((await getMe({ client, siteId: 'root' })).userPrincipalName).toMatch(/^hannah/);
    expect(mints(fetchSpy)).toBe(2);
  });

  it('the commands name a person the local Graph does not have, or a local Graph that is not running', async () => {
    const local = { kind: 'local' as const, siteId: 'root', siteTimeZone: 'Europe/London' };
    await expect(
      connect({ ...local, graphBaseUrl: t.graph.graphBaseUrl, origin: origin() }, { as: 'nobody' }),
    ).rejects.toThrow('The local Graph has no person "nobody"');
    await expect(
      connect({ ...local, graphBaseUrl: 'http://127.0.0.1:9/v1.0', origin: 'http://127.0.0.1:9' }),
    ).rejects.toThrow('No local Graph answers at http://127.0.0.1:9');
  });
});
