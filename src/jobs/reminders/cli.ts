import { describeProblem } from '../../domain';
import { readPlans } from '../../plan/plans';
import { parseFlags, runCommand } from '../cli';
import { describeRun } from './format';
import { parseNow } from './now';
import { resolvePlan } from '../plan-flag';
import { runReminders } from '../../plan/reminders/run';
import { prepareReminderJob } from './setup';

const USAGE =
  'npm run reminders -- [--dry-run] [--now 2026-12-01T08:00] [--plan <id or title>] [--as <person>] [--json]';

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    {
      'dry-run': { type: 'boolean' },
      now: { type: 'string' },
      plan: { type: 'string' },
      as: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
  );
  const now = parseNow(flags.now);
  const job = await prepareReminderJob(process.env, { as: flags.as });
  const { plans, problems } = await readPlans(job.store);
  for (const problem of problems) process.stderr.write(`warning: ${describeProblem(problem)}\n`);
  const plan = resolvePlan(plans, flags.plan);
  const report = await runReminders({
    store: job.store,
    sender: job.sender,
    planId: plan.id,
    now,
    dryRun: flags['dry-run'] ?? false,
    links: job.links,
  });
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${describeRun(report)}\n`);
  if (report.totals.failed > 0) process.exitCode = 1;
});
