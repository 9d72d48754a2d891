import { z } from 'zod';
import { tabLinks } from '../../../src/cards';
import { makeAction, makeMilestone, makePlan, makePriority, type PersonRef } from '../../../src/domain';
import { compareItemIds, type ChannelRef, type ReminderPolicyInput } from '../../../src/domain/reminders';
import { listChannelMessages, type ChannelMessage } from '../../../src/graph/channel-messages';
import { provisionSite } from '../../../src/graph/provision';
import { fieldEq } from '../../../src/graph/odata';
import { saveReminderPolicy, readReminderPolicy } from '../../../src/plan/reminders/policy';
import type { PlanStore } from '../../../src/graph/store';
import type { ReminderSender } from '../../../src/plan/reminders/ports';
import { localWebhooks } from '../../../src/jobs/reminders/webhook-directory';
import { createWebhookSender, type WebhookSenderOptions } from '../../../src/jobs/reminders/webhook-sender';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../../src/localgraph/index';
import type { TestGraph } from '../support/local-graph';

export const TEAM_ID = DEMO_TENANT.group.id;

function channelId(name: string): string {
  const channel = DEMO_TENANT.channels.find((c) => c.displayName === name);
  if (!channel) throw new Error(`The demo team has no channel "${name}"`);
  return channel.id;
}
export const CHANNELS = {
  leads: channelId('WSoA action leads'),
  board: channelId('SEND Improvement Board'),
  p2: channelId('Priority 2 – Co-production'),
};

export function personOf(alias: string): PersonRef {
  const p = DEMO_PEOPLE.find((d) => d.alias === alias);
  if (!p?.userPrincipalName) throw new Error(`No demo person "${alias}"`);
  return { entraId: p.id, upn: p.userPrincipalName, displayName: p.displayName, agency: p.companyName };
}

export function personOfUpn(upn: string): PersonRef {
  const p = DEMO_PEOPLE.find((d) => d.userPrincipalName === upn);
  if (!p) throw new Error(`No demo person "${upn}"`);
  return personOf(p.alias);
}

export const hannah = personOf('lead');
export const daniel = personOf('priority-lead');
export const sam = personOf('lead-send-1');

/** Wednesday 16 Dec 2026, 08:00 in London. */
export const RUN_AT = new Date('2026-12-16T08:00:00Z');

export function links(planId: string) {
  return tabLinks({ tabUrl: 'http://127.0.0.1:5173', planId });
}

export interface WrittenPlan {
  planId: string;
  priorityIds: [string, string];
}

/**
 * On Wed 16 Dec 2026: Hannah's IP1 milestone is due in 7 days; Sam's IP1 milestone
 * is 14 days overdue, so it is also escalated to Daniel (IP1's lead); Hannah's
 * IP2 milestone is due today and IP2 posts to its own channel; the board meets on
 * Fri 18 Dec, so its digest goes today. Five posts: three to the action leads'
 * channel, one to IP2's, one to the board's.
 */
export async function writePlan(store: PlanStore, title: string, extra = 0): Promise<WrittenPlan> {
  const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
  const plan = await store.plans.create(planDraft);
  const planId = plan.id;
  const priorities = await store.priorities.createMany(
    [1, 2].map((number) => {
      const { id: _id, ...p } = makePriority({
        id: 'n',
        planId,
        number,
        label: `IP${number}`,
        title: number === 1 ? 'Joint commissioning' : 'Co-production',
        lead: daniel,
      });
      return p;
    }),
  );
  const [p1 = '', p2 = ''] = priorities.map((p) => p.id);
  const actionDrafts = [
    { priorityId: p1, reference: '1.1', text: 'Agree the joint commissioning strategy', lead: hannah },
    { priorityId: p1, reference: '1.2', text: 'Publish the JSNA for SEND', lead: sam, status: 'red' },
    { priorityId: p2, reference: '2.1', text: 'Co-produce the Local Offer', lead: hannah },
    ...Array.from({ length: extra }, (_, i) => ({
      priorityId: p1,
      reference: `1.${i + 3}`,
      text: `Extra action ${i + 1}`,
      lead: personOf(['lead-send-2', 'lead-health-1', 'lead-health-2', 'lead-pcf-1'][i % 4] ?? 'lead'),
    })),
  ];
  const actions = await store.actions.createMany(
    actionDrafts.map((a) => {
      const { id: _id, ...draft } = makeAction({ id: 'n', planId, status: 'green', ...a });
      return draft;
    }),
  );
  const due = ['2026-12-23', '2026-12-02', '2026-12-16', ...actionDrafts.slice(3).map(() => '2026-12-23')];
  await store.milestones.createMany(
    actions.map((a, i) => {
      const { id: _id, ...m } = makeMilestone({
        id: 'n',
        planId,
        priorityId: a.priorityId,
        actionId: a.id,
        title: `Milestone of ${a.reference}`,
        dueDate: due[i] ?? '2026-12-23',
      });
      return m;
    }),
  );
  return { planId, priorityIds: [p1, p2] };
}

export function channelRefs(): ChannelRef[] {
  return [
    {
      key: 'leads',
      name: 'WSoA action leads',
      teamId: TEAM_ID,
      channelId: CHANNELS.leads,
      webhookName: 'wsoa-leads',
    },
    {
      key: 'board',
      name: 'SEND Improvement Board',
      teamId: TEAM_ID,
      channelId: CHANNELS.board,
      webhookName: 'board',
    },
    {
      key: 'ip2',
      name: 'Priority 2 – Co-production',
      teamId: TEAM_ID,
      channelId: CHANNELS.p2,
      webhookName: 'ip2',
    },
  ];
}

