import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createList,
  expectError,
  idSchema,
  itemSchema,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

let graph: LocalGraph;
let officer: TestClient;
beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const columnSchema = z
  .object({ id: z.string(), name: z.string(), indexed: z.boolean(), required: z.boolean() })
  .loose();

describe('sites', () => {
  it('serves the root site and the group site with composite ids', async () => {
    const root = await officer.get('/sites/root');
    expect(root.json).toMatchObject({
      id: DEMO_TENANT.rootSite.id,
      displayName: 'Communication site',
      root: {},
    });
    expect(idSchema.parse(root.json).id).toMatch(/^localhost,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const byId = await officer.get(`/sites/${DEMO_TENANT.rootSite.id}`);
    expect(byId.json).toMatchObject({ id: DEMO_TENANT.rootSite.id });
    const group = await officer.get(`/groups/${DEMO_TENANT.group.id}/sites/root`);
    expect(group.json).toMatchObject({
      id: DEMO_TENANT.groupSite.id,
      displayName: 'SEND Local Area Partnership',
    });
    expectError(
      await officer.get(
        '/sites/localhost,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000',
      ),
      404,
      'itemNotFound',
    );
  });
});

describe('lists', () => {
  it('creates a list with columns, refuses the same title again, and finds it by id or title', async () => {
    const created = await officer.post(`${ROOT}/lists`, {
      displayName: 'WSoA Actions',
      description: 'Actions of the plan',
      columns: [
        { name: 'Reference', text: { maxLength: 20 }, indexed: true },
        { name: 'Rating', choice: { choices: ['Blue', 'Green', 'Amber', 'Red', 'Purple'] } },
      ],
      list: { template: 'genericList' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayName: 'WSoA Actions',
      name: 'WSoAActions',
      list: { template: 'genericList', hidden: false },
    });
    const id = idSchema.parse(created.json).id;

    const again = await officer.post(`${ROOT}/lists`, {
      displayName: 'wsoa actions',
      list: { template: 'genericList' },
    });
    expectError(again, 409, 'nameAlreadyExists', 'already exists');

    const byTitle = await officer.get(`${ROOT}/lists/WSoA%20Actions?expand=columns`);
    expect(idSchema.parse(byTitle.json).id).toBe(id);
    const cols = z
      .object({ columns: z.array(columnSchema) })
      .loose()
      .parse(byTitle.json).columns;
    expect(cols.map((c) => c.name)).toEqual([
      'Title',
      'ID',
      'Created',
      'Modified',
      'Author',
      'Editor',
      'Reference',
      'Rating',
    ]);
    expect(cols.find((c) => c.name === 'ID')?.indexed).toBe(true);
    expect(cols.find((c) => c.name === 'Title')?.indexed).toBe(false);

    const all = pageSchema(idSchema).parse((await officer.get(`${ROOT}/lists`)).json);
    expect(all.value.map((l) => l.id)).toContain(id);
    expectError(await officer.get(`${ROOT}/lists/NoSuchList`), 404, 'itemNotFound');
  });

  it('explains bad list payloads with 400', async () => {
    expectError(await officer.post(`${ROOT}/lists`, { columns: [] }), 400, 'invalidRequest', 'displayName');
    expectError(
      await officer.post(`${ROOT}/lists`, { displayName: 'X', list: { template: 'documentLibrary' } }),
      400,
      'invalidRequest',
      'genericList',
    );
    expectError(await officer.post(`${ROOT}/lists`, '{not json'), 400, 'BadRequest', 'Unable to read JSON');
  });
});

describe('columns', () => {
  it('adds columns of every supported type, refuses duplicates, and indexes on PATCH', async () => {
    const listId = await createList(officer, 'Milestones', []);
    const base = `${ROOT}/lists/${listId}/columns`;
    const definitions = [
      {
        name: 'Due',
        dateTime: { format: 'dateOnly' },
        indexed: true,
        required: true,
        description: 'Due date',
      },
      { name: 'Score', number: { decimalPlaces: 'none', minimum: 0, maximum: 25 } },
      { name: 'Notes', text: { allowMultipleLines: true } },
      { name: 'Done', boolean: {} },
      {
        name: 'Stage',
        choice: { choices: ['Planned', 'Done'], allowTextEntry: false, displayAs: 'radioButtons' },
      },
    ];
    for (const def of definitions) {
      const reply = await officer.post(base, def);
      expect(reply.status).toBe(201);
      expect(reply.json).toMatchObject({
        name: def.name,
        indexed: def.indexed ?? false,
        required: def.required ?? false,
      });
    }
    expectError(
      await officer.post(base, { name: 'due', text: {} }),
      409,
      'nameAlreadyExists',
      'duplicate field name',
    );
    expectError(await officer.post(base, { name: 'Title', text: {} }), 409, 'nameAlreadyExists');

    const score = columnSchema.parse((await officer.get(`${base}/Score`)).json);
    expect(score.indexed).toBe(false);
    const patched = await officer.patch(`${base}/${score.id}`, { indexed: true, description: 'Risk score' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: 'Score',
      indexed: true,
      description: 'Risk score',
      number: { maximum: 25 },
    });
    const listed = pageSchema(columnSchema).parse((await officer.get(base)).json).value;
    expect(listed.find((c) => c.name === 'Score')?.indexed).toBe(true);
  });

  it('gives specific 400s for bad column definitions', async () => {
    const listId = await createList(officer, 'Column errors', []);
    const base = `${ROOT}/lists/${listId}/columns`;
    expectError(
      await officer.post(base, { name: 'Nothing' }),
      400,
      'invalidRequest',
      'exactly one type facet',
    );
    expectError(
      await officer.post(base, { name: 'Two', text: {}, number: {} }),
      400,
      'invalidRequest',
      'got text, number',
    );
    expectError(await officer.post(base, { name: 'Has space', text: {} }), 400, 'invalidRequest', 'API name');
    expectError(
      await officer.post(base, { name: 'Pick', choice: { choices: [] } }),
      400,
      'invalidRequest',
      'at least one choice',
    );
    expectError(
      await officer.patch(`${base}/Title`, { number: {} }),
      400,
      'invalidRequest',
      'cannot be changed',
    );
    expectError(await officer.patch(`${base}/Title`, { colour: 'red' }), 400, 'invalidRequest', 'colour');
  });

  it('lets members but not visitors change lists and columns', async () => {
    const lead = new TestClient(graph, 'lead');
    const chair = new TestClient(graph, 'chair');
    const listId = await createList(lead, 'Lead list', [{ name: 'Owner', text: {} }]);
    expectError(
      await chair.post(`${ROOT}/lists`, { displayName: 'Chair list' }),
      403,
      'accessDenied',
      'Access denied',
    );
    expectError(
      await chair.post(`${ROOT}/lists/${listId}/columns`, { name: 'X', text: {} }),
      403,
      'accessDenied',
    );
    expectError(
      await chair.patch(`${ROOT}/lists/${listId}/columns/Owner`, { indexed: true }),
      403,
      'accessDenied',
    );
    const cols = pageSchema(columnSchema).parse(
      (await chair.get(`${ROOT}/lists/${listId}/columns`)).json,
    ).value;
    expect(cols.find((c) => c.name === 'Owner')?.indexed).toBe(false);
    expect(cols.some((c) => c.name === 'X')).toBe(false);
  });
});

// Graph's textColumn: "textType: The type of text being stored. Must be one of plain or richText"
// (https://learn.microsoft.com/en-us/graph/api/resources/textcolumn); a multiple lines of text
// column made without textType: 'plain' is rich text, and SharePoint returns rich text values as
// HTML (https://github.com/pnp/List-Formatting/issues/88, https://github.com/SharePoint/sp-dev-docs/issues/3075),
// wrapped in a <div class="ExternalClass…"> with a GUID, as SharePoint's REST responses show.
describe('rich and plain text', () => {
  const EXTERNAL_CLASS = /^<div class="ExternalClass[0-9A-F]{32}">([\s\S]*)<\/div>$/;
  const textColumn = z
    .object({
      name: z.string(),
      text: z.object({ allowMultipleLines: z.boolean(), textType: z.string() }).loose(),
    })
    .loose();

  it('makes a multiple lines column rich text unless textType is plain, and returns rich values as HTML', async () => {
    const listId = await createList(officer, 'Text kinds', [
      { name: 'Rich', text: { allowMultipleLines: true, linesForEditing: 6 } },
      { name: 'Plain', text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } },
      { name: 'Line', text: {} },
    ]);
    const cols = pageSchema(textColumn.or(z.object({ name: z.string() }).loose())).parse(
      (await officer.get(`${ROOT}/lists/${listId}/columns`)).json,
    ).value;
    const typeOf = (name: string) => textColumn.parse(cols.find((c) => c.name === name)).text.textType;
    expect([typeOf('Rich'), typeOf('Plain'), typeOf('Line'), typeOf('Title')]).toEqual([
      'richText',
      'plain',
      'plain',
      'plain',
    ]);

    const items = `${ROOT}/lists/${listId}/items`;
    const text = 'First line\nSecond line & more';
    const created = await officer.post(items, { fields: { Rich: text, Plain: text, Line: 'one line' } });
    expect(created.status).toBe(201);
    const createdFields = itemSchema.parse(created.json).fields ?? {};
    expect(createdFields.Rich).toMatch(EXTERNAL_CLASS);
    const id = itemSchema.parse(created.json).id;
    for (const url of [`${items}/${id}?expand=fields`, `${items}?expand=fields(select=Rich,Plain,Line)`]) {
      const reply = await officer.get(url);
      const fields =
        'value' in (reply.json as object)
          ? pageSchema(itemSchema).parse(reply.json).value[0]?.fields
          : itemSchema.parse(reply.json).fields;
      expect(EXTERNAL_CLASS.exec(String(fields?.Rich))?.[1]).toBe(text);
      expect(fields?.Plain).toBe(text);
      expect(fields?.Line).toBe('one line');
    }
  });

  it('turns a rich text column plain on PATCH, keeping it multi-line, after which values read back as written', async () => {
    const listId = await createList(officer, 'Made plain', [
      { name: 'Notes', text: { allowMultipleLines: true } },
    ]);
    const items = `${ROOT}/lists/${listId}/items`;
    const id = itemSchema.parse((await officer.post(items, { fields: { Notes: 'kept' } })).json).id;
    const patched = await officer.patch(`${ROOT}/lists/${listId}/columns/Notes`, {
      text: { textType: 'plain' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ text: { allowMultipleLines: true, textType: 'plain' } });
    expect(itemSchema.parse((await officer.get(`${items}/${id}?expand=fields`)).json).fields?.Notes).toBe(
      'kept',
    );
  });

  // SharePoint cannot index a multiple lines of text column; asking fails with "Cannot complete
  // this action" (https://github.com/pnp/PnP-PowerShell/issues/80: "Multi Line of text fields
  // cannot be indexed at all"), and Microsoft lists multiple lines of text first among the column
  // types that can't be indexed (https://support.microsoft.com/en-us/office/add-an-index-to-a-list-or-library-column-f3f00554-b7dc-44d1-a2ed-d477eac463b0).
  it('refuses to index a multiple lines of text column, and leaves it unindexed', async () => {
    const listId = await createList(officer, 'No note index', [
      { name: 'Notes', text: { allowMultipleLines: true, textType: 'plain' } },
      { name: 'Code', text: {}, indexed: true },
    ]);
    const base = `${ROOT}/lists/${listId}/columns`;
    expectError(
      await officer.post(base, { name: 'More', text: { allowMultipleLines: true }, indexed: true }),
      400,
      'invalidRequest',
      'Cannot complete this action',
    );
    expectError(
      await officer.patch(`${base}/Notes`, { indexed: true }),
      400,
      'invalidRequest',
      'cannot index',
    );
    expectError(
      await officer.patch(`${base}/Code`, { text: { allowMultipleLines: true } }),
      400,
      'invalidRequest',
      'cannot index',
    );
    const cols = pageSchema(columnSchema).parse((await officer.get(base)).json).value;
    expect(cols.find((c) => c.name === 'Notes')?.indexed).toBe(false);
    expect(cols.some((c) => c.name === 'More')).toBe(false);
    expectError(
      await officer.post(`${ROOT}/lists`, {
        displayName: 'Indexed notes',
        columns: [{ name: 'Notes', text: { allowMultipleLines: true }, indexed: true }],
      }),
      400,
      'invalidRequest',
      'Cannot complete this action',
    );
  });

  it('refuses column names that would reach an object’s prototype', async () => {
    const listId = await createList(officer, 'Reserved names', []);
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expectError(
        await officer.post(`${ROOT}/lists/${listId}/columns`, { name, text: {} }),
        400,
        'invalidRequest',
        'reserved',
      );
    }
  });
});
