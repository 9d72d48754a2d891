import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createItemsViaBatch,
  createList,
  expectError,
  itemSchema,
  pageSchema,
  readAllPages,
  startFresh,
  stopAndRemove,
} from './helpers';

const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const TOTAL = 12_000;
const STATUSES = ['Open', 'Closed', 'Blocked'];

let graph: LocalGraph;
let officer: TestClient;
let items: string;
let smallItems: string;

beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
  const columns = [
    { name: 'Status', choice: { choices: STATUSES }, indexed: true },
    { name: 'Owner', text: {} },
    { name: 'Seq', number: {}, indexed: true },
  ];
  items = `${ROOT}/lists/${await createList(officer, 'Big', columns)}/items`;
  smallItems = `${ROOT}/lists/${await createList(officer, 'Small', columns)}/items`;
  await createItemsViaBatch(
    officer,
    items.split('/')[4] ?? '',
    (i) => ({ Title: `Item ${i}`, Status: STATUSES[i % 3], Owner: `owner-${i % 50}`, Seq: i }),
    TOTAL,
  );
  for (let i = 0; i < 10; i += 1) {
    expect(
      (
        await officer.post(smallItems, {
          fields: { Status: STATUSES[i % 3], Owner: `owner-${i % 2}`, Seq: i },
        })
      ).status,
    ).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await stopAndRemove(graph);
});

const filter = (f: string) => `$filter=${encodeURIComponent(f)}`;

describe('indexing rules', () => {
  it('refuses a non-indexed filter or orderby without the Prefer header, naming the field', async () => {
    const message = expectError(
      await officer.get(`${smallItems}?${filter("fields/Owner eq 'owner-1'")}`),
      400,
      'invalidRequest',
    );
    expect(message).toBe(
      "Field 'Owner' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    expectError(
      await officer.get(`${smallItems}?$orderby=fields/Title`),
      400,
      'invalidRequest',
      "Field 'Title' cannot be referenced",
    );
  });

  it('runs a non-indexed query on a small list when Prefer is sent', async () => {
    const reply = await officer.get(
      `${smallItems}?expand=fields&${filter("fields/Owner eq 'owner-1'")}`,
      PREFER,
    );
    expect(reply.status).toBe(200);
    expect(pageSchema(itemSchema).parse(reply.json).value).toHaveLength(5);
  });

  it('fails a non-indexed query on a list above 5,000 items even with Prefer, as the list view threshold does', async () => {
    const reply = await officer.get(`${items}?${filter("fields/Owner eq 'owner-1'")}`, PREFER);
    expectError(reply, 429, 'activityLimitReached', 'exceeds the list view threshold');
    expect(reply.headers.get('retry-after')).toBeNull();
    expectError(await officer.get(`${items}?$orderby=fields/Title`, PREFER), 429, 'activityLimitReached');
  });

  it('allows a non-indexed condition when indexed conditions narrow the rows below the threshold', async () => {
    const reply = await officer.get(
      `${items}?expand=fields&${filter("fields/Seq lt 100 and fields/Owner eq 'owner-1'")}`,
      PREFER,
    );
    expect(reply.status).toBe(200);
    expect(
      pageSchema(itemSchema)
        .parse(reply.json)
        .value.map((i) => i.fields?.Seq),
    ).toEqual([1, 51]);
  });

  it('filters and orders on indexed columns at any size', async () => {
    const { items: blocked, pages } = await readAllPages(
      officer,
      `${officer.url(items)}?$top=1000&expand=fields(select=Status)&${filter("fields/Status eq 'Blocked'")}`,
    );
    expect(blocked).toHaveLength(TOTAL / 3);
    expect(pages).toBe(4);
    expect(new Set(blocked.map((i) => i.fields?.Status))).toEqual(new Set(['Blocked']));
    const top = await officer.get(`${items}?expand=fields(select=Seq)&$orderby=fields/Seq desc&$top=3`);
    expect(
      pageSchema(itemSchema)
        .parse(top.json)
        .value.map((i) => i.fields?.Seq),
    ).toEqual([TOTAL - 1, TOTAL - 2, TOTAL - 3]);
  });
});

describe('paging', () => {
  it('pages 200 at a time by default and sees every item exactly once', async () => {
    const { items: all, pages } = await readAllPages(officer, officer.url(items));
    expect(pages).toBe(TOTAL / 200);
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(TOTAL);
    expect(ids.length).toBe(TOTAL);
  });

  it('caps $top at 5,000 and keeps the query in absolute nextLinks', async () => {
    const first = await officer.get(`${items}?$top=9000&expand=fields(select=Seq)`);
    const page = pageSchema(itemSchema).parse(first.json);
    expect(page.value).toHaveLength(5000);
    const next = page['@odata.nextLink'] ?? '';
    expect(next.startsWith(`${graph.graphBaseUrl}/sites/`)).toBe(true);
    expect(decodeURIComponent(next)).toContain('$skiptoken=');
    expect(decodeURIComponent(next)).toContain('fields(select=Seq)');
  });

  it('pages an ordered query through every item exactly once', async () => {
    const { items: all } = await readAllPages(
      officer,
      `${officer.url(items)}?$top=2500&expand=fields(select=Seq)&$orderby=fields/Status desc,fields/Seq`,
    );
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((i) => i.id)).size).toBe(TOTAL);
    expect(all.slice(0, 2).map((i) => i.fields?.Seq)).toEqual([0, 3]);
  });
});
