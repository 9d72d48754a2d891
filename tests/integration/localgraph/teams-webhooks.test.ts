import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import { TestClient, errorSchema, expectError, pageSchema, startFresh, stopAndRemove } from './helpers';

let graph: LocalGraph;
let lead: TestClient;
const team = DEMO_TENANT.group.id;
const leadsChannel = DEMO_TENANT.channels.find((c) => c.displayName === 'WSoA action leads')?.id ?? '';
const boardChannel = DEMO_TENANT.channels.find((c) => c.displayName === 'SEND Improvement Board')?.id ?? '';
const messagesOf = (channelId: string) => `/teams/${team}/channels/${encodeURIComponent(channelId)}/messages`;
const leadPerson = DEMO_PEOPLE.find((p) => p.alias === 'lead');

const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Milestone 1.1.2 is due in 7 days', wrap: true }],
};

const messageSchema = z
  .object({
    id: z.string(),
    createdDateTime: z.string(),
    body: z.object({ contentType: z.string(), content: z.string() }),
    from: z
      .object({
        user: z.object({ id: z.string(), displayName: z.string() }).loose().nullable(),
        application: z.object({ displayName: z.string() }).loose().nullable(),
      })
      .loose(),
    attachments: z.array(
      z.object({ id: z.string(), contentType: z.string(), content: z.string().nullable() }).loose(),
    ),
    mentions: z.array(z.unknown()),
  })
  .loose();

beforeAll(async () => {
  graph = await startFresh();
  lead = new TestClient(graph, 'lead');
});
afterEach(() => {
  graph.setFaults({ rate: 0 });
});
afterAll(async () => {
  await stopAndRemove(graph);
});

function reminder(mentionId = 0) {
  return {
    body: {
      contentType: 'html',
      content: `<at id="${mentionId}">Hannah Whitfield</at> a milestone is due <attachment id="card-1"></attachment>`,
    },
    attachments: [
      {
        id: 'card-1',
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: JSON.stringify(card),
      },
    ],
    mentions: [
      {
        id: mentionId,
        mentionText: 'Hannah Whitfield',
        mentioned: {
          user: { id: leadPerson?.id, displayName: 'Hannah Whitfield', userIdentityType: 'aadUser' },
        },
      },
    ],
  };
}

