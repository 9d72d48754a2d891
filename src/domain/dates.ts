/**
 * Calendar dates as ISO strings ("2026-11-23"), reckoned in Europe/London (the
 * users' clocks; a SharePoint site may keep another zone, see zonedWallTime). Due
 * dates are whole days, so arithmetic is done on UTC midnights, which cannot be
 * shifted by the clock changes.
 */
export const TIME_ZONE = 'Europe/London';

/** The zone English councils' sites keep; a site set otherwise is configured (GRAPH_SITE_TIME_ZONE, VITE_SITE_TIME_ZONE). */
export const DEFAULT_SITE_TIME_ZONE = TIME_ZONE;

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

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** True for an IANA time zone name this runtime knows ("Europe/London", "America/New_York"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    wallClockFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** "2026-12-01T08:00:00", the wall clock in a time zone at an instant. */
// Formatting in a zone costs ~10 µs; a plan's dates repeat (a few hundred due dates
// across thousands of items), so answers are remembered, a bounded number of them.
const wallClocks = new Map<string, string>();
const WALL_CLOCKS_KEPT = 10_000;

function wallClock(instant: number, timeZone: string): string {
  const key = `${timeZone}|${instant}`;
  const known = wallClocks.get(key);
  if (known !== undefined) return known;
  const p = Object.fromEntries(
    wallClockFormat(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  const wall = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

/**
 * An instant as SharePoint keeps it, to the whole second ("2026-12-03T10:15:42Z"):
 * a value written with milliseconds would read back different, a change where there is none.
 */
export function wholeSecondsIso(instant: Date = new Date()): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** The calendar date on a time zone's clocks at an instant. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return wallClock(instant.getTime(), timeZone).slice(0, 10);
}

/** The calendar date in London at an instant. */
export function londonDate(instant: Date): IsoDate {
  return dateInZone(instant, TIME_ZONE);
}

/** The hour (0–23) on London clocks at an instant. */
export function londonHour(instant: Date): number {
  return Number(wallClock(instant.getTime(), TIME_ZONE).slice(11, 13));
}

/**
 * The instant a wall-clock time names in a time zone. The zone's offsets a day
 * either side are tried: in the autumn hour that happens twice the earlier
 * instant is chosen; a time inside the spring gap does not exist and is read
 * with the offset before the change (01:30 in London becomes 02:30 BST).
 */
export function zonedWallTime(date: IsoDate, time: string, timeZone: string): Date {
  const wall = `${date}T${time.length === 5 ? `${time}:00` : time}`;
  const asUtc = Date.parse(`${wall}Z`);
  if (!isIsoDate(date) || Number.isNaN(asUtc))
    throw new RangeError(`"${date} ${time}" is not a date and time`);
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const matches = [before, after]
    .map((offset) => asUtc - offset)
    .filter((t) => wallClock(t, timeZone) === wall);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(asUtc - before);
}

/** The instant a London wall-clock time names (see zonedWallTime). */
export function londonWallTime(date: IsoDate, time: string): Date {
  return zonedWallTime(date, time, TIME_ZONE);
}

/** How far a zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return Date.parse(`${wallClock(instant, timeZone)}Z`) - Math.floor(instant / 1000) * 1000;
}

/** The next midnight on London clocks after an instant (a day is 23 or 25 hours when the clocks change). */
export function nextLondonMidnight(instant: Date): Date {
  return londonWallTime(addDays(londonDate(instant), 1), '00:00');
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant with its offset ("2026-06-30T23:00:00Z"), strictly: an
 * impossible date such as 31 February is null, where Date.parse would roll it on.
 */
export function parseIsoInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text);
  if (!m || !isIsoDate(m[1] ?? '')) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
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

/**
 * The month (1–12) a word names as people write it: "Dec", "December", "Sept", "sep";
 * null for anything else. The same reading as parseDueDate's.
 */
export function monthNumber(word: string): number | null {
  if (!isMonthName(word)) return null;
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
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
  const wall = wallClock(new Date(instant).getTime(), TIME_ZONE);
  return `${formatDate(wall.slice(0, 10))}, ${wall.slice(11, 16)}`;
}

/** ISO calendar dates compare correctly as strings; this names the intent. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
