import { describe, expect, it } from 'vitest';
import { personFromAccount } from '../../../src/auth/entra-account';
import { interactionFor, roleFromTeams, type HostFacts } from '../../../src/auth/entra-host';
import { GRAPH_PERMISSIONS, graphScopes, SETUP_PERMISSIONS } from '../../../src/auth/entra-scopes';

describe('how MSAL signs in, by host', () => {
  const cases: [string, HostFacts, ReturnType<typeof interactionFor>][] = [
    ['a browser tab of its own', { topLevel: true, bridge: false, teams: null }, 'redirect'],
    [
      'Teams recommending nested app auth',
      { topLevel: false, bridge: true, teams: { naaRecommended: true } },
      'nested',
    ],
    [
      'a host that injects the bridge without TeamsJS (Outlook, a test host)',
      { topLevel: true, bridge: true, teams: null },
      'nested',
    ],
    [
      'a Teams client that has the bridge but does not recommend it',
      { topLevel: false, bridge: true, teams: { naaRecommended: false } },
      'popup',
    ],
    [
      'an older Teams client with no bridge',
      { topLevel: false, bridge: false, teams: { naaRecommended: false } },
      'popup',
    ],
    ['a frame whose parent is not a Teams host', { topLevel: false, bridge: false, teams: null }, 'popup'],
  ];
  it.each(cases)('%s: %s', (_host, facts, interaction) => {
    expect(interactionFor(facts)).toBe(interaction);
  });
});

describe("a person's role from their role in the team", () => {
  it.each([
    [0, 'owner'], // UserTeamRole.Admin
    [1, 'member'], // UserTeamRole.User
    [2, 'visitor'], // UserTeamRole.Guest
    [null, 'member'], // a personal tab, or a browser: least privilege that still works
    [undefined, 'member'],
  ] as const)('%s -> %s', (userRole, role) => {
    expect(roleFromTeams(userRole)).toBe(role);
  });
});

describe('the signed-in person, from the ID token', () => {
  it('reads the object id, sign-in name and display name from its claims', () => {
    expect(
      personFromAccount({
        localAccountId: 'local-id',
        username: 'fallback@leics.gov.uk',
        name: 'Fallback',
        idTokenClaims: {
          oid: '11111111-2222-3333-4444-555555555555',
          preferred_username: 'hannah.whitfield@leics.gov.uk',
          name: 'Hannah Whitfield',
        },
      }),
    ).toEqual({
      entraId: '11111111-2222-3333-4444-555555555555',
      upn: 'hannah.whitfield@leics.gov.uk',
      displayName: 'Hannah Whitfield',
      agency: '',
    });
  });

  it("falls back on the account's own fields when the claims are missing", () => {
    expect(personFromAccount({ localAccountId: 'local-id', username: 'someone@leics.gov.uk' })).toEqual({
      entraId: 'local-id',
      upn: 'someone@leics.gov.uk',
      displayName: 'someone@leics.gov.uk',
      agency: '',
    });
  });
});

describe('the Graph scopes asked for', () => {
  it("names each permission on the configured Graph's origin", () => {
    expect(graphScopes('https://graph.microsoft.com/v1.0', GRAPH_PERMISSIONS)).toEqual([
      'https://graph.microsoft.com/Sites.ReadWrite.All',
      'https://graph.microsoft.com/User.Read.All',
      'https://graph.microsoft.com/ChannelMessage.Send',
      'https://graph.microsoft.com/Channel.ReadBasic.All',
      'https://graph.microsoft.com/ChannelMessage.Read.All',
    ]);
    expect(graphScopes('http://127.0.0.1:4000/v1.0', ['Sites.ReadWrite.All'])).toEqual([
      'http://127.0.0.1:4000/Sites.ReadWrite.All',
    ]);
  });

  it('asks for managing lists only where a site is set up, and never for everything (.default)', () => {
    expect(GRAPH_PERMISSIONS).not.toContain('Sites.Manage.All');
    expect(SETUP_PERMISSIONS).toEqual(['Sites.Manage.All']);
    expect([...GRAPH_PERMISSIONS, ...SETUP_PERMISSIONS].some((p) => p.includes('.default'))).toBe(false);
  });
});
