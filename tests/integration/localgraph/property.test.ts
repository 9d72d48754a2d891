import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalGraph } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  batch,
  createList,
  idSchema,
  itemSchema,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

/** What every answer must be: parseable, and never a server error. */
function expectNoServerError(status: number, json: unknown, what: string): void {
  expect(status, what).toBeLessThan(500);
  expect(status, what).toBeGreaterThanOrEqual(200);
  if (status >= 400) expect(json, what).toMatchObject({ error: { code: expect.any(String) } });
}

interface Row {
  A: number;
  B: number;
  C: string;
  T: string;
}

const ROWS: Row[] = Array.from({ length: 30 }, (_, i) => ({
  A: i % 5,
  B: (i * 7) % 4,
  C: ['x', 'y', 'z'][i % 3] ?? 'x',
  T: [`o'brien${i}@demo.localarea.example`, `lead${i}@demo.localarea.example`, `it's ${i}`][i % 3] ?? '',
}));

let graph: LocalGraph;
let officer: TestClient;
let items: string;
/** The server's item id of each row, by row index. */
let ids: string[];

beforeAll(async () => {
  graph = await startFresh();
  officer = new TestClient(graph, 'officer');
  items = `${ROOT}/lists/${await createList(officer, 'Props', [
    { name: 'A', number: {}, indexed: true },
    { name: 'B', number: {}, indexed: true },
    { name: 'C', choice: { choices: ['x', 'y', 'z'] }, indexed: true },
    { name: 'T', text: {}, indexed: true },
    { name: 'D', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'N', text: {} },
  ])}/items`;
  ids = [];
  for (const row of ROWS) {
    const reply = await officer.post(items, { fields: { ...row, N: 'n', D: '2026-06-30T12:00:00Z' } });
    expect(reply.status).toBe(201);
    ids.push(itemSchema.parse(reply.json).id);
  }
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const TOKENS = [
  'fields/A',
  'fields/B',
  'fields/C',
  'fields/T',
  'fields/D',
  'fields/N',
  'fields/__proto__',
  'fields/constructor',
  'fields/',
  'id',
  'createdDateTime',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'not',
  'AND',
  '(',
  ')',
  ',',
  'startswith',
  "'x'",
  "'o''brien'",
  "'",
  "''",
  '1',
  '-2.5',
  '1e309',
  '99999999999999999999',
  'true',
  'null',
  '2026-06-30',
  '2026-06-29T23:00:00Z',
  '2026-02-31T00:00:00Z',
  '2026-06-29T23:00:00.5+01:00',
  '$',
  '%',
  '\u0000',
  '\u{1F600}',
];

const filterText = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const optionText = fc.oneof(
  fc.constantFrom(
    'fields/A',
    'fields/A desc,fields/B',
    'fields/N',
    'fields(select=A,B)',
    'fields($select=A)',
    'id,webUrl',
    '5000',
    '0',
    '-1',
    '9999999999999999999999',
    'eyJvZmZzZXQiOjV9',
    'eyJhZnRlcklkIjotMX0',
    'not-base64!',
    '',
    ' ',
    'fields(',
    'fields(select=',
    'columns',
  ),
  fc.string({ maxLength: 30 }),
);

describe('property: the OData query options never make the server fail', () => {
  // Random, mostly malformed $filter/$orderby/$select/$top/$skiptoken/$expand values are either
  // answered or refused with Graph's 4xx error shape; no input produces a 500 or a crash.
  it('answers or refuses every combination, never with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            $filter: filterText,
            $orderby: optionText,
            $select: optionText,
            $top: optionText,
            $skiptoken: optionText,
            $expand: optionText,
          },
          { requiredKeys: [] },
        ),
        fc.boolean(),
        fc.constantFrom('', '&%', '&%zz=1', '&$filter', '&$top=1&$top=2'),
        async (options, prefer, tail) => {
          const query = Object.entries(options)
            .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
            .join('&');
          const url = `${items}?${query}${tail}`;
          const reply = await officer.get(
            url,
            prefer ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : undefined,
          );
          expectNoServerError(reply.status, reply.json, url);
        },
      ),
      { numRuns: 400 },
    );
    // Still serving afterwards.
    expect((await officer.get(`${items}?$top=1`)).status).toBe(200);
  });
});

