import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  batch,
  createList,
  errorSchema,
  expectError,
  itemSchema,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

let graph: LocalGraph;
let officer: TestClient;
let listId: string;
let items: string;

beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
  listId = await createList(officer, 'Delta', [{ name: 'Ref', text: {}, indexed: true }]);
  items = `${ROOT}/lists/${listId}/items`;
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const deltaEntry = z.union([
  z.object({ id: z.string(), deleted: z.object({ state: z.literal('deleted') }) }).loose(),
  itemSchema,
]);

async function readDelta(url: string) {
  const entries: z.infer<typeof deltaEntry>[] = [];
  let next = url;
  for (;;) {
    const reply = await officer.get(next);
    expect(reply.status).toBe(200);
    const page = pageSchema(deltaEntry).parse(reply.json);
    entries.push(...page.value);
    if (page['@odata.deltaLink']) return { entries, deltaLink: page['@odata.deltaLink'] };
    const nextLink = page['@odata.nextLink'];
    if (nextLink === undefined) throw new Error('a delta page had neither a nextLink nor a deltaLink');
    next = nextLink;
  }
}

describe('delta', () => {
  it('enumerates the list, then returns only what changed, including deletions', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(itemSchema.parse((await officer.post(items, { fields: { Ref: `R${i}` } })).json).id);
    }
    const initial = await readDelta(`${officer.url(items)}/delta?$top=3&expand=fields(select=Ref)`);
    expect(initial.entries.map((e) => e.id)).toEqual(ids);
    expect(initial.entries[0]).toMatchObject({ fields: { Ref: 'R0' } });
    expect(initial.deltaLink).toMatch(/\/items\/delta\?.*token=/);

    const quiet = await readDelta(initial.deltaLink);
    expect(quiet.entries).toEqual([]);

    const [first, second, third] = ids;
    await officer.patch(`${items}/${first}/fields`, { Ref: 'R0-changed' });
    await officer.patch(`${items}/${first}/fields`, { Ref: 'R0-changed-again' });
    await officer.delete(`${items}/${second}`);
    const added = itemSchema.parse((await officer.post(items, { fields: { Ref: 'new' } })).json).id;
    const createdThenDeleted = itemSchema.parse(
      (await officer.post(items, { fields: { Ref: 'gone' } })).json,
    ).id;
    await officer.delete(`${items}/${createdThenDeleted}`);

    const changes = await readDelta(quiet.deltaLink);
    expect(changes.entries.map((e) => e.id)).toEqual([first, second, added, createdThenDeleted]);
    expect(changes.entries[0]).toMatchObject({ fields: { Ref: 'R0-changed-again' } });
    expect(changes.entries[1]).toMatchObject({ id: second, deleted: { state: 'deleted' } });
    expect(changes.entries.some((e) => e.id === third)).toBe(false);

    const afterwards = await readDelta(changes.deltaLink);
    expect(afterwards.entries).toEqual([]);
  });

  it('answers token=latest with an empty page and a deltaLink for future changes', async () => {
    const latest = await readDelta(`${officer.url(items)}/delta?token=latest`);
    expect(latest.entries).toEqual([]);
    const id = itemSchema.parse((await officer.post(items, { fields: { Ref: 'after-latest' } })).json).id;
    expect((await readDelta(latest.deltaLink)).entries.map((e) => e.id)).toEqual([id]);
    expectError(await officer.get(`${items}/delta?token=garbage`), 400, 'resyncRequired');
  });
});

