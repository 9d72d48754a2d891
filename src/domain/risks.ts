import { z } from 'zod';
import { RISK_TRENDS, riskSchema, riskScoreOf, type Risk } from './model';

/**
 * The joint risk register: a risk scores consequence x likelihood (1 to 5 each) and
 * falls in a band of the NHS 5x5 matrix (NPSA, A risk matrix for risk managers, 2008):
 * 1-3 low, 4-6 moderate, 8-12 high, 15-25 extreme. No product of two scores 1-5
 * falls between those ranges (7, 11, 13, 14 cannot occur).
 */
export const RISK_BANDS = ['low', 'moderate', 'high', 'extreme'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];
export type RiskTrend = (typeof RISK_TRENDS)[number];

export const RISK_BAND_TEXT: Record<RiskBand, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  extreme: 'Extreme',
};

export const RISK_TREND_TEXT: Record<RiskTrend, string> = {
  rising: 'Rising',
  steady: 'Steady',
  falling: 'Falling',
};

/** Arrows go with the words, never instead of them. */
export const RISK_TREND_ARROW: Record<RiskTrend, string> = {
  rising: '↑',
  steady: '→',
  falling: '↓',
};

export const RISK_SCORE_MIN = 1;
export const RISK_SCORE_MAX = 5;
/** 1 to 5: the values consequence and likelihood each take. */
export const RISK_SCORES = [1, 2, 3, 4, 5] as const;

/** What each score means, as the NPSA matrix words it. */
export const CONSEQUENCE_TEXT: Record<number, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Catastrophic',
};
export const LIKELIHOOD_TEXT: Record<number, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};

export function riskBand(score: number): RiskBand {
  if (score <= 3) return 'low';
  if (score <= 6) return 'moderate';
  if (score <= 12) return 'high';
  return 'extreme';
}

type Ranked = Pick<Risk, 'consequence' | 'likelihood' | 'trend' | 'title'>;

const TREND_ORDER: Record<RiskTrend, number> = { rising: 0, steady: 1, falling: 2 };

/** Highest score first; on a tie a rising risk before a steady one before a falling one; then by title. */
export function byRiskOrder(a: Ranked, b: Ranked): number {
  return (
    riskScoreOf(b) - riskScoreOf(a) ||
    TREND_ORDER[a.trend] - TREND_ORDER[b.trend] ||
    a.title.localeCompare(b.title, 'en-GB')
  );
}

/**
 * The top risks of a register: its open risks in risk order, at most `n`. The one
 * definition the board view and the report pack share.
 */
export function topRisks<R extends Ranked & Pick<Risk, 'status'>>(risks: readonly R[], n: number): R[] {
  return risks
    .filter((r) => r.status === 'open')
    .sort(byRiskOrder)
    .slice(0, Math.max(0, n));
}

export interface HeatMapCell<R> {
  consequence: number;
  likelihood: number;
  score: number;
  band: RiskBand;
  count: number;
  /** The cell's open risks, in risk order. */
  risks: R[];
}

export interface HeatMapRow<R> {
  consequence: number;
  /** Likelihood 1 to 5, left to right. */
  cells: HeatMapCell<R>[];
}

/**
 * The 5x5 matrix of open risks as it is drawn: rows by consequence from 5 at the
 * top down to 1, cells by likelihood from 1 to 5 across.
 */
export function heatMap<R extends Ranked & Pick<Risk, 'status'>>(risks: readonly R[]): HeatMapRow<R>[] {
  const open = topRisks(risks, risks.length);
  return [...RISK_SCORES].reverse().map((consequence) => ({
    consequence,
    cells: RISK_SCORES.map((likelihood) => {
      const inCell = open.filter((r) => r.consequence === consequence && r.likelihood === likelihood);
      const score = consequence * likelihood;
      return { consequence, likelihood, score, band: riskBand(score), count: inCell.length, risks: inCell };
    }),
  }));
}

/** A score as typed (a form's "4" or a number); anything but a whole number 1 to 5 is refused. */
function scoreInput(label: string) {
  const message = `${label} is scored 1 to 5`;
  return z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z.number({ error: message }).int(message).min(RISK_SCORE_MIN, message).max(RISK_SCORE_MAX, message),
  );
}

/** What a person types to add or edit a risk; each message names the field. */
export const riskInputSchema = z.object({
  title: riskSchema.shape.title,
  consequence: scoreInput('Consequence'),
  likelihood: scoreInput('Likelihood'),
  mitigation: riskSchema.shape.mitigation,
  owner: riskSchema.shape.owner,
  trend: z.enum(RISK_TRENDS, { error: 'Trend is rising, steady or falling' }).default('steady'),
  /** Empty for a risk to the whole plan rather than one priority. */
  priorityId: z
    .string()
    .trim()
    .nullable()
    .default(null)
    .transform((id) => (id === '' ? null : id)),
});
export type RiskFields = z.infer<typeof riskInputSchema>;
export interface RiskInput {
  title: string;
  /** As typed: "4" or 4. */
  consequence: number | string;
  likelihood: number | string;
  mitigation?: string;
  owner?: string;
  trend?: string;
  priorityId?: string | null;
}
