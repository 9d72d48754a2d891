import { describe, expect, it } from 'vitest';
import { validate, type Measure } from '../../../src/domain';
import {
  MEASURE_STATUS_TEXT,
  expectedValue,
  formatValue,
  isOffTrajectory,
  measureInputSchema,
  readingInputSchema,
  trajectoryLine,
  trajectoryStatus,
} from '../../../src/domain/measures';

/** 40% on 1 Jan 2027 rising to 80% by 11 Apr 2027 (100 days): 0.4 points a day. */
const rising: Measure = {
  id: 'm1',
  planId: 'p',
  priorityId: null,
  title: 'EHC plans issued within 20 weeks',
  unit: '%',
  baseline: 40,
  baselineDate: '2027-01-01',
  target: 80,
  targetDate: '2027-04-11',
  higherIsBetter: true,
};
/** 30 weeks' wait on 1 Jan 2027 falling to 20 by 11 Apr 2027: 0.1 a day. */
const falling: Measure = {
  ...rising,
  id: 'm2',
  title: 'Weeks waiting for an autism assessment',
  unit: 'weeks',
  baseline: 30,
  target: 20,
  higherIsBetter: false,
};

const at = (measure: Measure, date: string, value: number) => ({ measureId: measure.id, date, value });

describe('trajectoryStatus', () => {
  it.each([
    // [measure, reading date, value, status, expected]
    [rising, '2027-02-20', 60, 'on trajectory', 60], // exactly on the line
    [rising, '2027-02-20', 59.5, 'off trajectory', 60],
    [rising, '2027-02-20', 70, 'on trajectory', 60],
    [rising, '2027-04-01', 80, 'met', 76],
    [rising, '2027-04-01', 85, 'met', 76],
    [falling, '2027-02-20', 25, 'on trajectory', 25], // exactly on the line
    [falling, '2027-02-20', 25.5, 'off trajectory', 25],
    [falling, '2027-02-20', 22, 'on trajectory', 25],
    [falling, '2027-03-01', 20, 'met', 24.1],
    [falling, '2027-03-01', 19, 'met', 24.1],
  ] as const)('%# judges %s on %s at %d as %s', (measure, date, value, status, expected) => {
    const result = trajectoryStatus(measure, [at(measure, date, value)], '2027-06-30');
    expect(result.status).toBe(status);
    expect(result.expected).toBeCloseTo(expected, 9);
    expect(result.latest).toEqual({ date, value });
  });

  it('judges the latest reading, whatever order the readings come in', () => {
    const readings = [
      at(rising, '2027-02-20', 61),
      at(rising, '2027-01-10', 10),
      at(rising, '2027-03-02', 50),
    ];
    expect(trajectoryStatus(rising, readings, '2027-06-30')).toEqual({
      status: 'off trajectory',
      latest: { date: '2027-03-02', value: 50 },
      expected: 64,
    });
  });

  it('leaves out readings after the day judged, and readings of other measures', () => {
    const readings = [
      at(rising, '2027-02-20', 60),
      at(rising, '2027-03-02', 50),
      at(falling, '2027-02-25', 99),
    ];
    expect(trajectoryStatus(rising, readings, '2027-03-01')).toMatchObject({
      status: 'on trajectory',
      latest: { date: '2027-02-20', value: 60 },
    });
  });

  it('expects the target after the target date', () => {
    const result = trajectoryStatus(rising, [at(rising, '2027-09-01', 79)], '2027-09-30');
    expect(result).toEqual({
      status: 'off trajectory',
      latest: { date: '2027-09-01', value: 79 },
      expected: 80,
    });
  });

  it('expects the baseline before the baseline date', () => {
    const result = trajectoryStatus(rising, [at(rising, '2026-12-01', 40)], '2027-06-30');
    expect(result).toMatchObject({ status: 'on trajectory', expected: 40 });
  });

  it('starts the line at the first reading when the measure has no baseline', () => {
    const noBaseline = { ...rising, baseline: null, baselineDate: null };
    // The line runs from 20 on 1 Jan to 80 on 11 Apr: 0.6 a day, so 50 on 20 Feb.
    const readings = [at(rising, '2027-02-20', 49), at(rising, '2027-01-01', 20)];
    expect(trajectoryStatus(noBaseline, readings, '2027-06-30')).toEqual({
      status: 'off trajectory',
      latest: { date: '2027-02-20', value: 49 },
      expected: 50,
    });
    expect(trajectoryStatus(noBaseline, [at(rising, '2027-01-01', 20)], '2027-06-30')).toMatchObject({
      status: 'on trajectory',
      expected: 20,
    });
  });

  it('takes a baseline without its date as no baseline', () => {
    const undated = { ...rising, baselineDate: null };
    expect(trajectoryLine(undated, [at(rising, '2027-01-21', 10)])).toEqual([
      { date: '2027-01-21', value: 10 },
      { date: '2027-04-11', value: 80 },
    ]);
  });

  it('says so when there are no readings yet', () => {
    expect(trajectoryStatus(rising, [], '2027-06-30')).toEqual({
      status: 'no readings',
      latest: null,
      expected: null,
    });
    expect(trajectoryStatus(rising, [at(rising, '2027-07-01', 90)], '2027-06-30').status).toBe('no readings');
  });

  it.each([
    ['target', { target: null }],
    ['target date', { targetDate: null }],
  ])('cannot judge a measure with no %s, but still shows its latest reading', (_, change) => {
    const measure = { ...rising, ...change };
    expect(trajectoryStatus(measure, [at(rising, '2027-02-20', 10)], '2027-06-30')).toEqual({
      status: 'no target',
      latest: { date: '2027-02-20', value: 10 },
      expected: null,
    });
    expect(trajectoryStatus(measure, [], '2027-06-30').status).toBe('no target');
    expect(trajectoryLine(measure, [at(rising, '2027-02-20', 10)])).toEqual([]);
  });

  it('is not thrown by a rounding error on a line with an awkward slope', () => {
    // 40 to 80 over 90 days: on 31 Jan (30 days in) the line stands at 53.333…
    const measure = { ...rising, targetDate: '2027-04-01' };
    const expected = 40 + 40 / 3;
    expect(trajectoryStatus(measure, [at(rising, '2027-01-31', expected)], '2027-06-30').status).toBe(
      'on trajectory',
    );
    expect(trajectoryStatus(measure, [at(rising, '2027-01-31', 53.3)], '2027-06-30').status).toBe(
      'off trajectory',
    );
  });
});

