import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadEnv } from 'vite';
import { z } from 'zod';
import { parseFlags, runCommand } from '../cli';
import { readPackageConfig } from './config';
import { PackageError, preparePackage } from './prepare';
import { defaultOutPath, manifestDir, repoRoot } from './paths';
import { zipPackage } from './zip';

const USAGE = 'npm run package -- [--skip-build] [--out build/appPackage.zip]';

/**
 * `npm run package`: checks the council's values, renders and validates the manifest,
 * builds the tab, then writes the Teams app package. Nothing is written until every
 * check has passed.
 */
runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    { 'skip-build': { type: 'boolean' }, out: { type: 'string' } },
    USAGE,
  );
  const config = readPackageConfig(buildEnv(), packageVersion());
  const prepared = await preparePackage(config, manifestDir);
  if (!flags['skip-build']) await buildTab();
  const out = resolve(flags.out ?? defaultOutPath);
  const zip = await zipPackage(prepared.manifest, prepared.icons);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  const inside = relative(process.cwd(), out);
  const shown = inside && !inside.startsWith('..') ? inside : out;
  process.stdout.write(
    [
      `Wrote ${shown} (${(statSync(out).size / 1024).toFixed(1)} kB), for Teams app ${config.teamsAppId} version ${config.version}:`,
      `  manifest.json  tab on ${config.hostUrl}, Entra client ${config.entraClientId}`,
      ...prepared.icons.map((icon) => `  ${icon.name}`),
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or the Teams admin centre.',
      '',
    ].join('\n'),
  );
});

/**
 * The variables as the build sees them: Vite reads .env files (the shell's values win),
 * so the manifest names the same Entra client id as the tab it packages.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const names = ['TEAMS_APP_ID', 'VITE_ENTRA_CLIENT_ID', 'TAB_HOST_URL', 'VITE_GRAPH_BASE_URL'];
  return { ...loadEnv('production', repoRoot, names), ...process.env };
}

function packageVersion(): string {
  const json: unknown = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return z.object({ version: z.string() }).parse(json).version;
}

/** The project's own build (`npm run build`), then a check that it holds the pages the manifest links to. */
async function buildTab(): Promise<void> {
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit code ${code}); no package written`);
  const missing = ['index.html', 'privacy.html', 'terms.html'].filter(
    (page) => !existsSync(join(repoRoot, 'dist', page)),
  );
  if (missing.length > 0) throw new PackageError(missing.map((page) => `the build in dist/ lacks ${page}`));
}
