/**
 * Hierarchical action references ("1", "1.2", "2.4.3"). They sort as numbers, so
 * 1.10 comes after 1.9; `referenceSortKey` turns one into a string that sorts the
 * same way, for ordering in SharePoint.
 */
const REFERENCE = /^\d{1,4}(\.\d{1,4}){0,4}$/;

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

export function parseReference(value: string): number[] {
  const trimmed = value.trim();
  if (!REFERENCE.test(trimmed)) {
    throw new RangeError(
      `"${value}" is not a reference: use numbers separated by dots, such as 1.2 or 2.4.3`,
    );
  }
  return trimmed.split('.').map(Number);
}

export function compareReferences(a: string, b: string): number {
  const pa = parseReference(a);
  const pb = parseReference(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

export function referenceSortKey(reference: string): string {
  return parseReference(reference)
    .map((part) => String(part).padStart(4, '0'))
    .join('.');
}

/** "2.4.3" -> "2.4"; a top-level reference has no parent. */
export function parentReference(reference: string): string | null {
  const parts = parseReference(reference);
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

export function isWithin(reference: string, ancestor: string): boolean {
  const r = parseReference(reference);
  const a = parseReference(ancestor);
  return a.length < r.length && a.every((part, i) => r[i] === part);
}

/** Orders anything with a reference as people read them: 1.9 before 1.10. */
export const byReference = (a: { reference: string }, b: { reference: string }) =>
  compareReferences(a.reference, b.reference);

export function sortByReference<T extends { reference: string }>(items: readonly T[]): T[] {
  return [...items].sort(byReference);
}
