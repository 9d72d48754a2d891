import { londonDate } from '../domain';
import { createPlanStore } from '../graph/store';
import { parseFlags, runCommand } from './cli';
import { ConfigError, readJobConfig } from './config';
import { seedDemo } from './demo/seed';
import { describeSeed, readSeedSources } from './demo/sources';
import { connect } from './graph-access';
import { graphIsLocal } from './provision-access';

const USAGE = 'npm run seed:demo -- [--as <person>] [--json]';

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    { as: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  // The demo plan (Leicestershire's published WSoA) is for the local Graph: a tenant's site is
  // set up with `npm run provision` and holds the area's own plan.
  if (!graphIsLocal(process.env)) {
    throw new ConfigError(
      `seed:demo loads the demo plan into the local Graph only, and GRAPH_BASE_URL points at ${new URL(process.env.GRAPH_BASE_URL ?? '').host}: to set up a real site run \`npm run provision -- --site <site URL>\`, then import your own plan into it`,
    );
  }
  const ctx = await connect(readJobConfig(), { as: flags.as });
  const result = await seedDemo(createPlanStore(ctx), readSeedSources(), londonDate(new Date()));
  process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${describeSeed(result)}\n`);
});
