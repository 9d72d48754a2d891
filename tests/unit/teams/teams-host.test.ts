import { describe, expect, it } from 'vitest';
import { actionIdFromSubPage, toThemeName } from '../../../src/teams/teams-host';

describe('reading the Teams context', () => {
  it.each([
    ['default', 'default'],
    ['dark', 'dark'],
    ['contrast', 'contrast'],
    ['something-new', 'default'],
    [undefined, 'default'],
  ])('maps the Teams theme %s to %s', (theme, expected) => {
    expect(toThemeName(theme)).toBe(expected);
  });

  it.each([
    ['action:123', '123'],
    ['action:', null],
    ['board:1', null],
    [null, null],
  ])('reads the action id from the sub-entity %s', (subPageId, expected) => {
    expect(actionIdFromSubPage(subPageId)).toBe(expected);
  });
});
