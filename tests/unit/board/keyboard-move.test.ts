import { describe, expect, it } from 'vitest';
import {
  focusStepForKey,
  keyboardMoveTarget,
  moveDirectionForKey,
  type KeyInput,
} from '../../../src/features/board/keyboard-move';

const BRAGP = ['purple', 'red', 'amber', 'green', 'blue'];
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('moving a card with the keyboard', () => {
  it.each([
    ['purple', 'next', 'red'],
    ['amber', 'next', 'green'],
    ['amber', 'previous', 'red'],
    ['blue', 'next', null],
    ['purple', 'previous', null],
    ['not-a-rating', 'next', 'purple'],
    ['not-a-rating', 'previous', 'blue'],
  ] as const)('from %s, %s goes to %s', (from, direction, to) => {
    expect(keyboardMoveTarget(BRAGP, from, direction)).toBe(to);
  });

  it('follows the plan’s own column order', () => {
    expect(keyboardMoveTarget(['blue', 'green', 'amber', 'red', 'purple'], 'green', 'next')).toBe('amber');
  });

  it.each([
    [key('ArrowRight', { altKey: true }), 'next'],
    [key('ArrowLeft', { altKey: true }), 'previous'],
    [key('ArrowRight', { ctrlKey: true }), 'next'],
    [key('ArrowRight'), null],
    [key('ArrowRight', { altKey: true, ctrlKey: true }), null],
    [key('ArrowRight', { altKey: true, shiftKey: true }), null],
    [key('ArrowDown', { altKey: true }), null],
    [key('Enter', { altKey: true }), null],
  ])('%o moves %s', (input, expected) => {
    expect(moveDirectionForKey(input)).toBe(expected);
  });

  it.each([
    [key('ArrowDown'), 1],
    [key('ArrowUp'), -1],
    [key('ArrowDown', { altKey: true }), null],
    [key('ArrowLeft'), null],
  ])('%o steps focus by %s', (input, expected) => {
    expect(focusStepForKey(input)).toBe(expected);
  });
});
