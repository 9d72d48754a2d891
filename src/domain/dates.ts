/**
 * Calendar dates as ISO strings ("2026-11-23"), reckoned in Europe/London. Due
 * dates are whole days, so arithmetic is done on UTC midnights, which cannot be
 * shifted by the clock changes.
 */
export const TIME_ZONE = 'Europe/London';

export type IsoDate = string;
export type DatePrecision = 'day' | 'month';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (expected YYYY-MM-DD)`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInLondon(instant: Date): Record<string, string> {
  return Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The calendar date in London at an instant. */
export function londonDate(instant: Date): IsoDate {
  const p = partsInLondon(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return fromUtc(Date.UTC(year, month, 0));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export interface DueDate {
  date: IsoDate;
  precision: DatePrecision;
}

/**
 * Reads a due date as people write them in plans: "2026-12-01", "1 Dec 2026",
 * "01/12/2026", or a month alone ("Dec 2026", "December 2026"), which means the
 * last day of that month.
 */
export function parseDueDate(text: string): DueDate {
  const value = text.trim().replace(/\s+/g, ' ');
  if (isIsoDate(value)) return { date: value, precision: 'day' };
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (slash) return dayDate(Number(slash[3]), Number(slash[2]), Number(slash[1]), text);
  const words = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([A-Za-z]+),? (\d{4})$/.exec(value);
  if (words) {
    const month = MONTHS.indexOf((words[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    const year = Number(words[3]);
    if (month > 0 && isMonthName(words[2] ?? '')) {
      if (words[1] === undefined) return { date: lastDayOfMonth(year, month), precision: 'month' };
      return dayDate(year, month, Number(words[1]), text);
    }
  }
  throw new RangeError(`"${text}" is not a date: write it as 23 Nov 2026, 23/11/2026 or Nov 2026`);
}

function isMonthName(word: string): boolean {
  const lower = word.toLowerCase();
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  return full.some(
    (m) =>
      m === lower || (lower.length >= 3 && m.startsWith(lower)) || (m === 'september' && lower === 'sept'),
  );
}

function dayDate(year: number, month: number, day: number, original: string): DueDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(date)) throw new RangeError(`"${original}" is not a real date`);
  return { date, precision: 'day' };
}

/** "23 Nov 2026", or "Nov 2026" for a month-only date. */
export function formatDate(date: IsoDate, precision: DatePrecision = 'day'): string {
  const ms = toUtc(date);
  const d = new Date(ms);
  const month = MONTH_LABELS[d.getUTCMonth()] ?? '';
  if (precision === 'month') return `${month} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/** "23 Nov 2026, 14:05" in London time. */
export function formatDateTime(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const p = partsInLondon(at);
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)}, ${p.hour}:${p.minute}`;
}

/** ISO calendar dates compare correctly as strings; this names the intent. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
