import { describe, expect, it } from 'vitest';
import { TAB_NAME_MAX, tabNameFor, tabSettingsFor } from '../../../src/features/configure/tab-settings';

const origin = 'https://wsoa.example.org';
const siteId =
  'contoso.sharepoint.com,3d821a00-548a-4b0e-b538-3b26826ed50d,51c7e814-2b8c-4962-b346-de07b8155660';
const site =
  'contoso.sharepoint.com%2C3d821a00-548a-4b0e-b538-3b26826ed50d%2C51c7e814-2b8c-4962-b346-de07b8155660';

describe('what a channel tab saves', () => {
  it.each([
    {
      view: 'the plan at a glance',
      priority: null,
      entityId: 'wsoa:12',
      contentUrl: `${origin}/?plan=12&site=${site}`,
    },
    {
      view: 'a priority’s board',
      priority: { id: '7' },
      entityId: 'wsoa:12:7',
      contentUrl: `${origin}/plans/12/priorities/7?site=${site}`,
    },
  ])('opens on $view of the plan, on the team’s site', ({ priority, entityId, contentUrl }) => {
    expect(tabSettingsFor({ origin, siteId, plan: { id: '12', title: 'SEND WSoA' }, priority })).toEqual({
      entityId,
      contentUrl,
      websiteUrl: contentUrl,
      suggestedDisplayName: 'WSoA: SEND WSoA',
      removeUrl: `${origin}/remove`,
    });
  });

  it.each([
    ['  SEND WSoA 2026 ', 'WSoA: SEND WSoA 2026'],
    ['x'.repeat(TAB_NAME_MAX - 6), `WSoA: ${'x'.repeat(TAB_NAME_MAX - 6)}`],
    ['x'.repeat(TAB_NAME_MAX), `WSoA: ${'x'.repeat(TAB_NAME_MAX - 7)}…`],
  ])('names the tab after the plan %#, within the length a tab name may have', (title, name) => {
    expect(tabNameFor(title)).toBe(name);
    expect(tabNameFor(title).length).toBeLessThanOrEqual(TAB_NAME_MAX);
  });
});
