import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makePlan } from '../../src/domain';
import { createGraphClient } from '../../src/graph/client';
import { provisionSite } from '../../src/graph/provision';
import { createPlanStore } from '../../src/graph/store';
import { previewImport, readImportTarget } from '../../src/plan/import/import-plan';
import { writeImport } from '../../src/plan/import/import-write';
import { readTables } from '../../src/plan/import/read-tables';
import { registerWorkbook } from './import-register';
import { startLocalGraphProcess } from './local-graph-process';

const SIZE = 2_000;

/**
 * `npm run import` of a 2,000-row action register (.xlsx, 8 areas, 40 focus areas,
 * leads from the directory and job titles) into a fresh plan on a fresh local Graph
 * in a process of its own, through the functions the command calls: the file read,
 * the plan read, the preview (with the directory look-ups), the writing. Timed and
 * counted from reading the file to the last write.
 */
export async function benchImport(): Promise<Record<string, number>> {
  const file = await registerWorkbook(SIZE);
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-bench-import-'));
  const graph = await startLocalGraphProcess(dataDir);
  try {
    let requests = 0;
    const client = createGraphClient({
      baseUrl: graph.graphBaseUrl,
      getToken: async () => graph.tokenFor('officer'),
      onHttpRequest: () => requests++,
    });
    const store = createPlanStore({ client, siteId: 'root' });
    await provisionSite(store.ctx);
    const { id: _id, ...draft } = makePlan({
      id: 'new',
      title: 'Imported register',
      localArea: 'Benchshire',
    });
    const plan = await store.plans.create(draft);

    requests = 0;
    const start = performance.now();
    const tables = await readTables({ name: file.name, bytes: file.bytes }, { domParser: null });
    const target = await readImportTarget(store, plan.id);
    const preview = await previewImport(store, target, tables);
    const summary = await writeImport(store, target, preview.changes);
    const wallMs = performance.now() - start;

    const created = summary.created.filter((c) => c.what === 'action').length;
    if (created !== SIZE || summary.failed.length > 0 || preview.changes.skipped.length > 0) {
      throw new Error(
        `The bench import created ${created} of ${SIZE} actions (${summary.failed.length} failed, ${preview.changes.skipped.length} skipped): ${summary.failed[0]?.detail ?? preview.changes.skipped[0]?.reason ?? ''}`,
      );
    }
    return {
      [`import.wallMs.${SIZE}`]: Math.round(wallMs * 10) / 10,
      [`import.graphRequests.${SIZE}`]: requests,
    };
  } finally {
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