describe('property: $batch never makes the server fail', () => {
  const jsonBody = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 20 }));
  const innerRequest = fc.record(
    {
      id: fc.oneof(fc.constantFrom('1', '2', '3', 'a', 'A'), fc.string({ maxLength: 4 }), fc.integer()),
      method: fc.oneof(
        fc.constantFrom('GET', 'get', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'TRACE'),
        fc.string(),
      ),
      url: fc.oneof(
        fc.constantFrom(
          '/me',
          'me',
          '/sites/root',
          '/sites/root/lists',
          '/sites/root/lists/Props/items?$top=2',
          '/sites/root/lists/Props/items/1',
          '/./$batch',
          '/../_local/token',
          '/..%2f_admin/faults',
          '//evil.example/x',
          'http://evil.example/',
          '%',
          '/%E0%A4%A',
          '/users?$filter=startswith(displayName,%27a%27)',
        ),
        fc.string({ maxLength: 30 }),
      ),
      headers: fc.oneof(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('Content-Type', 'If-Match', 'Prefer', 'bad header', 'Host', 'Authorization'),
            fc.string({ maxLength: 8 }),
          ),
          fc.oneof(fc.constantFrom('application/json', '*', 'x\r\ny', '\u0100'), fc.string({ maxLength: 8 })),
          { maxKeys: 3 },
        ),
        jsonBody,
      ),
      body: jsonBody,
      dependsOn: fc.oneof(fc.array(fc.constantFrom('1', '2', '3', 'a', 'zz'), { maxLength: 3 }), jsonBody),
    },
    { requiredKeys: [] },
  );
  const payload = fc.oneof(
    fc.record({ requests: fc.array(innerRequest, { maxLength: 22 }) }),
    fc.record({ requests: fc.array(innerRequest, { minLength: 1, maxLength: 6 }) }),
    fc.jsonValue({ maxDepth: 4 }),
  );

  it('answers every payload with 200 or a 4xx, and every inner request with less than 500', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const reply = await officer.post('/$batch', body);
        expectNoServerError(reply.status, reply.json, JSON.stringify(body));
        if (reply.status !== 200) return;
        const responses = z
          .object({ responses: z.array(z.object({ id: z.string(), status: z.number() }).loose()) })
          .parse(reply.json).responses;
        for (const r of responses) expect(r.status, JSON.stringify(body)).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect((await officer.get('/me')).status).toBe(200);
  });
});

type Expr =
  | { kind: 'leaf'; col: 'A' | 'B' | 'C'; op: 'eq' | 'ne' | 'lt' | 'ge'; value: number | string }
  | { kind: 'and' | 'or'; left: Expr; right: Expr; parens: boolean }
  | { kind: 'not'; operand: Expr };

const PRECEDENCE = { or: 1, and: 2, not: 3, leaf: 4 } as const;

/**
 * Prints an expression with only the parentheses the precedence of OData's logical operators
 * requires (not, then and, then or), plus those the generator chose to add anyway.
 */
function print(e: Expr, outer = 0): string {
  const wrap = (text: string, forced: boolean) => (forced || PRECEDENCE[e.kind] < outer ? `(${text})` : text);
  switch (e.kind) {
    case 'leaf':
      return `fields/${e.col} ${e.op} ${typeof e.value === 'number' ? e.value : `'${e.value}'`}`;
    case 'not':
      return wrap(`not ${print(e.operand, PRECEDENCE.not)}`, false);
    case 'and':
    case 'or':
      return wrap(
        `${print(e.left, PRECEDENCE[e.kind])} ${e.kind} ${print(e.right, PRECEDENCE[e.kind])}`,
        e.parens,
      );
  }
}

