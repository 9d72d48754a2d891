import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalGraph } from '../../../src/localgraph/index';
import { startLocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createList,
  expectError,
  freshDataDir,
  itemSchema,
  local,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

const COLUMNS = [
  { name: 'Ref', text: {}, indexed: true },
  { name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true },
  { name: 'Updated', dateTime: { format: 'dateTime' }, indexed: true },
];

/** A list on the root site of `graph`, and a way to write one item and read back its fields. */
async function datesList(graph: LocalGraph, name: string) {
  const officer = new TestClient(graph, 'officer');
  const items = `${ROOT}/lists/${await createList(officer, name, COLUMNS)}/items`;
  const write = async (fields: Record<string, unknown>) => {
    const reply = await officer.post(items, { fields });
    expect(reply.status, JSON.stringify(reply.json)).toBe(201);
    const id = itemSchema.parse(reply.json).id;
    const read = itemSchema.parse((await officer.get(`${items}/${id}?expand=fields`)).json);
    return read.fields ?? {};
  };
  const refs = async (filter: string, extra = '') => {
    const reply = await officer.get(
      `${items}?expand=fields(select=Ref)&$filter=${encodeURIComponent(filter)}${extra}`,
    );
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    return pageSchema(itemSchema)
      .parse(reply.json)
      .value.map((i) => i.fields?.Ref);
  };
  return { officer, items, write, refs };
}

// SharePoint keeps a date-only value as midnight in the site's time zone and Graph returns that
// instant in UTC: a US site's date-only values read back as T05:00:00Z in winter and T04:00:00Z
// in summer (https://github.com/pnp/pnpjs/issues/1890: "date-only columns that return either
// YYYY-MM-DDT05:00:00Z or YYYY-MM-DDT06:00:00Z"); DESIGN.md: "a London summer date reads as the
// previous day at 23:00Z".
describe('date-only columns in a London site (the default zone)', () => {
  let graph: LocalGraph;
  let list: Awaited<ReturnType<typeof datesList>>;
  beforeAll(async () => {
    graph = await startFresh();
    list = await datesList(graph, 'London dates');
  });
  afterAll(async () => {
    await stopAndRemove(graph);
  });

  it('takes an instant, keeps the London date it falls on, and returns London midnight in UTC', async () => {
    const cases: [string, string][] = [
      // 23:00Z on 30 June is 00:00 on 1 July in London (BST).
      ['2026-06-30T23:00:00Z', '2026-06-30T23:00:00Z'],
      ['2026-06-29T23:00:00Z', '2026-06-29T23:00:00Z'],
      ['2026-06-30T12:34:56Z', '2026-06-29T23:00:00Z'],
      ['2026-06-30T00:30:00+01:00', '2026-06-29T23:00:00Z'],
      ['2026-01-15T00:00:00Z', '2026-01-15T00:00:00Z'],
      ['2026-01-15T23:59:59Z', '2026-01-15T00:00:00Z'],
    ];
    for (const [written, read] of cases) {
      expect((await list.write({ Ref: written, Due: written })).Due, written).toBe(read);
    }
  });

  it('follows both clock changes: late March and late October 2026', async () => {
    // British Summer Time runs from 01:00 UTC on 29 March to 01:00 UTC on 25 October 2026.
    const cases: [string, string][] = [
      ['2026-03-28T12:00:00Z', '2026-03-28T00:00:00Z'],
      ['2026-03-29T12:00:00Z', '2026-03-29T00:00:00Z'],
      ['2026-03-30T12:00:00Z', '2026-03-29T23:00:00Z'],
      ['2026-10-24T12:00:00Z', '2026-10-23T23:00:00Z'],
      ['2026-10-25T12:00:00Z', '2026-10-24T23:00:00Z'],
      ['2026-10-26T12:00:00Z', '2026-10-26T00:00:00Z'],
    ];
    for (const [written, read] of cases) {
      expect((await list.write({ Ref: `clock ${written}`, Due: written })).Due, written).toBe(read);
    }
  });

  // Graph reads a date-time written without an offset as UTC
  // (https://github.com/microsoftgraph/msgraph-sdk-java/issues/813: "If posted as local (without
  // zone info) it is parsed as UTC"); a bare date is taken the same way: UTC midnight of that date.
  it('reads a bare date as UTC midnight, which in London is still that date', async () => {
    expect((await list.write({ Ref: 'bare summer', Due: '2026-06-30' })).Due).toBe('2026-06-29T23:00:00Z');
    expect((await list.write({ Ref: 'bare winter', Due: '2026-12-01' })).Due).toBe('2026-12-01T00:00:00Z');
    expect((await list.write({ Ref: 'zone-less', Due: '2026-06-30T00:00:00' })).Due).toBe(
      '2026-06-29T23:00:00Z',
    );
  });

  // SharePoint compares date columns as instants: a date-only value equals only its stored
  // instant (https://github.com/pnp/pnpjs/issues/1890).
  it('filters and orders date-only values as the instants they are', async () => {
    await list.write({ Ref: 'f-29jun', Due: '2026-06-28T23:00:00Z' });
    await list.write({ Ref: 'f-30jun', Due: '2026-06-29T23:00:00Z' });
    await list.write({ Ref: 'f-01jul', Due: '2026-06-30T23:00:00Z' });
    const onlyF = " and startswith(fields/Ref,'f-')";
    expect(await list.refs(`fields/Due eq '2026-06-29T23:00:00Z'${onlyF}`)).toEqual(['f-30jun']);
    expect(await list.refs(`fields/Due eq 2026-06-29T23:00:00Z${onlyF}`)).toEqual(['f-30jun']);
    // The bare date is UTC midnight, an hour after London midnight: it matches no stored value.
    expect(await list.refs(`fields/Due eq '2026-06-30'${onlyF}`)).toEqual([]);
    expect(
      await list.refs(
        `fields/Due ge '2026-06-29T23:00:00Z' and fields/Due lt '2026-07-01T23:00:00Z'${onlyF}`,
      ),
    ).toEqual(['f-30jun', 'f-01jul']);
    expect(await list.refs(`startswith(fields/Ref,'f-')`, '&$orderby=fields/Due desc')).toEqual([
      'f-01jul',
      'f-30jun',
      'f-29jun',
    ]);
  });

  // SharePoint keeps date-times to the second (Graph returns them as YYYY-MM-DDTHH:MM:SSZ, as the
  // listItem examples in the Graph docs show).
  it('keeps date-times to the whole second, and compares fractions against whole seconds', async () => {
    const fields = await list.write({ Ref: 'secs', Updated: '2026-12-03T10:15:42.123Z' });
    expect(fields.Updated).toBe('2026-12-03T10:15:42Z');
    expect((await list.write({ Ref: 'secs+1', Updated: '2026-12-03T10:15:42.999+01:00' })).Updated).toBe(
      '2026-12-03T09:15:42Z',
    );
    expect(await list.refs("fields/Updated eq '2026-12-03T10:15:42Z'")).toEqual(['secs']);
    expect(await list.refs("fields/Updated eq '2026-12-03T10:15:42.5Z'")).toEqual([]);
    expect(
      await list.refs(
        "fields/Updated lt '2026-12-03T10:15:42.5Z' and fields/Updated gt '2026-12-03T10:00:00Z'",
      ),
    ).toEqual(['secs']);
    expect(await list.refs("fields/Updated ge '2026-12-03T10:15:42.5Z'")).toEqual([]);
    expect(
      await list.refs(
        "fields/Updated le '2026-12-03T10:15:42.5Z' and fields/Updated gt '2026-12-03T10:00:00Z'",
      ),
    ).toEqual(['secs']);
  });

  // Impossible dates are refused; so are dates outside SharePoint's range ("You must specify a
  // valid date within the range of 1/1/1900 and 12/31/8900",
  // https://github.com/pnp/cli-microsoft365/issues/5685).
  it('refuses impossible dates and dates outside 1900–8900 with 400', async () => {
    for (const bad of [
      '2026-02-31',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-06-30T24:00:00Z',
      '2026-06-30T12:60:00Z',
      '2026-06-30T12:00:00+15:00',
      '1899-12-31',
      '8901-01-01',
      '30/06/2026',
    ]) {
      expectError(
        await list.officer.post(list.items, { fields: { Due: bad } }),
        400,
        'invalidRequest',
        "field 'Due'",
      );
      expectError(
        await list.officer.post(list.items, { fields: { Updated: bad } }),
        400,
        'invalidRequest',
        "field 'Updated'",
      );
    }
    expect((await list.write({ Ref: 'leap', Due: '2024-02-29' })).Due).toBe('2024-02-29T00:00:00Z');
    expectError(
      await list.officer.get(`${list.items}?$filter=${encodeURIComponent("fields/Due eq '2026-02-31'")}`),
      400,
      'invalidRequest',
      "field 'Due'",
    );
  });
});

describe('sites in other time zones', () => {
  it('stores a New York date as New York midnight, set when the local Graph starts', async () => {
    const graph = await startLocalGraph({
      port: 0,
      dataDir: freshDataDir(),
      quiet: true,
      siteTimeZone: 'America/New_York',
    });
    try {
      const list = await datesList(graph, 'New York dates');
      expect((await list.write({ Due: '2026-06-30T04:00:00Z' })).Due).toBe('2026-06-30T04:00:00Z');
      expect((await list.write({ Due: '2026-06-30T20:00:00-04:00' })).Due).toBe('2026-06-30T04:00:00Z');
      expect((await list.write({ Due: '2026-01-15T12:00:00Z' })).Due).toBe('2026-01-15T05:00:00Z');
      // US clocks change on 8 March and 1 November 2026.
      expect((await list.write({ Due: '2026-03-08T12:00:00Z' })).Due).toBe('2026-03-08T05:00:00Z');
      expect((await list.write({ Due: '2026-03-09T12:00:00Z' })).Due).toBe('2026-03-09T04:00:00Z');
      expect((await list.write({ Due: '2026-11-01T12:00:00Z' })).Due).toBe('2026-11-01T04:00:00Z');
      expect((await list.write({ Due: '2026-11-02T12:00:00Z' })).Due).toBe('2026-11-02T05:00:00Z');
      // A bare date is UTC midnight, which in New York is the evening before: the previous day.
      expect((await list.write({ Due: '2026-06-30' })).Due).toBe('2026-06-29T04:00:00Z');
      const sites = await local(graph, 'GET', '/_admin/sites');
      expect(sites.json).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'root', timeZone: 'America/New_York' })]),
      );
    } finally {
      await stopAndRemove(graph);
    }
  });

  it('changes a site’s zone through the admin endpoint (Kolkata, UTC+05:30), leaving stored values alone', async () => {
    const graph = await startFresh();
    try {
      const list = await datesList(graph, 'Kolkata dates');
      const before = await list.write({ Ref: 'before', Due: '2026-06-30T12:00:00Z' });
      expect(before.Due).toBe('2026-06-29T23:00:00Z');
      const changed = await local(graph, 'PATCH', '/_admin/sites/root', { timeZone: 'Asia/Kolkata' });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ timeZone: 'Asia/Kolkata' });
      expect((await list.write({ Due: '2026-06-30T12:00:00Z' })).Due).toBe('2026-06-29T18:30:00Z');
      expect((await list.write({ Due: '2026-06-30T20:00:00Z' })).Due).toBe('2026-06-30T18:30:00Z');
      expect((await list.write({ Due: '2026-06-30' })).Due).toBe('2026-06-29T18:30:00Z');
      // As in SharePoint, changing the zone does not rewrite what is stored.
      expect(await list.refs("fields/Due eq '2026-06-29T23:00:00Z'")).toEqual(['before']);
      expectError(
        await local(graph, 'PATCH', '/_admin/sites/root', { timeZone: 'Mars/Olympus' }),
        400,
        'invalidRequest',
        'IANA',
      );
    } finally {
      await stopAndRemove(graph);
    }
  });

  it('refuses an unknown zone at start', async () => {
    await expect(
      startLocalGraph({ port: 0, dataDir: freshDataDir(), quiet: true, siteTimeZone: 'Nowhere/City' }),
    ).rejects.toThrow('IANA time zone');
  });
});

