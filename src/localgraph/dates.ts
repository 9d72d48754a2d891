/**
 * Dates as SharePoint keeps them. Date-times are instants kept to the whole second; a
 * date-only value is the instant of midnight, in the site's time zone, of a calendar date
 * (so a London date in summer reads back as the previous day at 23:00Z). Every stored
 * value is an ISO instant `YYYY-MM-DDTHH:MM:SSZ`, which sorts as text in time order.
 */

export const DEFAULT_SITE_TIME_ZONE = 'Europe/London';

/** SharePoint refuses dates outside 1 January 1900 – 31 December 8900. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 8900;

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface ParsedInstant {
  /** Whole seconds since the epoch (the instant rounded down to its second). */
  seconds: number;
  /** True when the text had a non-zero fraction of a second. */
  fractional: boolean;
  /** The calendar year written, for range checks. */
  year: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Milliseconds of a wall-clock reading taken as UTC (years below 100 stay as written). */
function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/**
 * Parses an ISO 8601 date or date-time strictly (impossible dates such as 2026-02-31 are
 * refused). A value without an offset — a bare date included — is read as UTC, as
 * Graph reads zone-less values written to SharePoint (reported in msgraph-sdk-java#813).
 */
export function parseInstant(text: string): ParsedInstant | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs ?? 0);
  const mi = Number(mis ?? 0);
  const s = Number(ss ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const millis = utcMillis(y, mo, d, h, mi, s) - offsetMinutes * 60_000;
  return {
    seconds: Math.floor(millis / 1000),
    fractional: frac !== undefined && /[1-9]/.test(frac),
    year: y,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SSZ`, or undefined outside years 0000–9999 (where text order breaks). */
export function isoFromSeconds(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallClock(millis: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(millis))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    y: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    mo: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    mi: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(millis: number, timeZone: string): number {
  const w = wallClock(millis, timeZone);
  const asUtc = utcMillis(w.y, w.mo, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(millis / 1000) * 1000;
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function dateInZone(seconds: number, timeZone: string): string {
  const w = wallClock(seconds * 1000, timeZone);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`;
}

/**
 * The instant (whole seconds) of midnight at the start of a calendar date in a time zone.
 * Where midnight does not exist (a clock change at 00:00) the day starts at the change.
 */
export function zoneMidnight(date: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const local = utcMillis(y ?? 1970, mo ?? 1, d ?? 1);
  const first = local - offsetAt(local, timeZone);
  const candidates = [first, local - offsetAt(first, timeZone)];
  const exact = candidates.filter((c) => {
    const w = wallClock(c, timeZone);
    return utcMillis(w.y, w.mo, w.d, w.h, w.mi, w.s) === local;
  });
  const chosen = exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
  return Math.floor(chosen / 1000);
}

/** Site-zone midnight of the date an instant falls on in that zone: what SharePoint stores for a date-only column. */
export function dateOnlyInstant(seconds: number, timeZone: string): number {
  return zoneMidnight(dateInZone(seconds, timeZone), timeZone);
}
