import { EnvError, parseLocalGraphEnv } from './env';
import { DEFAULT_FAULTS } from './faults';
import { startLocalGraph } from './index';

async function main(): Promise<void> {
  const env = parseLocalGraphEnv(process.env);
  const graph = await startLocalGraph({
    port: env.port ?? 4000,
    dataDir: env.dataDir ?? '.data',
    faults: { ...DEFAULT_FAULTS, ...env.faults },
    siteTimeZone: env.siteTimeZone,
  });
  console.log(`Local Graph listening on ${graph.graphBaseUrl} (data in ${graph.dataDir})`);
  if ((env.faults.rate ?? 0) > 0) console.log(`Fault injection on: ${JSON.stringify(env.faults)}`);

  const stop = (signal: string) => {
    console.log(`Received ${signal}, stopping the local Graph.`);
    graph.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) console.error(err.message);
  else if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.LOCAL_GRAPH_PORT ?? 4000} is already in use; set LOCAL_GRAPH_PORT to another port.`,
    );
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