describe('a data directory from before dates followed the site zone', () => {
  it('opens with its schema brought up to date and its date-only values moved to London midnight', async () => {
    const first = await startFresh();
    const dataDir = first.dataDir;
    const list = await datesList(first, 'Old dates');
    const summer = await list.write({
      Ref: 'summer',
      Due: '2026-06-29T23:00:00Z',
      Updated: '2026-06-30T10:00:00Z',
    });
    const winter = await list.write({ Ref: 'winter', Due: '2026-01-15T00:00:00Z' });
    expect([summer.Due, winter.Due]).toEqual(['2026-06-29T23:00:00Z', '2026-01-15T00:00:00Z']);
    await first.close();

    // Put the directory back as the previous version wrote it: UTC midnight, no zone columns.
    const db = new Database(path.join(dataDir, 'localgraph.sqlite'));
    const rows = db
      .prepare<[], { list_id: string; item_id: number; fields: string }>(
        'SELECT list_id, item_id, fields FROM items',
      )
      .all();
    for (const row of rows) {
      const fields = JSON.parse(row.fields) as Record<string, unknown>;
      if (fields.Due === '2026-06-29T23:00:00Z') fields.Due = '2026-06-30T00:00:00Z';
      db.prepare('UPDATE items SET fields = ? WHERE list_id = ? AND item_id = ?').run(
        JSON.stringify(fields),
        row.list_id,
        row.item_id,
      );
    }
    db.exec("DELETE FROM meta WHERE key = 'dateOnlyStorage'");
    db.exec('ALTER TABLE sites DROP COLUMN time_zone');
    db.exec('ALTER TABLE channels DROP COLUMN membership_type');
    db.close();

    const second = await startFresh(dataDir);
    try {
      const officer = new TestClient(second, 'officer');
      const page = pageSchema(itemSchema).parse(
        (await officer.get(`${list.items}?expand=fields(select=Ref,Due,Updated)&$orderby=fields/Due`)).json,
      );
      expect(page.value.map((i) => [i.fields?.Ref, i.fields?.Due])).toEqual([
        ['winter', '2026-01-15T00:00:00Z'],
        ['summer', '2026-06-29T23:00:00Z'],
      ]);
      expect(page.value[1]?.fields?.Updated).toBe('2026-06-30T10:00:00Z');
      expect((await local(second, 'GET', '/_admin/sites')).json).toEqual(
        expect.arrayContaining([expect.objectContaining({ timeZone: 'Europe/London' })]),
      );
    } finally {
      await stopAndRemove(second);
    }
  });
});
