import { describe, expect, it } from 'vitest';
import { ConfigError, readReminderConfig } from '../../../src/jobs/config';

describe('reminder configuration', () => {
  it('needs nothing for the local demo', () => {
    expect(readReminderConfig({})).toEqual({ webhooks: null, tabUrl: 'http://127.0.0.1:5173', teams: null });
  });

  it('reads webhook URLs by name and the Teams app for deep links', () => {
    const config = readReminderConfig({
      REMINDER_WEBHOOKS: JSON.stringify({
        'wsoa-leads':
          'https://workflows.example.org/workflows/abc/triggers/manual/paths/invoke?sig=not-a-secret',
        board: 'http://127.0.0.1:4000/webhooks/abc',
      }),
      REMINDER_TAB_URL: 'https://wsoa.example.org/',
      TEAMS_APP_ID: 'app',
      TEAMS_TAB_ENTITY_ID: 'wsoa',
    });
    expect([...(config.webhooks?.keys() ?? [])]).toEqual(['wsoa-leads', 'board']);
    expect(config.tabUrl).toBe('https://wsoa.example.org');
    expect(config.teams).toEqual({ appId: 'app', entityId: 'wsoa' });
  });

  it.each([
    [
      'not JSON',
      { REMINDER_WEBHOOKS: "{'a': 1}" },
      ['REMINDER_WEBHOOKS is not valid JSON: write {"webhook-name": "https://…", …}'],
    ],
    [
      'not an object of strings',
      { REMINDER_WEBHOOKS: '{"a": 1}' },
      ['REMINDER_WEBHOOKS must be a JSON object of webhook names to URLs'],
    ],
    [
      'every bad entry, named, without printing a URL, even one swapped into a name’s place',
      {
        REMINDER_WEBHOOKS:
          '{"https://prod.example/workflows/sig=secret": "board", "a": "ftp://secret.example/sig", "b": "http://example.org/sig"}',
      },
      [
        'REMINDER_WEBHOOKS: entry 1 has a name that is not a webhook name (letters, digits, "-" and "_"); is a URL where its name should be?',
        'REMINDER_WEBHOOKS["a"] is not an https:// URL (plain http is allowed only for the local Graph)',
        'REMINDER_WEBHOOKS["b"] is not an https:// URL (plain http is allowed only for the local Graph)',
      ],
    ],
    [
      'half of the Teams app',
      { TEAMS_APP_ID: 'app' },
      ['TEAMS_APP_ID and TEAMS_TAB_ENTITY_ID go together: set both for Teams deep links, or neither'],
    ],
    [
      'a tab URL that is not a URL',
      { REMINDER_TAB_URL: 'wsoa' },
      ['REMINDER_TAB_URL must be the URL the tab is served from, such as https://wsoa.example.org'],
    ],
  ])('refuses %s', (_, env, problems) => {
    expect(() => readReminderConfig(env)).toThrow(ConfigError);
    expect(() => readReminderConfig(env)).toThrow(problems.join('; '));
    try {
      readReminderConfig(env);
    } catch (error) {
      expect(String(error)).not.toContain('secret.example');
    }
  });
});