describe('$batch', () => {
  const create = (id: string, ref: string) => ({
    id,
    method: 'POST',
    url: `${ROOT}/lists/${listId}/items`,
    headers: { 'Content-Type': 'application/json' },
    body: { fields: { Ref: ref } },
  });

  it('runs 20 requests, with or without a leading slash, each judged on its own', async () => {
    const requests: unknown[] = Array.from({ length: 18 }, (_, i) => create(String(i + 1), `batch-${i}`));
    requests.push({ id: '19', method: 'GET', url: `sites/root/lists/${listId}/items/987654` });
    requests.push({ id: '20', method: 'GET', url: 'me' });
    const result = await batch(officer, requests);
    const byId = new Map(result.responses.map((r) => [r.id, r]));
    expect(result.responses).toHaveLength(20);
    for (let i = 1; i <= 18; i += 1) expect(byId.get(String(i))?.status).toBe(201);
    expect(byId.get('1')?.headers['Content-Type']).toContain('application/json');
    expect(byId.get('1')?.headers.ETag).toMatch(/,1"$/);
    expect(byId.get('19')?.status).toBe(404);
    expect(errorSchema.parse(byId.get('19')?.body).error.code).toBe('itemNotFound');
    expect(byId.get('20')?.body).toMatchObject({ displayName: 'Priya Shah' });
  });

  it('refuses more than 20 requests, duplicate ids and malformed payloads with 400', async () => {
    const tooMany = await officer.post('/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => create(String(i), 'x')),
    });
    expectError(tooMany, 400, 'BadRequest', 'exceeds the limit of 20');
    expectError(
      await officer.post('/$batch', { requests: [create('a', 'x'), create('A', 'y')] }),
      400,
      'BadRequest',
      'duplicate request id',
    );
    expectError(
      await officer.post('/$batch', { requests: [{ id: '1', url: '/me' }] }),
      400,
      'BadRequest',
      'method',
    );
    expectError(await officer.post('/$batch', { nope: [] }), 400, 'BadRequest', "'requests' array");
    expectError(
      await officer.post('/$batch', {
        requests: [{ id: '1', method: 'POST', url: `${ROOT}/lists/${listId}/items`, body: { fields: {} } }],
      }),
      400,
      'BadRequest',
      'Content-Type',
    );
    expectError(
      await officer.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }] }),
      400,
      'BadRequest',
      'unknown request',
    );
    const refs = pageSchema(itemSchema).parse(
      (await officer.get(`${items}?expand=fields&$filter=${encodeURIComponent("fields/Ref eq 'x'")}`)).json,
    );
    expect(refs.value).toEqual([]);
  });

  it('runs a serial chain in order and fails the dependents of a failed request with 424', async () => {
    const result = await batch(officer, [
      create('1', 'first'),
      { ...create('2', 'second'), dependsOn: ['1'] },
      {
        id: '3',
        method: 'PATCH',
        url: `${ROOT}/lists/${listId}/items/999999/fields`,
        headers: { 'Content-Type': 'application/json' },
        body: { Ref: 'z' },
        dependsOn: ['2'],
      },
      { ...create('4', 'never'), dependsOn: ['3'] },
    ]);
    const status = Object.fromEntries(result.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 201, '2': 201, '3': 404, '4': 424 });
    const first = itemSchema.parse(result.responses.find((r) => r.id === '1')?.body);
    const second = itemSchema.parse(result.responses.find((r) => r.id === '2')?.body);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    const never = pageSchema(itemSchema).parse(
      (await officer.get(`${items}?$filter=${encodeURIComponent("fields/Ref eq 'never'")}`)).json,
    );
    expect(never.value).toEqual([]);
  });

  // Graph runs three dependsOn shapes only: all parallel, all serial, or all depending on the
  // same request. Sources: the Graph SDK's BatchRequestContent.validateDependencies, citing
  // https://developer.microsoft.com/en-us/graph/docs/concepts/known_issues#json-batching
  // ("requests can only depend on a single other request, and must follow one of these three
  // patterns"); https://github.com/microsoftgraph/microsoft-graph-docs/issues/16280 (a mixed
  // shape gets "400 Bad Request: Batch should be either fully sequential or fully parallel").
  it('runs the fan-out shape: every other request depends on the first', async () => {
    const result = await batch(officer, [
      create('root', 'fan-root'),
      { ...create('a', 'fan-a'), dependsOn: ['root'] },
      { ...create('b', 'fan-b'), dependsOn: ['ROOT'] },
    ]);
    expect(result.responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const failed = await batch(officer, [
      { id: 'root', method: 'GET', url: `${ROOT}/lists/${listId}/items/999999` },
      { ...create('a', 'fan-never'), dependsOn: ['root'] },
      { ...create('b', 'fan-never'), dependsOn: ['root'] },
    ]);
    expect(failed.responses.map((r) => r.status)).toEqual([404, 424, 424]);
  });

  it('refuses every other dependsOn shape with 400 for the whole batch, running nothing', async () => {
    const shapes: [string, unknown[]][] = [
      // The old documentation example: 1 and 3 first, then 2, then 4 (docs issue #16280).
      [
        'mixed independent and chained',
        [
          create('1', 'shape-x'),
          { ...create('2', 'shape-x'), dependsOn: ['1'] },
          create('3', 'shape-x'),
          { ...create('4', 'shape-x'), dependsOn: ['2'] },
        ],
      ],
      [
        'a request depending on two',
        [
          create('1', 'shape-x'),
          create('2', 'shape-x'),
          { ...create('3', 'shape-x'), dependsOn: ['1', '2'] },
        ],
      ],
      [
        'a dependency that comes later (msgraph-sdk-dotnet-core#891)',
        [{ ...create('2', 'shape-x'), dependsOn: ['1'] }, create('1', 'shape-x')],
      ],
      [
        'a chain with a branch',
        [
          create('1', 'shape-x'),
          { ...create('2', 'shape-x'), dependsOn: ['1'] },
          { ...create('3', 'shape-x'), dependsOn: ['1'] },
          { ...create('4', 'shape-x'), dependsOn: ['3'] },
        ],
      ],
      [
        'some requests depending on the first, one independent',
        [create('1', 'shape-x'), { ...create('2', 'shape-x'), dependsOn: ['1'] }, create('3', 'shape-x')],
      ],
    ];
    for (const [what, requests] of shapes) {
      const reply = await officer.post('/$batch', { requests });
      expect(reply.status, what).toBe(400);
      expect(errorSchema.parse(reply.json).error.message, what).toMatch(
        /^Batch should be either fully sequential or fully parallel/,
      );
    }
    expectError(
      await officer.post('/$batch', { requests: [{ ...create('1', 'shape-x'), dependsOn: ['1'] }] }),
      400,
      'BadRequest',
      'depends on itself',
    );
    const written = pageSchema(itemSchema).parse(
      (await officer.get(`${items}?$filter=${encodeURIComponent("fields/Ref eq 'shape-x'")}`)).json,
    );
    expect(written.value).toEqual([]);
  });

  it('keeps inner URLs under /v1.0: no nested $batch, no way out to /_local or /_admin', async () => {
    const attempts = [
      '/./$batch',
      '/%24batch',
      '/sites/../$batch',
      '/../_local/token',
      '/..%2F_local/people',
      '/%2e%2e/_admin/webhooks',
      '\\..\\_admin\\faults',
      'https://example.com/v1.0/me',
      'javascript:alert(1)',
    ];
    const result = await batch(
      officer,
      attempts.map((url, i) => ({ id: String(i), method: 'GET', url })),
    );
    for (const r of result.responses) {
      expect(r.status, attempts[Number(r.id)]).toBe(400);
      expect(errorSchema.parse(r.body).error.code).toBe('BadRequest');
    }
    // The same request normalised inside /v1.0 is served.
    const inside = await batch(officer, [{ id: '1', method: 'GET', url: '/sites/./root/../root' }]);
    expect(inside.responses[0]?.status).toBe(200);
  });

  it('answers malformed inner headers and GETs with a body with 400 for that request, never 500', async () => {
    const result = await batch(officer, [
      { id: '1', method: 'GET', url: '/me', headers: { 'bad header': 'x' } },
      { id: '2', method: 'GET', url: '/me', headers: { 'x-test': 'line\r\nbreak' } },
      { id: '3', method: 'GET', url: '/me', headers: { 'Content-Type': 'application/json' }, body: { a: 1 } },
      { id: '4', method: 'GET', url: '/me' },
    ]);
    const status = Object.fromEntries(result.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 400, '2': 400, '3': 400, '4': 200 });
  });

  it('applies the caller’s permissions to every inner request', async () => {
    const chair = new TestClient(graph, 'chair');
    const result = await batch(chair, [
      create('1', 'chair-write'),
      { id: '2', method: 'GET', url: `${ROOT}/lists/${listId}` },
    ]);
    expect(result.responses.find((r) => r.id === '1')?.status).toBe(403);
    expect(result.responses.find((r) => r.id === '2')?.status).toBe(200);
    const anonymous = await new TestClient(graph, null).post('/$batch', {
      requests: [{ id: '1', method: 'GET', url: '/me' }],
    });
    expectError(anonymous, 401, 'InvalidAuthenticationToken');
  });
});
