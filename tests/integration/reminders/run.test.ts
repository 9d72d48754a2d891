import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCardsForGroup } from '../../../src/cards';
import type { DeliveryGroup } from '../../../src/domain/reminders';
import { loadReminderInputs } from '../../../src/plan/reminders/inputs';
import { openReminderLog, takeRunLease } from '../../../src/plan/reminders/log-book';
import { createPlanStore } from '../../../src/graph/store';
import { planPosts, runReminders } from '../../../src/plan/reminders/run';
import { fieldEq } from '../../../src/graph/odata';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import {
  cardText,
  countingFetch,
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
  webhookUrl,
  withParcel,
} from './fixture';

let t: TestGraph;
beforeEach(async () => {
  t = await startTestGraph();
});
afterEach(() => t.close());

type Sender = Parameters<typeof runReminders>[0]['sender'];
const run = async (planId: string, sender: Sender, parallelLanes?: number) =>
  runReminders({ store: t.storeAs('officer'), sender, planId, now: RUN_AT, links, parallelLanes });

/** Requests one after another, so "killed after k requests" is exact. */
const oneLane = (planId: string, sender: Sender) => run(planId, sender, 1);

describe('a reminder run through the Workflows webhooks', () => {
  it('posts one card per lead per channel, an escalation and the board’s digest', async () => {
    const { planId } = await planWithPolicy(t, 'Run posts');
    const counter = countingFetch();
    const report = await run(planId, await webhookSender(t, { fetch: counter.fetch }));

    expect(report.totals).toEqual({ reminders: 5, posts: 5, sent: 5, skipped: 0, failed: 0 });
    // Each channel's posts travel in one request: three posts to the action leads' channel in one.
    expect([...counter.requests.values()]).toEqual([1, 1, 1]);
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

  it('names but does not @mention a lead whose stored id belongs to someone else, and says so', async () => {
    const { planId } = await planWithPolicy(t, 'Wrong person');
    const officer = t.storeAs('officer');
    const actions = await officer.actions.query({ filter: fieldEq('PlanId', planId) }, []);
    const hannahs = actions.find((a) => a.reference === '1.1');
    if (!hannahs?.lead) throw new Error('Expected Hannah to lead 1.1');
    // As if someone pasted Sam's object id into the grid: a mention would notify Sam.
    await officer.actions.update(hannahs, { lead: { ...hannahs.lead, entraId: sam.entraId } });

    const report = await run(planId, await webhookSender(t));
    expect(report.problems).toContainEqual({
      kind: 'mention',
      message: `Hannah Whitfield <${hannah.upn}> is stored with the Entra object id of ${sam.upn}: posted without @mentioning them`,
    });
    const posted = await postedCards(t);
    const hannahsCard = posted.leads.find((m) => cardText(m.cards[0] ?? {}).includes('Milestone of 1.1'));
    // The card goes (grouped by the stored id, Sam's milestone shares it) but notifies nobody.
    expect(hannahsCard?.mentions).toEqual([]);
    expect(cardText(hannahsCard?.cards[0] ?? {})).toContain(
      '"text":"Hannah Whitfield, 2 milestones need your attention.',
    );
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

  // Nine posts (board 1, IP2 1, action leads 7) at two cards a request: six requests, in
  // this order in one lane: board [1], IP2 [1], leads [2], [2], [2], [1].
  it.each([
    [1, 1],
    [2, 2],
    [4, 6],
  ])(
    'a run killed after %i of 6 webhook requests (%i cards), then another run: each reminder posted exactly once',
    async (k, cardsBefore) => {
      const { planId } = await planWithPolicy(t, `Killed after ${k}`, 4);
      const sender = withParcel(await webhookSender(t), 2);
      await expect(oneLane(planId, dyingSender(sender, k, 'before-post'))).rejects.toThrow(
        'the run was killed',
      );
      let posted = await postedCards(t);
      expect(posted.leads.length + posted.p2.length + posted.board.length).toBe(cardsBefore);

      const second = await run(planId, sender);
      expect(second.totals.sent).toBe(9 - cardsBefore);
      posted = await postedCards(t);
      const all = [...posted.leads, ...posted.p2, ...posted.board];
      expect(all).toHaveLength(9);
      expect(new Set(all.map((m) => cardText(m.cards[0] ?? {}))).size).toBe(9);
      expect((await logOf(t, planId)).every((r) => r.state === 'sent')).toBe(true);
    },
  );

  it('a run killed after a request but before logging it as sent repeats only that parcel', async () => {
    const { planId } = await planWithPolicy(t, 'Killed in flight', 4);
    const sender = withParcel(await webhookSender(t), 2);
    // Requests 1 to 3 are logged as sent; the 4th (two of the action leads' posts) goes out, then the run dies.
    await expect(oneLane(planId, dyingSender(sender, 3, 'after-post'))).rejects.toThrow('the run was killed');

    // 'sending': the 4th parcel (posted) and the 5th (claimed ahead while the 4th posted, not posted).
    const inFlight = (await logOf(t, planId)).filter((r) => r.state === 'sending').map((r) => r.key);
    expect(inFlight).toHaveLength(4);
    const second = await run(planId, sender);
    expect(second.posts.filter((p) => p.status === 'sent')).toHaveLength(9 - 4);
    expect(second.reminders.filter((r) => r.attempt === 'resume').map((r) => r.key)).toEqual(inFlight);

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    // Only the parcel in flight (two cards) appears twice.
    expect(cards).toHaveLength(9 + 2);
    expect(new Set(cards).size).toBe(9);
    const after = await logOf(t, planId);
    expect(after.every((r) => r.state === 'sent')).toBe(true);
    expect(after.filter((r) => r.attempts === 2).map((r) => r.key)).toEqual(inFlight);
  });

  it('a run killed while posting to three channels side by side loses nothing and repeats only the parcels in flight', async () => {
    const { planId } = await planWithPolicy(t, 'Killed in parallel', 4);
    const sender = withParcel(await webhookSender(t), 2);
    await expect(run(planId, dyingSender(sender, 1, 'after-post'))).rejects.toThrow('the run was killed');
    const inFlight = (await logOf(t, planId)).filter((r) => r.state === 'sending');
    await run(planId, sender);

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    expect(new Set(cards).size).toBe(9);
    // Only parcels in flight when the run died (at most one per channel, two cards each) can appear
    // twice; parcels claimed ahead of them were not posted, so they go once.
    const repeated = cards.length - new Set(cards).size;
    expect(repeated).toBeGreaterThan(0);
    expect(repeated).toBeLessThanOrEqual(3 * 2);
    expect(inFlight.length).toBeGreaterThanOrEqual(repeated);
    expect((await logOf(t, planId)).every((r) => r.state === 'sent')).toBe(true);
  });

  it('of two runs at once one holds the plan and the other posts nothing; a third finds nothing left', async () => {
    const { planId } = await planWithPolicy(t, 'Side by side');
    const [a, b] = [countingSender(await webhookSender(t)), countingSender(await webhookSender(t))];
    const results = await Promise.allSettled([run(planId, a), run(planId, b)]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const r of refused) expect(String(r.reason)).toMatch(/another reminder run for this plan/);
    expect((await run(planId, await webhookSender(t))).totals.posts).toBe(0);

    const posted = await postedCards(t);
    const cards = [...posted.leads, ...posted.p2, ...posted.board].map((m) => cardText(m.cards[0] ?? {}));
    expect(cards).toHaveLength(5);
    expect(new Set(cards).size).toBe(5);
  });
});

describe('a parcel of posts in one request, and one run of a plan at a time', () => {
  it('claims a parcel in one request, posts the groups none of whose reminders was sent, and marks it in one', async () => {
    const { planId } = await planWithPolicy(t, 'Parcel with a sent group');
    let graphRequests = 0;
    const store = createPlanStore({
      client: t.clientAs('officer', { onHttpRequest: () => graphRequests++ }),
      siteId: 'root',
    });
    const inputs = await loadReminderInputs(store, planId, RUN_AT);
    const { plan, posts } = planPosts(inputs, { now: RUN_AT, links: links(planId) });
    const groups = posts.map((p) => p.group);
    // The action leads' channel: Hannah's post, Sam's and Daniel's escalation.
    const leads = groups.filter((g) => g.channel.key === 'leads');
    const [hannahs, sams, daniels] = leads;
    if (!hannahs || !sams || !daniels) throw new Error('Expected three posts to the action leads');
    const counter = countingFetch();
    const sender = await webhookSender(t, { fetch: counter.fetch });
    const context = { planTitle: inputs.plan.title, today: plan.today, links: links(planId) };
    const post = (claimed: readonly DeliveryGroup[]) =>
      sender.post(
        hannahs.channel,
        claimed.flatMap((g) => buildCardsForGroup(g, context)),
      );
    // The log, as this run read it, says Sam's reminder went already.
    const sent = sams.reminders.map((r) => ({ key: r.key, state: 'sent' as const }));
    const book = openReminderLog({ store, planId, entries: sent, by: 'this run', runId: 'run-1' });

    graphRequests = 0;
    const outcomes = await book.deliverParcel([hannahs, sams, daniels], post);
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'skipped', 'sent']);
    expect(outcomes[1]).toMatchObject({ reason: `${sams.reminders[0]?.key} has been sent already` });
    // One item claims both groups' reminders; one write marks it sent.
    expect(graphRequests).toBe(2);
    expect(counter.requests.get(await webhookUrl(t, 'leads'))).toBe(1);
    expect((await postedCards(t)).leads).toHaveLength(2);
    const log = await logOf(t, planId);
    expect(log.map((r) => r.key).sort()).toEqual(
      [...hannahs.reminders, ...daniels.reminders].map((r) => r.key).sort(),
    );
    expect(log.every((r) => r.state === 'sent')).toBe(true);

    // Delivered again by the same run, every group is refused before any request, and nothing is posted.
    graphRequests = 0;
    const again = await book.deliverParcel([hannahs, daniels], post);
    expect(again.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(graphRequests).toBe(0);
  });

  it('posts nothing while another run holds the plan, and says who; once it has finished, posts what is left', async () => {
    const { planId } = await planWithPolicy(t, 'Held by another run');
    const store = t.storeAs('officer');
    const other = await takeRunLease(store, planId, {
      by: 'daniel.okafor@demo.localarea.example',
      runId: 'other',
    });
    await expect(run(planId, await webhookSender(t))).rejects.toThrow(
      /another reminder run for this plan is under way, started by daniel\.okafor@demo\.localarea\.example/,
    );
    const posted = await postedCards(t);
    expect(posted.leads.length + posted.p2.length + posted.board.length).toBe(0);

    await other.release();
    expect((await run(planId, await webhookSender(t))).totals).toMatchObject({ posts: 5, sent: 5 });
  });

  it('takes over the plan from a run that died and let its lease run out', async () => {
    const { planId } = await planWithPolicy(t, 'Lease run out');
    const store = t.storeAs('officer');
    const twentyMinutesAgo = () => new Date(Date.now() - 20 * 60_000);
    await takeRunLease(store, planId, { by: 'reminder job', runId: 'died', clock: twentyMinutesAgo });
    expect((await run(planId, await webhookSender(t))).totals).toMatchObject({ posts: 5, sent: 5 });
  });
});
