import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { TEAMS_HOST } from '../harness/origin';

/** The e2e run's static sites: builds of the tab, and the Teams host harness, each on a port of its own. */

export interface Served {
  /** The site's address, ending in a slash. */
  url: string;
  close(): Promise<void>;
}

const tabConfig = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));
const harnessRoot = fileURLToPath(new URL('../harness', import.meta.url));

/**
 * Builds the tab with these VITE_* variables (Vite reads them from the process
 * environment, so builds run one at a time and the variables are put back after).
 */
export async function buildTab(outDir: string, env: Record<string, string>): Promise<void> {
  const before = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    await build({ configFile: tabConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export async function serveTab(outDir: string): Promise<Served> {
  const server = await preview({
    configFile: tabConfig,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false },
  });
  return served(server);
}

/**
 * Builds the host harness (tests/e2e/harness) and serves it. Its `/_local` goes
 * to the local Graph server to server, as a host's token service would: without
 * the page's Origin, which the local Graph refuses on `/_local` unless it is local.
 */
export async function serveHarness(outDir: string, graphOrigin: string): Promise<Served> {
  await build({
    configFile: false,
    root: harnessRoot,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: { host: fileURLToPath(new URL('../harness/host.html', import.meta.url)) } },
    },
  });
  const server = await preview({
    configFile: false,
    root: harnessRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      // The browser reaches it as https://teams.microsoft.com (support/teams-host.ts).
      allowedHosts: [TEAMS_HOST],
      proxy: {
        '/_local': {
          target: graphOrigin,
          changeOrigin: true,
          configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
        },
      },
    },
  });
  return served(server);
}

function served(server: PreviewServer): Served {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite preview did not report its address');
  return { url, close: () => server.close() };
}
