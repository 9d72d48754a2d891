import { AuthError, AuthErrorCodes, type AuthenticationResult } from '@azure/msal-node';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LIST_KEYS } from '../../../src/graph/lists';
import { LIST_SPECS } from '../../../src/graph/list-specs';
import { deviceCodeTokenSource, type DeviceCodeClient } from '../../../src/jobs/device-code';
import { graphIsLocal, readProvisionAccess } from '../../../src/jobs/provision-access';
import { parseSiteRef } from '../../../src/jobs/site-ref';
import { provisionNamedSite } from '../../../src/jobs/provision-site';
import { DEMO_TENANT } from '../../../src/localgraph';
import { startTestGraph, type TestGraph } from '../support/local-graph';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that would change whom a command acts as: a developer's shell must not leak them in. */
const CREDENTIALS = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'VITE_ENTRA_CLIENT_ID',
  'GRAPH_SITE_ID',
];

/**
 * `tsx src/jobs/<script> …` (what `npm run provision` runs) as a child process, with GRAPH_BASE_URL and
 * whatever else `env` sets; through `node --import tsx`, which starts in half the time of npx.
 */
function command(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !CREDENTIALS.includes(name)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/jobs/${script}`, ...args], {
      env: { ...base, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const provision = (t: TestGraph, args: string[], env: Record<string, string> = {}) =>
  command('provision-cli.ts', args, { GRAPH_BASE_URL: t.graph.graphBaseUrl, ...env });

/** The error line, without Node's own warnings. */
const errorLines = (run: Run) => run.stderr.split('\n').filter((l) => l.startsWith('error:'));

const outcomeSchema = z.object({
  site: z.object({ id: z.string(), displayName: z.string(), webUrl: z.string() }),
  report: z.object({
    createdLists: z.array(z.string()),
    addedColumns: z.array(z.string()),
    indexedColumns: z.array(z.string()),
    plainTextColumns: z.array(z.string()),
  }),
  nothingToDo: z.boolean(),
});

const APP_LISTS = LIST_KEYS.map((key) => LIST_SPECS[key].displayName);
const { rootSite, groupSite } = DEMO_TENANT;

/** The app's lists on a site, read as the programme officer. */
async function appListsOn(t: TestGraph, siteId: string): Promise<string[]> {
  const reply = await t
    .clientAs('officer')
    .call({ method: 'GET', path: `/sites/${encodeURIComponent(siteId)}/lists?$select=displayName` }, 'lists');
  const names = z.object({ value: z.array(z.object({ displayName: z.string() })) }).parse(reply.body);
  return names.value.map((l) => l.displayName).filter((name) => APP_LISTS.includes(name));
}

describe('npm run provision, against a fresh local Graph', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it('provisions a site named by its URL, prints its id, and finds nothing to do the second time', async () => {
    const first = await provision(t, ['--site', groupSite.webUrl, '--json']);
    expect(errorLines(first)).toEqual([]);
    expect(first.code).toBe(0);
    const outcome = outcomeSchema.parse(JSON.parse(first.stdout));
    expect(outcome.site).toEqual({
      id: groupSite.id,
      displayName: groupSite.displayName,
      webUrl: groupSite.webUrl,
    });
    expect([...outcome.report.createdLists].sort()).toEqual([...APP_LISTS].sort());
    expect(outcome.nothingToDo).toBe(false);
    // Progress goes to stderr, so --json's stdout stays one object.
    const steps = APP_LISTS.length + 2;
    expect(first.stderr).toContain(`[1/${steps}] read the site's lists (${APP_LISTS.length} to create)`);
    expect(first.stderr).toContain(`[2/${steps}] created ${APP_LISTS.length} lists`);
    expect(first.stderr).toMatch(
      new RegExp(`\\[${steps}/${steps}\\] checked the columns and indexes of WSoA `),
    );
    expect((await appListsOn(t, groupSite.id)).sort()).toEqual([...APP_LISTS].sort());
    // The site named, and only that one: the root site is left alone.
    expect(await appListsOn(t, rootSite.id)).toEqual([]);

    const second = await provision(t, ['--site', `${groupSite.webUrl}/`]);
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split('\n');
    expect(lines).toEqual([
      `Site: ${groupSite.displayName} (${groupSite.webUrl})`,
      'Nothing to do: every list, column and index is already in place.',
      `Site id (set VITE_SITE_ID for the tab and GRAPH_SITE_ID for the jobs): ${groupSite.id}`,
    ]);
  });

  it('provisions a site named by its Graph id, and reads `root` and the bare host as the root site', async () => {
    const first = await provision(t, ['--site', rootSite.id]);
    expect(errorLines(first)).toEqual([]);
    expect(first.stdout).toContain(`Created ${APP_LISTS.length} lists: ${APP_LISTS[0]}`);
    expect(first.stdout.trim().split('\n').at(-1)).toBe(
      `Site id (set VITE_SITE_ID for the tab and GRAPH_SITE_ID for the jobs): ${rootSite.id}`,
    );
    expect((await appListsOn(t, rootSite.id)).sort()).toEqual([...APP_LISTS].sort());

    for (const site of ['root', rootSite.webUrl]) {
      const again = outcomeSchema.parse(JSON.parse((await provision(t, ['--site', site, '--json'])).stdout));
      expect(again).toMatchObject({ site: { id: rootSite.id }, nothingToDo: true });
    }
  });

  it('names an unknown site URL, exits 1 and prints no report', async () => {
    const run = await provision(t, ['--site', 'http://localhost/sites/send-improvement']);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      "error: No SharePoint site at http://localhost/sites/send-improvement: check the address (a site's address ends with its name, such as /sites/send-improvement)",
    ]);
    expect(run.stdout).toBe('');
  });

  it('names an unknown site id', async () => {
    const id = 'localhost,00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002';
    const run = await provision(t, ['--site', id]);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      `error: No SharePoint site has the id ${id} (or this account cannot see it)`,
    ]);
  });
});

