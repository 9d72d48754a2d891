import { formatDate, type DatePrecision, type IsoDate } from '../domain/dates';

/** "23 Nov 2026", or "Dec 2026" for a month-only date. */
export function dueDateLabel(date: IsoDate, precision: DatePrecision): string {
  return formatDate(date, precision);
}

/** "Due in 7 days", "Due tomorrow", "Due today", "1 day overdue", "12 days overdue". */
export function dueStatusLabel(daysOverdue: number): string {
  if (daysOverdue > 0) return `${plural(daysOverdue, 'day')} overdue`;
  if (daysOverdue === 0) return 'Due today';
  if (daysOverdue === -1) return 'Due tomorrow';
  return `Due in ${plural(-daysOverdue, 'day')}`;
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** "(1 of 2)" when a post had to be split; nothing otherwise. */
export function partSuffix(index: number, total: number): string {
  return total > 1 ? ` (${index + 1} of ${total})` : '';
}
