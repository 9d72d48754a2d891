import type { CardElement } from './adaptive-card';

/** One line of a paged card: an item under a section heading. */
export interface Row<T> {
  section: string;
  /** True for the section's first row overall, so a page that starts mid-section says "continued". */
  first: boolean;
  item: T;
}

export function toRows<T>(items: readonly T[], sectionOf: (item: T) => string): Row<T>[] {
  let previous: string | null = null;
  return items.map((item) => {
    const section = sectionOf(item);
    const row = { section, first: section !== previous, item };
    previous = section;
    return row;
  });
}

/** A page's elements: each section's heading before its first row on the page, then its rows. */
export function renderRows<T>(
  rows: readonly Row<T>[],
  heading: (row: Row<T>, continued: boolean) => CardElement[],
  renderItem: (item: T) => CardElement[],
): CardElement[] {
  const elements: CardElement[] = [];
  let current: string | null = null;
  for (const row of rows) {
    if (row.section !== current) {
      elements.push(...heading(row, !row.first));
      current = row.section;
    }
    elements.push(...renderItem(row.item));
  }
  return elements;
}
