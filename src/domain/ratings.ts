/**
 * Rating scales. A plan picks a preset; the board shows its ratings in the plan's
 * column order, while `rank` (0 = no progress … highest = completed) is the fixed
 * ordinal used for direction of travel.
 */
export type RatingTone = 'blue' | 'green' | 'lightGreen' | 'amber' | 'red' | 'purple' | 'grey';

export interface RatingDefinition {
  key: string;
  label: string;
  /** The short letter used in the source documents: B, G, A, R, P … */
  letter: string;
  meaning: string;
  tone: RatingTone;
  rank: number;
  completed: boolean;
}

export interface RatingScale {
  id: RatingScaleId;
  name: string;
  ratings: readonly RatingDefinition[];
}

export const RATING_SCALE_IDS = ['bragp', 'ralgc'] as const;
export type RatingScaleId = (typeof RATING_SCALE_IDS)[number];

const BRAGP: RatingScale = {
  id: 'bragp',
  name: 'BRAG(P)',
  ratings: [
    {
      key: 'purple',
      letter: 'P',
      label: 'Yet to start',
      meaning: 'Yet to start',
      tone: 'purple',
      rank: 0,
      completed: false,
    },
    {
      key: 'red',
      letter: 'R',
      label: 'Little or no progress',
      meaning: 'Little or no progress',
      tone: 'red',
      rank: 1,
      completed: false,
    },
    {
      key: 'amber',
      letter: 'A',
      label: 'Minor delays',
      meaning: 'Progress with minor delays',
      tone: 'amber',
      rank: 2,
      completed: false,
    },
    {
      key: 'green',
      letter: 'G',
      label: 'Good progress',
      meaning: 'Good progress',
      tone: 'green',
      rank: 3,
      completed: false,
    },
    {
      key: 'blue',
      letter: 'B',
      label: 'Completed',
      meaning: 'Completed',
      tone: 'blue',
      rank: 4,
      completed: true,
    },
  ],
};

const RALGC: RatingScale = {
  id: 'ralgc',
  name: 'Red / Amber / Light green / Green / Completed',
  ratings: [
    {
      key: 'red',
      letter: 'R',
      label: 'Red',
      meaning: 'Not started or significant delay',
      tone: 'red',
      rank: 0,
      completed: false,
    },
    {
      key: 'amber',
      letter: 'A',
      label: 'Amber',
      meaning: 'Started, some delay',
      tone: 'amber',
      rank: 1,
      completed: false,
    },
    {
      key: 'lightGreen',
      letter: 'LG',
      label: 'Light green',
      meaning: 'On track',
      tone: 'lightGreen',
      rank: 2,
      completed: false,
    },
    {
      key: 'green',
      letter: 'G',
      label: 'Green',
      meaning: 'Completed, improvement embedded and sustained',
      tone: 'green',
      rank: 3,
      completed: false,
    },
    {
      key: 'completed',
      letter: 'C',
      label: 'Completed',
      meaning: 'Completed',
      tone: 'blue',
      rank: 4,
      completed: true,
    },
  ],
};

export const RATING_SCALES: Record<RatingScaleId, RatingScale> = { bragp: BRAGP, ralgc: RALGC };

/** Impact is rated RAG(P) and sustained RAG whatever the plan's progress scale. */
export const IMPACT_RATINGS = ['purple', 'red', 'amber', 'green'] as const;
export type ImpactRating = (typeof IMPACT_RATINGS)[number];
export const SUSTAINED_RATINGS = ['red', 'amber', 'green'] as const;
export type SustainedRating = (typeof SUSTAINED_RATINGS)[number];

export const IMPACT_LABELS: Record<ImpactRating, string> = {
  purple: 'Not yet measurable',
  red: 'No impact yet',
  amber: 'Some impact',
  green: 'Clear impact',
};
export const SUSTAINED_LABELS: Record<SustainedRating, string> = {
  red: 'Not sustained',
  amber: 'Partly sustained',
  green: 'Sustained',
};

/**
 * The scale a plan uses, with its ratings in the plan's column order. An order
 * that does not name every rating exactly once is ignored (the preset order wins)
 * rather than hiding a column.
 */
export function resolveScale(scaleId: RatingScaleId, columnOrder?: readonly string[] | null): RatingScale {
  const preset = RATING_SCALES[scaleId];
  if (!columnOrder || !isPermutationOf(columnOrder, preset)) return preset;
  const byKey = new Map(preset.ratings.map((r) => [r.key, r]));
  return { ...preset, ratings: columnOrder.map((k) => byKey.get(k)).filter((r) => r !== undefined) };
}

function isPermutationOf(order: readonly string[], scale: RatingScale): boolean {
  const keys = new Set(scale.ratings.map((r) => r.key));
  return (
    order.length === keys.size && new Set(order).size === order.length && order.every((k) => keys.has(k))
  );
}

export function findRating(scale: RatingScale, key: string | null | undefined): RatingDefinition | undefined {
  return key ? scale.ratings.find((r) => r.key === key) : undefined;
}

export function isCompletedRating(scale: RatingScale, key: string | null | undefined): boolean {
  return findRating(scale, key)?.completed ?? false;
}

/** The rating an action starts with: the lowest-ranked one ("Yet to start" on BRAG(P)). */
export function initialRating(scale: RatingScale): RatingDefinition {
  const lowest = [...scale.ratings].sort((a, b) => a.rank - b.rank)[0];
  if (!lowest) throw new Error(`Rating scale ${scale.id} has no ratings`);
  return lowest;
}

/** What the scale calls its rating of a tone ("Little or no progress" for red on BRAG(P)). */
export function toneLabel(scale: RatingScale, tone: 'red' | 'amber'): string {
  return (
    scale.ratings.find((r) => r.tone === tone && !r.completed)?.label ?? (tone === 'red' ? 'Red' : 'Amber')
  );
}
