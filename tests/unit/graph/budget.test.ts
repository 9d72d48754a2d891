import { describe, expect, it } from 'vitest';
import { sharePointResourceUnits } from '../../../src/graph/budget';

// Resource units per Graph request: Microsoft Learn, "Avoid getting throttled or blocked in SharePoint
// Online" (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
describe('what a Graph request costs in SharePoint resource units', () => {
  it.each([
    ['GET', '/sites/root/lists/WSoA%20Actions/items/42?expand=fields', 1],
    ['GET', '/sites/root/lists/WSoA%20Actions/items?expand=fields&$filter=x', 2],
    ['GET', '/sites/root/lists?$select=id,displayName', 2],
    ['GET', '/sites/root/lists/WSoA%20Actions/columns', 2],
    ['GET', '/sites/root/lists/WSoA%20Actions', 1],
    ['POST', '/sites/root/lists/WSoA%20Actions/items', 2],
    ['PATCH', '/sites/root/lists/WSoA%20Actions/items/42/fields', 2],
    ['DELETE', '/sites/root/lists/WSoA%20Actions/items/42', 2],
    ['GET', '/sites/root/permissions', 5],
    ['GET', '/teams/t/channels/c/messages', 0],
    ['GET', '/me', 0],
  ] as const)('%s %s costs %i', (method, path, units) => {
    expect(sharePointResourceUnits({ method, path })).toBe(units);
  });
});
