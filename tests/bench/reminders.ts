import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tabLinks } from '../../src/cards';
import { planReminders, type ReminderPlanInput, type ReminderPolicyInput } from '../../src/domain/reminders';
import { sharePointResourceUnits } from '../../src/graph/budget';
import { createGraphClient } from '../../src/graph/client';
import { provisionSite } from '../../src/graph/provision';
import { loadReminderInputs } from '../../src/plan/reminders/inputs';
import { readReminderPolicy, saveReminderPolicy } from '../../src/plan/reminders/policy';
import { createPlanStore, type PlanStore } from '../../src/graph/store';
import { runReminders } from '../../src/plan/reminders/run';
import { localWebhooks } from '../../src/jobs/reminders/webhook-directory';
import { createWebhookSender } from '../../src/jobs/reminders/webhook-sender';
import { DEMO_TENANT } from '../../src/localgraph';
import { makeLargePlanFixture } from '../unit/reminders/builders';
import { startLocalGraphProcess } from './local-graph-process';

const SIZE = 10_000;
const LEADS = 1_000;

/**
 * The reminder planner alone, then a full run against a local Graph (in a
 * process of its own, as Graph is to the job): the plan's 10,000 milestones (5,000 actions, 1,000 leads, 9 priorities)
 * and a log of 6,668 sent reminders written through the repositories, posted to
 * three channels' webhooks in parcels of up to 50 cards a request, at most 4
 * requests a second per URL. Every reminder is claimed and then marked sent in the
 * log: two writes each, in `$batch` requests of 20.
 */
