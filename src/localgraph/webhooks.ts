import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerContext } from './context';
import type { Db } from './db';
import { GraphError, notFound } from './errors';
import { readJson } from './json-body';
import type { ChannelRow, MessageStore, NewMessage, Sender } from './messages';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './teams';
import { DEMO_TENANT } from './tenant';

/** Teams throttles an incoming webhook URL to 4 requests per second. */
const MAX_PER_SECOND = 4;

/**
 * "When the action posts a message, the message size limit is approximately 28 KB … If the
 * message size exceeds 28 KB, the action fails with the error: Request Entity too large"
 * (the Microsoft Teams connector's known limits, learn.microsoft.com/connectors/teams).
 */
export const MAX_CARD_BYTES = 28 * 1024;

export interface WebhookRow {
  id: string;
  channel_id: string;
  created: string;
}

export interface WebhookInfo {
  id: string;
  /** A stable name for the webhook that is not its secret (failures name webhooks by it). */
  ref: string;
  url: string;
  teamId: string;
  channelId: string;
  channelName: string;
}

/** A non-secret reference to a webhook: the first 12 hex digits of the SHA-256 of its id. */
export function webhookRef(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
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
      ref: webhookRef(w.id),
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

export interface WebhookFailure {
  id: number;
  webhookRef: string;
  teamId: string;
  channelId: string;
  channelName: string;
  /** When the flow failed (UTC, ISO 8601). */
  time: string;
  /** The attachment's index in the request, or null when the whole request failed. */
  attachment: number | null;
  reason: string;
}

export interface FlowConfig {
  /** Card posts one flow's Teams connector takes per minute before its retries run out; null: unlimited. */
  connectorPostsPerMinute: number | null;
}

export const flowConfigSchema = z
  .object({ connectorPostsPerMinute: z.number().int().min(0).nullable() })
  .partial()
  .strict();

export interface FlowStats {
  /** Requests accepted (202) whose flow has not finished yet. */
  pending: number;
  /** Flows finished, whether every card was posted or not. */
  completed: number;
  /** Cards (or whole requests) the flows failed on. */
  failed: number;
}

const WORKFLOWS: Sender = { kind: 'application', id: DEMO_TENANT.workflowsAppId, displayName: 'Workflows' };

function cardMessage(contentType: string, content: Record<string, unknown>, contentUrl: unknown): NewMessage {
  const id = randomUUID();
  return {
    subject: null,
    importance: 'normal',
    body: { contentType: 'html', content: `<attachment id="${id}"></attachment>` },
    attachments: [
      {
        id,
        contentType,
        contentUrl: typeof contentUrl === 'string' ? contentUrl : null,
        content: JSON.stringify(content),
        name: null,
      },
    ],
    mentions: [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the flow's "Post card in a chat or channel" action fails on one attachment, if it does. */
function cardProblem(attachment: unknown): string | undefined {
  if (!isRecord(attachment)) return "The attachment is not an object with a 'content' card.";
  if (attachment.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) {
    return `contentType must be "${ADAPTIVE_CARD_CONTENT_TYPE}".`;
  }
  const card = attachment.content;
  if (!isRecord(card)) return 'content must be an AdaptiveCard JSON object.';
  if (card.type !== 'AdaptiveCard') {
    return "The specified Teams flowbot adaptive card request is missing or invalid. Property 'type' must be 'AdaptiveCard'.";
  }
  if (typeof card.version !== 'string') {
    return 'The specified Teams flowbot adaptive card request is missing or invalid. The AdaptiveCard must declare its "version" as a string, e.g. "1.5".';
  }
  if (Buffer.byteLength(JSON.stringify(card)) > MAX_CARD_BYTES) {
    return 'Request Entity too large: a Teams message holds about 28 KB, and this card is larger.';
  }
  return undefined;
}

/**
 * Runs the Workflows flow behind each webhook ("Post to a channel when a webhook request is
 * received") after the webhook has answered 202: its "Send each adaptive card" loop posts
 * every attachment as its own channel message, in order. What it fails on — a body without
 * an attachments array, a card that is not an Adaptive Card, a card over 28 KB, a private
 * channel, the Teams connector's throttling — never reaches the caller; it is recorded,
 * and an iteration that fails does not stop the others (Apply to each carries on).
 */
export class WorkflowRunner {
  private readonly pending = new Set<Promise<void>>();
  private completed = 0;
  private config: FlowConfig = { connectorPostsPerMinute: null };
  /** webhook id -> times (ms) of recent card posts, for the connector's per-minute limit. */
  private readonly posts = new Map<string, number[]>();

  constructor(
    private readonly db: Db,
    private readonly messages: MessageStore,
    private readonly log: (message: string) => void,
  ) {}

  configure(partial: Partial<FlowConfig>): FlowConfig {
    this.config = { ...this.config, ...partial };
    return this.current();
  }

  current(): FlowConfig {
    return { ...this.config };
  }

  stats(): FlowStats {
    const failed =
      this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM webhook_failures').get()?.n ?? 0;
    return { pending: this.pending.size, completed: this.completed, failed };
  }

  failures(): WebhookFailure[] {
    return this.db
      .prepare<
        [],
        {
          seq: number;
          webhook_id: string;
          channel_id: string;
          attachment: number | null;
          time: string;
          reason: string;
          team_id: string | null;
          display_name: string | null;
        }
      >(
        `SELECT f.*, c.team_id, c.display_name FROM webhook_failures f
         LEFT JOIN channels c ON c.id = f.channel_id ORDER BY f.seq`,
      )
      .all()
      .map((f) => ({
        id: f.seq,
        webhookRef: webhookRef(f.webhook_id),
        teamId: f.team_id ?? '',
        channelId: f.channel_id,
        channelName: f.display_name ?? '',
        time: f.time,
        attachment: f.attachment,
        reason: f.reason,
      }));
  }

  clearFailures(): void {
    this.db.prepare('DELETE FROM webhook_failures').run();
  }

  /** Starts the flow for an accepted request; it runs after the 202 has been sent. */
  start(hook: WebhookRow, body: unknown): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(hook, body))
      .catch((err: unknown) => {
        this.log(`local Graph: a Workflows run failed unexpectedly: ${String(err)}`);
        this.fail(hook, null, 'The flow failed unexpectedly.');
      })
      .finally(() => {
        this.completed += 1;
        this.pending.delete(run);
      });
    this.pending.add(run);
  }

  /** Waits for every started flow to finish (the server does before it closes its database). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private fail(hook: WebhookRow, attachment: number | null, reason: string): void {
    this.db
      .prepare<[string, string, number | null, string, string]>(
        'INSERT INTO webhook_failures (webhook_id, channel_id, attachment, time, reason) VALUES (?, ?, ?, ?, ?)',
      )
      .run(hook.id, hook.channel_id, attachment, new Date().toISOString(), reason);
  }

  /** True when the connector still takes a post from this flow this minute. */
  private connectorTakes(hook: WebhookRow): boolean {
    const limit = this.config.connectorPostsPerMinute;
    if (limit === null) return true;
    const now = Date.now();
    const recent = (this.posts.get(hook.id) ?? []).filter((t) => now - t < 60_000);
    this.posts.set(hook.id, recent);
    if (recent.length >= limit) return false;
    recent.push(now);
    return true;
  }

  private run(hook: WebhookRow, body: unknown): void {
    const channel = this.db
      .prepare<[string], ChannelRow>('SELECT * FROM channels WHERE id = ?')
      .get(hook.channel_id);
    if (!channel) {
      this.fail(hook, null, 'The channel of this flow no longer exists.');
      return;
    }
    const attachments = isRecord(body) ? body.attachments : undefined;
    if (!Array.isArray(attachments)) {
      // What the template's loop says of a body without attachments (MicrosoftDocs/msteams-docs#11302).
      this.fail(
        hook,
        null,
        "Action 'Send_each_adaptive_card' failed: the result of the evaluation of 'foreach' expression '@triggerOutputs()?['body']?['attachments']' is of type 'Null'. The result must be a valid array.",
      );
      return;
    }
    attachments.forEach((attachment: unknown, index) => {
      if (channel.membership_type === 'private') {
        // "Workflows app can't post in private channels as a flow bot" (Teams platform docs, known issues).
        this.fail(hook, index, 'Workflows cannot post in a private channel as the Flow bot.');
        return;
      }
      const problem = cardProblem(attachment);
      if (problem !== undefined) {
        this.fail(hook, index, problem);
        return;
      }
      if (!this.connectorTakes(hook)) {
        this.fail(
          hook,
          index,
          'Too Many Requests: the Microsoft Teams connector throttled this flow and its retries ran out.',
        );
        return;
      }
      if (isRecord(attachment) && isRecord(attachment.content)) {
        this.messages.add(
          channel,
          WORKFLOWS,
          cardMessage(ADAPTIVE_CARD_CONTENT_TYPE, attachment.content, attachment.contentUrl),
        );
      }
    });
  }
}

/**
 * A Teams Workflows webhook: 4 requests a second per URL (the fifth gets 429 with
 * Retry-After: 1 at once), a body that is not JSON gets 400 at once, and anything else is
 * accepted with 202 before the flow runs (see WorkflowRunner).
 */
export function webhookRoutes(ctx: ServerContext, runner: WorkflowRunner): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const recent = new Map<string, number[]>();

  app.post('/webhooks/:webhookId', async (c) => {
    const hook = ctx.db
      .prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?')
      .get(c.req.param('webhookId'));
    if (!hook) throw notFound('No webhook exists at this URL.', 'NotFound');
    const now = Date.now();
    if (recent.size > 10_000) {
      for (const [id, times] of recent) if (times.every((t) => now - t >= 1000)) recent.delete(id);
    }
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

    const body = await readJson(c);
    runner.start(hook, body);
    return c.body(null, 202);
  });

  return app;
}
