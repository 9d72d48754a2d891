import type { ParcelLimits } from './ports';

/** What packing needs to know of a post: where it goes and how big it is. */
export interface ParcelSize {
  /** Posts to different places (channels) never share a parcel. */
  place: string;
  cards: number;
  /** The cards' JSON, in UTF-8 bytes. */
  bytes: number;
}

/**
 * Packs consecutive posts into parcels, each travelling in one request: a parcel
 * takes posts to one place, in order, while their cards and bytes fit the limits.
 * A post's cards are never divided, so a post over the limits on its own goes alone.
 */
export function packParcels<T>(
  posts: readonly T[],
  sizeOf: (post: T) => ParcelSize,
  limits: ParcelLimits,
): T[][] {
  const parcels: T[][] = [];
  let parcel: T[] = [];
  let place = '';
  let cards = 0;
  let bytes = 0;
  for (const post of posts) {
    const size = sizeOf(post);
    const fits =
      size.place === place && cards + size.cards <= limits.maxCards && bytes + size.bytes <= limits.maxBytes;
    if (parcel.length > 0 && !fits) {
      parcels.push(parcel);
      parcel = [];
    }
    if (parcel.length === 0) {
      place = size.place;
      cards = 0;
      bytes = 0;
    }
    parcel.push(post);
    cards += size.cards;
    bytes += size.bytes;
  }
  if (parcel.length > 0) parcels.push(parcel);
  return parcels;
}
