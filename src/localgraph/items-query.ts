import type { ColumnDef } from './columns';
import type { Db } from './db';
import { fieldExpression, listIdLiteral } from './db';
import { GraphError, badRequest } from './errors';
import { normalizeDateTime } from './field-values';
import { conjuncts, parseFilter } from './odata-filter';
import type { FilterNode, Literal } from './odata-filter';
import type { OrderBy } from './odata-query';

export type SqlParam = string | number;

/** SharePoint's list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;

interface ColumnRef {
  col: ColumnDef;
  expr: string;
}

export interface CompiledQuery {
  where: string;
  params: SqlParam[];
  orderBy: string;
  /** True when $orderby is present (paging then uses an offset rather than the item id). */
  ordered: boolean;
}

function resolve(columns: ColumnDef[], property: string): ColumnRef {
  const lower = property.toLowerCase();
  let name: string;
  if (lower === 'id' || lower === 'fields/id') name = 'ID';
  else if (lower === 'createddatetime') name = 'Created';
  else if (lower === 'lastmodifieddatetime') name = 'Modified';
  else if (property.startsWith('fields/')) name = property.slice('fields/'.length);
  else {
    throw badRequest(
      `Property '${property}' cannot be used here; refer to list columns as fields/{name}, or use id, createdDateTime or lastModifiedDateTime.`,
    );
  }
  const col = columns.find((c) => c.name === name);
  if (!col) throw badRequest(`Column '${name}' does not exist. It may have been deleted by another user.`);
  switch (col.storage) {
    case 'id':
      return { col, expr: 'item_id' };
    case 'created':
      return { col, expr: 'created' };
    case 'modified':
      return { col, expr: 'modified' };
    case 'fields':
      return { col, expr: fieldExpression(col.name) };
    case 'author':
    case 'editor':
      throw badRequest(`Field '${col.name}' cannot be used in $filter or $orderby by the local Graph.`);
  }
}

function literalParam(ref: ColumnRef, lit: Literal): SqlParam {
  const { col } = ref;
  const invalid = () =>
    badRequest(
      `The literal ${lit.type === 'string' ? `'${lit.value}'` : 'value'} is not valid for field '${col.name}' of type ${col.kind}.`,
    );
  switch (col.kind) {
    case 'number':
      if (lit.type === 'number') return lit.value;
      if (lit.type === 'string' && /^-?\d+(\.\d+)?$/.test(lit.value)) return Number(lit.value);
      throw invalid();
    case 'boolean':
      if (lit.type === 'boolean') return lit.value ? 1 : 0;
      if (lit.type === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value;
      throw invalid();
    case 'dateTime': {
      const text = lit.type === 'string' || lit.type === 'datetime' ? lit.value : undefined;
      const normalized = text === undefined ? undefined : normalizeDateTime(text, col.dateTime.format);
      if (normalized === undefined) throw invalid();
      return normalized;
    }
    case 'text':
    case 'choice':
      if (lit.type === 'string' || lit.type === 'datetime') return lit.value;
      if (lit.type === 'number') return String(lit.value);
      throw invalid();
    case 'personOrGroup':
      throw invalid();
  }
}

const SQL_OPS = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

/** The leaves of a chain of `or`s. */
function disjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'or' ? [...disjuncts(node.left), ...disjuncts(node.right)] : [node];
}

/**
 * `a eq 1 or a eq 2 or …` on one field, as `a IN (1, 2, …)`: SQLite's planner
 * serves an IN list from the field's index, where it scans the list for the chain
 * of ORs (the reminder job asks for many keys at once this way).
 */
function inListSql(node: FilterNode, columns: ColumnDef[], params: SqlParam[]): string | null {
  const leaves = disjuncts(node);
  const first = leaves[0];
  if (leaves.length < 2 || first?.kind !== 'compare') return null;
  const sameField = (leaf: FilterNode) =>
    leaf.kind === 'compare' &&
    leaf.op === 'eq' &&
    leaf.value.type !== 'null' &&
    leaf.property.toLowerCase() === first.property.toLowerCase();
  if (!leaves.every(sameField)) return null;
  const ref = resolve(columns, first.property);
  for (const leaf of leaves) if (leaf.kind === 'compare') params.push(literalParam(ref, leaf.value));
  return `(${ref.expr} IN (${leaves.map(() => '?').join(', ')}))`;
}

