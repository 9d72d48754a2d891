import { londonDate } from '../domain';
import { createPlanStore } from '../graph/store';
import { parseFlags, runCommand } from './cli';
import { readJobConfig } from './config';
import { seedDemo } from './demo/seed';
import { describeSeed, readSeedSources } from './demo/sources';
import { connect } from './graph-access';

const USAGE = 'npm run seed:demo -- [--as <person>] [--json]';

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    { as: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
  );
  const ctx = await connect(readJobConfig(), { as: flags.as });
  const result = await seedDemo(createPlanStore(ctx), readSeedSources(), londonDate(new Date()));
  process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${describeSeed(result)}\n`);
});
