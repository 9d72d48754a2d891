import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReminders } from '../../../src/jobs/reminders/run';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import {
  cardText,
  countingSender,
  daniel,
  dyingSender,
  hannah,
  links,
  logOf,
  mentionedIds,
  planWithPolicy,
  postedCards,
  RUN_AT,
  sam,
  webhookSender,
} from './fixture';

let t: TestGraph;
beforeEach(async () => {
  t = await startTestGraph();
});
afterEach(() => t.close());

type Sender = Parameters<typeof runReminders>[0]['sender'];
const run = async (planId: string, sender: Sender, parallelLanes?: number) =>
  runReminders({ store: t.storeAs('officer'), sender, planId, now: RUN_AT, links, parallelLanes });

/** Posts one after another, so "killed after k posts" is exact. */
const oneLane = (planId: string, sender: Sender) => run(planId, sender, 1);

describe('a reminder run through the Workflows webhooks', () => {
  it('posts one card per lead per channel, an escalation and the board’s digest', async () => {
    const { planId } = await planWithPolicy(t, 'Run posts');
    const report = await run(planId, await webhookSender(t));

    expect(report.totals).toEqual({ reminders: 5, posts: 5, sent: 5, skipped: 0, failed: 0 });
    const posted = await postedCards(t);
    expect(posted.leads.map((m) => [m.from?.displayName, mentionedIds(m)])).toEqual(
      expect.arrayContaining([
        ['Workflows', [hannah.entraId]],
        ['Workflows', [sam.entraId]],
        ['Workflows', [daniel.entraId]],
      ]),
    );
    expect(posted.leads).toHaveLength(3);
    const [hannahsIp1] = posted.leads.filter((m) => mentionedIds(m).includes(hannah.entraId));
    expect(cardText(hannahsIp1?.cards[0] ?? {})).toContain('Milestone of 1.1');
    expect(cardText(hannahsIp1?.cards[0] ?? {})).toContain('Due in 7 days');
    const escalation = posted.leads.find((m) => mentionedIds(m).includes(daniel.entraId));
    expect(cardText(escalation?.cards[0] ?? {})).toContain('Escalation: overdue milestones');
    expect(cardText(escalation?.cards[0] ?? {})).toContain('14 days overdue');
    expect(posted.p2).toHaveLength(1);
    expect(cardText(posted.p2[0]?.cards[0] ?? {})).toContain('Due today');
    expect(posted.board).toHaveLength(1);
    expect(cardText(posted.board[0]?.cards[0] ?? {})).toContain('Exceptions for the board on 18 Dec 2026');

    const log = await logOf(t, planId);
    expect(log.map((r) => [r.key, r.state, r.attempts]).sort()).toEqual(
      report.reminders.map((r) => [r.key, 'sent', 1]).sort(),
    );
    expect(log.every((r) => r.sentAt !== null && r.sentBy === 'reminder job')).toBe(true);
  });

  it('posts nothing when run again', async () => {
    const { planId } = await planWithPolicy(t, 'Run twice');
    await run(planId, await webhookSender(t));
    const sender = countingSender(await webhookSender(t));
    const again = await run(planId, sender);

    expect(again.totals.posts).toBe(0);
    expect(sender.posts()).toBe(0);
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([3, 1, 1]);
  });

  it('plans and reports in a dry run without posting or logging', async () => {
    const { planId } = await planWithPolicy(t, 'Dry run');
    const report = await runReminders({
      store: t.storeAs('officer'),
      sender: null,
      planId,
      now: RUN_AT,
      dryRun: true,
      links,
    });
    expect(report.posts.map((p) => p.status)).toEqual([
      'planned',
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
    expect(await logOf(t, planId)).toEqual([]);
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 0, 0]);
  });

  it.each([1, 2, 4])(
    'a run killed after %i of 5 posts, then another run: each reminder posted exactly once',
    async (k) => {
      const { planId } = await planWithPolicy(t, `Killed after ${k}`);
      const sender = await webhookSender(t);
      await expect(oneLane(planId, dyingSender(sender, k, 'before-post'))).rejects.toThrow(
        'the run was killed',
      );
      let posted = await postedCards(t);
      expect(posted.leads.length + posted.p2.length + posted.board.length).toBe(k);

      const second = await run(planId, sender);
      expect(second.totals.sent).toBe(5 - k);
      posted = await postedCards(t);
      const all = [...posted.leads, ...posted.p2, ...posted.board];
      expect(all).toHaveLength(5);
      const cards = all.map((m) => cardText(m.cards[0] ?? {}));
      expect(new Set(cards).size).toBe(5);
      expect((await logOf(t, planId)).every((r) => r.state === 'sent')).toBe(true);
    },
  );

  it('a run killed after a post but before logging it as sent repeats only that post', async () => {
    const { planId } = await planWithPolicy(t, 'Killed in flight');
    const sender = await webhookSender(t);
    await expect(oneLane(planId, dyingSender(sender, 2, 'after-post'))).rejects.toThrow('the run was killed');

    const log = await logOf(t, planId);
    const inFlight = log.filter((r) => r.state === 'sending');
    expect(inFlight.length).toBeGreaterThan(0);
    const second = await run(planId, sender);
    // Posts 1 and 2 were logged as sent; post 3 went out but the run died before logging it.
    expect(second.posts.filter((p) => p.status === 'sent')).toHaveLength(3);
    expect(second.reminders.filter((r) => r.attempt === 'resume').map((r) => r.key)).toEqual(
      inFlight.map((r) => r.key),
    );

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    expect(cards).toHaveLength(6);
    expect(new Set(cards).size).toBe(5);
    const after = await logOf(t, planId);
    expect(after.every((r) => r.state === 'sent')).toBe(true);
    expect(after.filter((r) => r.attempts === 2).map((r) => r.key)).toEqual(inFlight.map((r) => r.key));
  });

  it('a run killed while posting to three channels side by side loses nothing and repeats only what was in flight', async () => {
    const { planId } = await planWithPolicy(t, 'Killed in parallel');
    const sender = await webhookSender(t);
    await expect(run(planId, dyingSender(sender, 1, 'after-post'))).rejects.toThrow('the run was killed');
    const inFlight = (await logOf(t, planId)).filter((r) => r.state === 'sending');
    await run(planId, sender);

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    expect(new Set(cards).size).toBe(5);
    // Only posts in flight when the run died (at most one per channel) can appear twice.
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(3);
    expect(cards.length - new Set(cards).size).toBe(inFlight.length);
    expect((await logOf(t, planId)).every((r) => r.state === 'sent')).toBe(true);
  });

  it('two runs at once post each reminder once, and a third finishes what they left', async () => {
    const { planId } = await planWithPolicy(t, 'Side by side');
    const [a, b] = [countingSender(await webhookSender(t)), countingSender(await webhookSender(t))];
    await Promise.all([run(planId, a), run(planId, b)]);
    await run(planId, await webhookSender(t));

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    expect(cards).toHaveLength(5);
    expect(new Set(cards).size).toBe(5);
  });
});
