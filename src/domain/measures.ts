import { z } from 'zod';
import { compareIsoDates, daysBetween, isIsoDate, type IsoDate } from './dates';
import { measureReadingSchema, measureSchema, type Measure, type MeasureReading } from './model';
import { latestReadings } from './snapshot';

/**
 * A measure judged against its trajectory: the straight line from its baseline to
 * its target. This module is the one definition of "off trajectory" that the
 * Measures page, the overview, the board view and the report all use.
 */

export type MeasureStatusKind = 'met' | 'on trajectory' | 'off trajectory' | 'no readings' | 'no target';

export const MEASURE_STATUS_TEXT: Record<MeasureStatusKind, string> = {
  met: 'Target met',
  'on trajectory': 'On trajectory',
  'off trajectory': 'Off trajectory',
  'no readings': 'No readings yet',
  'no target': 'No target set',
};

export interface MeasurePoint {
  date: IsoDate;
  value: number;
}

export interface MeasureStatus {
  status: MeasureStatusKind;
  /** The latest reading on or before the day judged; null when there is none. */
  latest: MeasurePoint | null;
  /** Where the trajectory stands on the latest reading's date; null when it cannot be drawn. */
  expected: number | null;
}

export type ReadingOf = Pick<MeasureReading, 'measureId' | 'date' | 'value'>;
type Trajectory = Pick<Measure, 'id' | 'baseline' | 'baselineDate' | 'target' | 'targetDate'>;
type Judged = Trajectory & Pick<Measure, 'higherIsBetter'>;

function readingsOf(measure: Pick<Measure, 'id'>, readings: readonly ReadingOf[]): ReadingOf[] {
  return readings.filter((r) => r.measureId === measure.id);
}

/** The earliest reading: the start of the line when the measure has no baseline. */
function firstReading(readings: readonly ReadingOf[]): ReadingOf | undefined {
  let first: ReadingOf | undefined;
  for (const r of readings) if (!first || r.date < first.date) first = r;
  return first;
}

/**
 * The trajectory as a chart draws it: from the baseline (or, without one, the first
 * reading) to the target on its date. Empty when there is no target or nothing to
 * start from. A baseline counts only with its date.
 */
export function trajectoryLine(measure: Trajectory, readings: readonly ReadingOf[]): MeasurePoint[] {
  const { target, targetDate } = measure;
  if (target === null || targetDate === null) return [];
  const start =
    measure.baseline !== null && measure.baselineDate !== null
      ? { date: measure.baselineDate, value: measure.baseline }
      : firstReading(readingsOf(measure, readings));
  if (!start) return [];
  return [
    { date: start.date, value: start.value },
    { date: targetDate, value: target },
  ];
}

/** The line's value on a date: the start before it begins, the target from the target date on. */
function expectedOn(line: readonly MeasurePoint[], date: IsoDate): number | null {
  const [start, end] = line;
  if (!start || !end) return null;
  if (compareIsoDates(date, end.date) >= 0) return end.value;
  if (compareIsoDates(date, start.date) <= 0) return start.value;
  const span = daysBetween(start.date, end.date);
  return start.value + ((end.value - start.value) * daysBetween(start.date, date)) / span;
}

/** Where the trajectory stands on a date (see trajectoryLine); null when it cannot be drawn. */
export function expectedValue(
  measure: Trajectory,
  readings: readonly ReadingOf[],
  date: IsoDate,
): number | null {
  return expectedOn(trajectoryLine(measure, readings), date);
}

/** Whether `a` is better than `b` by the measure's polarity (equal is not better). */
function better(measure: Pick<Measure, 'higherIsBetter'>, a: number, b: number): boolean {
  return measure.higherIsBetter ? a > b : a < b;
}

/**
 * How far a reading may fall short of the line and still be on it: the line's
 * value is computed in floating point, and a reading typed as shown ("61.5") must
 * not be judged off by a rounding error.
 */
const ON_THE_LINE = 1e-9;

/**
 * A measure on a day: its latest reading up to that day against its target and
 * the trajectory at the reading's date. A measure with no target (or no target
 * date) cannot be judged, with readings or without; readings after the day are
 * not yet known and are left out.
 */
