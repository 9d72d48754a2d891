import { z } from 'zod';
import type { AppContext } from './context';
import { badRequest } from './errors';

/** Graph accepts system query options with or without the `$` prefix. */
export function queryParam(c: AppContext, name: string): string | undefined {
  return c.req.query(`$${name}`) ?? c.req.query(name);
}

export function parseTop(
  raw: string | undefined,
  defaultTop: number,
  max: number,
  overMax: 'clamp' | 'reject' = 'reject',
): number {
  if (raw === undefined) return defaultTop;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw badRequest(`Invalid value '${raw}' for $top. It must be a positive integer.`, 'BadRequest');
  }
  const top = Number(raw);
  if (top > max) {
    if (overMax === 'clamp') return max;
    throw badRequest(
      `Invalid page size specified: '${top}'. Must be between 1 and ${max} inclusive.`,
      'BadRequest',
    );
  }
  return top;
}

export interface ExpandOption {
  name: string;
  select?: string[];
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Parses `fields`, `fields(select=A,B)` and `fields($select=A,B)`. */
export function parseExpand(raw: string | undefined): ExpandOption[] {
  if (raw === undefined) return [];
  return splitTopLevel(raw).map((part) => {
    const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(part);
    const name = m?.[1];
    if (m === null || name === undefined) throw badRequest(`Invalid $expand option '${part}'.`, 'BadRequest');
    const inner = m[2];
    if (inner === undefined || inner.trim() === '') return { name };
    const sel = /^\$?select=(.*)$/i.exec(inner.trim());
    if (!sel || sel[1] === undefined) {
      throw badRequest(`Only select is supported inside $expand=${name}(...); got '${inner}'.`, 'BadRequest');
    }
    return { name, select: parseSelect(sel[1]) ?? [] };
  });
}

export function parseSelect(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return names.length > 0 ? names : undefined;
}

export interface OrderBy {
  property: string;
  desc: boolean;
}

export function parseOrderBy(raw: string | undefined): OrderBy[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const property = m?.[1];
    if (!m || property === undefined)
      throw badRequest(`Invalid $orderby clause '${part.trim()}'.`, 'BadRequest');
    return { property, desc: m[2]?.toLowerCase() === 'desc' };
  });
}

const skipTokenSchema = z.object({
  offset: z.number().int().nonnegative().optional(),
  afterId: z.number().int().nonnegative().optional(),
  before: z.string().optional(),
});
export type SkipToken = z.infer<typeof skipTokenSchema>;

export function encodeSkipToken(token: SkipToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeSkipToken(raw: string | undefined): SkipToken | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = skipTokenSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw badRequest(`The $skiptoken '${raw}' is not valid.`, 'BadRequest');
}

/** The current absolute URL with some query parameters replaced (used for nextLink). */
export function withQuery(c: AppContext, overrides: Record<string, string>): string {
  const url = new URL(c.req.url);
  for (const key of Object.keys(overrides)) {
    url.searchParams.delete(key);
    url.searchParams.delete(key.replace(/^\$/, ''));
  }
  for (const [key, value] of Object.entries(overrides)) url.searchParams.set(key, value);
  return url.toString();
}
