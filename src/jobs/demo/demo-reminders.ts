import { z } from 'zod';
import type { IsoDate } from '../../domain';
import { listChannels } from '../../graph/channel-messages';
import { fieldEq } from '../../graph/odata';
import { readReminderPolicy, saveReminderPolicy } from '../../plan/reminders/policy';
import type { PlanStore } from '../../graph/store';
import { isLocalGraphUrl } from '../config';
import { buildDemoPolicy, type DemoTeam } from './demo-policy';

/** 'set' when the seed gave the plan its policy, 'kept' when it had one, 'not-local' against a tenant. */
export type DemoPolicyOutcome = 'set' | 'kept' | 'not-local';

const hooksSchema = z.array(z.object({ teamId: z.string(), channelId: z.string() }));

/**
 * Gives the demo plan a reminder policy pointing at the local Graph's seeded team,
 * found over HTTP (`GET /_admin/webhooks` names the team; Graph lists its
 * channels). A plan that already has a policy keeps it; a tenant is left alone.
 */
export async function seedDemoReminderPolicy(
  store: PlanStore,
  planId: string,
  today: IsoDate,
): Promise<DemoPolicyOutcome> {
  const current = await readReminderPolicy(store, planId);
  if (current.stored) return 'kept';
  const team = await localTeam(store);
  if (team === null) return 'not-local';
  const priorities = await store.priorities.query({ filter: fieldEq('PlanId', planId) }, []);
  await saveReminderPolicy(store, current, buildDemoPolicy(team, priorities, today));
  return 'set';
}

async function localTeam(store: PlanStore): Promise<DemoTeam | null> {
  const base = store.ctx.client.baseUrl;
  if (!isLocalGraphUrl(base)) return null;
  const response = await fetch(`${new URL(base).origin}/_admin/webhooks`);
  if (!response.ok) throw new Error(`The local Graph did not list its webhooks (HTTP ${response.status})`);
  const [first] = hooksSchema.parse(await response.json());
  if (!first) return null;
  return { teamId: first.teamId, channels: await listChannels(store.ctx, first.teamId) };
}
