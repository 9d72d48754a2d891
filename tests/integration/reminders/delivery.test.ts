import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunRefusedError } from '../../../src/plan/errors';
import { createGraphChannelSender } from '../../../src/plan/reminders/graph-sender';
import { createRateLimiter } from '../../../src/jobs/reminders/rate-limiter';
import { runReminders } from '../../../src/plan/reminders/run';
import { configuredWebhooks, localWebhooks } from '../../../src/jobs/reminders/webhook-directory';
import { createWebhookSender } from '../../../src/jobs/reminders/webhook-sender';
import { ReadOnlyError } from '../../../src/graph/errors';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/plan/reminders/policy';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import {
  cardText,
  countingFetch,
  hannah,
  links,
  logOf,
  mentionedIds,
  personOfUpn,
  planWithPolicy,
  postedCards,
  RUN_AT,
  webhookSender,
  webhookUrl,
  withParcel,
} from './fixture';

let t: TestGraph;
beforeEach(async () => {
  t = await startTestGraph();
});
afterEach(() => t.close());

type Sender = Parameters<typeof runReminders>[0]['sender'];
const run = (planId: string, sender: Sender, as = 'officer') =>
  runReminders({ store: t.storeAs(as), sender, planId, now: RUN_AT, links });

describe('Workflows webhook delivery', () => {
  it('retries the receiver’s 429s, waiting out Retry-After, and posts each card once', async () => {
    // Seven posts to the action leads' channel, one request each, sent without the client's own limit.
    const { planId } = await planWithPolicy(t, 'Throttled', 4);
    const counter = countingFetch();
    const sender = await webhookSender(t, {
      fetch: counter.fetch,
      limiter: createRateLimiter({ limit: 100 }),
    });
    const report = await run(planId, withParcel(sender, 1));

    expect(counter.statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ posts: 9, sent: 9, failed: 0 });
    const posted = await postedCards(t);
    expect(posted.leads).toHaveLength(7);
    expect(new Set(posted.leads.map((m) => cardText(m.cards[0] ?? {}))).size).toBe(7);
  });

  it('keeps to 4 requests a second per URL, so the receiver never has to refuse', async () => {
    const { planId } = await planWithPolicy(t, 'Paced', 4);
    const counter = countingFetch();
    const started = Date.now();
    await run(planId, withParcel(await webhookSender(t, { fetch: counter.fetch }), 1));

    expect(counter.statuses.filter((s) => s === 202)).toHaveLength(9);
    expect(counter.statuses.filter((s) => s === 429)).toEqual([]);
    // Seven requests to one URL take at least a second at 4 a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('packs a channel’s posts into ceil(n / maxCards) requests, and every card arrives as its own message, in order', async () => {
    // Seven posts to the action leads' channel at three cards a request: three requests there.
    const { planId } = await planWithPolicy(t, 'Parcels', 4);
    const counter = countingFetch();
    const report = await run(planId, withParcel(await webhookSender(t, { fetch: counter.fetch }), 3));

    expect(report.totals).toMatchObject({ posts: 9, sent: 9, failed: 0 });
    expect(counter.requests.get(await webhookUrl(t, 'leads'))).toBe(Math.ceil(7 / 3));
    expect([...counter.requests.values()].sort()).toEqual([1, 1, 3]);
    const posted = await postedCards(t);
    expect(posted.leads.map((m) => m.cards.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // Oldest first, the channel shows the run's posts in the run's order.
    const leadsPosts = report.posts.filter((p) => p.channel.key === 'leads');
    expect([...posted.leads].reverse().flatMap(mentionedIds)).toEqual(
      leadsPosts.map((p) => personOfUpn(p.recipient?.upn ?? '').entraId),
    );
  });

  it('finishes under injected 429s and 503s on Graph and the webhooks, retrying no earlier than told', async () => {
    const { planId } = await planWithPolicy(t, 'Faults');
    t.graph.setFaults({ rate: 0.3, statuses: [429, 503], retryAfterSeconds: 1, seed: 7 });
    t.graph.resetStats();
    const report = await run(planId, await webhookSender(t));
    t.graph.setFaults({ rate: 0 });

    expect(t.graph.stats().throttled).toBeGreaterThan(0);
    expect(t.graph.stats().earlyRetries).toBe(0);
    expect(report.totals).toMatchObject({ posts: 5, sent: 5, failed: 0 });
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([3, 1, 1]);
  });

  it('reports a post the receiver refuses as failed, keeps its claim and goes on with the others', async () => {
    const { planId } = await planWithPolicy(t, 'Refused');
    // The action leads' webhook URL has been deleted in Teams: the receiver answers 404.
    const gone = configuredWebhooks(new Map([['wsoa-leads', `${t.graph.origin}/webhooks/no-such-hook`]]));
    const real = await localWebhooks(t.graph.origin);
    const sender = createWebhookSender({
      directory: { resolve: (channel) => (channel.key === 'leads' ? gone : real).resolve(channel) },
    });
    const report = await run(planId, sender);

    expect(report.totals).toMatchObject({ posts: 5, sent: 2, failed: 3 });
    expect(report.posts.find((p) => p.status === 'failed')?.detail).toMatch(/refused the cards: HTTP 404/);
    const log = await logOf(t, planId);
    expect(log.filter((r) => r.state === 'sending')).toHaveLength(3);
    // The next run tries the failed posts again.
    const again = await run(planId, await webhookSender(t));
    expect(again.totals).toMatchObject({ posts: 3, sent: 3 });
    expect(again.reminders.every((r) => r.attempt === 'resume')).toBe(true);
  });
});

describe('bad configuration fails fast and sends nothing', () => {
  it('names every channel whose webhook has no URL configured', async () => {
    const { planId } = await planWithPolicy(t, 'Missing secret');
    const sender = createWebhookSender({
      directory: configuredWebhooks(new Map([['wsoa-leads', `${t.graph.origin}/webhooks/x`]])),
    });
    const failure = run(planId, sender);
    await expect(failure).rejects.toBeInstanceOf(RunRefusedError);
    await expect(failure).rejects.toThrow(
      'Nothing was sent: REMINDER_WEBHOOKS has no URL for webhook "board" (channel "SEND Improvement Board"); REMINDER_WEBHOOKS has no URL for webhook "ip2" (channel "Priority 2 – Co-production")',
    );
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 0, 0]);
    expect(await logOf(t, planId)).toEqual([]);
  });

  it('refuses a policy stored with the plan that is not valid, naming the fields', async () => {
    const { planId } = await planWithPolicy(t, 'Broken policy');
    const client = t.clientAs('officer');
    await client.call(
      {
        method: 'PATCH',
        path: `/sites/root/lists/WSoA%20Plans/items/${planId}/fields`,
        body: { ReminderPolicy: JSON.stringify({ milestones: { daysBefore: [0] } }) },
      },
      'Breaking the policy',
    );
    await expect(run(planId, await webhookSender(t))).rejects.toThrow(
      /The reminder policy stored with plan "Broken policy" is not valid: milestones.daysBefore.0: A reminder before the due date must be at least 1 day/,
    );
  });
});

