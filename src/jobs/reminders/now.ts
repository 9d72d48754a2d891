import { isIsoDate, londonWallTime } from '../../domain';
import { RUN_HOUR } from '../../domain/reminders';
import { UsageError } from '../cli';

const WALL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `--now`: an instant with an offset (`2026-12-01T08:00Z`), or a London wall
 * time without one (`2026-12-01T08:00`), or a London date alone, read as the
 * run's hour (08:00). Without the flag, the current time.
 */
export function parseNow(value: string | undefined, current: () => Date = () => new Date()): Date {
  if (value === undefined) return current();
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime()) && isIsoDate(text.slice(0, 10))) return instant;
  }
  const wall = WALL.exec(text);
  if (wall) {
    const [, date = '', hour = String(RUN_HOUR).padStart(2, '0'), minute = '00', second = '00'] = wall;
    if (isIsoDate(date) && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60) {
      return londonWallTime(date, `${hour}:${minute}:${second}`);
    }
  }
  throw new UsageError(
    `--now "${value}" is not a date and time: write 2026-12-01T08:00 (London time), 2026-12-01T08:00Z or 2026-12-01`,
  );
}
