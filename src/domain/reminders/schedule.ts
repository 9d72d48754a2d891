import { addDays, londonDate, TIME_ZONE, type IsoDate } from '../dates';
import type { WorkingCalendar } from './calendar';

/** The reminder run's hour, London time. */
export const RUN_HOUR = 8;

const HOUR_MS = 3_600_000;
const partsFormat = new Intl.DateTimeFormat('en-GB', {
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
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
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

/** The hour (0–23) on London clocks at an instant. */
export function londonHour(instant: Date): number {
  return Number(londonWallClock(instant.getTime()).slice(11, 13));
}

/**
 * When the daily run next posts: 08:00 London today if that is still to come,
 * else tomorrow, moved past quiet days (a run on a quiet day posts nothing).
 */
export function nextRunAt(now: Date, calendar: WorkingCalendar, hour = RUN_HOUR): Date {
  const at = `${String(hour).padStart(2, '0')}:00`;
  let date = londonDate(now);
  if (londonWallTime(date, at).getTime() < now.getTime()) date = addDays(date, 1);
  for (let i = 0; i < 366 && !calendar.isWorkingDay(calendar.day(date)); i++) date = addDays(date, 1);
  return londonWallTime(date, at);
}
