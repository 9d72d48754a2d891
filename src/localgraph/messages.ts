import { z } from 'zod';
import type { Db } from './db';
import { notFound } from './errors';
import { DEMO_TENANT } from './tenant';

export interface TeamRow {
  id: string;
  display_name: string;
  description: string;
  site_id: string;
  created: string;
}

export interface ChannelRow {
  id: string;
  team_id: string;
  display_name: string;
  description: string;
  created: string;
  membership_type: 'standard' | 'private';
}

export function requireTeam(db: Db, teamId: string): TeamRow {
  const team = db.prepare<[string], TeamRow>('SELECT * FROM teams WHERE id = ? COLLATE NOCASE').get(teamId);
  if (!team) throw notFound(`No team found with Group Id ${teamId}`, 'NotFound');
  return team;
}

export function requireChannel(db: Db, teamId: string, channelId: string): ChannelRow {
  const channel = db
    .prepare<[string, string], ChannelRow>(
      'SELECT * FROM channels WHERE team_id = ? COLLATE NOCASE AND id = ?',
    )
    .get(teamId, channelId);
  if (!channel) throw notFound(`Channel ${channelId} was not found in team ${teamId}.`, 'NotFound');
  return channel;
}

export function channelWebUrl(channel: ChannelRow): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.display_name)}?groupId=${channel.team_id}&tenantId=${DEMO_TENANT.tenantId}`;
}

export interface Sender {
  kind: 'user' | 'application';
  id: string;
  displayName: string;
}

export interface NewMessage {
  subject: string | null;
  importance: 'normal' | 'high' | 'urgent';
  body: { contentType: 'html' | 'text'; content: string };
  attachments: {
    id: string;
    contentType: string;
    contentUrl: string | null;
    content: string | null;
    name: string | null;
  }[];
  mentions: { id: number; mentionText: string; userId: string; displayName: string }[];
}

/** What we store is exactly the chatMessage Graph returns, minus @odata.context. */
const storedMessageSchema = z.record(z.string(), z.unknown());
export type ChatMessageJson = z.infer<typeof storedMessageSchema>;

function userIdentity(id: string, displayName: string) {
  return {
    '@odata.type': '#microsoft.graph.teamworkUserIdentity',
    id,
    displayName,
    userIdentityType: 'aadUser',
    tenantId: DEMO_TENANT.tenantId,
  };
}

export class MessageStore {
  private lastId = 0;

  constructor(private readonly db: Db) {
    const row = db
      .prepare<[], { id: string | null }>('SELECT MAX(CAST(id AS INTEGER)) AS id FROM messages')
      .get();
    this.lastId = Number(row?.id ?? 0);
  }

  /** Teams message ids are creation timestamps in ms; keep them unique and increasing. */
  private nextId(): number {
    this.lastId = Math.max(Date.now(), this.lastId + 1);
    return this.lastId;
  }

  add(channel: ChannelRow, sender: Sender, message: NewMessage): ChatMessageJson {
    const idNum = this.nextId();
    const id = String(idNum);
    const created = new Date(idNum).toISOString();
    const json: ChatMessageJson = {
      id,
      replyToId: null,
      etag: id,
      messageType: 'message',
      createdDateTime: created,
      lastModifiedDateTime: created,
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: message.subject,
      summary: null,
      chatId: null,
      importance: message.importance,
      locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${channel.team_id}&tenantId=${DEMO_TENANT.tenantId}&createdTime=${id}&parentMessageId=${id}`,
      policyViolation: null,
      eventDetail: null,
      from:
        sender.kind === 'user'
          ? {
              application: null,
              device: null,
              conversation: null,
              user: userIdentity(sender.id, sender.displayName),
            }
          : {
              application: {
                '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
                id: sender.id,
                displayName: sender.displayName,
                applicationIdentityType: 'bot',
              },
              device: null,
              conversation: null,
              user: null,
            },
      body: message.body,
      channelIdentity: { teamId: channel.team_id, channelId: channel.id },
      attachments: message.attachments.map((a) => ({ ...a, thumbnailUrl: null, teamsAppId: null })),
      mentions: message.mentions.map((m) => ({
        id: m.id,
        mentionText: m.mentionText,
        mentioned: {
          application: null,
          device: null,
          conversation: null,
          tag: null,
          user: userIdentity(m.userId, m.displayName),
        },
      })),
      reactions: [],
    };
    this.db
      .prepare<[string, string, string, string]>(
        'INSERT INTO messages (id, channel_id, created, body) VALUES (?, ?, ?, ?)',
      )
      .run(id, channel.id, created, JSON.stringify(json));
    return json;
  }

  /** Newest first; `before` is the id of the last message of the previous page. */
  list(
    channelId: string,
    top: number,
    before: string | undefined,
  ): { messages: ChatMessageJson[]; more: boolean; total: number } {
    const rows = this.db
      .prepare<[string, number, number], { body: string }>(
        'SELECT body FROM messages WHERE channel_id = ? AND CAST(id AS INTEGER) < ? ORDER BY CAST(id AS INTEGER) DESC LIMIT ?',
      )
      .all(channelId, before === undefined ? Number.MAX_SAFE_INTEGER : Number(before), top + 1);
    const total =
      this.db
        .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM messages WHERE channel_id = ?')
        .get(channelId)?.n ?? 0;
    const messages = rows.slice(0, top).map((r) => storedMessageSchema.parse(JSON.parse(r.body)));
    return { messages, more: rows.length > top, total };
  }
}