export function trajectoryStatus(
  measure: Judged,
  readings: readonly ReadingOf[],
  asOf: IsoDate,
): MeasureStatus {
  const known = readingsOf(measure, readings).filter((r) => compareIsoDates(r.date, asOf) <= 0);
  const reading = latestReadings(known).get(measure.id);
  const latest = reading ? { date: reading.date, value: reading.value } : null;
  if (measure.target === null || measure.targetDate === null)
    return { status: 'no target', latest, expected: null };
  if (!latest) return { status: 'no readings', latest, expected: null };
  const expected = expectedOn(trajectoryLine(measure, known), latest.date);
  if (!better(measure, measure.target, latest.value)) return { status: 'met', latest, expected };
  if (expected === null) return { status: 'on trajectory', latest, expected };
  const tolerance = ON_THE_LINE * Math.max(1, Math.abs(expected));
  const shortBy = measure.higherIsBetter ? expected - latest.value : latest.value - expected;
  return { status: shortBy > tolerance ? 'off trajectory' : 'on trajectory', latest, expected };
}

/** The one test behind every "off trajectory" figure: overview, board view and report. */
export function isOffTrajectory(measure: Judged, readings: readonly ReadingOf[], asOf: IsoDate): boolean {
  return trajectoryStatus(measure, readings, asOf).status === 'off trajectory';
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "52%", "14.5 weeks", "3": a measure's value with its unit, to two decimal places at most. */
export function formatValue(value: number, unit: string): string {
  const number = numberFormat.format(value);
  const trimmed = unit.trim();
  if (trimmed === '') return number;
  return trimmed === '%' ? `${number}%` : `${number} ${trimmed}`;
}

/* Form input: what a person types, checked with messages that name what to write. */

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** A number as typed ("42", "87.5", " -3 "), or a number already; anything else is refused. */
function typedNumber(message: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value.trim()) : value),
    z.number({ error: message }).finite(message),
  );
}

/** A number as typed, or empty for none. */
function optionalNumber(message: string) {
  return z.preprocess(
    (value) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value),
    typedNumber(message).nullable(),
  );
}

/** A date as a date field gives it (YYYY-MM-DD), or empty for none. */
function optionalDate(label: string) {
  return z
    .string({ error: `Enter the ${label} as YYYY-MM-DD, such as 2027-01-12` })
    .trim()
    .nullish()
    .transform((value, ctx) => {
      if (!value) return null;
      if (isIsoDate(value)) return value;
      ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a real date, such as 2027-01-12` });
      return z.NEVER;
    });
}

function requiredDate(label: string) {
  return optionalDate(label).transform((value, ctx) => {
    if (value !== null) return value;
    ctx.addIssue({ code: 'custom', message: `Enter the ${label}` });
    return z.NEVER;
  });
}

export const readingInputSchema = z.object({
  date: requiredDate('date of the reading'),
  value: typedNumber('Enter the value as a number, such as 42 or 87.5'),
  note: measureReadingSchema.shape.note,
});
export interface ReadingInput {
  /** YYYY-MM-DD, as a date field gives it. */
  date: string;
  /** As typed: "42", "87.5". */
  value: string | number;
  note?: string;
}

export const measureInputSchema = z
  .object({
    // The list's Title column holds 255 characters, fewer than the model allows.
    title: measureSchema.shape.title,
    unit: measureSchema.shape.unit,
    baseline: optionalNumber('Enter the baseline as a number, such as 42 or 87.5'),
    baselineDate: optionalDate('baseline date'),
    target: optionalNumber('Enter the target as a number, such as 42 or 87.5'),
    targetDate: optionalDate('target date'),
    higherIsBetter: z.boolean({ error: 'Say whether a higher value is better' }).default(true),
    priorityId: z
      .string()
      .trim()
      .min(1, 'Choose a priority, or none for the whole plan')
      .nullable()
      .default(null),
  })
  .superRefine((m, ctx) => {
    if ((m.baseline === null) !== (m.baselineDate === null))
      ctx.addIssue({
        code: 'custom',
        path: [m.baseline === null ? 'baseline' : 'baselineDate'],
        message:
          m.baseline === null
            ? 'Enter the baseline value for the baseline date, or clear the date'
            : 'Enter the date of the baseline, or clear the baseline',
      });
    if ((m.target === null) !== (m.targetDate === null))
      ctx.addIssue({
        code: 'custom',
        path: [m.target === null ? 'target' : 'targetDate'],
        message:
          m.target === null
            ? 'Enter the target value for the target date, or clear the date'
            : 'Enter the date the target is due, or clear the target',
      });
    if (m.baselineDate !== null && m.targetDate !== null && m.targetDate <= m.baselineDate)
      ctx.addIssue({
        code: 'custom',
        path: ['targetDate'],
        message: 'The target date must be after the baseline date',
      });
  });
export interface MeasureInput {
  title: string;
  unit?: string;
  /** As typed, or empty for none. */
  baseline?: string | number | null;
  baselineDate?: string | null;
  target?: string | number | null;
  targetDate?: string | null;
  higherIsBetter?: boolean;
  priorityId?: string | null;
}
