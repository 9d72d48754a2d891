import { z } from 'zod';
import type { ChannelRef } from '../../domain/reminders';
import { ConfigError, type JobConfig, type ReminderConfig } from '../config';

/** Where each channel's webhook posts go. The plan names webhooks; their URLs are server-side secrets. */
export interface WebhookDirectory {
  resolve(channel: ChannelRef): { url: string } | { problem: string };
}

function label(channel: ChannelRef): string {
  return channel.name ? `"${channel.name}"` : `"${channel.key}"`;
}

function named(channel: ChannelRef, find: (name: string) => { url: string } | { problem: string }) {
  if (channel.webhookName === null) {
    return {
      problem: `Channel ${label(channel)} has no webhook name, so the reminder job cannot post to it`,
    };
  }
  return find(channel.webhookName);
}

/** From REMINDER_WEBHOOKS (`{"name": "https://…"}`). */
export function configuredWebhooks(webhooks: ReadonlyMap<string, string>): WebhookDirectory {
  return {
    resolve: (channel) =>
      named(channel, (name) => {
        const url = webhooks.get(name);
        return url
          ? { url }
          : { problem: `REMINDER_WEBHOOKS has no URL for webhook "${name}" (channel ${label(channel)})` };
      }),
  };
}

const localHooksSchema = z.array(
  z.object({ url: z.string(), teamId: z.string(), channelId: z.string(), channelName: z.string() }),
);

/**
 * The local Graph's webhook receivers, listed by `GET /_admin/webhooks`: a
 * channel's webhook is the one created for its channel id.
 */
export async function localWebhooks(origin: string): Promise<WebhookDirectory> {
  let response: Response;
  try {
    response = await fetch(`${origin}/_admin/webhooks`);
  } catch {
    throw new ConfigError(`No local Graph answers at ${origin}: start it with \`npm start\``);
  }
  if (!response.ok)
    throw new ConfigError(`The local Graph did not list its webhooks (HTTP ${response.status})`);
  const hooks = localHooksSchema.parse(await response.json());
  return {
    resolve: (channel) =>
      named(channel, (name) => {
        const hook = hooks.find((h) => h.channelId === channel.channelId);
        return hook
          ? { url: hook.url }
          : {
              problem: `The local Graph has no webhook for channel ${label(channel)} (webhook "${name}"): its team and channel ids must be those of a local channel`,
            };
      }),
  };
}

const unconfigured: WebhookDirectory = {
  resolve: (channel) =>
    named(channel, (name) => ({
      problem: `REMINDER_WEBHOOKS is not set, so there is no URL for webhook "${name}" (channel ${label(channel)})`,
    })),
};

/** REMINDER_WEBHOOKS when set; against the local Graph its own receivers; otherwise nothing is configured. */
export async function webhookDirectory(
  config: JobConfig,
  reminders: ReminderConfig,
): Promise<WebhookDirectory> {
  if (reminders.webhooks !== null) return configuredWebhooks(reminders.webhooks);
  if (config.kind === 'local') return localWebhooks(config.origin);
  return unconfigured;
}