/** The local Graph's webhook URL for one of the plan's channels. */
export async function webhookUrl(t: TestGraph, key: 'leads' | 'board' | 'ip2'): Promise<string> {
  const channel = channelRefs().find((c) => c.key === key);
  const found = channel ? (await localWebhooks(t.graph.origin)).resolve(channel) : { problem: 'no channel' };
  if ('problem' in found) throw new Error(`No webhook for channel "${key}": ${found.problem}`);
  return found.url;
}

export function policyFor(plan: WrittenPlan): ReminderPolicyInput {
  return {
    channels: channelRefs(),
    defaultChannel: 'leads',
    priorityChannels: { [plan.priorityIds[1]]: 'ip2' },
    exceptionsDigest: { boardDates: ['2026-12-18'], channel: 'board' },
  };
}

/** A site provisioned and a plan written with its policy stored, as the officer would leave it. */
export async function planWithPolicy(t: TestGraph, title: string, extra = 0): Promise<WrittenPlan> {
  const store = t.storeAs('officer');
  await provisionSite(store.ctx);
  const plan = await writePlan(store, title, extra);
  await saveReminderPolicy(store, await readReminderPolicy(store, plan.planId), policyFor(plan));
  return plan;
}

export async function webhookSender(
  t: TestGraph,
  options: Partial<WebhookSenderOptions> = {},
): Promise<ReminderSender> {
  return createWebhookSender({ directory: await localWebhooks(t.graph.origin), ...options });
}

/** The same sender declaring other parcel limits: `maxCards` cards (of any size) a request. */
export function withParcel(inner: ReminderSender, maxCards: number): ReminderSender {
  return { ...inner, parcel: { maxCards, maxBytes: Number.MAX_SAFE_INTEGER } };
}

/** A sender that lets `after` posts (webhook requests) through, then dies: before the next post, or just after it. */
export function dyingSender(
  inner: ReminderSender,
  after: number,
  when: 'before-post' | 'after-post',
): ReminderSender {
  let posts = 0;
  return {
    ...inner,
    async post(channel, cards) {
      if (posts >= after && when === 'before-post') throw new Error('the run was killed');
      await inner.post(channel, cards);
      posts++;
      if (posts > after && when === 'after-post') throw new Error('the run was killed');
    },
  };
}

/** Counts posts (webhook requests) that went through, for tests. */
export function countingSender(inner: ReminderSender): ReminderSender & { posts: () => number } {
  let posts = 0;
  return {
    ...inner,
    posts: () => posts,
    async post(channel, cards) {
      await inner.post(channel, cards);
      posts++;
    },
  };
}

/** Counts the requests to each URL and the receiver's answers by status. */
export function countingFetch() {
  const statuses: number[] = [];
  const requests = new Map<string, number>();
  const wrapped: typeof fetch = async (input, init) => {
    requests.set(String(input), (requests.get(String(input)) ?? 0) + 1);
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  return { fetch: wrapped, statuses, requests };
}

/**
 * A Workflows webhook answers 202 and its flow posts afterwards (the local Graph
 * reproduces that): waits, with a deadline, until no flow run is pending.
 */
export async function flowsSettled(t: TestGraph): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stats = z
      .object({ pending: z.number() })
      .parse(await (await fetch(`${t.graph.origin}/_admin/webhooks/runs`)).json());
    if (stats.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`Workflows runs still pending after 10 s: ${stats.pending}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every message in the test team's channels, by channel, once the flows have posted what they took. */
export async function postedCards(t: TestGraph): Promise<Record<keyof typeof CHANNELS, ChannelMessage[]>> {
  await flowsSettled(t);
  const ctx = { client: t.clientAs('officer'), siteId: 'root' };
  const read = async (id: string) => (await listChannelMessages(ctx, TEAM_ID, id, { max: 500 })).messages;
  return {
    leads: await read(CHANNELS.leads),
    board: await read(CHANNELS.board),
    p2: await read(CHANNELS.p2),
  };
}

export function cardText(card: object): string {
  return JSON.stringify(card);
}

const mentionsSchema = z.object({
  msteams: z
    .object({ entities: z.array(z.object({ mentioned: z.object({ id: z.string() }) })).default([]) })
    .default({ entities: [] }),
});

export function mentionedIds(message: ChannelMessage): string[] {
  return message.cards.flatMap((card) =>
    mentionsSchema.parse(card).msteams.entities.map((e) => e.mentioned.id),
  );
}

/**
 * The plan's log as one line per reminder: its state (sent once any parcel that
 * carried it was), how many parcels carried it, and when and by whom it went.
 */
export async function logOf(t: TestGraph, planId: string) {
  const items = await t.storeAs('officer').reminderLog.query({ filter: fieldEq('PlanId', planId) }, []);
  const lines = new Map<
    string,
    { key: string; state: string; attempts: number; sentAt: string | null; sentBy: string; channel: string }
  >();
  for (const item of items.filter((i) => i.kind !== 'lease').sort((a, b) => compareItemIds(a.id, b.id))) {
    for (const key of item.keys) {
      const line = lines.get(key) ?? {
        key,
        state: item.state,
        attempts: 0,
        sentAt: null,
        sentBy: item.sentBy,
        channel: item.channel,
      };
      line.attempts++;
      if (item.state === 'sent')
        Object.assign(line, { state: 'sent', sentAt: item.sentAt, sentBy: item.sentBy });
      lines.set(key, line);
    }
  }
  return [...lines.values()];
}
