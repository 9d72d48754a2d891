import { describe, expect, it } from 'vitest';
import { IMPACT_CHOICES, readRating, SUSTAINED_CHOICES } from '../../../src/domain/import';
import { RATING_SCALES } from '../../../src/domain/ratings';
import { BRAGP_KEY_AS_WRITTEN } from './fixtures/leicestershire-2021';

const { bragp, ralgc } = RATING_SCALES;

describe('ratings as people write them, on the BRAG(P) scale', () => {
  it.each([
    ['Completed', 'blue'],
    ['complete', 'blue'],
    ['On track', 'green'],
    ['Good progress', 'green'],
    ['Some progress', 'amber'],
    ['Progress with minor delays', 'amber'],
    ['Little or no progress', 'red'],
    ['Not started', 'purple'],
    ['Yet to start', 'purple'],
    ['B', 'blue'],
    ['g', 'green'],
    ['A', 'amber'],
    ['R', 'red'],
    ['P', 'purple'],
    ['Blue', 'blue'],
    ['Dark green', 'green'],
    ['GREEN', 'green'],
    ['Amber', 'amber'],
    ['Red', 'red'],
    ['Purple', 'purple'],
    ['RAG: Amber', 'amber'],
    ['Green - on track', 'green'],
  ])('%j -> %s', (value, key) => {
    expect(readRating(value, bragp)).toEqual({ key, problems: [] });
  });

  it.each(BRAGP_KEY_AS_WRITTEN)('the Leicestershire key %j -> %s', (value, key) => {
    expect(readRating(value, bragp)).toEqual({ key, problems: [] });
  });

  it('"Light green" is not on BRAG(P): read as Good progress, with a warning', () => {
    expect(readRating('Light green', bragp)).toEqual({
      key: 'green',
      problems: [
        {
          severity: 'warning',
          code: 'rating-converted',
          message: `"Light green" is not on this plan's scale, BRAG(P): read as Good progress`,
        },
      ],
    });
  });

  it('blank is no rating', () => {
    expect(readRating('', bragp)).toEqual({ key: null, problems: [] });
  });

  it.each(['Yellow', 'Red/Amber', 'In progress', 'X', 'Yellow (G)'])(
    '%j is an error naming the value and the ratings that would do',
    (value) => {
      const read = readRating(value, bragp);
      expect(read.key).toBeNull();
      expect(read.problems).toEqual([
        {
          severity: 'error',
          code: 'rating-unknown',
          message: `"${value}" is not a rating on this plan's scale, BRAG(P): use Yet to start (P), Little or no progress (R), Minor delays (A), Good progress (G) or Completed (B)`,
        },
      ]);
    },
  );
});

describe('the same words on the Red / Amber / Light green / Green / Completed scale', () => {
  it.each([
    ['Completed', 'completed'],
    ['C', 'completed'],
    ['Blue', 'completed'],
    ['B', 'completed'],
    ['On track', 'lightGreen'],
    ['Good progress', 'lightGreen'],
    ['Light green', 'lightGreen'],
    ['LG', 'lightGreen'],
    ['Green', 'green'],
    ['Dark green', 'green'],
    ['Some progress', 'amber'],
    ['Little or no progress', 'red'],
    ['Not started', 'red'],
    ['Embedded and sustained', 'green'],
  ])('%j -> %s', (value, key) => {
    expect(readRating(value, ralgc)).toEqual({ key, problems: [] });
  });

  it('"Purple" has no place on it: read as the lowest rating, with a warning', () => {
    const read = readRating('Purple', ralgc);
    expect(read.key).toBe('red');
    expect(read.problems.map((p) => p.code)).toEqual(['rating-converted']);
  });
});

describe('impact is RAG(P) and sustained RAG, whatever the plan scale', () => {
  it.each([
    ['G', 'green'],
    ['Amber', 'amber'],
    ['P', 'purple'],
    ['Clear impact', 'green'],
    ['Not yet measurable', 'purple'],
  ])('impact %j -> %s', (value, key) => {
    expect(readRating(value, IMPACT_CHOICES)).toEqual({ key, problems: [] });
  });

  it.each([
    ['G', 'green'],
    ['Partly sustained', 'amber'],
    ['Red', 'red'],
  ])('sustained %j -> %s', (value, key) => {
    expect(readRating(value, SUSTAINED_CHOICES)).toEqual({ key, problems: [] });
  });

  it('sustained has no purple and impact no blue: errors, not guesses', () => {
    expect(readRating('Completed', IMPACT_CHOICES).problems[0]?.code).toBe('rating-unknown');
    expect(readRating('Done', SUSTAINED_CHOICES).problems[0]?.message).toMatch(
      /use Not sustained \(R\), Partly sustained \(A\) or Sustained \(G\)/,
    );
  });
});
