import { tabLinks, type CardLinks } from '../../cards';
import type { GraphClientOptions } from '../../graph/client';
import { createPlanStore, type PlanStore } from '../../graph/store';
import {
  ConfigError,
  readJobConfig,
  readReminderConfig,
  type JobConfig,
  type ReminderConfig,
} from '../config';
import { connect } from '../graph-access';
import type { ReminderSender } from '../../plan/reminders/ports';
import { webhookDirectory } from './webhook-directory';
import { createWebhookSender } from './webhook-sender';

export interface ReminderJob {
  config: JobConfig;
  reminders: ReminderConfig;
  store: PlanStore;
  sender: ReminderSender;
  links: (planId: string) => CardLinks;
}

/**
 * Everything a host (CLI, timer trigger, `npm start`) needs, checked before any
 * request: configuration first, every problem named; then the Graph connection
 * (app-only against a tenant) and the webhook directory.
 */
export async function prepareReminderJob(
  env: NodeJS.ProcessEnv = process.env,
  options: { as?: string; onHttpRequest?: GraphClientOptions['onHttpRequest'] } = {},
): Promise<ReminderJob> {
  const config = readJobConfig(env);
  const reminders = readReminderConfig(env);
  if (options.as !== undefined && config.kind === 'tenant') {
    throw new ConfigError(
      '--as names a demo person of the local Graph; against a tenant the job uses its app-only credentials',
    );
  }
  const ctx = await connect(config, options);
  const directory = await webhookDirectory(config, reminders);
  return {
    config,
    reminders,
    store: createPlanStore(ctx),
    sender: createWebhookSender({ directory }),
    links: (planId) => tabLinks({ tabUrl: reminders.tabUrl, planId, teams: reminders.teams }),
  };
}
