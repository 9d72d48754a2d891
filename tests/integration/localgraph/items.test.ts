import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PEOPLE, DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createList,
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
  listId = await createList(officer, 'Actions', [
    { name: 'Reference', text: { maxLength: 10 }, indexed: true, required: true },
    { name: 'Rating', choice: { choices: ['Blue', 'Green', 'Amber', 'Red', 'Purple'] }, indexed: true },
    { name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'Updated', dateTime: { format: 'dateTime' } },
    { name: 'Score', number: { minimum: 0, maximum: 25 }, indexed: true },
    { name: 'Escalated', boolean: {}, indexed: true },
    { name: 'Notes', text: { allowMultipleLines: true } },
  ]);
  items = `${ROOT}/lists/${listId}/items`;
});
afterAll(async () => {
  await stopAndRemove(graph);
});

async function create(fields: Record<string, unknown>, client = officer) {
  const reply = await client.post(items, { fields });
  expect(reply.status).toBe(201);
  return itemSchema.parse(reply.json);
}

describe('list items', () => {
  it('creates an item with typed values, Graph’s eTag form and author', async () => {
    const item = await create({
      Title: 'Publish the joint commissioning strategy',
      Reference: '1.1',
      Rating: 'Amber',
      Due: '2025-03-31',
      Updated: '2025-01-02T10:11:12.345+01:00',
      Score: 12,
      Escalated: false,
    });
    expect(item.id).toMatch(/^\d+$/);
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item['@odata.etag']).toBe(item.eTag);
    expect(item.fields).toMatchObject({
      '@odata.etag': item.eTag,
      id: item.id,
      Title: 'Publish the joint commissioning strategy',
      Reference: '1.1',
      Rating: 'Amber',
      // A date-only value is midnight in the site's zone (London, in BST on 31 March 2025) as a UTC instant.
      Due: '2025-03-30T23:00:00Z',
      Updated: '2025-01-02T09:11:12Z',
      Score: 12,
      Escalated: false,
      ContentType: 'Item',
    });
    const officerPerson = DEMO_PEOPLE.find((p) => p.alias === 'officer');
    expect(item).toMatchObject({
      createdBy: {
        user: { id: officerPerson?.id, displayName: 'Priya Shah', email: officerPerson?.userPrincipalName },
      },
      parentReference: { id: listId, siteId: DEMO_TENANT.rootSite.id },
      contentType: { name: 'Item' },
    });
  });

  it('gives ids that increment per list', async () => {
    const a = await create({ Reference: 'A' });
    const b = await create({ Reference: 'B' });
    expect(Number(b.id)).toBe(Number(a.id) + 1);
  });

  it('reads an item without fields unless expanded, with both expand spellings and $select', async () => {
    const item = await create({ Title: 'Read me', Reference: '2.1', Rating: 'Green', Score: 3 });
    const plain = itemSchema.parse((await officer.get(`${items}/${item.id}`)).json);
    expect(plain.fields).toBeUndefined();
    for (const query of ['expand=fields(select=Rating,Score)', '$expand=fields($select=Rating,Score)']) {
      const reply = await officer.get(`${items}/${item.id}?${query}`);
      expect(reply.headers.get('etag')).toBe(item.eTag);
      expect(itemSchema.parse(reply.json).fields).toEqual({
        '@odata.etag': item.eTag,
        id: item.id,
        Rating: 'Green',
        Score: 3,
      });
    }
    const full = itemSchema.parse((await officer.get(`${items}/${item.id}?expand=fields`)).json);
    expect(full.fields).toMatchObject({
      Title: 'Read me',
      Reference: '2.1',
      Created: expect.stringMatching(/Z$/),
      Modified: expect.stringMatching(/Z$/),
    });
    const selected = await officer.get(
      `${items}/${item.id}?$select=id,webUrl&$expand=fields($select=Reference)`,
    );
    expect(selected.json).toEqual({
      '@odata.context': expect.any(String),
      '@odata.etag': item.eTag,
      id: item.id,
      webUrl: expect.stringContaining(`ID=${item.id}`),
      fields: { '@odata.etag': item.eTag, id: item.id, Reference: '2.1' },
    });
    expectError(await officer.get(`${items}/999999`), 404, 'itemNotFound');
  });

  it('patches fields, bumping the version so the eTag changes', async () => {
    const item = await create({ Reference: '3.1', Rating: 'Red', Notes: 'x' });
    const patched = await officer.patch(
      `${items}/${item.id}/fields`,
      { Rating: 'Amber', Notes: null },
      { 'If-Match': item.eTag },
    );
    expect(patched.status).toBe(200);
    const newTag = patched.headers.get('etag');
    expect(newTag).toMatch(/,2"$/);
    expect(newTag).not.toBe(item.eTag);
    const fields = z.record(z.string(), z.unknown()).parse(patched.json);
    expect(fields).toMatchObject({ Rating: 'Amber', Reference: '3.1', '@odata.etag': newTag });
    expect(fields).not.toHaveProperty('Notes');
  });

  it('accepts If-Match with or without quotes, and *', async () => {
    const item = await create({ Reference: '3.2' });
    const bare = item.eTag.replace(/"/g, '');
    const first = await officer.patch(`${items}/${item.id}/fields`, { Score: 1 }, { 'If-Match': bare });
    expect(first.status).toBe(200);
    const second = await officer.patch(`${items}/${item.id}/fields`, { Score: 2 }, { 'If-Match': '*' });
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toMatch(/,3"$/);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const item = await create({ Reference: '3.3', Rating: 'Red' });
    await officer.patch(`${items}/${item.id}/fields`, { Rating: 'Amber' });
    const stale = await officer.patch(
      `${items}/${item.id}/fields`,
      { Rating: 'Blue' },
      { 'If-Match': item.eTag },
    );
    expectError(stale, 412, 'resourceModified', 'does not match');
    const staleDelete = await officer.delete(`${items}/${item.id}`, { 'If-Match': item.eTag });
    expectError(staleDelete, 412, 'resourceModified');
    const now = itemSchema.parse((await officer.get(`${items}/${item.id}?expand=fields`)).json);
    expect(now.fields?.Rating).toBe('Amber');
    expect(now.eTag).toMatch(/,2"$/);
  });

  it('deletes with 204, after which the item is gone', async () => {
    const item = await create({ Reference: '3.4' });
    const deleted = await officer.delete(`${items}/${item.id}`, { 'If-Match': item.eTag });
    expect(deleted.status).toBe(204);
    expectError(await officer.get(`${items}/${item.id}`), 404, 'itemNotFound');
    expectError(await officer.delete(`${items}/${item.id}`), 404, 'itemNotFound');
  });

  it('explains invalid field values with specific 400s and stores nothing', async () => {
    const before = pageSchema(itemSchema).parse((await officer.get(`${items}?$top=5000`)).json).value.length;
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ Reference: '9.1', Colour: 'red' }, "Field 'Colour' is not recognized"],
      [{ Reference: '9.1', Rating: 'Yellow' }, /not one of the choices of field 'Rating'/],
      [{ Reference: '9.1', Score: 'lots' }, /field 'Score': expected a number/],
      [{ Reference: '9.1', Score: 30 }, /above the maximum of 25/],
      [{ Reference: '9.1', Escalated: 'yes' }, /field 'Escalated': expected true or false/],
      [{ Reference: '9.1', Due: 'next week' }, /field 'Due': expected an ISO 8601 date/],
      [{ Reference: 'far too long for ten' }, /maximum is 10/],
      [{ Title: 'no reference' }, "Field 'Reference' is required."],
      [{ Reference: '9.1', Created: '2020-01-01' }, /Field 'Created' is read-only/],
    ];
    for (const [fields, message] of cases) {
      expectError(await officer.post(items, { fields }), 400, 'invalidRequest', message);
    }
    expectError(await officer.post(items, { Reference: '9.1' }), 400, 'invalidRequest', "'fields' object");
    const item = await create({ Reference: '9.2' });
    expectError(
      await officer.patch(`${items}/${item.id}/fields`, { Reference: null }),
      400,
      'invalidRequest',
      'required',
    );
    const after = pageSchema(itemSchema).parse((await officer.get(`${items}?$top=5000`)).json).value.length;
    expect(after).toBe(before + 1);
  });

  it('refuses a visitor’s writes with 403 and leaves the data unchanged', async () => {
    const chair = new TestClient(graph, 'chair');
    const item = await create({ Reference: '4.1', Rating: 'Green' });
    expectError(
      await chair.post(items, { fields: { Reference: '4.2' } }),
      403,
      'accessDenied',
      'Access denied.',
    );
    expectError(await chair.patch(`${items}/${item.id}/fields`, { Rating: 'Red' }), 403, 'accessDenied');
    expectError(await chair.delete(`${items}/${item.id}`), 403, 'accessDenied');
    const seen = itemSchema.parse((await chair.get(`${items}/${item.id}?expand=fields`)).json);
    expect(seen.eTag).toBe(item.eTag);
    expect(seen.fields?.Rating).toBe('Green');
    const list = pageSchema(itemSchema).parse(
      (await chair.get(`${items}?$filter=${encodeURIComponent("fields/Reference eq '4.2'")}`)).json,
    );
    expect(list.value).toEqual([]);
  });

  it('lets the app principal write like a member', async () => {
    const app = new TestClient(graph, 'app');
    const item = await create({ Reference: '5.1' }, app);
    expect(item).toMatchObject({ createdBy: { application: { displayName: 'WSoA reminders (app-only)' } } });
  });
});

