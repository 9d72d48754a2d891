import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphClient, type GraphClient } from '../../../src/graph/client';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import { startLocalGraph, type LocalGraph, type LocalGraphOptions } from '../../../src/localgraph';

/** A local Graph of the test's own: a free port and a fresh data directory, removed afterwards. */
export interface TestGraph {
  graph: LocalGraph;
  dataDir: string;
  clientAs(
    person: string,
    options?: { maxRetries?: number; onHttpRequest?: (url: string) => void },
  ): GraphClient;
  storeAs(person: string): PlanStore;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestGraph(
  options: Omit<LocalGraphOptions, 'port' | 'dataDir' | 'quiet'> = {},
): Promise<TestGraph> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-localgraph-'));
  let graph = await startLocalGraph({ ...options, port: 0, dataDir, quiet: true });
  const handle: TestGraph = {
    get graph() {
      return graph;
    },
    dataDir,
    clientAs(person, clientOptions = {}) {
      return createGraphClient({
        baseUrl: graph.graphBaseUrl,
        getToken: async () => graph.tokenFor(person),
        ...clientOptions,
      });
    },
    storeAs(person) {
      return createPlanStore({ client: handle.clientAs(person), siteId: 'root' });
    },
    async restart() {
      await graph.close();
      graph = await startLocalGraph({ ...options, port: 0, dataDir, quiet: true });
    },
    async close() {
      await graph.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
