import { writeFile } from 'node:fs/promises';
import { describeProblem, formatDate, londonDate } from '../domain';
import { createPlanStore } from '../graph/store';
import { readPlans } from '../plan/plans';
import { reportPack, type ReportSelector } from '../plan/report';
import { parseFlags, runCommand, UsageError } from './cli';
import { ConfigError, readJobConfig } from './config';
import { connect } from './graph-access';
import { resolvePlan } from './plan-flag';
import { checkOutFile } from './report/out-file';

const USAGE =
  'npm run report -- [--plan <id or title>] [--snapshot <cycle id>|latest] --out <pack.docx> [--json] [--as <person>]';

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    {
      plan: { type: 'string' },
      snapshot: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
    USAGE,
  );
  // Everything that can be checked without the network is, before anything is read from Graph.
  const out = checkOutFile(flags.out, USAGE);
  const selector = snapshotSelector(flags.snapshot);
  const config = readJobConfig();
  if (flags.as !== undefined && config.kind === 'tenant') {
    throw new ConfigError(
      '--as names a demo person of the local Graph; against a tenant the report uses its app-only credentials',
    );
  }

  const store = createPlanStore(await connect(config, { as: flags.as }));
  const { plans, problems } = await readPlans(store);
  const plan = resolvePlan(plans, flags.plan);
  const pack = await reportPack(store, plan.id, selector);
  for (const problem of [...problems, ...pack.problems])
    process.stderr.write(`warning: ${describeProblem(problem)}\n`);
  await writeFile(out, pack.bytes);

  const { cycle, snapshot } = pack;
  if (flags.json) {
    const result = {
      file: out,
      cycle: { id: cycle.id, title: cycle.title, kind: cycle.kind, meetingDate: cycle.meetingDate },
      snapshotTakenAt: snapshot.takenAt,
      priorities: snapshot.priorities.length,
      bytes: pack.bytes.length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const by = snapshot.takenBy ? ` by ${snapshot.takenBy}` : '';
  const taken = formatDate(londonDate(new Date(snapshot.takenAt)));
  const n = snapshot.priorities.length;
  process.stdout.write(
    `Wrote the report pack of "${plan.title}" for ${cycle.title} (snapshot taken ${taken}${by}; ${n} ${n === 1 ? 'priority' : 'priorities'}) to ${out}\n`,
  );
});

/** `--snapshot`: a reporting cycle's id, or `latest` (the default). */
function snapshotSelector(value: string | undefined): ReportSelector {
  if (value === undefined) return 'latest';
  const wanted = value.trim();
  if (wanted === '') throw new UsageError('--snapshot is empty: give a reporting cycle’s id, or latest');
  return wanted.toLowerCase() === 'latest' ? 'latest' : { cycleId: wanted };
}
