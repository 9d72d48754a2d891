import { formatDate, type Measure } from '../../domain';
import { formatValue, MEASURE_STATUS_TEXT, type MeasureStatus } from '../../domain/measures';

/** "45% on 1 Jan 2026 → 60% by 30 Jun 2027": where the measure starts and where it must get to. */
export function describeAim(measure: Measure): string {
  const { unit } = measure;
  const start =
    measure.baseline !== null && measure.baselineDate !== null
      ? `Baseline ${formatValue(measure.baseline, unit)} on ${formatDate(measure.baselineDate)}`
      : 'No baseline: the first reading stands for it';
  const aim =
    measure.target !== null && measure.targetDate !== null
      ? `target ${formatValue(measure.target, unit)} by ${formatDate(measure.targetDate)}`
      : 'no target set';
  return `${start} → ${aim}`;
}

/**
 * The chart in one sentence, for screen readers and anyone who reads rather than
 * looks: "Reading 61% on 1 Dec 2026 against an expected 65%: off trajectory".
 */
export function summarise(measure: Measure, judged: MeasureStatus): string {
  const { unit } = measure;
  const verdict = MEASURE_STATUS_TEXT[judged.status].toLowerCase();
  const target =
    measure.target !== null && measure.targetDate !== null
      ? `a target of ${formatValue(measure.target, unit)} by ${formatDate(measure.targetDate)}`
      : null;
  const { latest, expected } = judged;
  if (!latest) return target ? `No readings yet against ${target}` : 'No readings yet and no target set';
  const reading = `Reading ${formatValue(latest.value, unit)} on ${formatDate(latest.date)}`;
  if (judged.status === 'no target') return `${reading}: ${verdict}`;
  if (judged.status === 'met' || expected === null)
    return `${reading} against ${target ?? 'no target'}: ${verdict}`;
  return `${reading} against an expected ${formatValue(expected, unit)}: ${verdict}`;
}
