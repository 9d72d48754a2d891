import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Real production builds of the tab, as `npm run build` makes them (Vite reads
 * VITE_* from the process environment, so the variables are set around each build
 * and put back). Each build takes a while: three at most.
 */
const configFile = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'wsoa-build-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const CLIENT_ID = '2c6a7d2e-3f4b-4c8d-9e0f-1a2b3c4d5e6f';
const SECRET = 'test-secret-should-not-ship';
const TENANT = {
  VITE_GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  VITE_ENTRA_CLIENT_ID: CLIENT_ID,
  VITE_ENTRA_TENANT_ID: 'leics.gov.uk',
  // The reminder job's app-only secret, set as it would be on a build machine that also runs the job.
  AZURE_CLIENT_SECRET: SECRET,
};
/** What only the local Graph's demo sign-in (and its flow-runs reads) would put in a bundle. */
const LOCAL_ONLY = [
  '/_local/',
  '/_admin/',
  'wsoa.localSession',
  'Choose who to be',
  'Priya Shah',
  'Hannah Whitfield',
  'Daniel Okafor',
  'Margaret Ellison',
];

async function buildTab(name: string, env: Record<string, string>): Promise<string> {
  const outDir = join(workDir, name);
  const saved = Object.fromEntries(
    ['NODE_ENV', ...Object.keys(env)].map((key) => [key, process.env[key]] as const),
  );
  Object.assign(process.env, { NODE_ENV: 'production' }, env); // Vitest's own NODE_ENV is "test"
  try {
    await build({ configFile, mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return outDir;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const jsOf = (dir: string) =>
  filesIn(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file: relative(dir, file), text: readFileSync(file, 'utf8') }));

describe("a build for a tenant's Graph", () => {
  let dist = '';

  it('builds, signing in with Entra ID (the client id is public), with its redirect bridge page', async () => {
    dist = await buildTab('tenant', TENANT);
    const js = jsOf(dist);
    expect(js.some(({ text }) => text.includes(CLIENT_ID))).toBe(true);
    expect(js.some(({ text }) => text.includes('login.microsoftonline.com'))).toBe(true);
    expect(readFileSync(join(dist, 'auth', 'redirect.html'), 'utf8')).toMatch(
      /<script type="module"[^>]+src="\/assets\//,
    );
  }, 240_000);

  it('holds no source maps', () => {
    expect(filesIn(dist).filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(
      jsOf(dist)
        .filter(({ text }) => text.includes('sourceMappingURL'))
        .map(({ file }) => file),
    ).toEqual([]);
  });

  it("holds none of the local Graph's demo sign-in", () => {
    const found = jsOf(dist).flatMap(({ file, text }) =>
      [...LOCAL_ONLY, '__LOCAL_SIGN_IN__'].filter((s) => text.includes(s)).map((s) => `${file}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('holds no secret from the environment it was built in, in any file', () => {
    const leaks = filesIn(dist).filter((file) => readFileSync(file, 'latin1').includes(SECRET));
    expect(leaks).toEqual([]);
  });

  it('is refused without an app registration, saying which variable is missing', async () => {
    await expect(buildTab('refused', { ...TENANT, VITE_ENTRA_CLIENT_ID: '' })).rejects.toThrow(
      'Refusing to build the tab: VITE_ENTRA_CLIENT_ID is missing: a tab for https://graph.microsoft.com/v1.0 signs people in with Microsoft Entra ID',
    );
  }, 60_000);
});

describe('a build for the local Graph (the counterpart)', () => {
  it('keeps the demo sign-in, its source maps, and no redirect bridge page', async () => {
    const dist = await buildTab('local', {
      VITE_GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0',
      VITE_ENTRA_CLIENT_ID: '',
    });
    const js = jsOf(dist)
      .map(({ text }) => text)
      .join('\n');
    expect(js).toContain('/_local/token');
    expect(js).toContain('wsoa.localSession');
    expect(filesIn(dist).some((file) => file.endsWith('.js.map'))).toBe(true);
    expect(filesIn(dist).some((file) => file.endsWith('redirect.html'))).toBe(false);
  }, 240_000);
});
