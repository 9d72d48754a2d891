import { addDays, londonDate, londonWallTime } from '../dates';
import type { WorkingCalendar } from './calendar';

/** The reminder run's hour, London time. */
export const RUN_HOUR = 8;

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
