import type { AdaptiveCard, CardElement } from './adaptive-card';

/**
 * Teams refuses messages over about 28 KB. A Graph chatMessage carries the card as
 * a JSON string, whose escaped quotes add roughly a tenth, so cards stop at 24 KB.
 */
export const MAX_CARD_BYTES = 24 * 1024;

export interface Page<T> {
  items: readonly T[];
  index: number;
  total: number;
}

export interface PagedCard<T> {
  items: readonly T[];
  /** The elements one item adds to the card. */
  renderItem(item: T): CardElement[];
  /** The whole card for one page of items. */
  renderPage(page: Page<T>): AdaptiveCard;
  maxBytes: number;
}

export function cardBytes(card: AdaptiveCard): number {
  return utf8Length(JSON.stringify(card));
}

/**
 * Splits items over as few cards as fit under the size limit, numbered "1 of N".
 * Sizes are estimated per item, then every card is measured; a card that still
 * does not fit is split again. Nothing is ever dropped: an item too large for a
 * card on its own is an error.
 */
export function paginate<T>(spec: PagedCard<T>): AdaptiveCard[] {
  const fixed = cardBytes(spec.renderPage({ items: [], index: 0, total: 1 }));
  // Headroom for per-page text ("1 of 12", section headings) the estimate leaves out.
  const budget = Math.floor((spec.maxBytes - fixed) * 0.9);
  let chunks = greedyChunks(spec.items, (item) => utf8Length(JSON.stringify(spec.renderItem(item))), budget);
  for (;;) {
    const cards = chunks.map((items, index) => spec.renderPage({ items, index, total: chunks.length }));
    const tooBig = cards.findIndex((card) => cardBytes(card) > spec.maxBytes);
    if (tooBig === -1) return cards;
    const chunk = chunks[tooBig] ?? [];
    if (chunk.length <= 1) {
      throw new RangeError(
        `One item alone makes a card of more than ${spec.maxBytes} bytes; it cannot be posted`,
      );
    }
    const half = Math.ceil(chunk.length / 2);
    chunks = [
      ...chunks.slice(0, tooBig),
      chunk.slice(0, half),
      chunk.slice(half),
      ...chunks.slice(tooBig + 1),
    ];
  }
}

function greedyChunks<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (current.length > 0 && used + size > budget) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  }
  // An empty list still makes one card: "nothing to report" is worth saying.
  chunks.push(current);
  return chunks;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
