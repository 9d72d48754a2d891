import { describeProblem } from '../domain';
import { countWrites } from '../domain/import/changes';
import { createPlanStore } from '../graph/store';
import { previewImport } from '../plan/import/import-plan';
import { writeImport, type ImportSummary } from '../plan/import/import-write';
import { readTables } from '../plan/import/read-tables';
import { parseFlags, runCommand, UsageError } from './cli';
import { ConfigError, readJobConfig } from './config';
import { connect } from './graph-access';
import { describeImport } from './import/format';
import { readImportFile } from './import/import-file';
import { createDestination, findDestination } from './import/plan-target';
import { progressWriter } from './import/progress';
import { importReport, type ImportReport } from './import/report';

const USAGE =
  'npm run import -- --file <plan.docx|plan.xlsx|plan.csv> [--plan <id or title> | --title <new plan> [--local-area <name>]] [--dry-run] [--json] [--as <person>]';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;

runCommand(async () => {
  const flags = parseFlags(
    process.argv.slice(2),
    {
      file: { type: 'string' },
      plan: { type: 'string' },
      title: { type: 'string' },
      'local-area': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      as: { type: 'string' },
    },
    USAGE,
  );
  if (flags.file === undefined || flags.file.trim() === '') {
    throw new UsageError(`--file is missing: name the plan's document. Usage: ${USAGE}`);
  }
  if (flags.plan !== undefined && (flags.title !== undefined || flags['local-area'] !== undefined)) {
    throw new UsageError(
      '--plan names a plan on the site, --title and --local-area a new one: give one or the other',
    );
  }
  if (flags.title !== undefined && flags.title.trim() === '') throw new UsageError('--title is empty');
  const dryRun = flags['dry-run'] ?? false;

  // Everything that can be checked without the network is, before anything is read from Graph.
  const config = readJobConfig();
  if (flags.as !== undefined && config.kind === 'tenant') {
    throw new ConfigError(
      '--as names a demo person of the local Graph; against a tenant the import uses its app-only credentials',
    );
  }
  const file = await readImportFile(flags.file);
  const tables = await readTables(file, { domParser: null });

  const store = createPlanStore(await connect(config, { as: flags.as }));
  const { destination, problems } = await findDestination(
    store,
    { plan: flags.plan, title: flags.title, localArea: flags['local-area'], fileName: file.name },
    config.kind === 'local',
  );
  for (const problem of problems) process.stderr.write(`warning: ${describeProblem(problem)}\n`);
  const preview = await previewImport(store, destination.target, tables);
  const planProblems = destination.target.problems;
  const isNew = destination.kind === 'new';
  const plan = { id: isNew ? null : destination.target.plan.id, title: destination.target.plan.title, isNew };

  let summary: ImportSummary | null = null;
  if (!dryRun) {
    if (isNew && countWrites(preview.changes) === 0) {
      // Nothing the file gives can be written: no empty plan is left behind.
      summary = nothingWritten('');
    } else {
      const target = await createDestination(store, destination);
      plan.id = target.plan.id;
      summary = await writeWithCtrlC((signal, onProgress) =>
        writeImport(store, target, preview.changes, { signal, onProgress }),
      );
    }
  }
  const report = importReport({ file: file.name, plan, preview, summary, planProblems });
  process.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${describeImport(report)}\n`);
  finish(report);
});

/**
 * Runs the writing with Ctrl-C wired to its AbortSignal: the batch on its way is
 * finished and the rest left for the same command to resume. A second Ctrl-C quits at once.
 */
async function writeWithCtrlC(
  write: (
    signal: AbortSignal,
    onProgress: (progress: { done: number; total: number }) => void,
  ) => Promise<ImportSummary>,
): Promise<ImportSummary> {
  const controller = new AbortController();
  const progress = progressWriter(process.stderr);
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    controller.abort();
    progress.end();
    process.stderr.write('Stopping after the items being written now (Ctrl-C again to quit at once)…\n');
  };
  process.on('SIGINT', onSigint);
  try {
    return await write(controller.signal, progress.onProgress);
  } finally {
    process.off('SIGINT', onSigint);
    progress.end();
  }
}

function nothingWritten(planId: string): ImportSummary {
  return {
    planId,
    created: [],
    updated: [],
    unchanged: 0,
    skipped: [],
    failed: [],
    cancelled: false,
    notWritten: 0,
  };
}

/**
 * Exit code 1 with a line naming the first failure when the lists refused items; 130
 * when cancelled. The exit code is set, not forced: a long report on a pipe is written whole.
 */
function finish(report: ImportReport): void {
  const [first] = report.failures;
  if (first) {
    const n = report.failures.length;
    const more = n > 1 ? `; and ${n - 1} more` : '';
    process.stderr.write(
      `error: ${n} ${n === 1 ? 'item was' : 'items were'} not written (${first.what} ${first.reference}: ${oneLine(first.detail)}${more}): once the cause is dealt with, the same command writes what is missing\n`,
    );
    process.exitCode = 1;
  } else if (report.cancelled) process.exitCode = INTERRUPTED;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
