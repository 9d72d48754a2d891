import { z } from 'zod';
import type { DataContext } from './context';

/**
 * Teams channels and their messages (delegated: Graph refuses app-only channel
 * posts outside migration). Returns parsed objects, never raw JSON.
 */
export interface TeamChannel {
  id: string;
  displayName: string;
  description: string;
}

export interface ChannelMessageDraft {
  body: { contentType: 'html' | 'text'; content: string };
  attachments?: { id: string; contentType: string; contentUrl: string | null; content: string | null }[];
  mentions?: {
    id: number;
    mentionText: string;
    mentioned: { user: { id: string; displayName: string; userIdentityType: 'aadUser' } };
  }[];
}

export interface ChannelMessage {
  id: string;
  createdDateTime: string;
  from: { kind: 'user' | 'application'; id: string; displayName: string } | null;
  /** The message body as Teams stores it (HTML with `<at>` and `<attachment>` tags). */
  body: { contentType: string; content: string };
  /** Adaptive Cards attached to the message, parsed from their JSON strings. */
  cards: object[];
  /** Card attachments whose content is not a JSON object (shown as such, not dropped silently). */
  unreadableCards: number;
  mentions: { id: number; mentionText: string; userId: string | null }[];
  webUrl: string | null;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const channelSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable().optional(),
});

const identity = z
  .object({ id: z.string(), displayName: z.string().nullable().optional() })
  .nullable()
  .optional();
const messageSchema = z.object({
  id: z.string(),
  createdDateTime: z.string(),
  from: z.object({ user: identity, application: identity }).nullable().optional(),
  body: z.object({ contentType: z.string(), content: z.string().nullable() }),
  attachments: z
    .array(z.object({ id: z.string(), contentType: z.string(), content: z.string().nullable().optional() }))
    .default([]),
  mentions: z
    .array(
      z.object({
        id: z.number(),
        mentionText: z.string(),
        mentioned: z.object({ user: identity }).nullable().optional(),
      }),
    )
    .default([]),
  webUrl: z.string().nullable().optional(),
});

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });

function channelsPath(teamId: string, channelId?: string): string {
  const base = `/teams/${encodeURIComponent(teamId)}/channels`;
  return channelId === undefined ? base : `${base}/${encodeURIComponent(channelId)}`;
}

export async function listChannels(ctx: DataContext, teamId: string): Promise<TeamChannel[]> {
  const response = await ctx.client.call(
    { method: 'GET', path: channelsPath(teamId) },
    'Reading the channels',
  );
  return pageOf(channelSchema)
    .parse(response.body)
    .value.map((c) => ({ id: c.id, displayName: c.displayName, description: c.description ?? '' }));
}

/** Newest first, page by page, up to `max` messages. */
export async function listChannelMessages(
  ctx: DataContext,
  teamId: string,
  channelId: string,
  options: { max?: number; pageSize?: number } = {},
): Promise<{ messages: ChannelMessage[]; more: boolean }> {
  const max = options.max ?? 50;
  const messages: ChannelMessage[] = [];
  let path: string | null =
    `${channelsPath(teamId, channelId)}/messages?$top=${options.pageSize ?? Math.min(max, 50)}`;
  while (path !== null && messages.length < max) {
    const response = await ctx.client.call({ method: 'GET', path }, 'Reading the channel’s messages');
    const page = pageOf(messageSchema).parse(response.body);
    messages.push(...page.value.map(toMessage));
    const next = page['@odata.nextLink'];
    path = next ? ctx.client.relativePath(next) : null;
  }
  return { messages: messages.slice(0, max), more: path !== null || messages.length > max };
}

export async function postChannelMessage(
  ctx: DataContext,
  teamId: string,
  channelId: string,
  draft: ChannelMessageDraft,
): Promise<ChannelMessage> {
  const response = await ctx.client.call(
    { method: 'POST', path: `${channelsPath(teamId, channelId)}/messages`, body: draft },
    'Posting to the channel',
  );
  return toMessage(messageSchema.parse(response.body));
}

function toMessage(message: z.infer<typeof messageSchema>): ChannelMessage {
  const user = message.from?.user;
  const app = message.from?.application;
  const from = user
    ? { kind: 'user' as const, id: user.id, displayName: user.displayName ?? '' }
    : app
      ? { kind: 'application' as const, id: app.id, displayName: app.displayName ?? '' }
      : null;
  const cards = message.attachments
    .filter((a) => a.contentType === ADAPTIVE_CARD)
    .map((a) => parseCard(a.content));
  return {
    id: message.id,
    createdDateTime: message.createdDateTime,
    from,
    body: { contentType: message.body.contentType, content: message.body.content ?? '' },
    cards: cards.flatMap((c) => (c === null ? [] : [c])),
    unreadableCards: cards.filter((c) => c === null).length,
    mentions: message.mentions.map((m) => ({
      id: m.id,
      mentionText: m.mentionText,
      userId: m.mentioned?.user?.id ?? null,
    })),
    webUrl: message.webUrl ?? null,
  };
}

function parseCard(content: string | null | undefined): object | null {
  try {
    const card: unknown = JSON.parse(content ?? '');
    return typeof card === 'object' && card !== null ? card : null;
  } catch {
    return null;
  }
}