describe('querying items', () => {
  let queryList: string;
  beforeAll(async () => {
    queryList = `${ROOT}/lists/${await createList(officer, 'Query', [
      { name: 'Ref', text: {}, indexed: true },
      { name: 'Rating', choice: { choices: ['Green', 'Amber', 'Red'] }, indexed: true },
      { name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true },
      { name: 'Score', number: {}, indexed: true },
      { name: 'Escalated', boolean: {}, indexed: true },
    ])}/items`;
    const rows = [
      { Ref: "O'Brien", Rating: 'Green', Due: '2025-01-10', Score: 5, Escalated: false },
      { Ref: 'b-2', Rating: 'Amber', Due: '2025-02-10', Score: 15, Escalated: true },
      { Ref: 'B-3', Rating: 'Red', Due: '2025-03-10', Score: 25, Escalated: true },
      { Ref: 'c-4', Rating: 'Amber', Score: 10, Escalated: false },
    ];
    for (const fields of rows) expect((await officer.post(queryList, { fields })).status).toBe(201);
  });

  const refs = async (query: string) => {
    const reply = await officer.get(`${queryList}?expand=fields&${query}`);
    expect(reply.status).toBe(200);
    return pageSchema(itemSchema)
      .parse(reply.json)
      .value.map((i) => i.fields?.Ref);
  };
  const filter = (f: string) => `$filter=${encodeURIComponent(f)}`;

  it('supports comparison, logic, null, startswith and literal forms', async () => {
    expect(await refs(filter("fields/Rating eq 'Amber'"))).toEqual(['b-2', 'c-4']);
    expect(await refs(filter("fields/Rating ne 'Amber'"))).toEqual(["O'Brien", 'B-3']);
    expect(await refs(filter('fields/Score ge 10 and fields/Score lt 25'))).toEqual(['b-2', 'c-4']);
    expect(
      await refs(
        filter("(fields/Score gt 20 or fields/Rating eq 'Green') and not (fields/Escalated eq true)"),
      ),
    ).toEqual(["O'Brien"]);
    expect(await refs(filter('fields/Escalated eq true'))).toEqual(['b-2', 'B-3']);
    expect(await refs(filter('fields/Due eq null'))).toEqual(['c-4']);
    expect(await refs(filter("fields/Due le '2025-02-10'"))).toEqual(["O'Brien", 'b-2']);
    expect(await refs(filter('fields/Due gt 2025-02-10T00:00:00Z'))).toEqual(['B-3']);
    expect(await refs(filter("fields/Ref eq 'O''Brien'"))).toEqual(["O'Brien"]);
    expect(await refs(filter("startswith(fields/Ref,'b-')"))).toEqual(['b-2', 'B-3']);
    expect(await refs(filter('id le 2'))).toEqual(["O'Brien", 'b-2']);
    expect(await refs(filter("fields/id eq '3'"))).toEqual(['B-3']);
  });

  it('answers a chain of eq on one field like the same ORs (case-insensitive, typed, mixed chains too)', async () => {
    expect(
      await refs(filter("fields/Ref eq 'B-2' or fields/Ref eq 'c-4' or fields/Ref eq 'nobody'")),
    ).toEqual(['b-2', 'c-4']);
    expect(await refs(filter('fields/Score eq 25 or fields/Score eq 5'))).toEqual(["O'Brien", 'B-3']);
    expect(await refs(filter("fields/Ref eq 'c-4' or fields/Score eq 25"))).toEqual(['B-3', 'c-4']);
    expect(await refs(filter("fields/Due eq null or fields/Due eq '2025-01-10'"))).toEqual([
      "O'Brien",
      'c-4',
    ]);
    expect(
      await refs(filter("(fields/Rating eq 'Amber' or fields/Rating eq 'Red') and fields/Escalated eq true")),
    ).toEqual(['b-2', 'B-3']);
  });

  it('orders by one or more fields and limits with $top', async () => {
    expect(await refs('$orderby=fields/Score desc')).toEqual(['B-3', 'b-2', 'c-4', "O'Brien"]);
    expect(await refs('$orderby=fields/Rating,fields/Score desc')).toEqual(['b-2', 'c-4', "O'Brien", 'B-3']);
    expect(await refs('$orderby=fields/Score&$top=2')).toEqual(["O'Brien", 'c-4']);
  });

  it('rejects malformed filters and wrongly typed literals with 400', async () => {
    const bad = async (f: string, message: string | RegExp) =>
      expectError(await officer.get(`${queryList}?${filter(f)}`), 400, 'invalidRequest', message);
    await bad("fields/Rating eq 'Amber' and", 'Invalid filter clause');
    await bad("fields/Rating eq 'Amber", 'unterminated string');
    await bad('fields/Rating like 3', 'comparison operator');
    await bad("fields/Score eq 'many'", "field 'Score'");
    await bad("fields/Nope eq 'x'", "Column 'Nope' does not exist");
    await bad("Ref eq 'x'", 'fields/{name}');
  });
});