describe('channels and messages', () => {
  it('lists the team’s standard channels', async () => {
    const reply = await new TestClient(graph, 'chair').get(`/teams/${team}/channels`);
    const channels = pageSchema(
      z
        .object({ id: z.string(), displayName: z.string(), membershipType: z.string(), webUrl: z.string() })
        .loose(),
    ).parse(reply.json).value;
    expect(channels.map((c) => c.displayName)).toEqual([
      'General',
      'SEND Improvement Board',
      'WSoA action leads',
      'Priority 1 – Joint commissioning',
      'Priority 2 – Co-production',
    ]);
    expect(channels.every((c) => c.membershipType === 'standard' && c.id.endsWith('@thread.tacv2'))).toBe(
      true,
    );
  });

  it('posts a message with a mention and an Adaptive Card, shown newest first', async () => {
    const first = await lead.post(messagesOf(leadsChannel), { body: { content: 'First, plain text' } });
    expect(first.status).toBe(201);
    const posted = await lead.post(messagesOf(leadsChannel), reminder());
    expect(posted.status).toBe(201);
    const message = messageSchema.parse(posted.json);
    expect(message.from.user).toMatchObject({
      id: leadPerson?.id,
      displayName: 'Hannah Whitfield',
      userIdentityType: 'aadUser',
    });
    expect(message.mentions).toEqual([
      expect.objectContaining({
        id: 0,
        mentionText: 'Hannah Whitfield',
        mentioned: expect.objectContaining({ user: expect.objectContaining({ id: leadPerson?.id }) }),
      }),
    ]);
    expect(JSON.parse(message.attachments[0]?.content ?? '')).toEqual(card);

    const listed = pageSchema(messageSchema).parse((await lead.get(messagesOf(leadsChannel))).json).value;
    expect(listed.map((m) => m.id)).toEqual([message.id, messageSchema.parse(first.json).id]);
  });

  it('pages messages with $top and nextLink', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await lead.post(messagesOf(boardChannel), { body: { content: `m${i}` } })).status).toBe(201);
    const seen: string[] = [];
    let url: string | undefined = `${messagesOf(boardChannel)}?$top=2`;
    while (url) {
      const page = pageSchema(messageSchema).parse((await lead.get(url)).json);
      expect(page.value.length).toBeLessThanOrEqual(2);
      seen.push(...page.value.map((m) => m.body.content));
      url = page['@odata.nextLink'];
    }
    expect(seen).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('rejects inconsistent messages with specific 400s and stores none of them', async () => {
    const before = pageSchema(messageSchema).parse(
      (await lead.get(`${messagesOf(leadsChannel)}?$top=50`)).json,
    ).value.length;
    const base = reminder();
    const bad: [unknown, string | RegExp][] = [
      [{ ...base, mentions: [] }, 'no mention with id 0'],
      [
        { ...base, body: { contentType: 'html', content: 'no tags <attachment id="card-1"></attachment>' } },
        'not referenced in the body by <at id="0">',
      ],
      [
        { ...base, body: { contentType: 'html', content: '<at id="0">Hannah</at> missing the card' } },
        'must be referenced in the body by <attachment',
      ],
      [{ ...base, body: { contentType: 'text', content: base.body.content } }, "must be 'html'"],
      [
        { ...base, attachments: [{ ...base.attachments[0], content: '{"type":"MessageCard"}' }] },
        '"type" must be "AdaptiveCard"',
      ],
      [
        { ...base, attachments: [{ ...base.attachments[0], content: 'not json' }] },
        'JSON string of an AdaptiveCard',
      ],
      [
        { ...base, mentions: [{ ...base.mentions[0], mentioned: { user: { id: 'nobody' } } }] },
        'not in the directory',
      ],
      [{ subject: 'no body' }, "needs a 'body'"],
    ];
    for (const [payload, message] of bad)
      expectError(await lead.post(messagesOf(leadsChannel), payload), 400, 'BadRequest', message);
    const after = pageSchema(messageSchema).parse(
      (await lead.get(`${messagesOf(leadsChannel)}?$top=50`)).json,
    ).value.length;
    expect(after).toBe(before);
  });

  it('lets visitors read but not post, and refuses app-only posts like Graph', async () => {
    const chair = new TestClient(graph, 'chair');
    expect((await chair.get(messagesOf(leadsChannel))).status).toBe(200);
    expectError(
      await chair.post(messagesOf(leadsChannel), { body: { content: 'hello' } }),
      403,
      'accessDenied',
    );
    expectError(
      await new TestClient(graph, 'app').post(messagesOf(leadsChannel), { body: { content: 'hello' } }),
      401,
      'Unauthorized',
      'application-only context only for import purposes',
    );
    expectError(
      await lead.get(`/teams/${team}/channels/${encodeURIComponent('19:nope@thread.tacv2')}/messages`),
      404,
      'NotFound',
    );
  });
});

