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
