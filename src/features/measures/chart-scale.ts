import { addDays, daysBetween, formatDate, type IsoDate, type Measure } from '../../domain';
import { trajectoryLine, type MeasurePoint, type ReadingOf } from '../../domain/measures';

/** Where a measure's chart draws each thing, in the SVG's own units (see CHART). */
export interface ChartModel {
  readings: (MeasurePoint & { x: number; y: number })[];
  /** The dashed line from the baseline (or first reading) to the target; null without a target. */
  trajectory: { x1: number; y1: number; x2: number; y2: number } | null;
  /** The target, across the whole chart; null without one. */
  targetY: number | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
}

export const CHART = { width: 600, height: 260, left: 64, right: 20, top: 16, bottom: 56 } as const;
export const PLOT = {
  left: CHART.left,
  right: CHART.width - CHART.right,
  top: CHART.top,
  bottom: CHART.height - CHART.bottom,
} as const;

const MAX_X_TICKS = 6;
const Y_TICKS = 4;

/** The chart of a measure, or null when there is nothing to draw (no reading and no trajectory). */
export function chartModel(measure: Measure, readings: readonly ReadingOf[]): ChartModel | null {
  const own = readings.filter((r) => r.measureId === measure.id);
  const line = trajectoryLine(measure, own);
  const points: MeasurePoint[] = [...own, ...line];
  if (points.length === 0) return null;

  const dates = points.map((p) => p.date).sort();
  let [from, to] = [dates[0] ?? '', dates[dates.length - 1] ?? ''];
  if (from === to) [from, to] = [addDays(from, -15), addDays(to, 15)];
  const span = daysBetween(from, to);
  const x = (date: IsoDate) => PLOT.left + ((PLOT.right - PLOT.left) * daysBetween(from, date)) / span;

  const values = points.map((p) => p.value);
  const { min, max, step } = niceRange(Math.min(0, ...values), Math.max(...values));
  const y = (value: number) => PLOT.bottom - ((PLOT.bottom - PLOT.top) * (value - min)) / (max - min);

  const [start, end] = line;
  return {
    readings: own.map((r) => ({ date: r.date, value: r.value, x: x(r.date), y: y(r.value) })),
    trajectory:
      start && end ? { x1: x(start.date), y1: y(start.value), x2: x(end.date), y2: y(end.value) } : null,
    targetY: end ? y(end.value) : null,
    xTicks: monthTicks(from, to).map((date) => ({ x: x(date), label: formatDate(date, 'month') })),
    yTicks: Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => {
      const value = min + i * step;
      return { y: y(value), value };
    }),
  };
}

/** A range from `low` to `high` in round steps (1, 2 or 5 times a power of ten). */
export function niceRange(low: number, high: number): { min: number; max: number; step: number } {
  const raw = (high - low) / Y_TICKS || Math.abs(high) / Y_TICKS || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const min = Math.floor(low / step) * step;
  const max = Math.max(Math.ceil(high / step) * step, min + step);
  return { min, max, step };
}

/** The first days of months between two dates, every month or every few, at most MAX_X_TICKS of them. */
export function monthTicks(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  if (from.slice(8) !== '01') [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  for (;;) {
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (date > to) break;
    months.push(date);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  const every = [1, 2, 3, 6, 12, 24].find((n) => Math.ceil(months.length / n) <= MAX_X_TICKS) ?? 48;
  return months.filter((_, i) => i % every === 0);
}