function toSql(node: FilterNode, columns: ColumnDef[], params: SqlParam[]): string {
  switch (node.kind) {
    case 'or':
      return (
        inListSql(node, columns, params) ??
        `(${toSql(node.left, columns, params)} OR ${toSql(node.right, columns, params)})`
      );
    case 'and':
      return `(${toSql(node.left, columns, params)} ${node.kind.toUpperCase()} ${toSql(node.right, columns, params)})`;
    case 'not':
      return `(NOT ${toSql(node.operand, columns, params)})`;
    case 'startswith': {
      const ref = resolve(columns, node.property);
      if (ref.col.kind !== 'text' && ref.col.kind !== 'choice') {
        throw badRequest(`startswith needs a text or choice field; '${ref.col.name}' is ${ref.col.kind}.`);
      }
      params.push(`${node.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      return `(${ref.expr} LIKE ? ESCAPE '\\')`;
    }
    case 'compare': {
      const ref = resolve(columns, node.property);
      if (node.value.type === 'null') {
        if (node.op === 'eq') return `(${ref.expr} IS NULL)`;
        if (node.op === 'ne') return `(${ref.expr} IS NOT NULL)`;
        throw badRequest(`null can only be compared with eq or ne (field '${ref.col.name}').`);
      }
      params.push(literalParam(ref, node.value));
      // `IS NOT` keeps items whose field is empty, as SharePoint's Neq does.
      return node.op === 'ne' ? `(${ref.expr} IS NOT ?)` : `(${ref.expr} ${SQL_OPS[node.op]} ?)`;
    }
  }
}

function referencedColumns(node: FilterNode, columns: ColumnDef[]): ColumnDef[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...referencedColumns(node.left, columns), ...referencedColumns(node.right, columns)];
    case 'not':
      return referencedColumns(node.operand, columns);
    case 'compare':
    case 'startswith':
      return [resolve(columns, node.property).col];
  }
}

export function prefersNonIndexed(prefer: string | undefined): boolean {
  if (prefer === undefined) return false;
  return prefer
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .some((p) => p === 'honornonindexedquerieswarningmayfailrandomly' || p === 'allowthrottleablequeries');
}

export function notIndexedError(column: string): GraphError {
  return badRequest(
    `Field '${column}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

/**
 * Graph surfaces SharePoint's SPQueryThrottledException for list items as a 429 without Retry-After
 * (reported in msgraph-sdk-dotnet#827 and by practitioners); waiting does not help, narrowing the query does.
 */
export function thresholdError(): GraphError {
  return new GraphError(
    429,
    'activityLimitReached',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

export interface QueryInput {
  filter: string | undefined;
  orderBy: OrderBy[];
  honorNonIndexed: boolean;
}

/**
 * Compiles $filter/$orderby to SQL and applies SharePoint's indexing rules: a non-indexed column
 * needs the Prefer header, and even then fails once the rows to scan exceed the threshold.
 * Rows to scan are those matched by the indexed top-level conjuncts (or the whole list).
 */
export function compileQuery(db: Db, listId: string, columns: ColumnDef[], input: QueryInput): CompiledQuery {
  const filter =
    input.filter === undefined || input.filter.trim() === '' ? undefined : parseFilter(input.filter);
  const params: SqlParam[] = [];
  const where = filter ? toSql(filter, columns, params) : '1';
  const orderRefs = input.orderBy.map((o) => ({ ref: resolve(columns, o.property), desc: o.desc }));

  const referenced = [
    ...(filter ? referencedColumns(filter, columns) : []),
    ...orderRefs.map((o) => o.ref.col),
  ];
  const nonIndexed = referenced.find((c) => !c.indexed);
  if (nonIndexed) {
    if (!input.honorNonIndexed) throw notIndexedError(nonIndexed.name);
    const indexedParts = filter
      ? conjuncts(filter).filter((part) => referencedColumns(part, columns).every((c) => c.indexed))
      : [];
    const countParams: SqlParam[] = [];
    const indexedWhere = indexedParts.map((p) => toSql(p, columns, countParams)).join(' AND ') || '1';
    const row = db
      .prepare<SqlParam[], { n: number }>(
        `SELECT COUNT(*) AS n FROM items WHERE list_id = ${listIdLiteral(listId)} AND ${indexedWhere}`,
      )
      .get(...countParams);
    if ((row?.n ?? 0) > LIST_VIEW_THRESHOLD) throw thresholdError();
  }

  const orderTerms = orderRefs.map((o) => `${o.ref.expr}${o.desc ? ' DESC' : ''}`);
  return { where, params, orderBy: [...orderTerms, 'item_id'].join(', '), ordered: orderRefs.length > 0 };
}
