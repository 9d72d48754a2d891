import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../../../src/app/config';
import { createAuthenticator } from '../../../src/auth';
import { isLocalGraph, tabBuild } from '../../../src/auth/build-target';

const CLIENT_ID = '2c6a7d2e-3f4b-4c8d-9e0f-1a2b3c4d5e6f';
const TENANT_GUID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const GRAPH = 'https://graph.microsoft.com/v1.0';

describe('which sign-in a configuration gets', () => {
  it.each([
    [
      'nothing set: the demo people of the local Graph',
      {},
      { kind: 'local-graph', origin: 'http://127.0.0.1:4000' },
    ],
    [
      'a local Graph on localhost',
      { VITE_GRAPH_BASE_URL: 'http://localhost:4100/v1.0' },
      { kind: 'local-graph', origin: 'http://localhost:4100' },
    ],
    [
      "a tenant's Graph and an app registration: Entra ID, any organisation's accounts",
      { VITE_GRAPH_BASE_URL: GRAPH, VITE_ENTRA_CLIENT_ID: CLIENT_ID },
      { kind: 'entra', clientId: CLIENT_ID, tenantId: 'organizations', graphBaseUrl: GRAPH },
    ],
    [
      'an app registration and the local Graph: Entra ID all the same (MSAL in end-to-end tests)',
      { VITE_ENTRA_CLIENT_ID: CLIENT_ID, VITE_ENTRA_TENANT_ID: TENANT_GUID },
      {
        kind: 'entra',
        clientId: CLIENT_ID,
        tenantId: TENANT_GUID,
        graphBaseUrl: 'http://127.0.0.1:4000/v1.0',
      },
    ],
    [
      'a tenant named by a verified domain',
      {
        VITE_GRAPH_BASE_URL: `${GRAPH}/`,
        VITE_ENTRA_CLIENT_ID: ` ${CLIENT_ID} `,
        VITE_ENTRA_TENANT_ID: 'leics.gov.uk',
      },
      { kind: 'entra', clientId: CLIENT_ID, tenantId: 'leics.gov.uk', graphBaseUrl: GRAPH },
    ],
    [
      'an empty client id (VITE_ENTRA_CLIENT_ID= in .env) counts as unset',
      { VITE_ENTRA_CLIENT_ID: '', VITE_ENTRA_TENANT_ID: '' },
      { kind: 'local-graph', origin: 'http://127.0.0.1:4000' },
    ],
  ])('%s', (_story, env, auth) => {
    expect(readAppConfig(env).auth).toEqual(auth);
  });

  it("refuses a tenant's Graph without an app registration, naming the variable", () => {
    expect(() => readAppConfig({ VITE_GRAPH_BASE_URL: GRAPH })).toThrow(
      /VITE_ENTRA_CLIENT_ID is missing: a tab for https:\/\/graph\.microsoft\.com\/v1\.0 signs people in with Microsoft Entra ID/,
    );
  });

  it.each([
    [
      { VITE_ENTRA_CLIENT_ID: 'wsoa-tracker' },
      /VITE_ENTRA_CLIENT_ID must be the app registration's Application \(client\) ID, a GUID/,
    ],
    [
      { VITE_ENTRA_CLIENT_ID: CLIENT_ID, VITE_ENTRA_TENANT_ID: 'common' },
      /VITE_ENTRA_TENANT_ID must be the tenant's ID/,
    ],
    [
      { VITE_ENTRA_CLIENT_ID: CLIENT_ID, VITE_ENTRA_TENANT_ID: 'https://login.microsoftonline.com/x' },
      /VITE_ENTRA_TENANT_ID must be/,
    ],
  ])('names a bad value: %o', (env, message) => {
    expect(() => readAppConfig(env)).toThrow(message);
  });

  it('names every bad value at once', () => {
    expect(() =>
      readAppConfig({
        VITE_ENTRA_CLIENT_ID: 'x',
        VITE_ENTRA_TENANT_ID: 'common',
        VITE_SITE_TIME_ZONE: 'London',
      }),
    ).toThrow(/VITE_SITE_TIME_ZONE must be.*; VITE_ENTRA_CLIENT_ID must be.*; VITE_ENTRA_TENANT_ID must be/);
  });
});

describe('the authenticator each configuration makes', () => {
  it('tells a copy signing in with Entra ID which tenant, before MSAL has loaded', () => {
    const auth = createAuthenticator({
      kind: 'entra',
      clientId: CLIENT_ID,
      tenantId: 'leics.gov.uk',
      graphBaseUrl: GRAPH,
    });
    expect(auth.description).toMatch(/work accounts of leics\.gov\.uk \(Microsoft Entra ID\)/);
    expect(
      createAuthenticator({
        kind: 'entra',
        clientId: CLIENT_ID,
        tenantId: 'organizations',
        graphBaseUrl: GRAPH,
      }).description,
    ).toMatch(/work accounts of any organisation/);
  });

  it('offers the demo people where the local sign-in is compiled in (the tests, local builds)', () => {
    expect(createAuthenticator({ kind: 'local-graph', origin: 'http://127.0.0.1:4000' }).description).toMatch(
      /runs against the local Graph at http:\/\/127\.0\.0\.1:4000/,
    );
  });
});

describe('what a build of the tab holds', () => {
  it.each([
    ['http://127.0.0.1:4000/v1.0', true],
    ['http://localhost:4000/v1.0', true],
    ['https://graph.microsoft.com/v1.0', false],
    ['https://127.0.0.1.example.org/v1.0', false],
    ['not a url', false],
  ])('%s is the local Graph: %s', (url, local) => {
    expect(isLocalGraph(url)).toBe(local);
  });

  it('a local build keeps the demo sign-in and its source maps', () => {
    expect(tabBuild({})).toEqual({ localSignIn: true, sourcemap: true, redirectPage: false, problem: null });
    expect(tabBuild({ VITE_ENTRA_CLIENT_ID: CLIENT_ID })).toMatchObject({
      localSignIn: true,
      redirectPage: true,
    });
  });

  it("a tenant's build drops both, and is refused without an app registration", () => {
    expect(tabBuild({ VITE_GRAPH_BASE_URL: GRAPH, VITE_ENTRA_CLIENT_ID: CLIENT_ID })).toEqual({
      localSignIn: false,
      sourcemap: false,
      redirectPage: true,
      problem: null,
    });
    expect(tabBuild({ VITE_GRAPH_BASE_URL: GRAPH, VITE_ENTRA_CLIENT_ID: ' ' }).problem).toMatch(
      /^VITE_ENTRA_CLIENT_ID is missing/,
    );
  });
});
