import { z } from 'zod';
import type { DataProblem, Stored } from '../domain';
import { firstFailure, sendBatchedJudged, type BatchOptions } from './batch';
import { etagOf, type GraphRequest, type GraphResponse } from './client';
import { itemsPath, siteSettings, type DataContext } from './context';
import {
  fromListItem,
  readListItem,
  selectedColumns,
  toNewFields,
  toPatchFields,
  titleOf,
  validateEntity,
  type EntityMapping,
} from './entity-mapping';
import { ValidationError } from './errors';
import { itemQueryString } from './odata';

/** Largest page SharePoint serves through Graph; fewer pages means fewer round trips. */
const MAX_PAGE = 5000;

const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

export interface ListQuery {
  filter?: string;
  orderBy?: string;
  top?: number;
}

/**
 * The list-item operations every entity shares. Each returns domain objects
 * (validated) and never raw items; writes carry the eTag they were read with.
 */
export interface Repository<T extends { id: string }> {
  readonly mapping: EntityMapping<T>;
  /** A GET request for a query, to send alone or inside a `$batch`. */
  queryRequest(query: ListQuery): GraphRequest;
  /**
   * Reads a page body (from a direct or batched GET) and follows `@odata.nextLink`
   * to the end. An item that does not fit (edited outside the app) is left out and
   * its problem added to `problems`: one bad item never fails the read.
   */
  readPages(firstPage: unknown, problems: DataProblem[]): Promise<Stored<T>[]>;
  /** Reads a single item body (from a direct or batched GET); a ValidationError naming the problem if it does not fit. */
  readItem(body: unknown): Stored<T>;
  query(query: ListQuery, problems: DataProblem[]): Promise<Stored<T>[]>;
  getRequest(id: string): GraphRequest;
  get(id: string): Promise<Stored<T>>;
  create(entity: Omit<T, 'id'>): Promise<Stored<T>>;
  createMany(entities: readonly Omit<T, 'id'>[], options?: BatchOptions): Promise<Stored<T>[]>;
  createRequest(entity: Omit<T, 'id'>): GraphRequest;
  /** Validates the merged entity, then PATCHes only the changed properties with If-Match. */
  update(current: Stored<T>, patch: Partial<Omit<T, 'id'>>): Promise<Stored<T>>;
  updateRequest(current: Stored<T>, patch: Partial<Omit<T, 'id'>>): GraphRequest;
  remove(current: Stored<T>): Promise<void>;
  /**
   * The stored entity after a successful write: a create answers with the item; a
   * PATCH with its fields, so `current` (with the patch applied) takes the new eTag.
   */
  fromWriteResponse(current: Stored<T> | null, response: GraphResponse): Stored<T>;
}

export function createRepository<T extends { id: string }>(
  ctx: DataContext,
  mapping: EntityMapping<T>,
): Repository<T> {
  const path = itemsPath(ctx, mapping.list);
  const select = selectedColumns(mapping);
  const noun = mapping.noun;
  const site = siteSettings(ctx);
  const read = (item: unknown) => fromListItem(mapping, item, site);

  async function readPages(firstPage: unknown, problems: DataProblem[]): Promise<Stored<T>[]> {
    const items: Stored<T>[] = [];
    let page = pageSchema.parse(firstPage);
    for (;;) {
      for (const item of page.value) {
        const reading = readListItem(mapping, item, site);
        if (reading.ok) items.push(reading.value);
        else problems.push(reading.problem);
      }
      const next = page['@odata.nextLink'];
      if (!next) return items;
      const response = await ctx.client.call(
        { method: 'GET', path: ctx.client.relativePath(next) },
        `Reading ${noun.toLowerCase()}s`,
      );
      page = pageSchema.parse(response.body);
    }
  }

  function queryRequest(query: ListQuery): GraphRequest {
    return {
      method: 'GET',
      path: `${path}${itemQueryString({ select, ...query, top: query.top ?? MAX_PAGE })}`,
    };
  }

  function getRequest(id: string): GraphRequest {
    return { method: 'GET', path: `${path}/${encodeURIComponent(id)}${itemQueryString({ select })}` };
  }

  function createRequest(entity: Omit<T, 'id'>): GraphRequest {
    return { method: 'POST', path, body: { fields: toNewFields(mapping, entity, site) } };
  }

  function updateRequest(current: Stored<T>, patch: Partial<Omit<T, 'id'>>): GraphRequest {
    const { etag, ...entity } = current;
    const { id: _id, ...merged } = validateEntity(mapping, { ...entity, ...patch });
    const fields = { Title: titleOf(mapping, merged), ...toPatchFields(mapping, patch, site) };
    return {
      method: 'PATCH',
      path: `${path}/${encodeURIComponent(current.id)}/fields`,
      headers: { 'If-Match': etag },
      body: fields,
    };
  }

  function fromWriteResponse(current: Stored<T> | null, response: GraphResponse): Stored<T> {
    if (current === null) return read(response.body);
    const newEtag = etagOf(response);
    if (!newEtag)
      throw new ValidationError(
        `Saving ${noun.toLowerCase()} ${current.id}: Graph did not return the new eTag`,
      );
    return { ...current, etag: newEtag };
  }

  async function writeAll(
    requests: GraphRequest[],
    currents: (Stored<T> | null)[],
    what: string,
    options?: BatchOptions,
  ): Promise<Stored<T>[]> {
    const results = await sendBatchedJudged(ctx.client, requests, () => what, options);
    const failure = firstFailure(results);
    if (failure) throw failure;
    return results.map((r, i) => {
      if (!r.ok) throw r.error;
      return fromWriteResponse(currents[i] ?? null, r.response);
    });
  }

  return {
    mapping,
    queryRequest,
    readPages,
    readItem: read,
    createRequest,
    updateRequest,
    fromWriteResponse,
    async query(query, problems) {
      const response = await ctx.client.call(queryRequest(query), `Reading ${noun.toLowerCase()}s`);
      return readPages(response.body, problems);
    },
    getRequest,
    async get(id) {
      const response = await ctx.client.call(getRequest(id), `Reading ${noun.toLowerCase()} ${id}`);
      return read(response.body);
    },
    async create(entity) {
      const response = await ctx.client.call(createRequest(entity), `Saving the new ${noun.toLowerCase()}`);
      return read(response.body);
    },
    async createMany(entities, options) {
      if (entities.length === 0) return [];
      return writeAll(
        entities.map(createRequest),
        entities.map(() => null),
        `Saving ${noun.toLowerCase()}s`,
        options,
      );
    },
    async update(current, patch) {
      const request = updateRequest(current, patch);
      const response = await ctx.client.call(request, `Saving ${noun.toLowerCase()} ${current.id}`);
      return fromWriteResponse({ ...current, ...patch }, response);
    },
    async remove(current) {
      await ctx.client.call(
        {
          method: 'DELETE',
          path: `${path}/${encodeURIComponent(current.id)}`,
          headers: { 'If-Match': current.etag },
        },
        `Deleting ${noun.toLowerCase()} ${current.id}`,
      );
    },
  };
}