describe('isOffTrajectory', () => {
  it.each([
    [[at(rising, '2027-02-20', 59)], true],
    [[at(rising, '2027-02-20', 60)], false],
    [[at(rising, '2027-02-20', 90)], false],
    [[], false],
  ])('%# is %s', (readings, off) => {
    expect(isOffTrajectory(rising, readings, '2027-06-30')).toBe(off);
  });

  it('is false for a measure with no target', () => {
    expect(isOffTrajectory({ ...rising, target: null }, [at(rising, '2027-02-20', 0)], '2027-06-30')).toBe(
      false,
    );
  });
});

describe('trajectoryLine', () => {
  it('runs from the baseline to the target', () => {
    expect(trajectoryLine(rising, [at(rising, '2026-12-01', 5)])).toEqual([
      { date: '2027-01-01', value: 40 },
      { date: '2027-04-11', value: 80 },
    ]);
  });

  it.each([
    ['2026-12-01', 40],
    ['2027-01-01', 40],
    ['2027-01-26', 50],
    ['2027-04-11', 80],
    ['2028-01-01', 80],
  ])('stands on %s at %d', (date, expected) => {
    expect(expectedValue(rising, [], date)).toBe(expected);
  });

  it('is empty with no baseline and no readings', () => {
    expect(expectedValue({ ...rising, baseline: null }, [], '2027-02-01')).toBeNull();
    expect(trajectoryLine({ ...rising, baseline: null, baselineDate: null }, [])).toEqual([]);
  });
});

describe('MEASURE_STATUS_TEXT', () => {
  it('words every status', () => {
    expect(MEASURE_STATUS_TEXT).toEqual({
      met: 'Target met',
      'on trajectory': 'On trajectory',
      'off trajectory': 'Off trajectory',
      'no readings': 'No readings yet',
      'no target': 'No target set',
    });
  });
});