describe('incoming webhooks', () => {
  const webhookList = z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      teamId: z.string(),
      channelId: z.string(),
      channelName: z.string(),
    }),
  );
  const hooks = async () => webhookList.parse(await (await fetch(`${graph.origin}/_admin/webhooks`)).json());
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const payload = {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };

  it('has one seeded webhook per channel and can create more', async () => {
    const seeded = await hooks();
    expect(seeded).toHaveLength(DEMO_TENANT.channels.length);
    expect(new Set(seeded.map((h) => h.channelId))).toEqual(new Set(DEMO_TENANT.channels.map((c) => c.id)));
    const created = await fetch(`${graph.origin}/_admin/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ teamId: team, channelId: boardChannel }),
    });
    expect(created.status).toBe(201);
    expect((await hooks()).length).toBe(seeded.length + 1);
    const unknownChannel = await fetch(`${graph.origin}/_admin/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ teamId: team, channelId: '19:x@thread.tacv2' }),
    });
    expect(unknownChannel.status).toBe(404);
  });

  it('accepts a card with 202 and shows it as a Workflows message in the channel', async () => {
    const hook = (await hooks()).find((h) => h.channelName === 'Priority 1 – Joint commissioning');
    const res = await post(hook?.url ?? '', payload);
    expect(res.status).toBe(202);
    const messages = pageSchema(messageSchema).parse(
      (await lead.get(messagesOf(hook?.channelId ?? ''))).json,
    ).value;
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.from).toMatchObject({ user: null, application: { displayName: 'Workflows' } });
    expect(message?.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(message?.attachments[0]?.content ?? '')).toEqual(card);
    expect(message?.body.content).toBe(`<attachment id="${message?.attachments[0]?.id}"></attachment>`);
  });

  it('posts each attachment of a request as its own message, in order, as the Workflows template does', async () => {
    const hook = (await hooks()).find((h) => h.channelName === 'WSoA action leads');
    const before = pageSchema(messageSchema).parse(
      (await lead.get(`${messagesOf(hook?.channelId ?? '')}?$top=50`)).json,
    ).value;
    const cards = [1, 2, 3].map((n) => ({
      ...card,
      body: [{ type: 'TextBlock', text: `Card ${n} of 3`, wrap: true }],
    }));
    const res = await post(hook?.url ?? '', {
      type: 'message',
      attachments: cards.map((content) => ({ ...payload.attachments[0], content })),
    });
    expect(res.status).toBe(202);
    const after = pageSchema(messageSchema).parse(
      (await lead.get(`${messagesOf(hook?.channelId ?? '')}?$top=50`)).json,
    ).value;
    // Newest first: the third card is the newest message.
    const added = after.slice(0, after.length - before.length).reverse();
    expect(added.map((m) => m.attachments.map((a) => JSON.parse(a.content ?? '')))).toEqual(
      cards.map((c) => [c]),
    );
    for (const m of added) {
      expect(m.from).toMatchObject({ user: null, application: { displayName: 'Workflows' } });
      expect(m.body.content).toBe(`<attachment id="${m.attachments[0]?.id}"></attachment>`);
    }
  });

  it('refuses a request with one bad card among good ones with a 400 naming it, and stores none of them', async () => {
    const hook = (await hooks()).find((h) => h.channelName === 'General');
    const count = async () =>
      pageSchema(messageSchema).parse((await lead.get(`${messagesOf(hook?.channelId ?? '')}?$top=50`)).json)
        .value.length;
    const before = await count();
    const good = payload.attachments[0];
    const res = await post(hook?.url ?? '', {
      type: 'message',
      attachments: [good, { ...good, content: { type: 'AdaptiveCard' } }, good],
    });
    expect(res.status).toBe(400);
    expect(errorSchema.parse(await res.json()).error.message).toMatch(/attachments\[1\].*version/);
    expect(await count()).toBe(before);
  });

  it('rejects bad payloads with specific 400s and unknown URLs with 404', async () => {
    const general = DEMO_TENANT.channels[0]?.id ?? '';
    // A fresh URL per case keeps these requests under the 4-per-second limit of one URL.
    const newHookUrl = async () => {
      const res = await fetch(`${graph.origin}/_admin/webhooks`, {
        method: 'POST',
        body: JSON.stringify({ teamId: team, channelId: general }),
      });
      return z.object({ url: z.string() }).parse(await res.json()).url;
    };
    const cases: [unknown, string][] = [
      [{ ...payload, type: 'note' }, 'type must be "message"'],
      [{ type: 'message', attachments: [] }, 'at least one card attachment'],
      [
        { type: 'message', attachments: [{ ...payload.attachments[0], contentType: 'text/plain' }] },
        'contentType must be',
      ],
      [
        { type: 'message', attachments: [{ ...payload.attachments[0], content: JSON.stringify(card) }] },
        'AdaptiveCard JSON object',
      ],
      [
        { type: 'message', attachments: [{ ...payload.attachments[0], content: { type: 'AdaptiveCard' } }] },
        'version',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await post(await newHookUrl(), body);
      expect(res.status).toBe(400);
      expect(errorSchema.parse(await res.json()).error.message).toContain(message);
    }
    expect((await post(`${graph.origin}/webhooks/not-a-webhook`, payload)).status).toBe(404);
    const messages = pageSchema(messageSchema).parse((await lead.get(messagesOf(general))).json).value;
    expect(messages).toEqual([]);
  });

  it('allows 4 requests per second per webhook URL and answers the 5th with 429 and Retry-After: 1', async () => {
    const hook = (await hooks()).find((h) => h.channelName === 'Priority 2 – Co-production');
    const results = await Promise.all(Array.from({ length: 5 }, () => post(hook?.url ?? '', payload)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    expect(results.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    const messages = pageSchema(messageSchema).parse(
      (await lead.get(messagesOf(hook?.channelId ?? ''))).json,
    ).value;
    expect(messages).toHaveLength(4);
  });

  it('is subject to fault injection too', async () => {
    const hook = (await hooks()).find((h) => h.channelName === 'SEND Improvement Board');
    graph.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 5 });
    const res = await post(hook?.url ?? '', payload);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});
