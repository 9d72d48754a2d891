import { describe, expect, it } from 'vitest';
import { tabLinks } from '../../../src/cards';

describe('card buttons', () => {
  it('open the tab’s own pages when there is no Teams app', () => {
    const links = tabLinks({ tabUrl: 'http://127.0.0.1:5173/', planId: 'p 1' });
    expect(links.actionUrl('12')).toBe('http://127.0.0.1:5173/actions/12');
    expect(links.myWorkUrl()).toBe('http://127.0.0.1:5173/my-work');
    expect(links.overviewUrl?.()).toBe('http://127.0.0.1:5173/?plan=p%201');
  });

  it('are Teams deep links carrying the sub-entity the tab routes on', () => {
    const links = tabLinks({
      tabUrl: 'https://wsoa.example.org',
      planId: '7',
      teams: { appId: 'app-id', entityId: 'wsoa' },
    });
    const url = new URL(links.actionUrl('12'));
    expect(`${url.origin}${url.pathname}`).toBe('https://teams.microsoft.com/l/entity/app-id/wsoa');
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'action:12' });
    expect(url.searchParams.get('webUrl')).toBe('https://wsoa.example.org/actions/12');
    expect(new URL(links.myWorkUrl()).searchParams.get('context')).toBe('{"subEntityId":"my-work"}');
  });
});
