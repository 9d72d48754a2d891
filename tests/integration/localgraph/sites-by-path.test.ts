import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import type { LocalGraph } from '../../../src/localgraph/index';
import { TestClient, expectError, startFresh, stopAndRemove } from './helpers';

/**
 * "Get a site resource by path": GET /sites/{hostname}:/{relative-path}
 * (https://learn.microsoft.com/graph/api/site-getbypath; the path form is described in
 * https://learn.microsoft.com/graph/api/resources/sharepoint: "/sites/contoso.sharepoint.com:/teams/hr
 * — the site associated with https://contoso.sharepoint.com/teams/hr"). A path that names no site is
 * 404 itemNotFound, "The provided path does not exist, or does not represent a site"
 * (microsoftgraph/microsoft-graph-docs#3892).
 */
let graph: LocalGraph;
beforeAll(async () => {
  graph = await startFresh();
});
afterAll(async () => {
  await stopAndRemove(graph);
});

const siteSchema = z.object({ id: z.string(), webUrl: z.string(), displayName: z.string() }).loose();
const { groupSite, rootSite } = DEMO_TENANT;

describe('a site by hostname and server-relative path', () => {
  it('answers the site whose web URL has that path, with the shape of GET /sites/{id}', async () => {
    const officer = new TestClient(graph, 'officer');
    const webUrl = new URL(groupSite.webUrl);
    const byPath = await officer.get(`/sites/${webUrl.hostname}:${webUrl.pathname}`);
    expect(byPath.status).toBe(200);
    expect(siteSchema.parse(byPath.json)).toMatchObject({ id: groupSite.id, webUrl: groupSite.webUrl });
    const byId = await officer.get(`/sites/${encodeURIComponent(groupSite.id)}`);
    expect(byPath.json).toEqual(byId.json);
  });

  it('ignores the case of the path and a trailing slash, as SharePoint URLs do', async () => {
    const reply = await new TestClient(graph, 'officer').get(
      '/sites/LOCALHOST:/sites/sendlocalareapartnership/',
    );
    expect(siteSchema.parse(reply.json).id).toBe(groupSite.id);
  });

  it('serves a visitor too: reading a site needs only read access', async () => {
    const reply = await new TestClient(graph, 'chair').get(
      '/sites/localhost:/sites/SENDLocalAreaPartnership',
    );
    expect(reply.status).toBe(200);
  });

  it('answers the hostname alone with the root site', async () => {
    const reply = await new TestClient(graph, 'officer').get('/sites/localhost');
    expect(siteSchema.parse(reply.json).id).toBe(rootSite.id);
  });

  it.each([
    ['a path that names no site', '/sites/localhost:/sites/no-such-site'],
    ['a path below a site', '/sites/localhost:/sites/SENDLocalAreaPartnership/Lists'],
    ['another host', '/sites/contoso.sharepoint.com:/sites/SENDLocalAreaPartnership'],
  ])('is 404 itemNotFound for %s', async (_what, path) => {
    const reply = await new TestClient(graph, 'officer').get(path);
    expectError(reply, 404, 'itemNotFound', 'The provided path does not exist, or does not represent a site');
  });

  it('still needs a token', async () => {
    const reply = await new TestClient(graph, null).get('/sites/localhost:/sites/SENDLocalAreaPartnership');
    expectError(reply, 401, 'InvalidAuthenticationToken');
  });
});
