import { referenceSortKey } from '../reference';
import type { PlannedReminder, ReminderKind, UnassignedItem } from './types';

const KIND_ORDER: Record<ReminderKind, string> = {
  'milestone-overdue': '0',
  'milestone-due': '1',
  'updates-due': '2',
  escalation: '3',
  'exceptions-digest': '4',
};

/** Plain code-unit comparison: locale-aware collation would make the order depend on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One string per item that sorts like the tuple of its parts: parts are joined by
 * U+0000, which sorts before any character a part can hold (it is stripped from them).
 */
function tupleKey(parts: readonly string[]): string {
  return parts.map((p) => (p.includes('\u0000') ? p.replaceAll('\u0000', '') : p)).join('\u0000');
}

function sortByKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const decorated = items.map((item) => ({ item, key: keyOf(item) }));
  decorated.sort((a, b) => compareText(a.key, b.key));
  return decorated.map((d) => d.item);
}

/**
 * Send date, channel, recipient, kind, then reference in numeric order (1.10 after
 * 1.9, via the domain's `referenceSortKey`, which orders exactly as
 * `compareReferences` does), with the reminder key last so the order is total.
 * Keys are computed once per reminder rather than per comparison.
 */
export function sortReminders(
  reminders: readonly PlannedReminder[],
  referenceKey: (reference: string) => string = referenceSortKey,
): PlannedReminder[] {
  return sortByKey(reminders, (r) =>
    tupleKey([
      r.sendDate,
      r.channel.key,
      r.recipient?.displayName ?? '',
      r.recipient?.entraId ?? '',
      KIND_ORDER[r.kind],
      r.kind === 'exceptions-digest'
        ? ''
        : 'action' in r
          ? referenceKey(r.action.reference)
          : String(r.priority.number ?? 0).padStart(4, '0'),
      r.key,
    ]),
  );
}

export function sortUnassigned(
  items: readonly UnassignedItem[],
  referenceKey: (reference: string) => string = referenceSortKey,
): UnassignedItem[] {
  return sortByKey(items, (item) =>
    tupleKey([item.reason, item.reference === null ? '' : referenceKey(item.reference), item.key]),
  );
}
