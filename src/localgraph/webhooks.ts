import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerContext } from './context';
import type { Db } from './db';
import { GraphError, notFound } from './errors';
import { readBody } from './json-body';
import type { ChannelRow, MessageStore, NewMessage, Sender } from './messages';
import { ADAPTIVE_CARD_CONTENT_TYPE, checkAdaptiveCard } from './teams';
import { DEMO_TENANT } from './tenant';

/** Teams throttles an incoming webhook URL to 4 requests per second. */
const MAX_PER_SECOND = 4;

export interface WebhookRow {
  id: string;
  channel_id: string;
  created: string;
}

export interface WebhookInfo {
  id: string;
  url: string;
  teamId: string;
  channelId: string;
  channelName: string;
}

export function createWebhook(db: Db, channelId: string): WebhookRow {
  // The URL is the only secret, as with Teams Workflows webhook URLs.
  const row: WebhookRow = {
    id: randomBytes(24).toString('base64url'),
    channel_id: channelId,
    created: new Date().toISOString(),
  };
  db.prepare('INSERT INTO webhooks (id, channel_id, created) VALUES (@id, @channel_id, @created)').run(row);
  return row;
}

export function listWebhooks(db: Db, origin: string): WebhookInfo[] {
  return db
    .prepare<[], WebhookRow & { team_id: string; display_name: string }>(
      'SELECT w.*, c.team_id, c.display_name FROM webhooks w JOIN channels c ON c.id = w.channel_id ORDER BY c.rowid, w.rowid',
    )
    .all()
    .map((w) => ({
      id: w.id,
      url: `${origin}/webhooks/${w.id}`,
      teamId: w.team_id,
      channelId: w.channel_id,
      channelName: w.display_name,
    }));
}

export const createWebhookSchema = z.object({
  teamId: z.string({ error: 'teamId is required' }).min(1),
  channelId: z.string({ error: 'channelId is required' }).min(1),
});

const payloadSchema = z.object({
  type: z.literal('message', { error: 'type must be "message"' }),
  attachments: z
    .array(
      z.object({
        contentType: z.literal(ADAPTIVE_CARD_CONTENT_TYPE, {
          error: `contentType must be "${ADAPTIVE_CARD_CONTENT_TYPE}"`,
        }),
        contentUrl: z.string().nullable().optional(),
        content: z.record(z.string(), z.unknown(), { error: 'content must be an AdaptiveCard JSON object' }),
      }),
      { error: 'attachments must be an array' },
    )
    .min(1, 'at least one card attachment is required'),
});

const WORKFLOWS: Sender = { kind: 'application', id: DEMO_TENANT.workflowsAppId, displayName: 'Workflows' };

function cardMessage(attachment: z.infer<typeof payloadSchema>['attachments'][number]): NewMessage {
  const id = randomUUID();
  return {
    subject: null,
    importance: 'normal',
    body: { contentType: 'html', content: `<attachment id="${id}"></attachment>` },
    attachments: [
      {
        id,
        contentType: attachment.contentType,
        contentUrl: attachment.contentUrl ?? null,
        content: JSON.stringify(attachment.content),
        name: null,
      },
    ],
    mentions: [],
  };
}

/**
 * A Teams Workflows webhook made from the "Post to a channel when a webhook request
 * is received" template: its "Send each adaptive card" loop posts every attachment
 * of a request as its own channel message, in order. 4 requests a second per URL,
 * however many cards each carries; a request with any bad card stores none (400).
 */
export function webhookRoutes(ctx: ServerContext, messages: MessageStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const recent = new Map<string, number[]>();

  app.post('/webhooks/:webhookId', async (c) => {
    const hook = ctx.db
      .prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?')
      .get(c.req.param('webhookId'));
    if (!hook) throw notFound('No webhook exists at this URL.', 'NotFound');
    const now = Date.now();
    const window = (recent.get(hook.id) ?? []).filter((t) => now - t < 1000);
    if (window.length >= MAX_PER_SECOND) {
      recent.set(hook.id, window);
      throw new GraphError(
        429,
        'TooManyRequests',
        `This webhook accepts at most ${MAX_PER_SECOND} requests per second.`,
        { 'Retry-After': '1' },
      );
    }
    window.push(now);
    recent.set(hook.id, window);

    const payload = await readBody(c, payloadSchema, 'webhook payload');
    // Every card is checked before any is stored: one bad card refuses the whole request.
    payload.attachments.forEach((a, i) => checkAdaptiveCard(a.content, `attachments[${i}]`));
    const channel = ctx.db
      .prepare<[string], ChannelRow>('SELECT * FROM channels WHERE id = ?')
      .get(hook.channel_id);
    if (!channel) throw notFound('The channel of this webhook no longer exists.', 'NotFound');
    // The Workflows template's "Send each adaptive card" loop: one channel message per attachment, in order.
    ctx.db.transaction(() => {
      for (const a of payload.attachments) messages.add(channel, WORKFLOWS, cardMessage(a));
    })();
    return c.body(null, 202);
  });

  return app;
}
