import { describe, expect, it } from 'vitest';
import {
  compareReferences,
  isWithin,
  parentReference,
  parseReference,
  referenceSortKey,
  sortByReference,
} from '../../../src/domain';

describe('references', () => {
  it.each([
    ['1', [1]],
    ['1.2', [1, 2]],
    [' 2.4.3 ', [2, 4, 3]],
    ['1.10.1', [1, 10, 1]],
  ])('parses %s', (text, parts) => {
    expect(parseReference(text)).toEqual(parts);
  });

  it.each(['', '1.', '.1', '1..2', 'IP1', '1.a', '1.2.3.4.5.6'])(
    'rejects %j with a message that says what a reference is',
    (text) => {
      expect(() => parseReference(text)).toThrow(/numbers separated by dots/);
    },
  );

  it.each([
    ['1.9', '1.10', -1],
    ['1.10', '1.9', 1],
    ['1.2', '1.2.1', -1],
    ['2.1', '1.10.5', 1],
    ['1.2.3', '1.2.3', 0],
  ])('orders %s against %s as numbers', (a, b, sign) => {
    expect(Math.sign(compareReferences(a, b))).toBe(sign);
  });

  it('sorts a plan the way people number it, not as strings', () => {
    const sorted = sortByReference(
      ['1.10', '1.2', '1.9', '1.1.2', '1.1.10', '1.1.9'].map((reference) => ({ reference })),
    );
    expect(sorted.map((s) => s.reference)).toEqual(['1.1.2', '1.1.9', '1.1.10', '1.2', '1.9', '1.10']);
  });

  it('gives sort keys that order as strings the way references order as numbers', () => {
    const references = ['1.10', '1.9', '2.1', '1.2.10', '1.2.9', '10.1'];
    const byKey = [...references].sort((a, b) => referenceSortKey(a).localeCompare(referenceSortKey(b)));
    expect(byKey).toEqual(
      sortByReference(references.map((reference) => ({ reference }))).map((r) => r.reference),
    );
  });

  it('knows parents and ancestry', () => {
    expect(parentReference('2.4.3')).toBe('2.4');
    expect(parentReference('2')).toBeNull();
    expect(isWithin('1.10.1', '1.10')).toBe(true);
    expect(isWithin('1.1.1', '1.10')).toBe(false);
    expect(isWithin('1.10', '1.10')).toBe(false);
  });
});
