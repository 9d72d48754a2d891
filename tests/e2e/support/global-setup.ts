import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { londonDate } from '../../../src/domain';
import { createGraphClient } from '../../../src/graph/client';
import { createPlanStore } from '../../../src/graph/store';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { readSeedSources } from '../../../src/jobs/demo/sources';
import { startLocalGraph } from '../../../src/localgraph';

/**
 * Once per run: a local Graph on a free port with the demo plan, the tab built
 * against it, and Vite's preview server for the built files.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-e2e-'));
  const graph = await startLocalGraph({ port: 0, dataDir, quiet: true });
  const client = createGraphClient({
    baseUrl: graph.graphBaseUrl,
    getToken: async () => graph.tokenFor('officer'),
  });
  await seedDemo(createPlanStore({ client, siteId: 'root' }), readSeedSources(), londonDate(new Date()));

  const configFile = new URL('../../../vite.config.ts', import.meta.url).pathname;
  const outDir = join(dataDir, 'dist');
  process.env.VITE_GRAPH_BASE_URL = graph.graphBaseUrl;
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false },
  });
  const tabUrl = server.resolvedUrls?.local[0];
  if (!tabUrl) throw new Error('Vite preview did not report its address');

  project.provide('tabUrl', tabUrl);
  project.provide('graphOrigin', graph.origin);
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    tabUrl: string;
    graphOrigin: string;
  }
}
