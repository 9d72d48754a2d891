import { Hono } from 'hono';
import type { AppEnv, ServerContext } from './context';
import { graphBase } from './context';
import type { Db } from './db';
import { GraphError, badRequest } from './errors';
import { parseFilter } from './odata-filter';
import type { FilterNode } from './odata-filter';
import { decodeSkipToken, encodeSkipToken, parseTop, queryParam, withQuery } from './odata-query';

export interface UserRow {
  id: string;
  lookup_id: number;
  alias: string;
  kind: 'user' | 'app';
  upn: string | null;
  display_name: string;
  given_name: string | null;
  surname: string | null;
  job_title: string | null;
  company_name: string | null;
  department: string | null;
}

/** Who is calling: a delegated user or the app principal. */
export type Principal = UserRow;

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
}

export function findUserByIdOrUpn(db: Db, key: string): UserRow | undefined {
  return db
    .prepare<[string, string], UserRow>('SELECT * FROM users WHERE id = ? OR upn = ? COLLATE NOCASE')
    .get(key, key);
}

export function allUsers(db: Db): UserRow[] {
  return db.prepare<[], UserRow>("SELECT * FROM users WHERE kind = 'user' ORDER BY display_name").all();
}

/** The identitySet used by createdBy / lastModifiedBy. */
export function identitySet(user: UserRow | undefined): Record<string, unknown> {
  if (!user) return { user: { displayName: 'Unknown user' } };
  if (user.kind === 'app') {
    return {
      application: { id: user.id, displayName: user.display_name },
      user: { displayName: 'SharePoint App' },
    };
  }
  return { user: { id: user.id, displayName: user.display_name, email: user.upn } };
}

const USER_PROPERTIES: Record<string, (u: UserRow) => unknown> = {
  businessPhones: () => [],
  displayName: (u) => u.display_name,
  givenName: (u) => u.given_name,
  jobTitle: (u) => u.job_title,
  mail: (u) => u.upn,
  mobilePhone: () => null,
  officeLocation: () => null,
  preferredLanguage: () => 'en-GB',
  surname: (u) => u.surname,
  userPrincipalName: (u) => u.upn,
  id: (u) => u.id,
  companyName: (u) => u.company_name,
  department: (u) => u.department,
  accountEnabled: () => true,
  userType: () => 'Member',
};
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

function parseUserSelect(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_USER_PROPERTIES;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (!Object.keys(USER_PROPERTIES).some((p) => p.toLowerCase() === name.toLowerCase())) {
      throw badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
        'BadRequest',
      );
    }
  }
  return names.map((n) => Object.keys(USER_PROPERTIES).find((p) => p.toLowerCase() === n.toLowerCase()) ?? n);
}

export function userJson(u: UserRow, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of select) {
    const get = USER_PROPERTIES[name];
    if (get) out[name] = get(u);
  }
  return out;
}

const FILTERABLE: Record<string, (u: UserRow) => string | null> = {
  displayname: (u) => u.display_name,
  givenname: (u) => u.given_name,
  surname: (u) => u.surname,
  userprincipalname: (u) => u.upn,
  mail: (u) => u.upn,
  id: (u) => u.id,
  jobtitle: (u) => u.job_title,
  companyname: (u) => u.company_name,
  department: (u) => u.department,
};

function unsupported(property: string): GraphError {
  return badRequest(
    `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
    'Request_UnsupportedQuery',
  );
}

/** Directory string comparisons are case-insensitive, as in Entra ID. */
function matches(node: FilterNode, u: UserRow): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, u) && matches(node.right, u);
    case 'or':
      return matches(node.left, u) || matches(node.right, u);
    case 'not':
      return !matches(node.operand, u);
    case 'startswith': {
      const get = FILTERABLE[node.property.toLowerCase()];
      if (!get) throw unsupported(node.property);
      return (get(u) ?? '').toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'compare': {
      const get = FILTERABLE[node.property.toLowerCase()];
      if (!get || (node.op !== 'eq' && node.op !== 'ne')) throw unsupported(node.property);
      const actual = get(u);
      const equal =
        node.value.type === 'null'
          ? actual === null
          : node.value.type === 'string' &&
            actual !== null &&
            actual.toLowerCase() === node.value.value.toLowerCase();
      return node.op === 'eq' ? equal : !equal;
    }
  }
}

export function directoryRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/me', (c) => {
    const me = c.get('principal');
    if (me.kind === 'app') {
      throw badRequest('/me request is only valid with delegated authentication flow.', 'BadRequest');
    }
    const select = parseUserSelect(queryParam(c, 'select'));
    return c.json({ '@odata.context': `${graphBase(c)}/$metadata#users/$entity`, ...userJson(me, select) });
  });

  app.get('/users', (c) => {
    const select = parseUserSelect(queryParam(c, 'select'));
    const top = parseTop(queryParam(c, 'top'), 100, 999);
    const filterText = queryParam(c, 'filter');
    const filter = filterText === undefined ? undefined : parseFilter(filterText);
    const users = allUsers(ctx.db).filter((u) => (filter ? matches(filter, u) : true));
    const offset = decodeSkipToken(queryParam(c, 'skiptoken'))?.offset ?? 0;
    const page = users.slice(offset, offset + top);
    const body: Record<string, unknown> = {
      '@odata.context': `${graphBase(c)}/$metadata#users`,
      value: page.map((u) => userJson(u, select)),
    };
    if (offset + top < users.length) {
      body['@odata.nextLink'] = withQuery(c, { $skiptoken: encodeSkipToken({ offset: offset + top }) });
    }
    return c.json(body);
  });

  app.get('/users/:id', (c) => {
    const key = c.req.param('id');
    const user = findUserByIdOrUpn(ctx.db, key);
    if (!user || user.kind !== 'user') {
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    const select = parseUserSelect(queryParam(c, 'select'));
    return c.json({ '@odata.context': `${graphBase(c)}/$metadata#users/$entity`, ...userJson(user, select) });
  });

  return app;
}