export async function benchReminders(): Promise<Record<string, number>> {
  const fixture = makeLargePlanFixture(SIZE, LEADS);
  const results: Record<string, number> = { [`reminders.plannerMs.${SIZE}`]: timePlanner(fixture) };

  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-bench-reminders-'));
  const graph = await startLocalGraphProcess(dataDir);
  try {
    let requests = 0;
    let resourceUnits = 0;
    const client = createGraphClient({
      baseUrl: graph.graphBaseUrl,
      getToken: async () => graph.tokenFor('officer'),
      onHttpRequest: () => requests++,
      onRequest: (request) => (resourceUnits += sharePointResourceUnits(request)),
    });
    const store = createPlanStore({ client, siteId: 'root' });
    await provisionSite(store.ctx);
    const planId = await writeFixture(store, fixture);

    requests = 0;
    await loadReminderInputs(store, planId);
    results[`reminders.readRequests.${SIZE}`] = requests;

    const webhookRequests = new Map<string, number>();
    const counting: typeof fetch = async (input, init) => {
      webhookRequests.set(String(input), (webhookRequests.get(String(input)) ?? 0) + 1);
      return fetch(input, init);
    };
    const sender = createWebhookSender({ directory: await localWebhooks(graph.origin), fetch: counting });
    requests = 0;
    resourceUnits = 0;
    const start = performance.now();
    const report = await runReminders({
      store,
      sender,
      planId,
      now: fixture.now,
      links: (id) => tabLinks({ tabUrl: 'http://127.0.0.1:5173', planId: id }),
    });
    const runMs = performance.now() - start;
    if (report.totals.failed > 0 || report.totals.sent !== report.totals.posts) {
      throw new Error(`The bench run did not post everything: ${JSON.stringify(report.totals)}`);
    }
    const busiest = Math.max(...webhookRequests.values());
    // The receiver takes 4 requests a second per URL: the floor for the busiest channel's requests.
    const floorMs = Math.ceil(busiest / 4) * 1000;
    Object.assign(results, {
      [`reminders.runMs.${SIZE}`]: round(runMs),
      [`reminders.graphRequests.${SIZE}`]: requests,
      // SharePoint's price of the run's Graph requests (goal: at most 4,800, one minute of a large tenant's budget).
      [`reminders.sharePointRU.${SIZE}`]: resourceUnits,
      [`reminders.planned.${SIZE}`]: report.totals.reminders,
      [`reminders.posts.${SIZE}`]: report.totals.posts,
      [`reminders.webhookRequests.${SIZE}`]: [...webhookRequests.values()].reduce((a, b) => a + b, 0),
      [`reminders.webhookRequestsBusiestChannel.${SIZE}`]: busiest,
      [`reminders.webhookFloorMs.${SIZE}`]: floorMs,
      [`reminders.runMsAboveWebhookFloor.${SIZE}`]: round(runMs - floorMs),
    });
    return results;
  } finally {
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function timePlanner(input: ReminderPlanInput): number {
  planReminders(input); // warm-up: JIT and the calendar's caches
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    planReminders(input);
    times.push(performance.now() - start);
  }
  return round([...times].sort((a, b) => a - b)[2] ?? NaN);
}

/** Writes the fixture through the repositories; returns the plan's id. Fixture ids map to the stored ones. */
async function writeFixture(store: PlanStore, fixture: ReminderPlanInput): Promise<string> {
  const { id: _plan, ...planDraft } = fixture.plan;
  const plan = await store.plans.create(planDraft);
  const planId = plan.id;
  const options = { concurrency: 8 };
  const priorities = await store.priorities.createMany(
    fixture.priorities.map(({ id: _id, ...p }) => ({ ...p, planId })),
  );
  const priorityIds = new Map(fixture.priorities.map((p, i) => [p.id, priorities[i]?.id ?? '']));
  const actions = await store.actions.createMany(
    fixture.actions.map(({ id: _id, ...a }) => ({
      ...a,
      planId,
      priorityId: priorityIds.get(a.priorityId) ?? '',
    })),
    options,
  );
  const actionIds = new Map(fixture.actions.map((a, i) => [a.id, actions[i]?.id ?? '']));
  const milestones = await store.milestones.createMany(
    fixture.milestones.map(({ id: _id, ...m }) => ({
      ...m,
      planId,
      priorityId: priorityIds.get(m.priorityId) ?? '',
      actionId: actionIds.get(m.actionId) ?? '',
    })),
    options,
  );
  const milestoneIds = new Map(fixture.milestones.map((m, i) => [m.id, milestones[i]?.id ?? '']));
  // The log as parcels would have left it: a few dozen items, each carrying up to 50 reminders.
  const logged = fixture.log.map((entry) => ({
    key: entry.key.replace(
      /^milestone:([^:]+)/,
      (_, id: string) => `milestone:${milestoneIds.get(id) ?? id}`,
    ),
    state: entry.state,
  }));
  const parcels = Array.from({ length: Math.ceil(logged.length / 50) }, (_, i) =>
    logged.slice(i * 50, i * 50 + 50),
  );
  const dayBefore = new Date(fixture.now.getTime() - 24 * 3_600_000).toISOString().slice(0, 19) + 'Z';
  await store.reminderLog.createMany(
    parcels.map((parcel, i) => ({
      key: `parcel:fixture:${i + 1}`,
      planId,
      kind: 'parcel' as const,
      state: parcel.some((e) => e.state === 'sending') ? ('sending' as const) : ('sent' as const),
      keys: parcel.map((e) => e.key),
      channel: 'wsoa',
      claimedAt: dayBefore,
      sentAt: dayBefore,
      sentBy: 'reminder job',
      runId: 'fixture',
      leaseUntil: null,
    })),
    options,
  );
  await saveReminderPolicy(store, await readReminderPolicy(store, planId), localPolicy(fixture, priorityIds));
  return planId;
}

/** The fixture's policy, its three channels being channels of the local Graph's team. */
function localPolicy(fixture: ReminderPlanInput, priorityIds: Map<string, string>): ReminderPolicyInput {
  const local: Record<string, string> = {
    wsoa: 'WSoA action leads',
    health: 'Priority 2 – Co-production',
    board: 'SEND Improvement Board',
  };
  const p = fixture.policy;
  return {
    ...p,
    channels: p.channels.map((c) => ({
      ...c,
      teamId: DEMO_TENANT.group.id,
      channelId: DEMO_TENANT.channels.find((d) => d.displayName === local[c.key])?.id ?? null,
      webhookName: c.key,
    })),
    priorityChannels: Object.fromEntries(
      Object.entries(p.priorityChannels).map(([id, key]) => [priorityIds.get(id) ?? id, key]),
    ),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
