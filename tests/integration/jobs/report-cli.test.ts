import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDate, londonDate, type Cycle, type PersonRef, type Stored } from '../../../src/domain';
import type { PlanStore } from '../../../src/graph/store';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { readSeedSources } from '../../../src/jobs/demo/sources';
import { createCycle, takeSnapshot } from '../../../src/plan/cycles';
import { readDocx, sectionOf, tablesIn } from '../../unit/report/docx-reader';
import { startTestGraph, type TestGraph } from '../support/local-graph';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that would change whom or where the command acts: a developer's shell must not leak them in. */
const CREDENTIALS = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'GRAPH_SITE_ID'];
const OFFICER: PersonRef = {
  entraId: '1c0fccc6-076f-4a48-bdd1-88d88d152aef',
  upn: 'officer@demo.localarea.example',
  displayName: 'Priya Shah',
  agency: 'Leicestershire County Council',
};

let t: TestGraph;
let store: PlanStore;
let dir: string;
let planTitle: string;
let priorities: number;
let cycles: Stored<Cycle>[];
const today = londonDate(new Date());

/** `tsx src/jobs/report-cli.ts …` (what `npm run report` runs), against the test's own local Graph. */
function report(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !CREDENTIALS.includes(name)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/report-cli.ts', ...args], {
    env: { ...base, GRAPH_BASE_URL: t.graph.graphBaseUrl, ...env },
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code }));
  });
}

/** The error lines, without Node's own warnings. */
const errorLines = (run: Run) => run.stderr.split('\n').filter((l) => l.startsWith('error:'));

const resultSchema = z.strictObject({
  file: z.string(),
  cycle: z.strictObject({ id: z.string(), title: z.string(), kind: z.string(), meetingDate: z.string() }),
  snapshotTakenAt: z.string(),
  priorities: z.number(),
  bytes: z.number(),
});

beforeAll(async () => {
  t = await startTestGraph();
  store = t.storeAs('officer');
  const seeded = await seedDemo(store, readSeedSources(), today, { reportingHistory: false });
  const plans = await store.plans.query({}, []);
  planTitle = plans.find((p) => p.id === seeded.planId)?.title ?? '';
  priorities = seeded.counts.priorities;
  const november = await createCycle(store, seeded.planId, [], {
    kind: 'quarterly',
    meetingDate: '2026-11-24',
  });
  const january = await createCycle(store, seeded.planId, [november], {
    kind: '6-weekly',
    meetingDate: '2027-01-12',
  });
  cycles = [november, january];
  dir = mkdtempSync(join(tmpdir(), 'wsoa-report-cli-'));
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// In order: the plan has no snapshot at first, then two.
describe('npm run report', () => {
  it('refuses while the plan has no snapshot, naming what to do, and writes no file', async () => {
    const out = join(dir, 'none.docx');
    const run = await report(['--out', out]);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([
      `error: "${planTitle}" has no snapshot yet. Take a snapshot of a reporting cycle first`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the latest snapshot’s pack to --out, and says so in words', async () => {
    const [november, january] = cycles;
    if (!november || !january) throw new Error('The cycles were not made');
    cycles = [
      (await takeSnapshot(store, november, OFFICER, new Date(), today)).cycle,
      (await takeSnapshot(store, january, OFFICER, new Date(), today)).cycle,
    ];
    const out = join(dir, 'pack.docx');
    const run = await report(['--out', out]);
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the report pack of "${planTitle}" for 6-weekly board, 12 Jan 2027 (snapshot taken ${formatDate(today)} by Priya Shah; ${priorities} priorities) to ${out}\n`,
    );
    const blocks = await readDocx(readFileSync(out));
    expect(tablesIn(sectionOf(blocks, 'Summary'))[0]?.rows).toHaveLength(1 + priorities);
  });

  it('with --json prints one object naming the file, the cycle, the snapshot, the priorities and the size', async () => {
    const [november] = cycles;
    const out = join(dir, 'november.docx');
    const run = await report([
      '--plan',
      planTitle.toUpperCase(),
      '--snapshot',
      november?.id ?? '',
      '--out',
      out,
      '--json',
    ]);
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    const result = resultSchema.parse(JSON.parse(run.stdout));
    expect(result).toEqual({
      file: out,
      cycle: {
        id: november?.id,
        title: 'Quarterly board, 24 Nov 2026',
        kind: 'quarterly',
        meetingDate: '2026-11-24',
      },
      snapshotTakenAt: november?.snapshotAt,
      priorities,
      bytes: readFileSync(out).length,
    });
  });

  it('refuses bad input with one line, exit code 1, and writes nothing', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    const out = join(bad, 'pack.docx');
    const cases: [string[], RegExp][] = [
      [[], /^error: --out is missing: name the Word file to write/],
      [['--out', out, '--pdf'], /^error: Unknown option '--pdf'/],
      [['--out', join(bad, 'pack.pdf')], /^error: --out must name a \.docx file/],
      [['--out', join(bad, 'missing', 'pack.docx')], /^error: --out names a folder that does not exist/],
      [['--out', out, '--snapshot', ' '], /^error: --snapshot is empty/],
      [
        ['--out', out, '--snapshot', 'no-such-cycle'],
        /^error: No reporting cycle with the id "no-such-cycle" in ".*"; its snapshots: "Quarterly board, 24 Nov 2026"/,
      ],
      [['--out', out, '--plan', 'Lancashire'], /^error: No plan with the id or title "Lancashire"/],
      [['--out', out, '--as', 'nobody'], /^error: The local Graph has no person "nobody"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => report(args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]?.[0].join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(errorLines(run)).toEqual([expect.stringMatching(cases[i]?.[1] ?? /^$/)]);
    });
    expect(readdirSync(bad)).toEqual([]);
  });

  it('against a tenant, refuses --as and names the missing credentials before reading anything', async () => {
    const out = join(dir, 'tenant.docx');
    const tenant = { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' };
    const [withAs, withoutCredentials] = await Promise.all([
      report(['--out', out, '--as', 'chair'], {
        ...tenant,
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: 'c',
        AZURE_CLIENT_SECRET: 's',
      }),
      report(['--out', out], tenant),
    ]);
    expect(errorLines(withAs)).toEqual([
      expect.stringMatching(/^error: --as names a demo person of the local Graph/),
    ]);
    expect(errorLines(withoutCredentials)).toEqual([
      expect.stringMatching(
        /^error: GRAPH_BASE_URL points at graph\.microsoft\.com, which needs app-only credentials: AZURE_TENANT_ID is missing/,
      ),
    ]);
    expect([withAs.code, withoutCredentials.code]).toEqual([1, 1]);
    expect(existsSync(out)).toBe(false);
  });
});
