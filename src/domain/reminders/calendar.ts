import { isIsoDate, lastDayOfMonth, type DatePrecision, type IsoDate } from '../dates';
import type { ReminderPolicy } from './policy';

const DAY_MS = 86_400_000;
/** Enough to step over any run of quiet days a real calendar has; guards against a policy of all holidays. */
const MAX_QUIET_RUN = 366;

/**
 * Whole days for one planning run. Dates become day numbers (days since
 * 1970-01-01, a Thursday) so rule arithmetic is integer arithmetic: calendar days
 * carry no time, so clock changes cannot move them. Conversions are memoised,
 * because thousands of milestones share a few hundred dates.
 */
export interface WorkingCalendar {
  day(date: IsoDate): number;
  iso(day: number): IsoDate;
  /** Not a weekend (when the policy keeps weekends quiet) and not a bank holiday. */
  isWorkingDay(day: number): boolean;
  /** The day itself when it is a working day, else the next working day. */
  sendDay(nominal: number): number;
}

export function workingCalendar(quietDays: ReminderPolicy['quietDays']): WorkingCalendar {
  const days = new Map<IsoDate, number>();
  const isos = new Map<number, IsoDate>();
  const shifted = new Map<number, number>();
  const day = (date: IsoDate): number => {
    let n = days.get(date);
    if (n === undefined) {
      if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (expected YYYY-MM-DD)`);
      n = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
      days.set(date, n);
    }
    return n;
  };
  const holidays = new Set(quietDays.bankHolidays.map(day));
  const isWorkingDay = (n: number) => !(quietDays.weekends && isWeekendDay(n)) && !holidays.has(n);
  return {
    day,
    iso(n) {
      let date = isos.get(n);
      if (date === undefined) {
        date = new Date(n * DAY_MS).toISOString().slice(0, 10);
        isos.set(n, date);
      }
      return date;
    },
    isWorkingDay,
    sendDay(nominal) {
      let n = shifted.get(nominal);
      if (n === undefined) {
        n = nominal;
        for (let i = 0; i < MAX_QUIET_RUN && !isWorkingDay(n); i++) n++;
        shifted.set(nominal, n);
      }
      return n;
    },
  };
}

function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** A month-only due date means the last day of that month, whatever day was stored. */
export function effectiveDueDate(dueDate: IsoDate, precision: DatePrecision): IsoDate {
  if (precision === 'day') return dueDate;
  return lastDayOfMonth(Number(dueDate.slice(0, 4)), Number(dueDate.slice(5, 7)));
}
