import type { IsoDate } from '../dates';
import type { WorkingCalendar } from './calendar';

export interface DeadlineHit {
  deadline: IsoDate;
  nominalDate: IsoDate;
  sendDate: IsoDate;
}

/**
 * The reporting deadline (or board date) whose reminder is due today: its send
 * day has come and the deadline itself has not passed. When two windows overlap,
 * the nearer deadline goes first; the later one follows once the first has passed.
 */
export function currentDeadline(
  deadlines: readonly IsoDate[],
  daysBefore: number,
  today: number,
  calendar: WorkingCalendar,
): DeadlineHit | null {
  let best: { deadline: number; nominal: number; send: number } | null = null;
  for (const date of deadlines) {
    const deadline = calendar.day(date);
    if (deadline < today || (best !== null && deadline >= best.deadline)) continue;
    const nominal = deadline - daysBefore;
    const send = calendar.sendDay(nominal);
    if (send <= today) best = { deadline, nominal, send };
  }
  if (best === null) return null;
  return {
    deadline: calendar.iso(best.deadline),
    nominalDate: calendar.iso(best.nominal),
    sendDate: calendar.iso(best.send),
  };
}
