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

const HOUR_MS = 3_600_000;
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-01T08:00:00", the wall clock in London at an instant. */
function londonWallClock(instant: number): string {
  const p = Object.fromEntries(londonParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** The calendar date in London at an instant. */
export function londonDate(instant: Date): IsoDate {
  return londonWallClock(instant.getTime()).slice(0, 10);
}

/** The hour (0–23) on London clocks at an instant. */
export function londonHour(instant: Date): number {
  return Number(londonWallClock(instant.getTime()).slice(11, 13));
}

/**
 * The instant a London wall-clock time names. London is GMT or BST (one hour
 * ahead), so each candidate offset is tried: in the autumn hour that happens
 * twice the earlier instant is chosen; a time inside the spring gap does not
 * exist and is read with the offset before the change (01:30 becomes 02:30 BST).
 */
export function londonWallTime(date: IsoDate, time: string): Date {
  const wall = `${date}T${time.length === 5 ? `${time}:00` : time}`;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`"${date} ${time}" is not a date and time`);
  const matches = [0, HOUR_MS].map((offset) => asUtc - offset).filter((t) => londonWallClock(t) === wall);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(asUtc - offsetAt(asUtc - 12 * HOUR_MS));
}

function offsetAt(instant: number): number {
  return Date.parse(`${londonWallClock(instant)}Z`) - Math.floor(instant / 1000) * 1000;
}

/** The next midnight on London clocks after an instant (a day is 23 or 25 hours when the clocks change). */
export function nextLondonMidnight(instant: Date): Date {
  return londonWallTime(addDays(londonDate(instant), 1), '00:00');
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
  const wall = londonWallClock(new Date(instant).getTime());
  return `${formatDate(wall.slice(0, 10))}, ${wall.slice(11, 16)}`;
}

/** ISO calendar dates compare correctly as strings; this names the intent. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
