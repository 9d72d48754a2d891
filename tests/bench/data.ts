import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGraphClient } from '../../src/graph/client';
import { provisionSite } from '../../src/graph/provision';
import { loadPriorityBoard } from '../../src/plan/board';
import { createPlanStore } from '../../src/graph/store';
import { startLocalGraph } from '../../src/localgraph';
import { writeLargePlan } from './fixtures';

/** Time and HTTP requests to load everything the board of one priority needs. */
export async function benchData(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-bench-'));
  const graph = await startLocalGraph({ port: 0, dataDir, quiet: true });
  try {
    let requests = 0;
    const client = createGraphClient({
      baseUrl: graph.graphBaseUrl,
      getToken: async () => graph.tokenFor('officer'),
      onHttpRequest: () => requests++,
    });
    const store = createPlanStore({ client, siteId: 'root' });
    await provisionSite(store.ctx);
    const results: Record<string, number> = {};
    for (const size of [300, 20_000]) {
      const { planId, priorityIds } = await writeLargePlan(store, size);
      const priorityId = priorityIds[0] ?? '';
      await loadPriorityBoard(store, planId, priorityId); // warm-up: JIT and SQLite caches
      const times: number[] = [];
      let perLoad = 0;
      for (let run = 0; run < 5; run++) {
        requests = 0;
        const start = performance.now();
        const board = await loadPriorityBoard(store, planId, priorityId);
        times.push(performance.now() - start);
        perLoad = requests;
        if (board.actions.length !== Math.ceil(size / 9))
          throw new Error(`Board of ${size} loaded ${board.actions.length} actions`);
      }
      results[`data.loadPriorityMs.${size}`] = round(median(times));
      results[`data.requests.${size}`] = perLoad;
    }
    return results;
  } finally {
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