describe('npm run provision, refusing', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it('tells a visitor they cannot provision, and creates nothing', async () => {
    const run = await provision(t, ['--site', groupSite.webUrl, '--as', 'chair']);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      `error: "chair" can read but not change ${groupSite.webUrl}: provisioning needs a site owner or member (such as --as officer)`,
    ]);
    expect(run.stdout).toBe('');
    expect(await appListsOn(t, groupSite.id)).toEqual([]);
  });

  const tenant = { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' };
  it.each([
    [
      ['--site', 'send-improvement'],
      {},
      /^error: --site "send-improvement" is neither a SharePoint site URL nor a Graph site id: use a site URL such as https:\/\//,
    ],
    [
      ['--site', 'root', '--bogus'],
      {},
      /^error: Unknown option '--bogus'.*Usage: npm run provision -- --site/,
    ],
    [
      ['--site', 'http://contoso.sharepoint.com/sites/send-improvement'],
      tenant,
      /^error: --site "http:\/\/contoso\.sharepoint\.com\/sites\/send-improvement" is not an https:\/\/ address: SharePoint Online serves sites over https only: use https:\/\/contoso\.sharepoint\.com\/sites\/send-improvement$/,
    ],
    [
      ['--site', 'https://contoso.sharepoint.com/sites/send-improvement'],
      tenant,
      /^error: GRAPH_BASE_URL points at graph\.microsoft\.com, where a site owner signs in \(device code flow\): AZURE_TENANT_ID \(or VITE_ENTRA_TENANT_ID\) is missing; VITE_ENTRA_CLIENT_ID \(or AZURE_CLIENT_ID\) is missing \(or run with --app-only/,
    ],
  ])('%j %j: one specific line, exit 1, nothing created', async (args, env, message) => {
    const run = await provision(t, args, env);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toHaveLength(1);
    expect(errorLines(run)[0]).toMatch(message);
    expect(run.stdout).toBe('');
    expect(await appListsOn(t, groupSite.id)).toEqual([]);
    expect(await appListsOn(t, rootSite.id)).toEqual([]);
  });

  /** What the command checks before it reaches Graph or asks anyone to sign in, in the order it does. */
  function checkedUpFront(
    args: { site?: string; as?: string; appOnly?: boolean },
    env: NodeJS.ProcessEnv,
  ): void {
    const local = graphIsLocal(env);
    parseSiteRef(args.site, { local });
    readProvisionAccess(env, { local, as: args.as, appOnly: args.appOnly ?? false });
  }

  it.each([
    [
      { site: 'contoso.sharepoint.com/sites/x' },
      {},
      /^--site "contoso\.sharepoint\.com\/sites\/x" is neither a SharePoint site URL nor a Graph site id/,
    ],
    [{ site: 'contoso.sharepoint.com,123,456' }, {}, /^--site "contoso\.sharepoint\.com,123,456" is neither/],
    [{ site: 'ftp://contoso.sharepoint.com/sites/x' }, {}, /^--site "ftp:.*" is not an https:\/\/ address/],
    [
      {},
      {},
      /^--site is required: a site URL such as https:\/\/contoso\.sharepoint\.com\/sites\/send-improvement, or a Graph site id/,
    ],
    [{ site: '  ' }, {}, /^--site is required/],
    [{ site: 'root', as: 'chair', appOnly: true }, {}, /^--as and --app-only do not go together/],
    [
      { site: 'https://contoso.sharepoint.com/sites/send-improvement/SitePages/Home.aspx' },
      tenant,
      /^--site ".*Home\.aspx" is a page or library inside a site: use the site's own address, up to its name \(such as https:\/\/contoso\.sharepoint\.com\/sites\/send-improvement\)$/,
    ],
    [
      {
        site: 'https://contoso.sharepoint.com/sites/send-improvement/Shared%20Documents/Forms/AllItems.aspx',
      },
      tenant,
      /is a page or library inside a site/,
    ],
    [
      { site: 'https://teams.microsoft.com/l/team/19%3aabc%40thread.tacv2/conversations' },
      tenant,
      /^--site ".*" is not a SharePoint address: open the site in SharePoint \(in Teams: Files › Open in SharePoint\)/,
    ],
    [
      { site: 'https://contoso.sharepoint.com/sites/send-improvement', appOnly: true },
      { ...tenant, AZURE_TENANT_ID: 'contoso.onmicrosoft.com' },
      /^GRAPH_BASE_URL points at graph\.microsoft\.com, which needs app-only credentials: AZURE_CLIENT_ID is missing; AZURE_CLIENT_SECRET is missing$/,
    ],
    [
      { site: 'https://contoso.sharepoint.com/sites/send-improvement' },
      { ...tenant, AZURE_CLIENT_ID: 'x' },
      /: AZURE_TENANT_ID \(or VITE_ENTRA_TENANT_ID\) is missing \(or run with --app-only/,
    ],
    [
      { site: 'https://contoso.sharepoint.com/sites/send-improvement', as: 'officer' },
      tenant,
      /^--as picks a demo person of the local Graph; against graph\.microsoft\.com a site owner signs in when asked, or use --app-only$/,
    ],
    [{ site: 'root' }, { GRAPH_BASE_URL: 'graph.microsoft.com' }, /^GRAPH_BASE_URL must be a URL/],
  ])('refuses %j with %j before anything else', (args, env, message) => {
    expect(() => checkedUpFront(args, env)).toThrow(message);
  });

  it.each([
    [
      { site: 'https://contoso.sharepoint.com/sites/send-improvement/' },
      {
        kind: 'url',
        hostname: 'contoso.sharepoint.com',
        path: '/sites/send-improvement',
        url: 'https://contoso.sharepoint.com/sites/send-improvement',
      },
    ],
    [
      { site: 'https://contoso.sharepoint.com' },
      { kind: 'url', hostname: 'contoso.sharepoint.com', path: '' },
    ],
    [{ site: 'https://contoso.sharepoint.com/teams/hr?web=1#top' }, { kind: 'url', path: '/teams/hr' }],
    [{ site: 'root' }, { kind: 'id', siteId: 'root' }],
    [
      {
        site: 'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2D2244C3-251A-49EA-93A8-39E1C3A060FE',
      },
      {
        kind: 'id',
        siteId:
          'contoso.sharepoint.com,2c712604-1370-44e7-a1f5-426573fda80a,2D2244C3-251A-49EA-93A8-39E1C3A060FE',
      },
    ],
  ])('reads --site %j', (args, expected) => {
    expect(parseSiteRef(args.site, { local: false })).toMatchObject(expected);
  });

  it('tells an app-only registration which Sites.Selected role to grant, with the call that grants it', async () => {
    // The local Graph has no Sites.Selected; a visitor's 403 stands in for the app's on a tenant.
    const access = readProvisionAccess(
      {
        GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
        AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
        AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        AZURE_CLIENT_SECRET: 'not used',
      },
      { local: false, appOnly: true },
    );
    const ctx = { client: t.clientAs('chair'), siteId: 'root' };
    const refusal = provisionNamedSite(ctx, { kind: 'id', siteId: groupSite.id }, access);
    await expect(refusal).rejects.toThrow(
      `The app registration 11111111-2222-4333-8444-555555555555 can read but not change ${groupSite.webUrl}: with Sites.Selected, grant it the "manage" role on the site ("write" edits items but cannot create lists or columns), as a SharePoint administrator: POST https://graph.microsoft.com/v1.0/sites/${groupSite.id}/permissions {"roles":["manage"],"grantedToIdentities":[{"application":{"id":"11111111-2222-4333-8444-555555555555","displayName":"WSoA tracker"}}]}`,
    );
    expect(await appListsOn(t, groupSite.id)).toEqual([]);
  });
});

describe('npm run seed:demo', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it('refuses a tenant’s Graph before asking for credentials, and points to npm run provision', async () => {
    const run = await command('seed-demo-cli.ts', [], { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      'error: seed:demo loads the demo plan into the local Graph only, and GRAPH_BASE_URL points at graph.microsoft.com: to set up a real site run `npm run provision -- --site <site URL>`, then import your own plan into it',
    ]);
    expect(run.stdout).toBe('');
  });

  it('still loads the demo plan into the local Graph', async () => {
    const run = await command('seed-demo-cli.ts', ['--json'], { GRAPH_BASE_URL: t.graph.graphBaseUrl });
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: true });
  });
});

