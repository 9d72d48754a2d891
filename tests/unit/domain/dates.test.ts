import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  formatDateTime,
  isWeekend,
  londonDate,
  nextLondonMidnight,
  parseDueDate,
} from '../../../src/domain';

describe('dates in Europe/London', () => {
  it.each([
    ['2026-11-23T23:30:00Z', '2026-11-23'], // GMT: London = UTC
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: London is an hour ahead
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night the clocks go forward
    ['2026-10-24T23:30:00Z', '2026-10-25'], // the night the clocks go back, still BST
  ])('the London date at %s is %s', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });

  it('counts whole days across the clock changes and month ends', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-12-01', { date: '2026-12-01', precision: 'day' }],
    ['1 Dec 2026', { date: '2026-12-01', precision: 'day' }],
    ['23rd November 2026', { date: '2026-11-23', precision: 'day' }],
    ['01/12/2026', { date: '2026-12-01', precision: 'day' }],
    ['Dec 2026', { date: '2026-12-31', precision: 'month' }],
    ['February 2028', { date: '2028-02-29', precision: 'month' }],
    ['Sept 2026', { date: '2026-09-30', precision: 'month' }],
  ])('reads the due date %j', (text, expected) => {
    expect(parseDueDate(text)).toEqual(expected);
  });

  it.each(['31/02/2026', 'Smarch 2026', '2026-13-01', 'soon', ''])(
    'refuses %j with a message that shows the accepted forms',
    (text) => {
      expect(() => parseDueDate(text)).toThrow(/23 Nov 2026|not a real date/);
    },
  );

  it('formats dates as people in the UK write them', () => {
    expect(formatDate('2026-11-23')).toBe('23 Nov 2026');
    expect(formatDate('2026-12-31', 'month')).toBe('Dec 2026');
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
  });

  it('knows weekends', () => {
    expect(isWeekend('2026-11-21')).toBe(true);
    expect(isWeekend('2026-11-22')).toBe(true);
    expect(isWeekend('2026-11-23')).toBe(false);
  });

  it.each([
    ['2026-12-03T15:00:00Z', '2026-12-04T00:00:00.000Z'], // GMT
    ['2026-06-30T22:59:59Z', '2026-06-30T23:00:00.000Z'], // BST: midnight is 23:00 UTC
    ['2026-03-28T12:00:00Z', '2026-03-29T00:00:00.000Z'], // the clocks go forward at 01:00 that night
    ['2026-10-25T12:00:00Z', '2026-10-26T00:00:00.000Z'], // the day the clocks went back (25 hours)
  ])('the next London midnight after %s is %s', (instant, midnight) => {
    expect(nextLondonMidnight(new Date(instant)).toISOString()).toBe(midnight);
  });
});