describe('formatValue', () => {
  it.each([
    [61, '%', '61%'],
    [87.5, ' % ', '87.5%'],
    [12.345, 'weeks', '12.35 weeks'],
    [1234, '', '1,234'],
    [-3, 'children', '-3 children'],
  ])('shows %d in %j as %s', (value, unit, shown) => {
    expect(formatValue(value, unit)).toBe(shown);
  });
});

describe('readingInputSchema', () => {
  it('reads a value as typed', () => {
    expect(
      validate(readingInputSchema, { date: ' 2027-01-12 ', value: ' 87.5 ', note: ' Backlog cleared ' }),
    ).toEqual({ ok: true, value: { date: '2027-01-12', value: 87.5, note: 'Backlog cleared' } });
    expect(validate(readingInputSchema, { date: '2027-01-12', value: -3 })).toEqual({
      ok: true,
      value: { date: '2027-01-12', value: -3, note: '' },
    });
  });

  it.each([
    [{ value: '' }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ value: '61%' }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ value: 'forty' }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ value: Number.NaN }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ value: Infinity }, 'value', 'Enter the value as a number, such as 42 or 87.5'],
    [{ date: '' }, 'date', 'Enter the date of the reading'],
    [{ date: '2027-02-30' }, 'date', 'Enter the date of the reading as a real date, such as 2027-01-12'],
    [{ date: '12/01/2027' }, 'date', 'Enter the date of the reading as a real date, such as 2027-01-12'],
    [{ note: 'x'.repeat(1001) }, 'note', 'Note must be at most 1000 characters'],
  ])('%# refuses %j on %s', (change, field, message) => {
    const result = validate(readingInputSchema, { date: '2027-01-12', value: '42', ...change });
    expect(result).toEqual({ ok: false, issues: [{ field, message }] });
  });
});

describe('measureInputSchema', () => {
  const typed = {
    title: 'EHC plans issued within 20 weeks',
    unit: '%',
    baseline: '45',
    baselineDate: '2026-01-01',
    target: '60',
    targetDate: '2027-06-30',
    higherIsBetter: true,
    priorityId: 'ip2',
  };

  it('reads numbers and dates as typed, and empty as none', () => {
    expect(validate(measureInputSchema, typed)).toEqual({
      ok: true,
      value: { ...typed, baseline: 45, target: 60 },
    });
    expect(
      validate(measureInputSchema, {
        title: 'Parents who feel listened to',
        baseline: '',
        baselineDate: '',
        target: ' ',
        targetDate: '',
      }),
    ).toEqual({
      ok: true,
      value: {
        title: 'Parents who feel listened to',
        unit: '%',
        baseline: null,
        baselineDate: null,
        target: null,
        targetDate: null,
        higherIsBetter: true,
        priorityId: null,
      },
    });
  });

  it.each([
    [{ title: ' ' }, 'title', 'Measure is required'],
    [{ title: 'x'.repeat(256) }, 'title', 'Measure must be at most 255 characters'],
    [{ unit: 'x'.repeat(51) }, 'unit', 'Unit must be at most 50 characters'],
    [{ baseline: 'about half' }, 'baseline', 'Enter the baseline as a number, such as 42 or 87.5'],
    [{ target: '60%' }, 'target', 'Enter the target as a number, such as 42 or 87.5'],
    [{ targetDate: 'June' }, 'targetDate', 'Enter the target date as a real date, such as 2027-01-12'],
    [{ target: '' }, 'target', 'Enter the target value for the target date, or clear the date'],
    [{ targetDate: '' }, 'targetDate', 'Enter the date the target is due, or clear the target'],
    [{ baseline: '' }, 'baseline', 'Enter the baseline value for the baseline date, or clear the date'],
    [{ baselineDate: '' }, 'baselineDate', 'Enter the date of the baseline, or clear the baseline'],
    [{ targetDate: '2026-01-01' }, 'targetDate', 'The target date must be after the baseline date'],
    [{ priorityId: '' }, 'priorityId', 'Choose a priority, or none for the whole plan'],
  ])('%# refuses %j on %s', (change, field, message) => {
    const result = validate(measureInputSchema, { ...typed, ...change });
    expect(result).toEqual({ ok: false, issues: [{ field, message }] });
  });
});
