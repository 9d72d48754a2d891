import type { ColumnDef } from './columns';
import type { Db } from './db';
import { fieldExpression, fieldIndexName, listIdLiteral } from './db';
import { isoFromSeconds, parseInstant } from './dates';
import { GraphError, badRequest } from './errors';
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
  /** ` INDEXED BY "…"` naming the index the filter seeks, or ''. */
  indexedBy: string;
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

/** A date literal compared with stored instants: whole seconds, and whether it had a fraction. */
interface DateBound {
  iso: string;
  fractional: boolean;
}

/**
 * Stored date-times are instants to the second (date-only ones: site-zone midnight), so a
 * date literal is the instant it names — zone-less text read as UTC — compared as an
 * instant, as SharePoint compares them (pnp/pnpjs#1890: a date-only column matches with
 * `eq` only at its stored instant, e.g. `T05:00:00Z` for a US site).
 */
function dateBound(ref: ColumnRef, lit: Literal): DateBound {
  const text = lit.type === 'string' || lit.type === 'datetime' ? lit.value : undefined;
  const parsed = text === undefined ? undefined : parseInstant(text);
  const iso = parsed === undefined ? undefined : isoFromSeconds(parsed.seconds);
  if (parsed === undefined || iso === undefined) throw invalidLiteral(ref, lit);
  return { iso, fractional: parsed.fractional };
}

function invalidLiteral(ref: ColumnRef, lit: Literal): GraphError {
  const shown = lit.type === 'string' || lit.type === 'datetime' ? `'${lit.value}'` : 'value';
  return badRequest(`The literal ${shown} is not valid for field '${ref.col.name}' of type ${ref.col.kind}.`);
}

