import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../../../src/app/config';
import { ConfigError, readJobConfig } from '../../../src/jobs/config';

describe('configuration of the commands', () => {
  it('runs against the local Graph, site root, London time, when nothing is set', () => {
    expect(readJobConfig({})).toEqual({
      kind: 'local',
      graphBaseUrl: 'http://127.0.0.1:4000/v1.0',
      origin: 'http://127.0.0.1:4000',
      siteId: 'root',
      siteTimeZone: 'Europe/London',
    });
  });

  it('names every missing credential for a real tenant', () => {
    expect(() => readJobConfig({ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' })).toThrow(
      /AZURE_TENANT_ID is missing; AZURE_CLIENT_ID is missing; AZURE_CLIENT_SECRET is missing/,
    );
  });

  it("takes the site's time zone, and refuses one that is not an IANA name", () => {
    expect(readJobConfig({ GRAPH_SITE_TIME_ZONE: 'America/New_York' }).siteTimeZone).toBe('America/New_York');
    expect(() => readJobConfig({ GRAPH_SITE_TIME_ZONE: 'GMT Standard Time' })).toThrow(ConfigError);
    expect(() => readJobConfig({ GRAPH_SITE_TIME_ZONE: 'GMT Standard Time' })).toThrow(
      /GRAPH_SITE_TIME_ZONE must be the SharePoint site's time zone as an IANA name/,
    );
  });
});

describe("configuration of the tab's build", () => {
  it('defaults to the local Graph and London time', () => {
    expect(readAppConfig({})).toMatchObject({
      graphBaseUrl: 'http://127.0.0.1:4000/v1.0',
      siteId: 'root',
      siteTimeZone: 'Europe/London',
      auth: { kind: 'local-graph' },
    });
  });

  it('names a bad value', () => {
    expect(() => readAppConfig({ VITE_SITE_TIME_ZONE: 'London' })).toThrow(/VITE_SITE_TIME_ZONE must be/);
    expect(() => readAppConfig({ VITE_GRAPH_BASE_URL: 'graph' })).toThrow(
      /VITE_GRAPH_BASE_URL must be a URL/,
    );
  });
});
