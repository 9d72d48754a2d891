import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/jobs/config';
import { readPackageConfig } from '../../../src/jobs/package/config';

const good = {
  TEAMS_APP_ID: '2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f',
  VITE_ENTRA_CLIENT_ID: '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
  TAB_HOST_URL: 'https://wsoa.contoso.gov.uk/',
};

describe('configuration of npm run package', () => {
  it("takes the council's values, the host as an origin and its domain", () => {
    expect(readPackageConfig(good, '0.1.0')).toEqual({
      teamsAppId: '2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f',
      entraClientId: '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
      hostUrl: 'https://wsoa.contoso.gov.uk',
      hostDomain: 'wsoa.contoso.gov.uk',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      version: '0.1.0',
    });
  });

  it('names every missing variable in one line', () => {
    expect(() => readPackageConfig({}, '0.1.0')).toThrow(ConfigError);
    expect(() => readPackageConfig({}, '0.1.0')).toThrow(
      /^TEAMS_APP_ID is missing: .*; VITE_ENTRA_CLIENT_ID is missing: .*; TAB_HOST_URL is missing: [^;]*$/,
    );
  });

  it.each([
    { env: { TEAMS_APP_ID: 'wsoa' }, problem: /TEAMS_APP_ID must be a GUID/ },
    {
      env: { TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000' },
      problem: /TEAMS_APP_ID is the all-zero placeholder/,
    },
    {
      env: { VITE_ENTRA_CLIENT_ID: '{7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a}' },
      problem: /VITE_ENTRA_CLIENT_ID must be a GUID/,
    },
    {
      env: { TAB_HOST_URL: 'http://wsoa.contoso.gov.uk' },
      problem: /TAB_HOST_URL must be an https:\/\/ address/,
    },
    {
      env: { TAB_HOST_URL: 'wsoa.contoso.gov.uk' },
      problem: /TAB_HOST_URL "wsoa.contoso.gov.uk" is not a URL/,
    },
    {
      env: { TAB_HOST_URL: 'https://contoso.gov.uk/wsoa' },
      problem: /TAB_HOST_URL must be the site's root, such as https:\/\/contoso.gov.uk/,
    },
    {
      env: { VITE_GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0' },
      problem: /VITE_GRAPH_BASE_URL must be Microsoft Graph's https:\/\/ address/,
    },
  ])('refuses $env', ({ env, problem }) => {
    expect(() => readPackageConfig({ ...good, ...env }, '0.1.0')).toThrow(problem);
  });

  it('refuses a package.json version Teams will not take', () => {
    expect(() => readPackageConfig(good, '0.1.0-beta.1')).toThrow(
      /package.json's version "0.1.0-beta.1" must be major.minor.patch/,
    );
  });

  it('keeps a non-default port in the domain', () => {
    expect(
      readPackageConfig({ ...good, TAB_HOST_URL: 'https://wsoa.contoso.gov.uk:8443' }, '1.0.0'),
    ).toMatchObject({
      hostUrl: 'https://wsoa.contoso.gov.uk:8443',
      hostDomain: 'wsoa.contoso.gov.uk:8443',
    });
  });
});