function literalParam(ref: ColumnRef, lit: Literal): SqlParam {
  const { col } = ref;
  const invalid = () => invalidLiteral(ref, lit);
  switch (col.kind) {
    case 'number':
      if (lit.type === 'number') return lit.value;
      if (lit.type === 'string' && /^-?\d+(\.\d+)?$/.test(lit.value)) return Number(lit.value);
      throw invalid();
    case 'boolean':
      if (lit.type === 'boolean') return lit.value ? 1 : 0;
      if (lit.type === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value;
      throw invalid();
    case 'dateTime':
      return dateBound(ref, lit).iso;
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
  if (
    ref.col.kind === 'dateTime' &&
    leaves.some((leaf) => leaf.kind === 'compare' && dateBound(ref, leaf.value).fractional)
  ) {
    return null;
  }
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
      let op = node.op;
      if (ref.col.kind === 'dateTime') {
        const bound = dateBound(ref, node.value);
        if (bound.fractional) {
          // Stored instants are whole seconds s; against t = S + f (0 < f < 1) s < t is s <= S, s >= t is s > S.
          if (op === 'eq') return '(0)';
          if (op === 'ne') return '(1)';
          op = op === 'lt' ? 'le' : op === 'ge' ? 'gt' : op;
        }
        params.push(bound.iso);
      } else {
        params.push(literalParam(ref, node.value));
      }
      // `IS NOT` keeps items whose field is empty, as SharePoint's Neq does.
      return op === 'ne' ? `(${ref.expr} IS NOT ?)` : `(${ref.expr} ${SQL_OPS[op]} ?)`;
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
 * A query SharePoint refuses because it would touch more items than the list view threshold.
 * Graph answers it with 422 `notSupported`, "The request is unprocessable because it uses too
 * many resources", innerError `tooManyResources` (microsoft-graph-docs#13611; UiPath's
 * SharePoint activities document the same body for filtered lists over 5,000 items).
 * Older reports (msgraph-sdk-dotnet#827) saw a 429 without Retry-After; waiting never helps.
 */
export function thresholdError(): GraphError {
  return new GraphError(
    422,
    'notSupported',
    'The request is unprocessable because it uses too many resources',
    {},
    'tooManyResources',
  );
}

/**
 * The conjunct SharePoint drives a filtered query with: the first top-level `and` condition,
 * in the order written, that an index can serve — a comparison or startswith on one indexed
 * column, or ORs of equalities on one indexed column (an `In`). SharePoint walks that
 * index and filters what it finds by the rest, so it alone decides how many items the query
 * touches ("Designing Large Lists and Maximizing List Performance": items matching the
 * first filter are returned first, then filtered by the next; msgraph-sdk-dotnet#827: a
 * query fails when its first indexed condition matches more than 5,000 items, whatever the
 * other conditions).
 */
function drivingConjunct(filter: FilterNode, columns: ColumnDef[]): FilterNode | undefined {
  const servedByIndex = (node: FilterNode): boolean => {
    if (node.kind === 'compare' || node.kind === 'startswith')
      return resolve(columns, node.property).col.indexed;
    if (node.kind !== 'or') return false;
    const leaves = disjuncts(node);
    const first = leaves[0];
    return (
      first?.kind === 'compare' &&
      resolve(columns, first.property).col.indexed &&
      leaves.every(
        (l) =>
          l.kind === 'compare' && l.op === 'eq' && l.property.toLowerCase() === first.property.toLowerCase(),
      )
    );
  };
  return conjuncts(filter).find(servedByIndex);
}

/**
 * `INDEXED BY` the field index a driving condition can seek (equality, a range, or an
 * `In`), for counting the items it touches; '' when SQLite should choose.
 */
function seekableIndex(driving: FilterNode, listId: string, columns: ColumnDef[]): string {
  const leaves = driving.kind === 'or' ? disjuncts(driving) : [driving];
  const first = leaves[0];
  if (first?.kind !== 'compare' || leaves.some((l) => l.kind !== 'compare' || l.op === 'ne')) return '';
  if (first.value.type === 'null') return '';
  const { col, expr } = resolve(columns, first.property);
  // A date literal with a fraction of a second compiles to a constant, which no index serves.
  if (
    col.storage !== 'fields' ||
    col.kind === 'dateTime' ||
    !col.indexed ||
    expr !== fieldExpression(col.name)
  )
    return '';
  return ` INDEXED BY "${fieldIndexName(listId, col.name)}"`;
}

export interface QueryInput {
  filter: string | undefined;
  orderBy: OrderBy[];
  honorNonIndexed: boolean;
}

/**
 * Compiles $filter/$orderby to SQL and applies SharePoint's rules:
 * - a non-indexed column in $filter/$orderby needs the Prefer header (else 400);
 * - on a list of more than 5,000 items, a filtered query (or one ordered by a non-indexed
 *   column) fails with `tooManyResources` when the items it must touch exceed 5,000: those
 *   matching its driving conjunct (see `drivingConjunct`), or the whole list when no
 *   condition can use an index. Unfiltered queries ordered by indexed columns (and plain
 *   paging by id) are allowed at any size.
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
  if (nonIndexed && !input.honorNonIndexed) throw notIndexedError(nonIndexed.name);

  // As SharePoint does, a filtered query seeks its driving condition's index and sorts what
  // it finds. (SQLite's statistics, kept for all lists in one table, would often walk the
  // whole list by id or by the ordering column instead.)
  const driving = filter ? drivingConjunct(filter, columns) : undefined;
  const indexedBy = driving ? seekableIndex(driving, listId, columns) : '';

  const orderedByNonIndexed = orderRefs.some((o) => !o.ref.col.indexed);
  if (filter || orderedByNonIndexed) {
    const count = (sql: string, countParams: SqlParam[], index = '') =>
      db
        .prepare<SqlParam[], { n: number }>(
          `SELECT COUNT(*) AS n FROM items${index} WHERE list_id = ${listIdLiteral(listId)} AND ${sql}`,
        )
        .get(...countParams)?.n ?? 0;
    const touched = () => {
      if (!driving) return Infinity;
      const drivingParams: SqlParam[] = [];
      return count(toSql(driving, columns, drivingParams), drivingParams, indexedBy);
    };
    // Counting through an index is cheap, so a seekable condition is counted first: up to
    // 5,000 items touched is allowed whatever the list's size.
    const overThreshold =
      indexedBy !== ''
        ? touched() > LIST_VIEW_THRESHOLD
        : count('1', []) > LIST_VIEW_THRESHOLD && touched() > LIST_VIEW_THRESHOLD;
    if (overThreshold) throw thresholdError();
  }

  const orderTerms = orderRefs.map((o) => `${o.ref.expr}${o.desc ? ' DESC' : ''}`);
  return {
    where,
    params,
    orderBy: [...orderTerms, 'item_id'].join(', '),
    ordered: orderRefs.length > 0,
    indexedBy,
  };
}
