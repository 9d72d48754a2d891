import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PEOPLE } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import { TestClient, expectError, pageSchema, startFresh, stopAndRemove } from './helpers';

let graph: LocalGraph;
beforeAll(async () => {
  graph = await startFresh();
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const userSchema = z
  .object({ id: z.string(), displayName: z.string(), userPrincipalName: z.string() })
  .loose();

describe('authentication', () => {
  it('refuses a request without a token with Graph’s 401', async () => {
    const reply = await new TestClient(graph, null).get('/me');
    expectError(reply, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
  });

  it('refuses forged, malformed and non-Bearer tokens', async () => {
    const anon = new TestClient(graph, null);
    const real = graph.tokenFor('chair');
    const [payload, signature] = real.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ oid: DEMO_PEOPLE[0]?.id, upn: null, iat: 1 }),
    ).toString('base64url');
    for (const authorization of [
      `Bearer ${forgedPayload}.${signature}`,
      'Bearer not-a-token',
      `Basic ${payload}`,
      `Bearer ${real}x`,
    ]) {
      const reply = await anon.get('/me', { authorization });
      expectError(reply, 401, 'InvalidAuthenticationToken');
    }
  });

  it('answers /me for a delegated user and refuses it for the app principal', async () => {
    const me = await new TestClient(graph, 'lead').get('/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      displayName: 'Hannah Whitfield',
      userPrincipalName: 'hannah.whitfield@demo.localarea.example',
    });
    const app = await new TestClient(graph, 'app').get('/me');
    expectError(app, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  });
});

describe('directory', () => {
  const officer = () => new TestClient(graph, 'officer');

  it('filters users with startswith on displayName, case-insensitively', async () => {
    const reply = await officer().get(
      `/users?$filter=${encodeURIComponent("startswith(displayName,'han')")}`,
    );
    expect(reply.status).toBe(200);
    const names = pageSchema(userSchema)
      .parse(reply.json)
      .value.map((u) => u.displayName);
    expect(names).toEqual(['Hannah Whitfield']);
  });

  it('filters on userPrincipalName and mail, with or', async () => {
    const filter = "startswith(userPrincipalName,'TOM.') or startswith(mail,'claire')";
    const reply = await officer().get(`/users?$filter=${encodeURIComponent(filter)}`);
    const names = pageSchema(userSchema)
      .parse(reply.json)
      .value.map((u) => u.displayName)
      .sort();
    expect(names).toEqual(['Claire Dawson', 'Tom Hargreaves']);
  });

  it('pages with $top and nextLink, and projects with $select', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/users?$top=4&$select=id,displayName,companyName';
    while (url) {
      const reply = await officer().get(url);
      const page = pageSchema(
        z.object({ id: z.string(), displayName: z.string(), companyName: z.string() }).strict(),
      ).parse(reply.json);
      expect(page.value.length).toBeLessThanOrEqual(4);
      seen.push(...page.value.map((u) => u.id));
      url = page['@odata.nextLink'];
    }
    const humans = DEMO_PEOPLE.filter((p) => p.kind === 'user');
    expect(seen.sort()).toEqual(humans.map((p) => p.id).sort());
  });

  it('gets a user by id or UPN, and 404s an unknown one', async () => {
    const chair = DEMO_PEOPLE.find((p) => p.alias === 'chair');
    const byId = await officer().get(`/users/${chair?.id}`);
    const byUpn = await officer().get(`/users/${chair?.userPrincipalName}`);
    expect(userSchema.parse(byId.json).displayName).toBe('Margaret Ellison');
    expect(byUpn.json).toEqual(byId.json);
    expectError(await officer().get('/users/nobody@demo.localarea.example'), 404, 'Request_ResourceNotFound');
  });

  it('rejects unsupported filters and select properties with 400', async () => {
    expectError(
      await officer().get(`/users?$filter=${encodeURIComponent("displayName gt 'a'")}`),
      400,
      'Request_UnsupportedQuery',
    );
    expectError(
      await officer().get('/users?$select=shoeSize'),
      400,
      'BadRequest',
      "property named 'shoeSize'",
    );
    expectError(
      await officer().get(`/users?$filter=${encodeURIComponent("startswith(displayName,'a'")}`),
      400,
      'invalidRequest',
      'Invalid filter clause',
    );
  });
});

describe('local sign-in helpers', () => {
  it('lists the demo people with their roles and issues working tokens', async () => {
    const people = z
      .array(
        z
          .object({ alias: z.string(), id: z.string(), siteRole: z.enum(['owner', 'member', 'visitor']) })
          .loose(),
      )
      .parse(await (await fetch(`${graph.origin}/_local/people`)).json());
    expect(people.map((p) => p.alias)).toEqual(
      expect.arrayContaining(['officer', 'priority-lead', 'lead', 'chair', 'app']),
    );
    expect(people.find((p) => p.alias === 'chair')?.siteRole).toBe('visitor');

    const res = await fetch(`${graph.origin}/_local/token`, {
      method: 'POST',
      body: JSON.stringify({ person: 'chair' }),
    });
    const token = z
      .object({ access_token: z.string(), token_type: z.literal('Bearer') })
      .parse(await res.json());
    const me = await new TestClient(graph, null).get('/me', {
      authorization: `Bearer ${token.access_token}`,
    });
    expect(me.json).toMatchObject({ displayName: 'Margaret Ellison' });

    const bad = await fetch(`${graph.origin}/_local/token`, {
      method: 'POST',
      body: JSON.stringify({ person: 'nobody' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('priority-lead');
  });

  it('allows CORS from any local origin and exposes ETag and Retry-After', async () => {
    const preflight = await fetch(`${graph.graphBaseUrl}/me`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,if-match,prefer,content-type,client-request-id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'if-match', 'prefer', 'content-type', 'client-request-id'])
      expect(allowed).toContain(h);

    const actual = await fetch(`${graph.graphBaseUrl}/me`, {
      headers: { origin: 'http://127.0.0.1:4173', authorization: `Bearer ${graph.tokenFor('lead')}` },
    });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect((actual.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain(
      'retry-after',
    );

    const foreign = await fetch(`${graph.graphBaseUrl}/me`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
