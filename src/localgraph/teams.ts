import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import { GraphError, badRequest } from './errors';
import { readBody } from './json-body';
import type { ChannelRow, MessageStore, NewMessage, TeamRow } from './messages';
import { channelWebUrl, requireChannel, requireTeam } from './messages';
import { decodeSkipToken, encodeSkipToken, parseTop, queryParam, withQuery } from './odata-query';
import { accessFor, requireSiteAccess } from './permissions';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const postMessageSchema = z.object({
  subject: z.string().nullable().optional(),
  importance: z.enum(['normal', 'high', 'urgent']).optional(),
  body: z.object(
    {
      contentType: z.enum(['html', 'text']).default('text'),
      content: z.string({ error: 'body.content must be a string' }),
    },
    { error: "a chatMessage needs a 'body' with 'content'" },
  ),
  attachments: z
    .array(
      z.object({
        id: z.string().min(1),
        contentType: z.string().min(1),
        contentUrl: z.string().nullable().optional(),
        content: z.string().nullable().optional(),
        name: z.string().nullable().optional(),
      }),
    )
    .optional(),
  mentions: z
    .array(
      z.object({
        id: z.number().int().min(0),
        mentionText: z.string().min(1),
        mentioned: z.object({
          user: z.object({
            id: z.string().min(1),
            displayName: z.string().optional(),
            userIdentityType: z.literal('aadUser').optional(),
          }),
        }),
      }),
    )
    .optional(),
});
type PostMessage = z.infer<typeof postMessageSchema>;

/** Card content travels as a JSON string; Teams rejects anything that is not an AdaptiveCard. */
export function checkAdaptiveCardJson(content: string | null | undefined, where: string): void {
  let card: unknown;
  try {
    card = JSON.parse(content ?? '');
  } catch {
    throw badRequest(`${where}: content must be a JSON string of an AdaptiveCard.`, 'BadRequest');
  }
  checkAdaptiveCard(card, where);
}

export function checkAdaptiveCard(card: unknown, where: string): void {
  if (typeof card !== 'object' || card === null || !('type' in card) || card.type !== 'AdaptiveCard') {
    throw badRequest(`${where}: the card's "type" must be "AdaptiveCard".`, 'BadRequest');
  }
  if (!('version' in card) || typeof card.version !== 'string') {
    throw badRequest(
      `${where}: the AdaptiveCard must declare its "version" as a string, e.g. "1.5".`,
      'BadRequest',
    );
  }
}

