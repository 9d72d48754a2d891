/** Small builders for the OData query strings Graph takes on list items. */

/** A string literal inside `$filter`, with quotes doubled as OData requires. */
export function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}

export function fieldEq(field: string, value: string | number | boolean): string {
  return `fields/${field} eq ${literal(value)}`;
}

export function anyOf(field: string, values: readonly (string | number)[]): string {
  return values.map((v) => fieldEq(field, v)).join(' or ');
}

export interface ItemQuery {
  select: readonly string[];
  filter?: string;
  orderBy?: string;
  top?: number;
}

/** `?expand=fields(select=…)&$filter=…`, each value encoded once. */
export function itemQueryString(query: ItemQuery): string {
  const params: string[] = [`expand=${encodeURIComponent(`fields(select=${query.select.join(',')})`)}`];
  if (query.filter) params.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.orderBy) params.push(`$orderby=${encodeURIComponent(query.orderBy)}`);
  if (query.top) params.push(`$top=${query.top}`);
  return `?${params.join('&')}`;
}
