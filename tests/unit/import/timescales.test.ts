import { describe, expect, it } from 'vitest';
import { readTimescale } from '../../../src/domain/import';

const codes = (text: string) => readTimescale(text).problems.map((p) => `${p.severity}:${p.code}`);

describe('a timescale written as a month is the last day of that month', () => {
  it.each([
    ['Dec 2019', '2019-12-31'],
    ['Sept 19', '2019-09-30'],
    ['September 2019', '2019-09-30'],
    ['sep 2019', '2019-09-30'],
    ['Dec-19', '2019-12-31'],
    ["March '20", '2020-03-31'],
    ['February 2020', '2020-02-29'],
    ['03/2020', '2020-03-31'],
    ['By Dec 2019', '2019-12-31'],
    ['End of March 2020', '2020-03-31'],
  ])('%j -> %s', (text, date) => {
    expect(readTimescale(text)).toEqual({ due: { date, precision: 'month' }, problems: [] });
  });
});

describe('a timescale written as a date, British day first', () => {
  it.each([
    ['31/12/2019', '2019-12-31'],
    ['01/10/19', '2019-10-01'],
    ['1/10/19', '2019-10-01'],
    ['05.03.2020', '2020-03-05'],
    ['12 January 2020', '2020-01-12'],
    ['12th Jan 20', '2020-01-12'],
    ['15 th January 2021', '2021-01-15'],
    ['23 rd March 2021', '2021-03-23'],
    ['1st of March 2021', '2021-03-01'],
    ['12-Jan-20', '2020-01-12'],
    ['2020-01-12', '2020-01-12'],
    ['2021-03-17T23:00:00.000Z', '2021-03-17'],
    ['2021-06-30T23:00:00Z', '2021-07-01'],
  ])('%j -> %s', (text, date) => {
    expect(readTimescale(text)).toEqual({ due: { date, precision: 'day' }, problems: [] });
  });
});

describe('what needs a person to look', () => {
  it('two dates in one cell: the first is due, the second kept, with a warning naming both', () => {
    const read = readTimescale('March 2020 and July 2020');
    expect(read.due).toEqual({
      date: '2020-03-31',
      precision: 'month',
      also: { date: '2020-07-31', precision: 'month' },
    });
    expect(read.problems).toEqual([
      {
        severity: 'warning',
        code: 'due-two-dates',
        message:
          'Two dates in one cell: Mar 2020 is taken as the due date and Jul 2020 kept as a second date',
      },
    ]);
  });

  it('three dates: the third is named as not kept', () => {
    const read = readTimescale('Dec 2019 / 31/01/2020 / March 2020');
    expect(read.due.also).toEqual({ date: '2020-01-31', precision: 'day' });
    expect(read.problems[0]?.message).toMatch(/1 more not kept/);
  });

  it.each(['Ongoing', 'Termly', 'Quarterly', 'TBC', 'Autumn term', 'December'])(
    '%j has no date: no due date and a warning, never an error',
    (text) => {
      const read = readTimescale(text);
      expect(read.due).toEqual({ date: null, precision: 'day' });
      expect(codes(text)).toEqual(['warning:due-not-a-date']);
      expect(read.problems[0]?.message).toContain(`"${text}"`);
    },
  );

  it('a sentence that contains a month gives that month, with a warning to check it', () => {
    const read = readTimescale('Review at the end of March 2020');
    expect(read.due).toEqual({ date: '2020-03-31', precision: 'month' });
    expect(read.problems).toEqual([
      {
        severity: 'warning',
        code: 'due-from-sentence',
        message: 'Due date Mar 2020 read from "Review at the end of March 2020": check it',
      },
    ]);
  });

  it('"may" in a sentence is not May without a year', () => {
    expect(readTimescale('This may slip').due.date).toBeNull();
  });

  it.each([
    ['31/02/2020', /not a real date \(dates are read day first/],
    ['12/25/2020', /not a real date/],
    ['30 February 2021', /not a real date/],
    ['Dec 1019', /year 1019, which looks mistyped/],
  ])('%j is an error naming the value', (text, message) => {
    const read = readTimescale(text);
    expect(read.due.date).toBeNull();
    expect(read.problems).toEqual([
      { severity: 'error', code: 'due-invalid', message: expect.stringMatching(message) },
    ]);
  });

  it('blank is no due date and nothing to say', () => {
    expect(readTimescale('  ')).toEqual({ due: { date: null, precision: 'day' }, problems: [] });
  });
});