describe('Graph channel messages (delegated, as in “Send now”)', () => {
  it('posts as the signed-in person, mentioning the lead in the message body', async () => {
    const { planId } = await planWithPolicy(t, 'Graph posts');
    const report = await run(planId, createGraphChannelSender(t.storeAs('priority-lead')), 'priority-lead');

    expect(report.totals).toMatchObject({ posts: 5, sent: 5 });
    const posted = await postedCards(t);
    const hannahs = posted.p2[0];
    expect(hannahs?.from).toMatchObject({ kind: 'user', displayName: 'Daniel Okafor' });
    expect(hannahs?.mentions).toEqual([{ id: 0, mentionText: 'Hannah Whitfield', userId: hannah.entraId }]);
    expect(hannahs && mentionedIds(hannahs)).toEqual([hannah.entraId]);
  });

  it('a board chair (read only) cannot claim reminders, so nothing is posted', async () => {
    const { planId } = await planWithPolicy(t, 'Read only');
    await expect(run(planId, createGraphChannelSender(t.storeAs('chair')), 'chair')).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 0, 0]);
  });
});

describe('“Send now”: the reminder run of one priority, with Graph channel messages', () => {
  it('posts only that priority’s reminders (no board digest), and the morning run then posts the rest once', async () => {
    const { planId, priorityIds } = await planWithPolicy(t, 'Send now');
    const ip2 = priorityIds[1];
    const sendNow = (priorityId: string) =>
      runReminders({
        store: t.storeAs('priority-lead'),
        sender: createGraphChannelSender(t.storeAs('priority-lead')),
        planId,
        priorityId,
        now: RUN_AT,
        links,
        by: 'daniel.okafor@demo.localarea.example',
      });

    const first = await sendNow(ip2);
    expect(first.reminders.map((r) => r.priority)).toEqual([expect.stringContaining('Co-production')]);
    expect(first.totals).toMatchObject({ posts: 1, sent: 1, failed: 0 });
    let posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 1, 0]);

    // Pressed again: nothing of IP2 is due that has not been sent.
    expect((await sendNow(ip2)).totals.posts).toBe(0);

    const morning = await run(planId, await webhookSender(t));
    expect(morning.reminders.some((r) => r.priority?.includes('Co-production'))).toBe(false);
    expect(morning.reminders.some((r) => r.kind === 'exceptions-digest')).toBe(true);
    expect(morning.totals).toMatchObject({ sent: morning.totals.posts, failed: 0 });
    posted = await postedCards(t);
    expect(posted.p2).toHaveLength(1);
    expect(posted.board).toHaveLength(1);
  });

  it('refuses to start, posting nothing, when a channel of the priority has no team and channel id', async () => {
    const { planId, priorityIds } = await planWithPolicy(t, 'Send now without ids');
    const officer = t.storeAs('officer');
    const stored = await readReminderPolicy(officer, planId);
    const policy = stored.policy;
    if (!policy) throw new Error('The fixture plan has a valid policy');
    await saveReminderPolicy(officer, stored, {
      ...policy,
      channels: policy.channels.map((c) => (c.key === 'ip2' ? { ...c, teamId: null, channelId: null } : c)),
    });
    const failure = runReminders({
      store: officer,
      sender: createGraphChannelSender(officer),
      planId,
      priorityId: priorityIds[1],
      now: RUN_AT,
      links,
    });
    await expect(failure).rejects.toBeInstanceOf(RunRefusedError);
    await expect(failure).rejects.toMatchObject({
      problems: ['Channel "Priority 2 – Co-production" has no team and channel id, which a Graph post needs'],
    });
    const posted = await postedCards(t);
    expect([posted.leads.length, posted.p2.length, posted.board.length]).toEqual([0, 0, 0]);
  });
});
