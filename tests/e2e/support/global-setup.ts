import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { londonDate } from '../../../src/domain';
import { createGraphClient } from '../../../src/graph/client';
import { createPlanStore } from '../../../src/graph/store';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { readSeedSources } from '../../../src/jobs/demo/sources';
import { startLocalGraph } from '../../../src/localgraph';
import { DEMO_TENANT } from '../../../src/localgraph/tenant';
import { buildTab, serveHarness, serveTab, type Served } from './builds';

/** The app registration the nested-app-auth build names; the harness refuses token requests for any other. */
const NAA_CLIENT_ID = '5f0c7a2e-3b1d-4c8e-9a6f-2d4b8e1c7a90';

/**
 * Once per run: a local Graph on a free port with the demo plan; the tab built
 * against it twice (with the local Graph's demo sign-in, and with Entra sign-in
 * through MSAL, which a Teams host brokers by nested app auth); the Teams host
 * harness; and Vite's preview server for each.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-e2e-'));
  const graph = await startLocalGraph({ port: 0, dataDir, quiet: true });
  const servers: Served[] = [];
  const teardown = async () => {
    await Promise.all(servers.map((s) => s.close()));
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const client = createGraphClient({
      baseUrl: graph.graphBaseUrl,
      getToken: async () => graph.tokenFor('officer'),
    });
    await seedDemo(createPlanStore({ client, siteId: 'root' }), readSeedSources(), londonDate(new Date()));

    // Pinned, so a developer's .env (a tenant's client id or site) cannot change what is tested.
    const local = {
      VITE_GRAPH_BASE_URL: graph.graphBaseUrl,
      VITE_SITE_ID: 'root',
      VITE_ENTRA_CLIENT_ID: '',
      VITE_ENTRA_TENANT_ID: '',
    };
    await buildTab(join(dataDir, 'dist'), local);
    const tab = await serveTab(join(dataDir, 'dist'));
    servers.push(tab);

    // Only the Teams host tests use it: if it cannot be built, they say why and the rest run.
    let naaTab: Served | null = null;
    let naaProblem = '';
    try {
      const naaDir = join(dataDir, 'dist-naa');
      await buildTab(naaDir, {
        ...local,
        VITE_ENTRA_CLIENT_ID: NAA_CLIENT_ID,
        VITE_ENTRA_TENANT_ID: DEMO_TENANT.tenantId,
      });
      naaTab = await serveTab(naaDir);
      servers.push(naaTab);
    } catch (error) {
      naaProblem = `The tab with Entra sign-in (VITE_ENTRA_CLIENT_ID) did not build: ${String(error)}`;
    }

    const harness = await serveHarness(join(dataDir, 'harness'), graph.origin);
    servers.push(harness);

    project.provide('tabUrl', tab.url);
    project.provide('graphOrigin', graph.origin);
    project.provide('naaTabUrl', naaTab?.url ?? '');
    project.provide('naaClientId', NAA_CLIENT_ID);
    project.provide('naaProblem', naaProblem);
    project.provide('harnessUrl', harness.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tabUrl: string;
    graphOrigin: string;
    /** The tab built with VITE_ENTRA_CLIENT_ID = NAA_CLIENT_ID; empty if it did not build (see naaProblem). */
    naaTabUrl: string;
    naaProblem: string;
    naaClientId: string;
    /** Where the Teams host harness is served; pages reach it as https://teams.microsoft.com (support/teams-host.ts). */
    harnessUrl: string;
  }
}
