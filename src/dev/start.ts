/**
 * `npm start`: the whole product on its embedded default. Starts the local Graph
 * (SQLite under LOCAL_GRAPH_DATA_DIR), loads the demo plan if it is not there,
 * serves the tab, prints both addresses; Ctrl-C stops everything. The tab is a
 * production build, as users get it (no dependency optimiser, no reload on first
 * visit); `npm run dev` (`--dev`) serves it with Vite's hot-reloading dev server.
 */
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { londonDate } from '../domain';
import { createPlanStore } from '../graph/store';
import { readJobConfig } from '../jobs/config';
import { seedDemo } from '../jobs/demo/seed';
import { describeSeed, readSeedSources } from '../jobs/demo/sources';
import { connect } from '../jobs/graph-access';
import { summariseRun } from '../jobs/reminders/format';
import { runReminders } from '../plan/reminders/run';
import { prepareReminderJob } from '../jobs/reminders/setup';
import { startLocalGraph } from '../localgraph';

async function main() {
  const graph = await startLocalGraph({ quiet: true });
  process.env.GRAPH_BASE_URL = graph.graphBaseUrl;
  const store = createPlanStore(await connect(readJobConfig()));
  const seeded = await seedDemo(store, readSeedSources(), londonDate(new Date()));
  console.log(describeSeed(seeded));
  // Posted while Vite starts; its line is printed before the addresses.
  const reminders = postDemoReminders(seeded.planId);

  process.env.VITE_GRAPH_BASE_URL = graph.graphBaseUrl;
  const vite = process.argv.includes('--dev') ? await serveDev() : await serveBuilt();
  const tab = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${TAB_PORT}/`;
  await reminders;

  console.log(`\nLocal Graph  ${graph.graphBaseUrl}  (data in ${graph.dataDir})`);
  console.log(`The tab      ${tab}`);
  console.log(
    '\nSign in as the action lead, a priority lead, the programme officer or the board chair. Ctrl-C stops both.',
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([vite.close(), graph.close()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
/** The address people know from the README; the next port is taken when it is busy. */
const TAB_PORT = 5173;
/** Out of `dist/`, which holds a tenant build when one is made. */
const LOCAL_BUILD = fileURLToPath(new URL('../../build/local-tab', import.meta.url));

async function serveDev() {
  const server = await createServer({ configFile: CONFIG });
  await server.listen();
  return server;
}

async function serveBuilt() {
  // Quiet: the one warning a build gives is that the lazily loaded Excel reader is a large chunk.
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir: LOCAL_BUILD, emptyOutDir: true } });
  return preview({
    configFile: CONFIG,
    build: { outDir: LOCAL_BUILD },
    preview: { port: TAB_PORT, strictPort: false },
  });
}

/** One reminder run, so the channel preview has cards at once; the log makes a restart post nothing new. */
async function postDemoReminders(planId: string) {
  try {
    const job = await prepareReminderJob();
    const report = await runReminders({
      store: job.store,
      sender: job.sender,
      planId,
      now: new Date(),
      links: job.links,
    });
    console.log(`Reminders: ${summariseRun(report)}`);
  } catch (error) {
    console.warn(`Reminders were not posted: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
