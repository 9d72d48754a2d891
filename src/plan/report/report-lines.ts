import { formatDate, riskScoreOf } from '../../domain';
import { type SnapshotMeasure, type SnapshotRisk } from '../../domain/snapshot';
import { DIRECTION_ARROW, DIRECTION_TEXT, measureDirection, type Direction } from '../../domain/direction';
import {
  formatValue,
  MEASURE_STATUS_TEXT,
  trajectoryStatus,
  type MeasureStatusKind,
} from '../../domain/measures';
import {
  RISK_BAND_TEXT,
  RISK_TREND_ARROW,
  RISK_TREND_TEXT,
  riskBand,
  type RiskBand,
} from '../../domain/risks';

/** A measure as the report pack writes it: every figure already in words. */
export interface MeasureLine {
  title: string;
  /** "45% on 1 Apr 2026", or "None recorded". */
  baseline: string;
  /** "60% by 31 Mar 2027", or "No target set". */
  target: string;
  /** "52%", or "No readings yet". */
  latest: string;
  /** The latest reading's date, "1 Dec 2026"; null without a reading. */
  latestDate: string | null;
  status: MeasureStatusKind;
  /** "Off trajectory", "Target met" … */
  statusText: string;
  /** Null when nothing could be compared (no earlier snapshot, or no reading then or now). */
  direction: Direction | null;
  /** "↑ Improved (was 45%)", "No earlier snapshot to compare with" … */
  directionText: string;
}

/** A risk as the report pack writes it. */
export interface RiskLine {
  /** The priority's label, or "Whole plan" for a risk to the plan as a whole. */
  priority: string;
  title: string;
  score: number;
  /** "12 (4 × 3)": the score, then consequence × likelihood. */
  scoreText: string;
  band: RiskBand;
  bandText: string;
  /** "↑ Rising". */
  trendText: string;
  owner: string;
  mitigation: string;
}

export const NO_EARLIER_SNAPSHOT = 'No earlier snapshot to compare with';

/**
 * A measure frozen in a snapshot, judged on the snapshot's day against its
 * trajectory, and compared with its value in the previous snapshot (`previous`
 * null: there was none; `before` undefined: the measure was not in it).
 */
export function measureLine(
  measure: SnapshotMeasure,
  asOf: string,
  previous: { before: SnapshotMeasure | undefined } | null,
): MeasureLine {
  const reading =
    measure.date !== null && measure.value !== null
      ? [{ measureId: measure.measureId, date: measure.date, value: measure.value }]
      : [];
  const judged = trajectoryStatus({ ...measure, id: measure.measureId }, reading, asOf);
  const value = (v: number) => formatValue(v, measure.unit);
  return {
    title: measure.title,
    baseline:
      measure.baseline === null
        ? 'None recorded'
        : measure.baselineDate === null
          ? value(measure.baseline)
          : `${value(measure.baseline)} on ${formatDate(measure.baselineDate)}`,
    target:
      measure.target === null || measure.targetDate === null
        ? MEASURE_STATUS_TEXT['no target']
        : `${value(measure.target)} by ${formatDate(measure.targetDate)}`,
    latest: measure.value === null ? MEASURE_STATUS_TEXT['no readings'] : value(measure.value),
    latestDate: measure.date === null ? null : formatDate(measure.date),
    status: judged.status,
    statusText: MEASURE_STATUS_TEXT[judged.status],
    ...measureTravel(measure, previous),
  };
}

function measureTravel(
  measure: SnapshotMeasure,
  previous: { before: SnapshotMeasure | undefined } | null,
): Pick<MeasureLine, 'direction' | 'directionText'> {
  if (previous === null) return { direction: null, directionText: NO_EARLIER_SNAPSHOT };
  const before = previous.before;
  if (before === undefined) return { direction: 'new', directionText: describe('new') };
  if (measure.value === null) return { direction: null, directionText: 'No reading to compare' };
  if (before.value === null) return { direction: null, directionText: 'No reading at the last snapshot' };
  const direction = measureDirection(measure, measure.value, before.value);
  return {
    direction,
    directionText: `${describe(direction)} (was ${formatValue(before.value, before.unit)})`,
  };
}

function describe(direction: Direction): string {
  return `${DIRECTION_ARROW[direction]} ${DIRECTION_TEXT[direction]}`;
}

export const WHOLE_PLAN = 'Whole plan';

export function riskLine(risk: SnapshotRisk, priorityLabel: string): RiskLine {
  const score = riskScoreOf(risk);
  const band = riskBand(score);
  return {
    priority: priorityLabel,
    title: risk.title,
    score,
    scoreText: `${score} (${risk.consequence} × ${risk.likelihood})`,
    band,
    bandText: RISK_BAND_TEXT[band],
    trendText: `${RISK_TREND_ARROW[risk.trend]} ${RISK_TREND_TEXT[risk.trend]}`,
    owner: risk.owner.trim() || 'No owner named',
    mitigation: risk.mitigation.trim() || 'None recorded',
  };
}
