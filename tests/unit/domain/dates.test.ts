import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  daysBetween,
  formatDate,
  formatDateTime,
  isTimeZone,
  isWeekend,
  londonDate,
  nextLondonMidnight,
  parseDueDate,
  parseIsoInstant,
  zonedWallTime,
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

describe('wall-clock times in any time zone', () => {
  it.each([
    ['Europe/London', '2026-01-15', '2026-01-15T00:00:00.000Z'],
    ['Europe/London', '2026-07-01', '2026-06-30T23:00:00.000Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00.000Z'], // the clocks go forward at 01:00 that day
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00.000Z'], // and back at 02:00 BST
    ['America/New_York', '2026-07-01', '2026-07-01T04:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['Asia/Kolkata', '2026-07-01', '2026-06-30T18:30:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00.000Z'],
  ])('midnight in %s on %s is %s', (zone, date, instant) => {
    const midnight = zonedWallTime(date, '00:00', zone);
    expect(midnight.toISOString()).toBe(instant);
    expect(dateInZone(midnight, zone)).toBe(date);
  });

  it('takes the earlier of a repeated hour and reads a skipped one with the offset before the change', () => {
    expect(zonedWallTime('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(zonedWallTime('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(zonedWallTime('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('knows time zone names and reads instants strictly', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Europe/Londres')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(parseIsoInstant('2026-06-30T23:00:00Z')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(parseIsoInstant('2026-07-01T00:00:00+01:00')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(parseIsoInstant('2026-02-31T00:00:00Z')).toBeNull();
    expect(parseIsoInstant('2026-07-01')).toBeNull();
    expect(parseIsoInstant('2026-07-01T24:00:00Z')).toBeNull();
  });
});