/** An evaluation independent of the server's parser: straight from the tree. */
function evaluate(e: Expr, row: Row): boolean {
  switch (e.kind) {
    case 'leaf': {
      const actual = row[e.col];
      if (e.op === 'eq') return actual === e.value;
      if (e.op === 'ne') return actual !== e.value;
      if (e.op === 'lt') return actual < e.value;
      return actual >= e.value;
    }
    case 'not':
      return !evaluate(e.operand, row);
    case 'and':
      return evaluate(e.left, row) && evaluate(e.right, row);
    case 'or':
      return evaluate(e.left, row) || evaluate(e.right, row);
  }
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({
    kind: fc.constant('leaf' as const),
    col: fc.constantFrom('A' as const, 'B' as const),
    op: fc.constantFrom('eq' as const, 'ne' as const, 'lt' as const, 'ge' as const),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('leaf' as const),
    col: fc.constant('C' as const),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: fc.constantFrom('x', 'y', 'z'),
  }),
);
const expr = fc.letrec<{ node: Expr }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      left: tie('node'),
      right: tie('node'),
      parens: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('node') }),
  ),
})).node;

describe('property: and binds tighter than or', () => {
  const matching = async (filter: string) => {
    const reply = await officer.get(`${items}?$top=5000&$select=id&$filter=${encodeURIComponent(filter)}`);
    expect(reply.status, filter).toBe(200);
    return pageSchema(idSchema)
      .parse(reply.json)
      .value.map((i) => i.id)
      .sort();
  };

  // OData's operator precedence puts not above and, and and above or
  // (https://docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part2-url-conventions.html#sec_OperatorPrecedence).
  it('reads `A or B and C` as `A or (B and C)`', async () => {
    const unparenthesised = await matching("fields/A eq 0 or fields/B eq 1 and fields/C eq 'y'");
    expect(unparenthesised).toEqual(await matching("fields/A eq 0 or (fields/B eq 1 and fields/C eq 'y')"));
    expect(unparenthesised).not.toEqual(
      await matching("(fields/A eq 0 or fields/B eq 1) and fields/C eq 'y'"),
    );
  });

  it('matches an independent evaluation of random expressions printed with minimal parentheses', async () => {
    await fc.assert(
      fc.asyncProperty(expr, async (e) => {
        const filter = print(e);
        const expected = ROWS.flatMap((row, i) => (evaluate(e, row) ? [ids[i] ?? ''] : [])).sort();
        expect(await matching(filter), filter).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

// OData doubles a single quote inside a string literal ("o''brien")
// (https://docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part2-url-conventions.html#sec_URLComponents).
describe('apostrophes in values', () => {
  it('filter correctly when the quote is doubled, directly and inside $batch', async () => {
    const expectedId = ids[0] ?? '';
    const filter = "fields/T eq 'o''brien0@demo.localarea.example'";
    const direct = pageSchema(itemSchema).parse(
      (await officer.get(`${items}?$filter=${encodeURIComponent(filter)}`)).json,
    );
    expect(direct.value.map((i) => i.id)).toEqual([expectedId]);
    const prefix = pageSchema(itemSchema).parse(
      (await officer.get(`${items}?$filter=${encodeURIComponent("startswith(fields/T,'o''brien1')")}`)).json,
    );
    const expectedPrefix = ROWS.flatMap((r, i) => (r.T.startsWith("o'brien1") ? [ids[i] ?? ''] : []));
    expect(expectedPrefix.length).toBeGreaterThan(1);
    expect(prefix.value.map((i) => i.id)).toEqual(expectedPrefix);
    const inBatch = await batch(officer, [
      { id: '1', method: 'GET', url: `${items}?$filter=${encodeURIComponent(filter)}` },
      { id: '2', method: 'GET', url: `${items}?$filter=${filter}` },
    ]);
    for (const r of inBatch.responses) {
      expect(r.status).toBe(200);
      expect(
        pageSchema(itemSchema)
          .parse(r.body)
          .value.map((i) => i.id),
      ).toEqual([expectedId]);
    }
    // An undoubled quote ends the literal early: a syntax error, not a wrong answer.
    expect(
      (await officer.get(`${items}?$filter=${encodeURIComponent("fields/T eq 'o'brien0@x'")}`)).status,
    ).toBe(400);
  });
});
