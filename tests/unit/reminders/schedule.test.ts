import { describe, expect, it } from 'vitest';
import { londonHour, londonWallTime } from '../../../src/domain';
import { nextRunAt, workingCalendar } from '../../../src/domain/reminders';
import { policy } from './builders';

describe('London wall-clock times', () => {
  it.each([
    ['winter (GMT)', '2026-12-01', '08:00', '2026-12-01T08:00:00.000Z'],
    ['summer (BST)', '2026-06-01', '08:00', '2026-06-01T07:00:00.000Z'],
    ['the morning the clocks go forward', '2027-03-28', '08:00', '2027-03-28T07:00:00.000Z'],
    ['inside the spring gap: read as the time after it', '2027-03-28', '01:30', '2027-03-28T01:30:00.000Z'],
    ['the morning the clocks go back', '2026-10-25', '08:00', '2026-10-25T08:00:00.000Z'],
    ['the hour that happens twice: the first', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['with seconds', '2026-12-31', '23:59:59', '2026-12-31T23:59:59.000Z'],
  ])('%s', (_, date, time, iso) => {
    expect(londonWallTime(date, time).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-12-16T07:59:00Z', 7],
    ['2026-12-16T08:00:00Z', 8],
    ['2026-06-16T07:00:00Z', 8],
  ])('at %s it is %i o’clock in London', (iso, hour) => {
    expect(londonHour(new Date(iso))).toBe(hour);
  });
});

describe('the next run', () => {
  const calendar = workingCalendar(policy({ quietDays: { bankHolidays: ['2026-12-28'] } }).quietDays);
  it.each([
    ['before 08:00 on a working day: today', '2026-12-16T06:00:00Z', '2026-12-16T08:00:00.000Z'],
    ['at 08:00: today', '2026-12-16T08:00:00Z', '2026-12-16T08:00:00.000Z'],
    ['after 08:00: tomorrow', '2026-12-16T09:00:00Z', '2026-12-17T08:00:00.000Z'],
    ['Friday afternoon: Monday', '2026-12-18T15:00:00Z', '2026-12-21T08:00:00.000Z'],
    [
      'Christmas Day (Friday): past the weekend and the bank holiday',
      '2026-12-25T09:00:00Z',
      '2026-12-29T08:00:00.000Z',
    ],
    ['in summer: 08:00 BST', '2026-06-16T09:00:00Z', '2026-06-17T07:00:00.000Z'],
  ])('%s', (_, now, next) => {
    expect(nextRunAt(new Date(now), calendar).toISOString()).toBe(next);
  });
});