/** Checks the cross-references Teams insists on: <at id> ↔ mentions, <attachment id> ↔ attachments. */
function validateMessage(ctx: ServerContext, input: PostMessage): NewMessage {
  const content = input.body.content;
  const mentions = input.mentions ?? [];
  const attachments = input.attachments ?? [];
  const atIds = [...content.matchAll(/<at\s+id\s*=\s*["']?(\d+)["']?\s*>/gi)].map((m) => Number(m[1]));
  const attachmentRefs = [
    ...content.matchAll(/<attachment\s+id\s*=\s*["']([^"']+)["']\s*>\s*<\/attachment>/gi),
  ].map((m) => m[1] ?? '');

  if ((atIds.length > 0 || attachmentRefs.length > 0) && input.body.contentType !== 'html') {
    throw badRequest(
      "body.contentType must be 'html' when the body holds <at> or <attachment> tags.",
      'BadRequest',
    );
  }
  if (content.trim() === '' && attachments.length === 0)
    throw badRequest('The message body is empty.', 'BadRequest');
  for (const id of atIds) {
    if (!mentions.some((m) => m.id === id)) {
      throw badRequest(
        `The body mentions <at id="${id}"> but no mention with id ${id} was supplied.`,
        'BadRequest',
      );
    }
  }
  const out: NewMessage['mentions'] = [];
  for (const m of mentions) {
    if (!atIds.includes(m.id)) {
      throw badRequest(
        `Mention ${m.id} is not referenced in the body by <at id="${m.id}">.</at>`,
        'BadRequest',
      );
    }
    const user = ctx.users.get(m.mentioned.user.id);
    if (!user || user.kind !== 'user') {
      throw badRequest(
        `Mention ${m.id} names user '${m.mentioned.user.id}', who is not in the directory.`,
        'BadRequest',
      );
    }
    out.push({
      id: m.id,
      mentionText: m.mentionText,
      userId: user.id,
      displayName: m.mentioned.user.displayName ?? user.display_name,
    });
  }
  for (const ref of attachmentRefs) {
    if (!attachments.some((a) => a.id === ref)) {
      throw badRequest(
        `The body references <attachment id="${ref}"> but no attachment has that id.`,
        'BadRequest',
      );
    }
  }
  for (const a of attachments) {
    if (!attachmentRefs.includes(a.id)) {
      throw badRequest(
        `Attachment '${a.id}' must be referenced in the body by <attachment id="${a.id}"></attachment>.`,
        'BadRequest',
      );
    }
    if (a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
      checkAdaptiveCardJson(a.content, `Attachment '${a.id}'`);
  }
  return {
    subject: input.subject ?? null,
    importance: input.importance ?? 'normal',
    body: { contentType: input.body.contentType, content },
    attachments: attachments.map((a) => ({
      id: a.id,
      contentType: a.contentType,
      contentUrl: a.contentUrl ?? null,
      content: a.content ?? null,
      name: a.name ?? null,
    })),
    mentions: out,
  };
}

function channelJson(channel: ChannelRow): Record<string, unknown> {
  return {
    id: channel.id,
    createdDateTime: channel.created,
    displayName: channel.display_name,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: null,
    webUrl: channelWebUrl(channel),
    membershipType: channel.membership_type,
  };
}

export function teamRoutes(ctx: ServerContext, messages: MessageStore): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = ctx;

  /** Team membership follows the group's site roles: visitors may read, not post. */
  const team = (c: AppContext): TeamRow => {
    const t = requireTeam(db, c.req.param('teamId') ?? '');
    const principal = c.get('principal');
    if (principal.kind === 'app' && c.req.method === 'POST') {
      throw new GraphError(
        401,
        'Unauthorized',
        'Message POST is allowed in application-only context only for import purposes. Refer to https://docs.microsoft.com/microsoftteams/platform/graph-api/import-messages/import-external-messages-to-teams for more details.',
      );
    }
    requireSiteAccess(db, principal, t.site_id, accessFor(c.req.method));
    return t;
  };

  app.get('/teams/:teamId/channels', (c) => {
    const t = team(c);
    const channels = db
      .prepare<[string], ChannelRow>('SELECT * FROM channels WHERE team_id = ? ORDER BY rowid')
      .all(t.id);
    return c.json({
      '@odata.context': `${graphBase(c)}/$metadata#teams('${t.id}')/channels`,
      '@odata.count': channels.length,
      value: channels.map(channelJson),
    });
  });

  app.get('/teams/:teamId/channels/:channelId', (c) => {
    const t = team(c);
    const channel = requireChannel(db, t.id, c.req.param('channelId'));
    return c.json({
      '@odata.context': `${graphBase(c)}/$metadata#teams('${t.id}')/channels/$entity`,
      ...channelJson(channel),
    });
  });

  app.get('/teams/:teamId/channels/:channelId/messages', (c) => {
    const t = team(c);
    const channel = requireChannel(db, t.id, c.req.param('channelId'));
    const top = parseTop(queryParam(c, 'top'), 20, 50);
    const before = decodeSkipToken(queryParam(c, 'skiptoken'))?.before;
    const page = messages.list(channel.id, top, before);
    const body: Record<string, unknown> = {
      '@odata.context': `${graphBase(c)}/$metadata#teams('${t.id}')/channels('${encodeURIComponent(channel.id)}')/messages`,
      '@odata.count': page.total,
      value: page.messages,
    };
    const last = page.messages[page.messages.length - 1];
    if (page.more && last && typeof last.id === 'string') {
      body['@odata.nextLink'] = withQuery(c, { $skiptoken: encodeSkipToken({ before: last.id }) });
    }
    return c.json(body);
  });

  app.post('/teams/:teamId/channels/:channelId/messages', async (c) => {
    const t = team(c);
    const channel = requireChannel(db, t.id, c.req.param('channelId'));
    const input = await readBody(c, postMessageSchema, 'chatMessage', 'BadRequest');
    const principal = c.get('principal');
    const message = messages.add(
      channel,
      { kind: 'user', id: principal.id, displayName: principal.display_name },
      validateMessage(ctx, input),
    );
    return c.json(
      {
        '@odata.context': `${graphBase(c)}/$metadata#teams('${t.id}')/channels('${encodeURIComponent(channel.id)}')/messages/$entity`,
        ...message,
      },
      201,
    );
  });

  return app;
}
