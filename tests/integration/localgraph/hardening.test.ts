import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueToken, loadOrCreateSecret } from '../../../src/localgraph/auth';
import type { LocalGraph } from '../../../src/localgraph/index';
import { DEMO_PEOPLE } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createList,
  errorSchema,
  expectError,
  itemSchema,
  local,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

let graph: LocalGraph;
let officer: TestClient;
beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
});
afterAll(async () => {
  await stopAndRemove(graph);
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with full control of its headers (fetch will not send another Host). */
function raw(method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const port = Number(new URL(graph.origin).port);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const tokenReply = z.object({ access_token: z.string(), token_type: z.literal('Bearer') });

// A page on another site can point its own DNS name at 127.0.0.1 ("DNS rebinding") and then
// call the local Graph as same-origin; the Host header still names the attacker's domain
// (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Host), so only this server's
// own names are served.
describe('the Host header', () => {
  it('must be 127.0.0.1 or localhost with this server’s port', async () => {
    const port = new URL(graph.origin).port;
    const json = { 'content-type': 'application/json' };
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const token = await raw('POST', '/_local/token', { ...json, host }, '{"person":"officer"}');
      expect(token.status, host).toBe(400);
      expect(token.body).not.toContain('access_token');
      expect((await raw('GET', '/_admin/webhooks', { host })).status, host).toBe(400);
      expect(
        (await raw('GET', '/v1.0/me', { host, authorization: `Bearer ${graph.tokenFor('lead')}` })).status,
      ).toBe(400);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const token = await raw('POST', '/_local/token', { ...json, host }, '{"person":"officer"}');
      expect(token.status, host).toBe(200);
      tokenReply.parse(JSON.parse(token.body));
    }
  });
});

// /_local and /_admin take no token, so cross-site requests to them are refused by Origin (sent
// by browsers with every cross-origin POST, https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Origin)
// or Sec-Fetch-Site (https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Sec-Fetch-Site).
describe('cross-site requests to /_local and /_admin', () => {
  it('refuse a form POST from another site, so it cannot mint a token', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const headers of [
      { ...form, origin: 'https://evil.example' },
      { ...form, origin: 'null' },
      { ...form, 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'text/plain', origin: 'http://127.0.0.1.evil.example' },
    ]) {
      const reply = await local(graph, 'POST', '/_local/token', 'person=officer', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.stringify(reply.json)).not.toContain('access_token');
    }
    const faults = await local(
      graph,
      'PUT',
      '/_admin/faults',
      { rate: 1 },
      { origin: 'https://evil.example' },
    );
    expect(faults.status).toBe(403);
    expect(graph.stats().throttled).toBe(0);
    expect((await officer.get('/me')).status).toBe(200);
  });

  it('let the tab’s sign-in page on another local port (and commands, which send no Origin) through', async () => {
    // What src/auth/local-signin.ts does from http://127.0.0.1:5173: a JSON POST with fetch, after a preflight.
    const preflight = await fetch(`${graph.origin}/_local/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173']) {
      const reply = await local(
        graph,
        'POST',
        '/_local/token',
        { person: 'chair' },
        { origin, 'sec-fetch-site': origin.includes('localhost') ? 'cross-site' : 'same-site' },
      );
      expect(reply.status, origin).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
      tokenReply.parse(reply.json);
    }
    expect((await local(graph, 'POST', '/_local/token', { person: 'chair' })).status).toBe(200);
    expect(
      (await local(graph, 'GET', '/_local/people', undefined, { origin: 'https://evil.example' })).status,
    ).toBe(200);
  });
});

// Graph answers a body over its limit with 413 Request Entity Too Large
// (https://learn.microsoft.com/en-us/graph/errors: "The request size exceeds the maximum limit").
describe('request bodies', () => {
  const FOUR_MB = 4 * 1024 * 1024;

  it('are capped at 4 MB with 413, whether the length is declared or streamed', async () => {
    const over = 'x'.repeat(FOUR_MB + 1);
    expectError(await officer.post('/$batch', over), 413, 'requestEntityTooLarge');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new Uint8Array(1024 * 1024).fill(120);
        for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(`${graph.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${graph.tokenFor('officer')}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Just under the cap the body is read (and here refused as the bad JSON it is).
    expectError(
      await officer.post('/$batch', 'x'.repeat(FOUR_MB - 16)),
      400,
      'BadRequest',
      'Unable to read JSON',
    );
  });

  it('on a GET are refused with 400, never 500', async () => {
    const reply = await raw(
      'GET',
      '/v1.0/me',
      {
        host: new URL(graph.origin).host,
        authorization: `Bearer ${graph.tokenFor('lead')}`,
        'content-type': 'application/json',
        'content-length': '2',
      },
      '{}',
    );
    expect(reply.status).toBe(400);
    expect(errorSchema.parse(JSON.parse(reply.body)).error.message).toContain('cannot have a body');
  });

  it('cannot smuggle __proto__ or constructor into fields', async () => {
    const listId = await createList(officer, 'Proto', [{ name: 'Ref', text: {} }]);
    const items = `${ROOT}/lists/${listId}/items`;
    expectError(
      await officer.post(items, '{"fields": {"Ref": "a", "__proto__": {"Ref": "polluted"}}}'),
      400,
      'BadRequest',
      '__proto__',
    );
    expectError(
      await officer.post(items, { fields: { Ref: 'a', constructor: 'x' } }),
      400,
      'invalidRequest',
      'constructor',
    );
    const id = itemSchema.parse((await officer.post(items, { fields: { Ref: 'ok' } })).json).id;
    expectError(
      await officer.patch(`${items}/${id}/fields`, '{"__proto__": {"Ref": "polluted"}}'),
      400,
      'BadRequest',
      '__proto__',
    );
    expectError(
      await officer.patch(`${items}/${id}/fields`, { prototype: 1 }),
      400,
      'invalidRequest',
      'prototype',
    );
    const all = pageSchema(itemSchema).parse((await officer.get(`${items}?expand=fields`)).json).value;
    expect(all.map((i) => i.fields?.Ref)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).Ref).toBeUndefined();
  });
});

// Entra ID access tokens last about an hour
// (https://github.com/microsoftgraph/python-sample-auth/issues/10: "Each access token is typically
// good for 1 hour"); Graph then answers 401 InvalidAuthenticationToken "Access token has expired or
// is not yet valid." (https://github.com/microsofthackathons/tdi/issues/24).
describe('tokens', () => {
  it('expire an hour after they are issued', async () => {
    const secret = loadOrCreateSecret(graph.dataDir);
    const lead = DEMO_PEOPLE.find((p) => p.alias === 'lead');
    const me = (token: string) =>
      new TestClient(graph, null).get('/me', { authorization: `Bearer ${token}` });
    const minutesAgo = (m: number) => Date.now() - m * 60_000;
    expect(
      (await me(issueToken(secret, lead?.id ?? '', lead?.userPrincipalName ?? null, minutesAgo(59)))).status,
    ).toBe(200);
    expectError(
      await me(issueToken(secret, lead?.id ?? '', lead?.userPrincipalName ?? null, minutesAgo(61))),
      401,
      'InvalidAuthenticationToken',
      'Access token has expired or is not yet valid.',
    );
    expectError(
      await me(issueToken(secret, lead?.id ?? '', lead?.userPrincipalName ?? null, minutesAgo(-60))),
      401,
      'InvalidAuthenticationToken',
      'expired or is not yet valid',
    );
    // A token from before tokens carried exp counts from when it was issued.
    const payload = Buffer.from(
      JSON.stringify({ oid: lead?.id, upn: null, iat: Math.floor(minutesAgo(120) / 1000) }),
    ).toString('base64url');
    const legacy = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expectError(await me(legacy), 401, 'InvalidAuthenticationToken', 'expired');
    const inBatch = await new TestClient(graph, null).post(
      '/$batch',
      { requests: [{ id: '1', method: 'GET', url: '/me' }] },
      {
        authorization: `Bearer ${issueToken(secret, lead?.id ?? '', null, minutesAgo(90))}`,
      },
    );
    expectError(inBatch, 401, 'InvalidAuthenticationToken', 'expired');
  });
});

describe('the data directory', () => {
  it('is readable and writable by its owner only', () => {
    expect(statSync(graph.dataDir).mode & 0o777).toBe(0o700);
    for (const file of [
      'localgraph.sqlite',
      'localgraph.sqlite-wal',
      'localgraph.sqlite-shm',
      'token-secret',
    ]) {
      expect(statSync(path.join(graph.dataDir, file)).mode & 0o777, file).toBe(0o600);
    }
  });
});

describe('pathological filters', () => {
  it('get 400, never 500', async () => {
    const listId = await createList(officer, 'Deep', [{ name: 'N', number: {}, indexed: true }]);
    const items = `${ROOT}/lists/${listId}/items`;
    const deep = `${'('.repeat(5000)}fields/N eq 1${')'.repeat(5000)}`;
    const nots = `${'not '.repeat(5000)}fields/N eq 1`;
    const wide = Array.from({ length: 2000 }, (_, i) => `fields/N eq ${i}`).join(' and ');
    const ors = Array.from({ length: 250 }, (_, i) => `(fields/N eq ${i} and fields/N ne ${i + 1})`).join(
      ' or ',
    );
    for (const f of [deep, nots, wide, 'x'.repeat(40_000)]) {
      const reply = await officer.post('/$batch', {
        requests: [{ id: '1', method: 'GET', url: `${items}?$filter=${encodeURIComponent(f)}` }],
      });
      const inner = z
        .object({ responses: z.array(z.object({ status: z.number() }).loose()) })
        .parse(reply.json);
      expect(inner.responses[0]?.status).toBe(400);
    }
    const many = await officer.post('/$batch', {
      requests: [{ id: '1', method: 'GET', url: `${items}?$filter=${encodeURIComponent(ors)}` }],
    });
    // 500 conditions is the most a filter may hold; so many are still answered.
    expect(
      z.object({ responses: z.array(z.object({ status: z.number() }).loose()) }).parse(many.json).responses[0]
        ?.status,
    ).toBe(200);
    expect((await officer.get(`/sites/root/lists/%E0%A4%A/items`)).status).toBe(404);
  });
});