describe('signing a site owner in with the device code flow', () => {
  const account = {
    homeAccountId: 'h',
    environment: 'login.microsoftonline.com',
    tenantId: 't',
    username: 'priya.shah@contoso.example',
    localAccountId: 'l',
  };
  const token = (accessToken: string) => ({ accessToken, account }) as AuthenticationResult;
  const deviceCode = {
    userCode: 'ABCD1234',
    deviceCode: 'device',
    verificationUri: 'https://microsoft.com/devicelogin',
    expiresIn: 900,
    interval: 5,
    message:
      'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD1234 to authenticate.',
  };
  const options = {
    tenantId: 'contoso.onmicrosoft.com',
    clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  };

  it('shows Entra ID’s instructions, asks only for Sites.Manage.All, and renews silently afterwards', async () => {
    const told: string[] = [];
    const asked: string[][] = [];
    const client: DeviceCodeClient = {
      async acquireTokenByDeviceCode(request) {
        asked.push(request.scopes);
        request.deviceCodeCallback(deviceCode);
        return token('first');
      },
      async acquireTokenSilent(request) {
        expect(request.account).toEqual(account);
        asked.push(request.scopes);
        return token('renewed');
      },
    };
    const getToken = deviceCodeTokenSource({ ...options, tell: (m) => told.push(m), client });
    const [a, b] = await Promise.all([getToken(), getToken()]);
    expect([a, b]).toEqual(['first', 'first']);
    expect(await getToken()).toBe('renewed');
    expect(told).toEqual([deviceCode.message]);
    expect(asked).toEqual([
      ['https://graph.microsoft.com/Sites.Manage.All'],
      ['https://graph.microsoft.com/Sites.Manage.All'],
    ]);
  });

  it.each([
    [
      'invalid_client',
      /allow public client flows \(Authentication › Advanced settings › Allow public client flows: Yes\), or run with --app-only/,
    ],
    ['authorization_declined', /^The sign-in was declined/],
    ['expired_token', /^The code was not entered in time/],
  ])('explains Entra ID’s %s', async (oauthError, message) => {
    const client: DeviceCodeClient = {
      async acquireTokenByDeviceCode(request) {
        request.deviceCodeCallback(deviceCode);
        // What MSAL Node throws when polling the token endpoint answers an error (DeviceCodeClient).
        throw new AuthError(AuthErrorCodes.postRequestFailed, 'correlation', oauthError);
      },
      acquireTokenSilent: () => Promise.reject(new Error('not signed in')),
    };
    const getToken = deviceCodeTokenSource({ ...options, tell: () => undefined, client });
    await expect(getToken()).rejects.toThrow(message);
  });

  it('stops before polling when Entra ID gives no code (an unknown tenant or client id)', async () => {
    let polled = false;
    const client: DeviceCodeClient = {
      async acquireTokenByDeviceCode(request) {
        request.deviceCodeCallback({ ...deviceCode, userCode: '', message: '' });
        polled = true;
        return token('never');
      },
      acquireTokenSilent: () => Promise.reject(new Error('not signed in')),
    };
    const getToken = deviceCodeTokenSource({ ...options, tell: () => undefined, client });
    await expect(getToken()).rejects.toThrow(
      'Entra ID gave no sign-in code for app aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee in tenant contoso.onmicrosoft.com',
    );
    expect(polled).toBe(false);
  });
});
