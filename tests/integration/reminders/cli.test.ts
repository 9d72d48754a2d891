import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import { daniel, hannah, logOf, planWithPolicy, postedCards, sam, type WrittenPlan } from './fixture';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run reminders -- …` as a child process, against the test's own local Graph. */
function reminders(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'reminders', '--', ...args], {
      env: { ...process.env, GRAPH_BASE_URL: t.graph.graphBaseUrl, REMINDER_WEBHOOKS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The error line, without npm's own warnings about the machine's configuration. */
const errorLines = (run: Run) => run.stderr.split('\n').filter((l) => l.startsWith('error:'));

const reportSchema = z.object({
  dryRun: z.boolean(),
  today: z.string(),
  reminders: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      lead: z.object({ displayName: z.string(), upn: z.string() }).nullable(),
      dueDate: z.string(),
      channel: z.object({ key: z.string(), name: z.string() }),
    }),
  ),
  totals: z.object({ posts: z.number(), sent: z.number() }),
});

let t: TestGraph;
let plan: WrittenPlan;
beforeAll(async () => {
  t = await startTestGraph();
  plan = await planWithPolicy(t, 'CLI plan');
});
afterAll(() => t.close());

describe('npm run reminders', () => {
  it('--dry-run --json prints the due reminders, London time, and sends and logs nothing', async () => {
    const run = await reminders(['--dry-run', '--json', '--now', '2026-12-16T08:00']);
    expect(errorLines(run)).toEqual([]);
    expect(run.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ dryRun: true, today: '2026-12-16', totals: { posts: 5, sent: 0 } });
    const byKind = report.reminders
      .map((r) => [r.kind, r.lead?.upn ?? null, r.dueDate, r.channel.key])
      .sort();
    expect(byKind).toEqual(
      [
        ['escalation', daniel.upn, '2026-12-02', 'leads'],
        ['exceptions-digest', null, '2026-12-18', 'board'],
        ['milestone-due', hannah.upn, '2026-12-16', 'ip2'],
        ['milestone-due', hannah.upn, '2026-12-23', 'leads'],
        ['milestone-overdue', sam.upn, '2026-12-02', 'leads'],
      ].sort(),
    );
    expect(report.reminders.find((r) => r.kind === 'escalation')?.lead?.displayName).toBe('Daniel Okafor');
    expect(report.reminders.map((r) => r.key)).toContain(
      `exceptions-digest:${plan.planId}:digest-3:2026-12-15`,
    );
    expect(await logOf(t, plan.planId)).toEqual([]);
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 0, 0]);
  });

  it('reads --now with an offset as that instant, and dates it in London (GMT in December, BST in June)', async () => {
    const utc = reportSchema.parse(
      JSON.parse((await reminders(['--dry-run', '--json', '--now', '2026-12-15T23:30Z'])).stdout),
    );
    expect(utc.today).toBe('2026-12-15');
    const bst = reportSchema.parse(
      JSON.parse((await reminders(['--dry-run', '--json', '--now', '2026-06-15T23:30Z'])).stdout),
    );
    expect(bst.today).toBe('2026-06-16');
  });

  it('sends, reports what it sent, and posts nothing when run again', async () => {
    const first = await reminders(['--now', '2026-12-16T08:00', '--plan', 'cli plan']);
    expect(errorLines(first)).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '5 posts of 5 (5 reminders) accepted by the Teams Workflows webhook, whose flow posts them (its run history shows any it could not); 0 skipped, 0 failed',
    );
    expect(first.stdout).toContain('WSoA action leads → Hannah Whitfield');
    const second = await reminders(['--now', '2026-12-16T08:00', '--plan', plan.planId]);
    expect(second.stdout).toContain('Nothing is due that has not been sent already.');
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([3, 1, 1]);
  });

  it.each([
    [['--bogus'], {}, /^error: Unknown option '--bogus'.*Usage: npm run reminders/],
    [['--now', 'tomorrow'], {}, /^error: --now "tomorrow" is not a date and time/],
    [['--plan', 'No such plan'], {}, /^error: No plan with the id or title "No such plan" on this site/],
    [
      [],
      { REMINDER_WEBHOOKS: '{"board": "not a url", "wsoa-leads": "http://example.org/hook"}' },
      /^error: REMINDER_WEBHOOKS\["board"\] is not an https:\/\/ URL.*; REMINDER_WEBHOOKS\["wsoa-leads"\] is not an https:\/\/ URL/,
    ],
    [[], { REMINDER_WEBHOOKS: '{board' }, /^error: REMINDER_WEBHOOKS is not valid JSON/],
    [
      [],
      { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' },
      /^error: .*AZURE_TENANT_ID is missing; AZURE_CLIENT_ID is missing; AZURE_CLIENT_SECRET is missing$/,
    ],
  ])('%j %j: one line, non-zero exit, nothing sent', async (args, env, message) => {
    const before = await postedCards(t);
    const run = await reminders(['--now', '2026-12-23T08:00', ...args], env);
    expect(run.code).toBe(1);
    expect(errorLines(run)).toHaveLength(1);
    expect(errorLines(run)[0]).toMatch(message);
    expect(run.stdout).toBe('');
    const after = await postedCards(t);
    expect(after.leads.length + after.p2.length + after.board.length).toBe(
      before.leads.length + before.p2.length + before.board.length,
    );
  });
});
