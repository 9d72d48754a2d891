import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manifestDir } from '../../../src/jobs/package/paths';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const council = {
  TEAMS_APP_ID: '2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f',
  VITE_ENTRA_CLIENT_ID: '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
  TAB_HOST_URL: 'https://wsoa.leics.gov.uk',
  // Set to nothing, so a developer's .env cannot fill them in behind the test's back.
  VITE_GRAPH_BASE_URL: '',
};

const workDir = mkdtempSync(join(tmpdir(), 'wsoa-package-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** `npm run package -- --skip-build --out …` as a child process, with the test's variables. */
function packageApp(outDir: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npm',
      ['run', '-s', 'package', '--', '--skip-build', '--out', join(outDir, 'appPackage.zip')],
      { env: { ...process.env, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function entry(zip: JSZip, name: string): JSZip.JSZipObject {
  const file = zip.file(name);
  if (!file) throw new Error(`the package has no ${name}`);
  return file;
}

/** The error line, without npm's own warnings about the machine's configuration. */
const errorLines = (run: Run) => run.stderr.split('\n').filter((line) => line.startsWith('error:'));

describe('npm run package', () => {
  it('refuses missing variables, naming each, and writes nothing', async () => {
    const outDir = join(workDir, 'missing');
    const run = await packageApp(outDir, { TEAMS_APP_ID: '', VITE_ENTRA_CLIENT_ID: '', TAB_HOST_URL: '' });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^error: TEAMS_APP_ID is missing: .*; VITE_ENTRA_CLIENT_ID is missing: .*; TAB_HOST_URL is missing: /,
      ),
    ]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('refuses a bad value with a specific message, and writes nothing', async () => {
    const outDir = join(workDir, 'bad');
    const run = await packageApp(outDir, {
      ...council,
      TAB_HOST_URL: 'http://wsoa.leics.gov.uk',
      TEAMS_APP_ID: 'wsoa',
    });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      "error: TEAMS_APP_ID must be a GUID (the Teams app's id, generated once per council), such as 2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f; TAB_HOST_URL must be an https:// address (Teams loads tabs only over HTTPS), not http://",
    ]);
    expect(existsSync(outDir)).toBe(false);
  });

  it("writes a package holding exactly manifest.json and the two icons, with the council's values", async () => {
    const outDir = join(workDir, 'good');
    const run = await packageApp(outDir, council);
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    const zipPath = join(outDir, 'appPackage.zip');
    expect(run.stdout).toContain(`Wrote ${zipPath}`);
    expect(run.stdout).toMatch(/manifest\.json[\s\S]*color\.png[\s\S]*outline\.png/);

    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = z
      .object({
        id: z.string(),
        version: z.string(),
        validDomains: z.array(z.string()),
        webApplicationInfo: z.object({ id: z.string() }),
        staticTabs: z.array(z.object({ contentUrl: z.string() })),
        configurableTabs: z.array(z.object({ configurationUrl: z.string() })),
        developer: z.object({ privacyUrl: z.string(), termsOfUseUrl: z.string() }),
      })
      .parse(JSON.parse(await entry(zip, 'manifest.json').async('string')));
    const packageJson = z
      .object({ version: z.string() })
      .parse(JSON.parse(readFileSync('package.json', 'utf8')));
    expect(manifest).toEqual({
      id: council.TEAMS_APP_ID,
      version: packageJson.version,
      validDomains: ['wsoa.leics.gov.uk'],
      webApplicationInfo: { id: council.VITE_ENTRA_CLIENT_ID },
      staticTabs: [{ contentUrl: 'https://wsoa.leics.gov.uk/my-work' }],
      configurableTabs: [{ configurationUrl: 'https://wsoa.leics.gov.uk/config' }],
      developer: {
        privacyUrl: 'https://wsoa.leics.gov.uk/privacy.html',
        termsOfUseUrl: 'https://wsoa.leics.gov.uk/terms.html',
      },
    });
    for (const icon of ['color.png', 'outline.png']) {
      const packed = await entry(zip, icon).async('nodebuffer');
      expect(packed.equals(readFileSync(join(manifestDir, icon)))).toBe(true);
    }
  });
});
