import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { DEMO_TENANT } from '../../../src/localgraph';
import { registerWorkbook } from '../../bench/import-register';
import { buildDocx, type DocBlock } from '../../unit/import-readers/fixtures';
import { LEICESTERSHIRE_DOCUMENT } from '../../unit/import-readers/word-document';
import { startTestGraph, type TestGraph } from '../support/local-graph';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that would change whom or where the command acts: a developer's shell must not leak them in. */
const CREDENTIALS = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'GRAPH_SITE_ID'];

let t: TestGraph;
let dir: string;

/** `tsx src/jobs/import-cli.ts …` (what `npm run import` runs), against the test's own local Graph. */
function start(args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !CREDENTIALS.includes(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/import-cli.ts', ...args], {
    env: { ...base, GRAPH_BASE_URL: t.graph.graphBaseUrl, ...env },
  });
  const run = { code: null as number | null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code }));
  });
  return { child, run, done };
}

const importCli = (args: string[], env: Record<string, string> = {}) => start(args, env).done;

/** The error lines, without Node's own warnings. */
const errorLines = (run: Run) => run.stderr.split('\n').filter((l) => l.startsWith('error:'));

const reportSchema = z.object({
  plan: z.object({ id: z.string().nullable(), title: z.string(), isNew: z.boolean() }),
  dryRun: z.boolean(),
  actions: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  failed: z.number(),
  cancelled: z.boolean(),
  notWritten: z.number(),
  problems: z.array(
    z.object({
      severity: z.enum(['error', 'warning']),
      code: z.string(),
      table: z.string().nullable(),
      row: z.number().nullable(),
      column: z.string().nullable(),
      message: z.string(),
    }),
  ),
});
const report = (run: Run) => reportSchema.parse(JSON.parse(run.stdout));

/**
 * Leicestershire's highlight report (the seed's Word tables), with a table of two
 * more actions inserted after Section 2: 1.2.3 has no action text (an error: skipped),
 * 1.2.4 a timescale that is no date (a warning: imported without a due date).
 */
function leicestershireWithProblems(): DocBlock[] {
  const at = LEICESTERSHIRE_DOCUMENT.findIndex(
    (b) => 'paragraph' in b && b.paragraph.startsWith('Section 3'),
  );
  return [
    ...LEICESTERSHIRE_DOCUMENT.slice(0, at),
    {
      table: [
        ['Reference', 'Action', 'Lead', 'Timescale'],
        ['1.2.3', '', 'Daniel Okafor', 'Dec 2021'],
        ['1.2.4', 'Publish the joint commissioning plan', 'Daniel Okafor', 'Sometime soon'],
      ],
    },
    ...LEICESTERSHIRE_DOCUMENT.slice(at),
  ];
}

let docx: string;
const WRITTEN = ['1.1.1', '1.1.2', '1.2.1', '1.2.2', '1.2.4'];

async function plansOnSite() {
  return t.storeAs('officer').plans.query({}, []);
}

async function actionsOf(planId: string) {
  return t.storeAs('officer').actions.query({ filter: fieldEq('PlanId', planId) }, []);
}

