import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GRAPH_PERMISSIONS, graphScopes } from '../../../src/auth/entra-scopes';
import { checkManifest } from '../../../src/jobs/package/checks';
import { renderManifest, TemplateError } from '../../../src/jobs/package/manifest';
import { schemaPath, schemaProblems } from '../../../src/jobs/package/schema';
import { packageConfig, renderedManifest } from './fixture';

describe('the Teams app manifest', () => {
  it('passes the official Teams manifest schema, offline', async () => {
    expect(await schemaProblems(renderedManifest())).toEqual([]);
  });

  it('is on the newest manifest schema @microsoft/app-manifest bundles (at least 1.25)', () => {
    const manifest = renderedManifest();
    const bundled = readdirSync(dirname(dirname(schemaPath('1.0'))))
      .map((name) => /^v1\.(\d+)$/.exec(name)?.[1])
      .filter((minor) => minor !== undefined)
      .map(Number);
    const newest = `1.${Math.max(...bundled)}`;
    expect(manifest.manifestVersion).toBe(newest);
    expect(Number(String(manifest.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(25);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
    );
  });

  it('fails the official schema when it breaks a rule there (a short name over 30 characters)', async () => {
    const manifest = { ...renderedManifest(), name: { short: 'Written Statement of Action tracker' } };
    expect(await schemaProblems(manifest)).toEqual([
      expect.stringMatching(/^schema v1\.\d+: \/name\/short must NOT have more than 30 characters/),
    ]);
  });

  it('passes our own checks', () => {
    expect(checkManifest(renderedManifest())).toEqual([]);
  });

  it("carries the council's values: app id, Entra client id, host, version", () => {
    const manifest = renderedManifest({
      teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001',
      entraClientId: 'a1b2c3d4-0000-4000-8000-000000000002',
      hostUrl: 'https://tracker.leics.gov.uk',
      hostDomain: 'tracker.leics.gov.uk',
      version: '2.3.4',
    });
    expect(manifest).toMatchObject({
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      version: '2.3.4',
      name: { short: 'WSoA tracker', full: 'Written Statement of Action tracker' },
      developer: {
        websiteUrl: 'https://tracker.leics.gov.uk/',
        privacyUrl: 'https://tracker.leics.gov.uk/privacy.html',
        termsOfUseUrl: 'https://tracker.leics.gov.uk/terms.html',
      },
      configurableTabs: [
        {
          configurationUrl: 'https://tracker.leics.gov.uk/config',
          canUpdateConfiguration: true,
          scopes: ['team', 'groupChat'],
          supportedSharePointHosts: ['sharePointFullPage', 'sharePointWebPart'],
        },
      ],
      staticTabs: [
        {
          entityId: 'my-work',
          name: 'My work',
          contentUrl: 'https://tracker.leics.gov.uk/my-work',
          scopes: ['personal'],
        },
      ],
      validDomains: ['tracker.leics.gov.uk'],
      webApplicationInfo: {
        id: 'a1b2c3d4-0000-4000-8000-000000000002',
        nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://tracker.leics.gov.uk' }],
      },
    });
  });

  it("asks for the identity permission, without which Teams leaves out the team's group id", () => {
    // TeamsJS TeamInfo.groupId: "available only when the identity permission is requested in the
    // manifest" (learn.microsoft.com/javascript/api/@microsoft/teams-js/app.teaminfo); the set-up
    // page finds the team's SharePoint site from it.
    const manifest = renderedManifest({
      teamsAppId: 'a1b2c3d4-0000-4000-8000-000000000001',
      entraClientId: 'a1b2c3d4-0000-4000-8000-000000000002',
      hostUrl: 'https://tracker.leics.gov.uk',
      hostDomain: 'tracker.leics.gov.uk',
      version: '2.3.4',
    });
    expect(manifest.permissions).toEqual(['identity']);
  });

  it("names the tab's own Graph scopes, in order, so Teams can prefetch its token", () => {
    const manifest = renderedManifest();
    expect(manifest.webApplicationInfo).toMatchObject({
      nestedAppAuthInfo: [{ scopes: graphScopes('https://graph.microsoft.com/v1.0', GRAPH_PERMISSIONS) }],
    });
    expect(JSON.stringify(manifest.webApplicationInfo)).toContain(
      'https://graph.microsoft.com/Sites.ReadWrite.All',
    );
  });

  it('leaves no placeholder behind', () => {
    expect(JSON.stringify(renderedManifest())).not.toMatch(/\$\{\{/);
  });

  it('refuses a template that uses a value packaging does not know', () => {
    const template = JSON.stringify({ id: '${{TEAMS_APP_ID}}', name: { short: '${{COUNCIL_NAME}}' } });
    expect(() => renderManifest(template, packageConfig())).toThrow(TemplateError);
    expect(() => renderManifest(template, packageConfig())).toThrow(
      /name\.short uses \$\{\{COUNCIL_NAME\}\}, which packaging does not fill in/,
    );
  });

  it('is described in British English, within the store limits', () => {
    const { short, full } = z
      .object({ short: z.string(), full: z.string() })
      .parse(renderedManifest().description);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(full.length).toBeLessThanOrEqual(4000);
    expect(full).toMatch(/organisation/);
    expect(`${short} ${full}`).not.toMatch(/\b(organization|color|prioritize|center|program)\b/i);
  });
});
