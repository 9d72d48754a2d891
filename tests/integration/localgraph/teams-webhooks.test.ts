import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  TestClient,
  errorSchema,
  eventually,
  expectError,
  local,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

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

// Teams Workflows webhooks ("Post to a channel when a webhook request is received") answer 202
// as soon as the request is accepted; the flow runs afterwards, and what it fails on is seen
// only in the flow's run history: a body without attachments
// (https://github.com/MicrosoftDocs/msteams-docs/issues/11302: the request succeeds, then
// "Action 'Send_each_adaptive_card' failed ... is of type 'Null'"), a card that is not an
// Adaptive Card (https://github.com/lindegroup/autopkgr/issues/729, "Flow run failed ...
// Property 'type' must be 'AdaptiveCard'"), a private channel ("Workflows app can't post in
// private channels as a flow bot",
// https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using),
// a card over about 28 KB ("the action fails with the error: Request Entity too large",
// https://learn.microsoft.com/en-us/connectors/teams/).
describe('incoming webhooks', () => {
  const webhookList = z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      url: z.string(),
      teamId: z.string(),
      channelId: z.string(),
      channelName: z.string(),
    }),
  );
  const failureList = z.array(
    z.object({
      id: z.number(),
      webhookRef: z.string(),
      teamId: z.string(),
      channelId: z.string(),
      channelName: z.string(),
      time: z.string(),
      attachment: z.number().nullable(),
      reason: z.string(),
    }),
  );
  const runsSchema = z.object({ pending: z.number(), completed: z.number(), failed: z.number() });
  const hooks = async () => webhookList.parse((await local(graph, 'GET', '/_admin/webhooks')).json);
  /** A new webhook for a channel, so each test's requests count against a URL of their own (4 a second). */
  const hookFor = async (channelName: string) => {
    const channel = DEMO_TENANT.channels.find((c) => c.displayName === channelName);
    const created = await local(graph, 'POST', '/_admin/webhooks', { teamId: team, channelId: channel?.id });
    expect(created.status).toBe(201);
    const id = z.object({ id: z.string() }).parse(created.json).id;
    const hook = (await hooks()).find((h) => h.id === id);
    if (!hook) throw new Error(`no webhook for ${channelName}`);
    return hook;
  };
  const failures = async () =>
    failureList.parse((await local(graph, 'GET', '/_admin/webhooks/failures')).json);
  const runs = async () => runsSchema.parse((await local(graph, 'GET', '/_admin/webhooks/runs')).json);
  /** Waits until every accepted request's flow has finished, and `count` more have completed since `from`. */
  const flowsDone = async (from: number, count: number) =>
    eventually(async () => {
      const r = await runs();
      return r.pending === 0 && r.completed >= from + count ? r : undefined;
    });
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const channelMessages = async (channelId: string) =>
    pageSchema(messageSchema).parse((await lead.get(`${messagesOf(channelId)}?$top=50`)).json).value;
  const attachmentOf = (content: unknown) => ({
    contentType: 'application/vnd.microsoft.card.adaptive',
    contentUrl: null,
    content,
  });
  const payload = { type: 'message', attachments: [attachmentOf(card)] };

  afterEach(async () => {
    await local(graph, 'PUT', '/_admin/workflows', { connectorPostsPerMinute: null });
    await local(graph, 'DELETE', '/_admin/webhooks/failures');
  });

  it('has one seeded webhook per channel, named by a reference that is not its secret, and can create more', async () => {
    const seeded = await hooks();
    expect(seeded).toHaveLength(DEMO_TENANT.channels.length);
    expect(new Set(seeded.map((h) => h.channelId))).toEqual(new Set(DEMO_TENANT.channels.map((c) => c.id)));
    for (const h of seeded) {
      expect(h.url).toContain(h.id);
      expect(h.id).not.toContain(h.ref);
    }
    const created = await local(graph, 'POST', '/_admin/webhooks', { teamId: team, channelId: boardChannel });
    expect(created.status).toBe(201);
    expect((await hooks()).length).toBe(seeded.length + 1);
    const unknownChannel = await local(graph, 'POST', '/_admin/webhooks', {
      teamId: team,
      channelId: '19:x@thread.tacv2',
    });
    expect(unknownChannel.status).toBe(404);
  });

  it('accepts a card with 202, then the flow shows it as a Workflows message in the channel', async () => {
    const hook = await hookFor('Priority 1 – Joint commissioning');
    const { completed } = await runs();
    const res = await post(hook.url, payload);
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    await flowsDone(completed, 1);
    const messages = await channelMessages(hook.channelId);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.from).toMatchObject({ user: null, application: { displayName: 'Workflows' } });
    expect(message?.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(message?.attachments[0]?.content ?? '')).toEqual(card);
    expect(message?.body.content).toBe(`<attachment id="${message?.attachments[0]?.id}"></attachment>`);
    expect(await failures()).toEqual([]);
  });

  it('posts each attachment of a request as its own message, in order, as the Workflows template does', async () => {
    const hook = await hookFor('WSoA action leads');
    const before = await channelMessages(hook.channelId);
    const cards = [1, 2, 3].map((n) => ({
      ...card,
      body: [{ type: 'TextBlock', text: `Card ${n} of 3`, wrap: true }],
    }));
    const { completed } = await runs();
    const res = await post(hook.url, { type: 'message', attachments: cards.map(attachmentOf) });
    expect(res.status).toBe(202);
    await flowsDone(completed, 1);
    const after = await channelMessages(hook.channelId);
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

  it('answers 202 to a request with a bad card among good ones; the flow posts the good ones and records the bad one', async () => {
    const hook = await hookFor('General');
    const before = (await channelMessages(hook.channelId)).length;
    const good = attachmentOf(card);
    const { completed } = await runs();
    const res = await post(hook.url, {
      type: 'message',
      attachments: [
        good,
        attachmentOf({ type: 'MessageCard' }),
        good,
        attachmentOf({ type: 'AdaptiveCard' }),
      ],
    });
    expect(res.status).toBe(202);
    await flowsDone(completed, 1);
    expect((await channelMessages(hook.channelId)).length).toBe(before + 2);
    const recorded = await failures();
    expect(recorded.map((f) => [f.channelId, f.webhookRef, f.attachment])).toEqual([
      [hook.channelId, hook.ref, 1],
      [hook.channelId, hook.ref, 3],
    ]);
    expect(recorded[0]?.reason).toContain("Property 'type' must be 'AdaptiveCard'");
    expect(recorded[1]?.reason).toContain('version');
    expect(recorded[0]).toMatchObject({ teamId: team, channelName: 'General' });
    expect(Date.parse(recorded[0]?.time ?? '')).not.toBeNaN();
    // No URL or webhook secret is ever listed.
    const listed = JSON.stringify(recorded);
    expect(listed).not.toContain(hook.id);
    expect(listed).not.toContain('/webhooks/');
  });

  it('accepts a body that is not a message with 202, and records the flow’s failure', async () => {
    const hook = await hookFor('General');
    const { completed } = await runs();
    for (const body of [
      { text: 'Hello World!' },
      [1, 2],
      'just a string',
      { type: 'message', attachments: 'no' },
    ]) {
      expect((await post(hook.url, JSON.stringify(body))).status).toBe(202);
    }
    await flowsDone(completed, 4);
    const recorded = await failures();
    expect(recorded).toHaveLength(4);
    for (const f of recorded) {
      expect(f.attachment).toBeNull();
      expect(f.reason).toContain("'Send_each_adaptive_card'");
    }
  });

  it('refuses what is not JSON with 400 at once, and unknown URLs with 404', async () => {
    const general = DEMO_TENANT.channels[0]?.id ?? '';
    // A fresh URL per case keeps these requests under the 4-per-second limit of one URL.
    const newHookUrl = async () =>
      z
        .object({ url: z.string() })
        .parse((await local(graph, 'POST', '/_admin/webhooks', { teamId: team, channelId: general })).json)
        .url;
    const before = (await channelMessages(general)).length;
    for (const body of ['{not json', '', '{"__proto__": {"x": 1}, "attachments": []}']) {
      const res = await post(await newHookUrl(), body);
      expect(res.status, body).toBe(400);
      expect(errorSchema.parse(await res.json()).error.code).toBe('BadRequest');
    }
    expect((await post(`${graph.origin}/webhooks/not-a-webhook`, payload)).status).toBe(404);
    expect(await runs()).toMatchObject({ pending: 0 });
    expect((await channelMessages(general)).length).toBe(before);
    expect(await failures()).toEqual([]);
  });

  it('accepts a post to a private channel with 202; the flow cannot post there and records why', async () => {
    const hook = await hookFor('Priority 2 – Co-production');
    const marked = await local(graph, 'PATCH', `/_admin/channels/${encodeURIComponent(hook.channelId)}`, {
      membershipType: 'private',
    });
    expect(marked.status).toBe(200);
    try {
      const channel = await lead.get(`/teams/${team}/channels/${encodeURIComponent(hook.channelId)}`);
      expect(channel.json).toMatchObject({ membershipType: 'private' });
      const before = (await channelMessages(hook.channelId)).length;
      const { completed } = await runs();
      const res = await post(hook.url, {
        type: 'message',
        attachments: [attachmentOf(card), attachmentOf(card)],
      });
      expect(res.status).toBe(202);
      await flowsDone(completed, 1);
      expect((await channelMessages(hook.channelId)).length).toBe(before);
      const recorded = await failures();
      expect(recorded.map((f) => [f.channelId, f.attachment])).toEqual([
        [hook.channelId, 0],
        [hook.channelId, 1],
      ]);
      expect(recorded[0]?.reason).toContain('private channel');
    } finally {
      await local(graph, 'PATCH', `/_admin/channels/${encodeURIComponent(hook.channelId)}`, {
        membershipType: 'standard',
      });
    }
  });

  it('records a card over 28 KB as failed, after answering 202', async () => {
    const hook = await hookFor('SEND Improvement Board');
    const big = { ...card, body: [{ type: 'TextBlock', text: 'x'.repeat(29 * 1024), wrap: true }] };
    const justUnder = { ...card, body: [{ type: 'TextBlock', text: 'y'.repeat(27 * 1024), wrap: true }] };
    const { completed } = await runs();
    expect(
      (await post(hook.url, { type: 'message', attachments: [attachmentOf(big), attachmentOf(justUnder)] }))
        .status,
    ).toBe(202);
    await flowsDone(completed, 1);
    const recorded = await failures();
    expect(recorded.map((f) => f.attachment)).toEqual([0]);
    expect(recorded[0]?.reason).toContain('Request Entity too large');
    const newest = (await channelMessages(hook.channelId))[0];
    expect(JSON.parse(newest?.attachments[0]?.content ?? '')).toEqual(justUnder);
  });

  it('records cards the Teams connector throttles once the flow’s retries run out', async () => {
    const hook = await hookFor('WSoA action leads');
    const set = await local(graph, 'PUT', '/_admin/workflows', { connectorPostsPerMinute: 2 });
    expect(set.json).toEqual({ connectorPostsPerMinute: 2 });
    const before = (await channelMessages(hook.channelId)).length;
    const { completed } = await runs();
    const res = await post(hook.url, {
      type: 'message',
      attachments: [1, 2, 3].map(() => attachmentOf(card)),
    });
    expect(res.status).toBe(202);
    await flowsDone(completed, 1);
    expect((await channelMessages(hook.channelId)).length).toBe(before + 2);
    const recorded = await failures();
    expect(recorded.map((f) => f.attachment)).toEqual([2]);
    expect(recorded[0]?.reason).toContain('Too Many Requests');
    expect((await local(graph, 'PUT', '/_admin/workflows', { connectorPostsPerMinute: -1 })).status).toBe(
      400,
    );
  });

  it('allows 4 requests per second per webhook URL and answers the 5th with 429 and Retry-After: 1', async () => {
    const hook = await hookFor('Priority 2 – Co-production');
    const before = (await channelMessages(hook.channelId)).length;
    const { completed } = await runs();
    const results = await Promise.all(Array.from({ length: 5 }, () => post(hook.url, payload)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    expect(results.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
    await flowsDone(completed, 4);
    expect((await channelMessages(hook.channelId)).length).toBe(before + 4);
  });

  it('is subject to fault injection too', async () => {
    const hook = await hookFor('SEND Improvement Board');
    graph.setFaults({ rate: 1, statuses: [503], retryAfterSeconds: 5 });
    const res = await post(hook.url, payload);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});
