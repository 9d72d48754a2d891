import { describe, expect, it } from 'vitest';
import { packParcels, type ParcelSize } from '../../../src/plan/reminders/parcels';

/** A post written as "place:cards:bytes", e.g. "leads:1:10". */
function post(text: string): ParcelSize & { text: string } {
  const [place = '', cards = '1', bytes = '10'] = text.split(':');
  return { text, place, cards: Number(cards), bytes: Number(bytes) };
}

function pack(posts: string[], maxCards: number, maxBytes = 1000): string[][] {
  return packParcels(posts.map(post), (p) => p, { maxCards, maxBytes }).map((parcel) =>
    parcel.map((p) => p.text),
  );
}

describe('packing posts into parcels', () => {
  it.each([
    { posts: [], maxCards: 3, parcels: [] },
    { posts: ['a:1', 'a:1', 'a:1'], maxCards: 3, parcels: [['a:1', 'a:1', 'a:1']] },
    {
      posts: ['a:1', 'a:1', 'a:1', 'a:1', 'a:1', 'a:1', 'a:1'],
      maxCards: 3,
      parcels: [['a:1', 'a:1', 'a:1'], ['a:1', 'a:1', 'a:1'], ['a:1']],
    },
    // A post's split cards stay together: the parcel closes rather than divide them.
    { posts: ['a:2', 'a:2', 'a:1'], maxCards: 3, parcels: [['a:2'], ['a:2', 'a:1']] },
    // A post larger than the limit on its own goes alone.
    { posts: ['a:1', 'a:5', 'a:1'], maxCards: 3, parcels: [['a:1'], ['a:5'], ['a:1']] },
    // Different channels never share a parcel.
    { posts: ['a:1', 'b:1', 'b:1'], maxCards: 3, parcels: [['a:1'], ['b:1', 'b:1']] },
    // One group a parcel, as for Graph channel messages.
    { posts: ['a:1', 'a:2', 'a:1'], maxCards: 1, parcels: [['a:1'], ['a:2'], ['a:1']] },
  ])('$posts at $maxCards cards a request → $parcels', ({ posts, maxCards, parcels }) => {
    expect(pack(posts, maxCards)).toEqual(parcels);
  });

  it('closes a parcel when the next post’s bytes would pass the limit', () => {
    expect(pack(['a:1:400', 'a:1:400', 'a:1:300', 'a:1:1200', 'a:1:1'], 50, 1000)).toEqual([
      ['a:1:400', 'a:1:400'],
      ['a:1:300'],
      ['a:1:1200'],
      ['a:1:1'],
    ]);
  });
});
