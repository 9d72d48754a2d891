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

  it("takes the plan's site from the channel tab's content URL", () => {
    const site =
      'contoso.sharepoint.com,2c6a7d2e-3f4b-4c8d-9e0f-1a2b3c4d5e6f,7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
    const url = `https://tab.example.org/plans/3?site=${encodeURIComponent(site)}`;
    expect(readAppConfig({ VITE_SITE_ID: 'root' }, url).siteId).toBe(site);
    expect(readAppConfig({ VITE_SITE_ID: 'root' }, 'https://tab.example.org/plans/3').siteId).toBe('root');
    expect(() => readAppConfig({}, 'https://tab.example.org/?site=..%2F_local')).toThrow(
      /site parameter "..\/_local" is not a SharePoint site id/,
    );
  });
});
