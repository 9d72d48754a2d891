import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledReminders } from '../../../src/jobs/functions/scheduled-run';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import { planWithPolicy, postedCards } from './fixture';

let t: TestGraph;
beforeAll(async () => {
  t = await startTestGraph();
  await planWithPolicy(t, 'Timer plan');
});
afterAll(() => t.close());

function collectingLog() {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(m), error: (m: string) => lines.push(`ERROR ${m}`) };
}

const env = () => ({ GRAPH_BASE_URL: t.graph.graphBaseUrl });
const total = async () => {
  const p = await postedCards(t);
  return p.leads.length + p.p2.length + p.board.length;
};

describe('the timer trigger’s run, at 07:00 and 08:00 UTC', () => {
  it('in winter, does nothing at 07:00 UTC (07:00 in London)', async () => {
    const log = collectingLog();
    const result = await runScheduledReminders(env(), new Date('2026-12-16T07:00:00Z'), log);
    expect(result).toEqual({ ran: false, reason: 'It is 7:00 in London; reminders go from 8:00' });
    expect(await total()).toBe(0);
  });

  it('in winter, runs every open plan at 08:00 UTC (08:00 in London)', async () => {
    const log = collectingLog();
    const result = await runScheduledReminders(env(), new Date('2026-12-16T08:00:00Z'), log);
    expect(result.ran).toBe(true);
    expect(log.lines).toEqual(['Timer plan: sent 5 of 5 posts (5 reminders), 0 skipped, 0 failed']);
    expect(await total()).toBe(5);
  });

  it('a second tick the same morning posts nothing new', async () => {
    const log = collectingLog();
    await runScheduledReminders(env(), new Date('2026-12-16T09:00:00Z'), log);
    expect(log.lines).toEqual(['Timer plan: sent 0 of 0 posts (0 reminders), 0 skipped, 0 failed']);
    expect(await total()).toBe(5);
  });

  it('in summer, runs at 07:00 UTC, which is 08:00 BST', async () => {
    const result = await runScheduledReminders(env(), new Date('2027-06-16T07:00:00Z'), collectingLog());
    expect(result.ran).toBe(true);
  });

  it('fails at once on bad configuration', async () => {
    await expect(
      runScheduledReminders(
        { ...env(), REMINDER_WEBHOOKS: '[1]' },
        new Date('2026-12-17T08:00:00Z'),
        collectingLog(),
      ),
    ).rejects.toThrow('REMINDER_WEBHOOKS must be a JSON object of webhook names to URLs');
  });
});