beforeAll(async () => {
  t = await startTestGraph();
  await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  dir = mkdtempSync(join(tmpdir(), 'wsoa-import-cli-'));
  docx = join(dir, 'Leicestershire WSoA.docx');
  writeFileSync(docx, await buildDocx(leicestershireWithProblems()));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

// In order: each test starts from the site the one before left (no plan, then one, then two).
describe('npm run import', () => {
  it('--dry-run --json previews against an empty plan, counts what it would do, and writes nothing', async () => {
    const run = await importCli(['--file', docx, '--dry-run', '--json']);
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    const dry = report(run);
    expect(dry).toMatchObject({
      plan: { id: null, title: 'Leicestershire WSoA', isNew: true },
      dryRun: true,
      actions: 6,
      created: 5,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      failed: 0,
      cancelled: false,
    });
    expect(dry.problems).toEqual(
      expect.arrayContaining([
        // The row's error names its column; the skipped row is the one it is in.
        {
          severity: 'error',
          code: 'action-missing',
          table: 'Table 3',
          row: 2,
          column: 'Action',
          message: expect.stringContaining('no action text'),
        },
        // A table's problem is its row's: no column.
        expect.objectContaining({
          severity: 'warning',
          code: 'no-header',
          table: 'Table 4',
          row: 1,
          column: null,
        }),
        expect.objectContaining({
          severity: 'warning',
          table: 'Table 3',
          row: 3,
          column: 'Timescale',
          message: expect.stringContaining('"Sometime soon" is not a date'),
        }),
      ]),
    );
    expect(await plansOnSite()).toEqual([]);
  });

  it('creates a plan titled after the file, writes every row without errors, and a second run changes nothing', async () => {
    const first = await importCli(['--file', docx, '--local-area', 'Leicestershire', '--json']);
    expect(errorLines(first)).toEqual([]);
    expect(first.code).toBe(0);
    const written = report(first);
    expect(written).toMatchObject({
      dryRun: false,
      actions: 6,
      created: 5,
      updated: 0,
      skipped: 1,
      failed: 0,
    });
    expect(written.plan).toMatchObject({ title: 'Leicestershire WSoA', isNew: true });
    const [plan, ...others] = await plansOnSite();
    expect(others).toEqual([]);
    expect(plan).toMatchObject({
      id: written.plan.id,
      title: 'Leicestershire WSoA',
      localArea: 'Leicestershire',
    });
    const actions = await actionsOf(plan?.id ?? '');
    expect(actions.map((a) => a.reference).sort()).toEqual(WRITTEN);
    expect(actions.find((a) => a.reference === '1.2.4')).toMatchObject({
      lead: { upn: 'daniel.okafor@demo.localarea.example' },
      dueDate: null,
    });

    // The same command again.
    const second = await importCli(['--file', docx, '--local-area', 'Leicestershire', '--json']);
    expect(second.code).toBe(0);
    expect(report(second)).toMatchObject({
      plan: { id: plan?.id, isNew: false },
      created: 0,
      updated: 0,
      unchanged: 5,
      skipped: 1,
    });
    expect(await actionsOf(plan?.id ?? '')).toHaveLength(5);
  });

  it('reports in words: the counts, each skipped row with its reason, each problem by table, row and column', async () => {
    const run = await importCli(['--file', docx, '--plan', 'leicestershire wsoa', '--dry-run']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Dry run: Leicestershire WSoA\.docx into "Leicestershire WSoA" \(id \S+\); nothing was written\.$/,
    );
    expect(lines).toContain(
      '6 actions in the file: 0 would be created, 0 would be updated, 5 unchanged, 1 skipped.',
    );
    expect(lines).toContain('  Table 3, row 2: action 1.2.3: Action is required: the row has no action text');
    expect(lines).toContain(
      "  Table 3, row 2, column 'Action': Action is required: the row has no action text",
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Table 4, row 1: No header row found/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}Table 3, row 3, column 'Timescale': "Sometime soon" is not a date/),
    );
  });

  it('refuses bad input with one line, exit code 1, and changes nothing', async () => {
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const [plan] = await plansOnSite();
    const before = await actionsOf(plan?.id ?? '');
    const cases: [string[], RegExp][] = [
      [[], /^error: --file is missing/],
      [['--file', docx, '--force'], /^error: Unknown option '--force'/],
      [['--file', pdf], /^error: plan\.pdf cannot be imported: it is a PDF/],
      [
        ['--file', join(dir, 'missing.docx')],
        /^error: .*missing\.docx cannot be read: there is no such file$/,
      ],
      [['--file', docx, '--plan', 'Lancashire'], /^error: No plan with the id or title "Lancashire"/],
      [['--file', docx, '--plan', 'x', '--title', 'y'], /^error: --plan names a plan on the site/],
      [['--file', docx, '--as', 'nobody'], /^error: The local Graph has no person "nobody"/],
      [['--file', docx, '--local-area', 'Rutland'], /^error: --local-area is for a new plan/],
    ];
    const runs = await Promise.all(cases.map(([args]) => importCli(args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]?.[0].join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(errorLines(run)).toEqual([expect.stringMatching(cases[i]?.[1] ?? /^$/)]);
    });
    expect(await plansOnSite()).toHaveLength(1);
    expect(await actionsOf(plan?.id ?? '')).toEqual(before);
  });

  it('exits 1 after its report when the lists refuse a write, naming the item', async () => {
    const edited = join(dir, 'edited.docx');
    const blocks = leicestershireWithProblems().map((block) =>
      'table' in block
        ? {
            ...block,
            table: block.table.map((row) =>
              row[0] === '1.2.4'
                ? ['1.2.4', 'Publish the joint commissioning plan by June', ...row.slice(2)]
                : row,
            ),
          }
        : block,
    );
    writeFileSync(edited, await buildDocx(blocks));
    // The chair is a visitor of the site: SharePoint lets them read the plan, not change it.
    const run = await importCli(['--file', edited, '--as', 'chair', '--json']);
    expect(run.code).toBe(1);
    expect(report(run)).toMatchObject({ created: 0, updated: 0, unchanged: 4, failed: 1 });
    expect(report(run).problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'write-failed', table: 'Table 3', row: 3 }),
    );
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^error: 1 item was not written \(action 1\.2\.4: .*not change it\)/),
    ]);
    const [plan] = await plansOnSite();
    expect((await actionsOf(plan?.id ?? '')).find((a) => a.reference === '1.2.4')?.text).toBe(
      'Publish the joint commissioning plan',
    );
  });

  it('names the command that sets up a site without the app’s lists', async () => {
    const run = await importCli(['--file', docx], { GRAPH_SITE_ID: DEMO_TENANT.groupSite.id });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/lacks the app's lists .*`npm start`/)]);
  });

  it('stops between batches on Ctrl-C, says what was written, and the same command resumes', async () => {
    const register = join(dir, 'register.xlsx');
    writeFileSync(register, (await registerWorkbook(400)).bytes);
    const args = ['--file', register, '--title', 'Register'];
    const first = start(args);
    // Once the areas, focus areas and a batch of actions are written (16 + 40 + 20 items).
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        const done = [...first.run.stderr.matchAll(/Written (\d+) of/g)].map((m) => Number(m[1]));
        if (done.some((n) => n >= 76)) resolve();
      };
      first.child.stderr.on('data', check);
      void first.done.then(() => reject(new Error(`It ended before it was stopped: ${first.run.stdout}`)));
    });
    (first.child as ChildProcessWithoutNullStreams).kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    const counts = /^400 actions in the file: (\d+) created/m.exec(stopped.stdout);
    const created = Number(counts?.[1]);
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(400);
    expect(stopped.stdout).toMatch(
      /Stopped by Ctrl-C: \d+ items were not written\. Run the same command again/,
    );
    const plan = (await plansOnSite()).find((p) => p.title === 'Register');
    expect(await actionsOf(plan?.id ?? '')).toHaveLength(created);

    const resumed = await importCli([...args, '--json']);
    expect(resumed.code).toBe(0);
    expect(report(resumed)).toMatchObject({ created: 400 - created, unchanged: created, cancelled: false });
    const all = await actionsOf(plan?.id ?? '');
    expect(new Set(all.map((a) => a.reference)).size).toBe(400);
  });
});
