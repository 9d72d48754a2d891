import {
  IMPACT_LABELS,
  IMPACT_RATINGS,
  SUSTAINED_LABELS,
  SUSTAINED_RATINGS,
  type RatingDefinition,
  type RatingScale,
} from '../../domain';

/**
 * Impact (RAG(P)) and sustained (RAG) as scales, so the shared RatingBadge can
 * show them with their own labels and the plan's colour tones.
 */
function scaleOf<K extends 'purple' | 'red' | 'amber' | 'green'>(
  name: string,
  keys: readonly K[],
  labels: Record<K, string>,
): RatingScale {
  const ratings: RatingDefinition[] = keys.map((key, rank) => ({
    key,
    label: labels[key],
    letter: key.charAt(0).toUpperCase(),
    meaning: labels[key],
    tone: key,
    rank,
    completed: false,
  }));
  return { id: 'bragp', name, ratings };
}

export const IMPACT_SCALE = scaleOf('Impact', IMPACT_RATINGS, IMPACT_LABELS);
export const SUSTAINED_SCALE = scaleOf('Sustained', SUSTAINED_RATINGS, SUSTAINED_LABELS);
