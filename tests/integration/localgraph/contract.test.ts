import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import * as doc from './fixtures/graph-doc-examples';
import {
  ROOT,
  TestClient,
  batch,
  createList,
  idSchema,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

/**
 * Lists every way `actual` departs from the documented example: a missing property or a
 * different JSON type. A documented null accepts anything; array elements are checked
 * against the example's first element.
 */
function shapeMismatches(actual: unknown, expected: unknown, path = '$'): string[] {
  if (expected === null) return [];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(actual) !== kind(expected)) return [`${path}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const [example] = expected;
    return example === undefined
      ? []
      : actual.flatMap((a, i) => shapeMismatches(a, example, `${path}[${i}]`));
  }
  if (typeof expected === 'object' && typeof actual === 'object' && actual !== null) {
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual
        ? shapeMismatches(Object.entries(actual).find(([k]) => k === key)?.[1], value, `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return [];
}

function expectShape(actual: unknown, example: unknown): void {
  expect(shapeMismatches(actual, example)).toEqual([]);
}

let graph: LocalGraph;
let officer: TestClient;
let items: string;
let itemId: string;

beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
  // The documented item examples use a list with Name, Color and Quantity columns.
  const listId = await createList(officer, 'Widgets', [
    { name: 'Name', text: {} },
    { name: 'Color', text: {} },
    { name: 'Quantity', number: {} },
  ]);
  items = `${ROOT}/lists/${listId}/items`;
  itemId = idSchema.parse(
    (await officer.post(items, { fields: { Name: 'Widget', Color: 'Blue', Quantity: 2357 } })).json,
  ).id;
});
afterAll(async () => {
  await stopAndRemove(graph);
});

describe('contract: responses have the shapes of Microsoft’s documented examples', () => {
  it('the matcher itself notices a missing property and a wrong type', () => {
    expect(shapeMismatches({ id: 5 }, { id: '5', name: 'x' })).toEqual([
      '$.id: expected string, got number',
      '$.name: missing',
    ]);
  });

  it('site', async () => {
    expectShape((await officer.get('/sites/root')).json, doc.siteGet);
    expectShape((await officer.get(`/groups/${DEMO_TENANT.group.id}/sites/root`)).json, doc.siteGet);
  });

  it('list create', async () => {
    const reply = await officer.post(`${ROOT}/lists`, {
      displayName: 'Books',
      columns: [
        { name: 'Author0', text: {} },
        { name: 'PageCount', number: {} },
      ],
      list: { template: 'genericList' },
    });
    expect(reply.status).toBe(201);
    expectShape(reply.json, doc.listCreate);
  });

  it('column create', async () => {
    const listId = await createList(officer, 'Columns contract', []);
    const reply = await officer.post(`${ROOT}/lists/${listId}/columns`, {
      description: 'test',
      enforceUniqueValues: false,
      hidden: false,
      indexed: false,
      name: 'Subtitle',
      text: {
        allowMultipleLines: false,
        appendChangesToExistingText: false,
        linesForEditing: 0,
        maxLength: 255,
      },
    });
    expect(reply.status).toBe(201);
    expectShape(reply.json, doc.columnCreate);
  });

  it('list item create, get, list and update', async () => {
    const created = await officer.post(items, { fields: { Name: 'Gadget', Color: 'Red', Quantity: 503 } });
    expect(created.status).toBe(201);
    expectShape(created.json, doc.listItemCreate);
    expectShape((await officer.get(`${items}/${itemId}?expand=fields`)).json, doc.listItemGet);
    expectShape(
      (await officer.get(`${items}?expand=fields(select=Name,Color,Quantity)`)).json,
      doc.listItemList,
    );
    const updated = await officer.patch(`${items}/${itemId}/fields`, { Color: 'Fuchsia', Quantity: 934 });
    expectShape(updated.json, doc.listItemUpdateFields);
    expect(updated.json).toMatchObject(doc.listItemUpdateFields);
  });

  it('list item delta, including a deleted entry', async () => {
    const first = await officer.get(`${items}/delta`);
    expectShape(first.json, doc.listItemDeltaLastPage);
    const deltaLink = pageSchema(z.unknown()).parse(first.json)['@odata.deltaLink'] ?? '';
    const doomed = idSchema.parse((await officer.post(items, { fields: { Name: 'Doomed' } })).json).id;
    await officer.delete(`${items}/${doomed}`);
    const entries = pageSchema(z.unknown()).parse((await officer.get(deltaLink)).json).value;
    expect(entries).toHaveLength(1);
    expectShape(entries[0], doc.listItemDeltaDeleted);
  });

  it('users', async () => {
    expectShape((await officer.get('/users')).json, doc.userList);
  });

  it('channels and channel messages', async () => {
    expectShape((await officer.get(`/teams/${DEMO_TENANT.group.id}/channels`)).json, doc.channelList);
    const channel = encodeURIComponent(DEMO_TENANT.channels[0]?.id ?? '');
    const posted = await officer.post(`/teams/${DEMO_TENANT.group.id}/channels/${channel}/messages`, {
      body: { content: 'Hello World' },
    });
    expect(posted.status).toBe(201);
    expectShape(posted.json, doc.channelMessagePost);
  });

  it('JSON batch response and a failed entry', async () => {
    const chair = new TestClient(graph, 'chair');
    const result = await batch(chair, [
      { id: '3', method: 'DELETE', url: `${ROOT}/lists/Widgets/items/${itemId}` },
    ]);
    expectShape(result, doc.batchResponseEnvelope);
    const { headers, ...entryDoc } = doc.batchResponseFailedEntry;
    const contractHeaders = Object.fromEntries(
      Object.entries(headers).filter(([k]) => !doc.batchHeadersNotInContract.includes(k)),
    );
    expectShape(result.responses[0], { ...entryDoc, headers: contractHeaders });
  });

  it('error envelope', async () => {
    expectShape((await officer.get(`${items}/424242`)).json, doc.errorResponse);
  });
});
