import {
  IMPACT_LABELS,
  IMPACT_RATINGS,
  SUSTAINED_LABELS,
  SUSTAINED_RATINGS,
  type RatingDefinition,
  type RatingTone,
} from '../ratings';
import { quote, type CellProblem } from './problems';

/** Ratings a cell may name: a plan's scale (a RatingScale is one), or the impact or sustained ratings. */
export interface RatingChoices {
  name: string;
  ratings: readonly RatingDefinition[];
}

function fixedChoices(name: string, keys: readonly (RatingTone & string)[], labels: Record<string, string>) {
  return {
    name,
    ratings: keys.map((key, rank) => ({
      key,
      label: labels[key] ?? key,
      letter: key.charAt(0).toUpperCase(),
      meaning: labels[key] ?? key,
      tone: key,
      rank,
      completed: false,
    })),
  } satisfies RatingChoices;
}

/** Impact is rated RAG(P) whatever the plan's scale. */
export const IMPACT_CHOICES: RatingChoices = fixedChoices('RAG(P)', IMPACT_RATINGS, IMPACT_LABELS);
/** Sustained is rated RAG whatever the plan's scale. */
export const SUSTAINED_CHOICES: RatingChoices = fixedChoices('RAG', SUSTAINED_RATINGS, SUSTAINED_LABELS);

type Found = { rating: RatingDefinition; converted: boolean } | null;

function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Each rating's names, normalised once per scale. */
const namesOf = new WeakMap<RatingChoices, { rating: RatingDefinition; names: Set<string> }[]>();
function names(choices: RatingChoices) {
  let known = namesOf.get(choices);
  if (!known) {
    known = choices.ratings.map((rating) => ({
      rating,
      names: new Set([rating.key, rating.label, rating.letter, rating.meaning].map(norm)),
    }));
    namesOf.set(choices, known);
  }
  return known;
}

/** Longer than any rating as written ("Progress with minor delays (A)"). */
const MAX_RATING_LENGTH = 80;

const byTone = (choices: RatingChoices, tone: RatingTone) => choices.ratings.find((r) => r.tone === tone);
const lowest = (choices: RatingChoices) =>
  choices.ratings.reduce<RatingDefinition | undefined>((a, r) => (!a || r.rank < a.rank ? r : a), undefined);
const completedOf = (choices: RatingChoices) =>
  choices.ratings
    .filter((r) => r.completed)
    .reduce<RatingDefinition | undefined>((a, r) => (!a || r.rank > a.rank ? r : a), undefined);

/** Words people write for how an action is going, by meaning. */
const CONCEPTS: { words: string[]; pick: (c: RatingChoices) => RatingDefinition | undefined }[] = [
  {
    words: ['completed', 'complete', 'done', 'achieved', 'closed', 'finished', 'delivered'],
    pick: completedOf,
  },
  {
    words: [
      'not started',
      'yet to start',
      'not yet started',
      'not begun',
      'not yet begun',
      'not due to start',
    ],
    pick: lowest,
  },
  {
    words: [
      'little or no progress',
      'little progress',
      'no progress',
      'significant delay',
      'significant delays',
      'significantly delayed',
      'off track',
      'not on track',
    ],
    pick: (c) => byTone(c, 'red'),
  },
  {
    words: [
      'some progress',
      'minor delay',
      'minor delays',
      'progress with minor delays',
      'some delay',
      'some delays',
      'slight delay',
      'delayed',
    ],
    pick: (c) => byTone(c, 'amber'),
  },
  {
    words: ['good progress', 'on track', 'on target', 'progressing well'],
    pick: (c) => byTone(c, 'lightGreen') ?? byTone(c, 'green'),
  },
  {
    words: ['embedded', 'sustained', 'embedded and sustained'],
    pick: (c) => c.ratings.find((r) => /embedded/i.test(r.meaning)) ?? completedOf(c),
  },
];
const CONCEPT_BY_WORD = new Map(CONCEPTS.flatMap((c) => c.words.map((w) => [w, c.pick] as const)));

/** Colours and their letters, read through the tones of the plan's scale. */
const COLOURS = new Map<
  string,
  { tone: RatingTone; fallback?: (c: RatingChoices) => RatingDefinition | undefined }
>([
  ['blue', { tone: 'blue', fallback: completedOf }],
  ['b', { tone: 'blue', fallback: completedOf }],
  ['green', { tone: 'green' }],
  ['g', { tone: 'green' }],
  ['dark green', { tone: 'green' }],
  ['dg', { tone: 'green' }],
  ['light green', { tone: 'lightGreen', fallback: (c) => byTone(c, 'green') }],
  ['lg', { tone: 'lightGreen', fallback: (c) => byTone(c, 'green') }],
  ['amber', { tone: 'amber' }],
  ['a', { tone: 'amber' }],
  ['red', { tone: 'red' }],
  ['r', { tone: 'red' }],
  ['purple', { tone: 'purple', fallback: lowest }],
  ['p', { tone: 'purple', fallback: lowest }],
  ['c', { tone: 'blue', fallback: completedOf }],
]);

/** Words around a rating that say nothing about it: "RAG: Green", "Status – Amber". */
const NOISE = new Set([
  'rag',
  'brag',
  'bragp',
  'ragp',
  'rating',
  'status',
  'current',
  'rag rating',
  'rag status',
]);

function resolve(text: string, choices: RatingChoices): Found {
  const n = norm(text);
  if (n === '') return null;
  const own = names(choices).find((r) => r.names.has(n));
  if (own) return { rating: own.rating, converted: false };
  const concept = CONCEPT_BY_WORD.get(n)?.(choices);
  if (concept) return { rating: concept, converted: false };
  const colour = COLOURS.get(n);
  if (!colour) return null;
  const toned = byTone(choices, colour.tone);
  if (toned) return { rating: toned, converted: false };
  const near = colour.fallback?.(choices);
  return near ? { rating: near, converted: colour.tone !== 'blue' || !near.completed } : null;
}

/**
 * A rating cell as written ("Completed", "Good progress (G)", "B", "Light green",
 * "RAG: Amber") read as a key of `choices`; blank is null. A colour from another
 * scale is read as the nearest on this one, with a warning; anything else is an
 * error that names the value and the ratings that would do.
 */
export function readRating(
  value: string,
  choices: RatingChoices,
): { key: string | null; problems: CellProblem[] } {
  if (value.trim() === '') return { key: null, problems: [] };
  const text = value.length > MAX_RATING_LENGTH ? value : value.replace(/\s+/g, ' ').trim();
  let found = text.length > MAX_RATING_LENGTH ? null : resolve(text, choices);
  if (!found && text.length <= MAX_RATING_LENGTH) {
    const pieces = text
      .split(/[()[\]/,:;–—]|\s-\s/)
      .map((p) => p.trim())
      .filter((p) => norm(p) !== '' && !NOISE.has(norm(p)));
    const read = pieces.map((p) => resolve(p, choices));
    const keys = new Set(read.map((r) => r?.rating.key));
    const only = read[0];
    if (only && keys.size === 1 && read.every((r) => r !== null)) found = only;
  }
  if (!found) {
    return {
      key: null,
      problems: [
        {
          severity: 'error',
          code: 'rating-unknown',
          message: `${quote(text, 40)} is not a rating on this plan's scale, ${choices.name}: use ${listOf(choices)}`,
        },
      ],
    };
  }
  const problems: CellProblem[] = found.converted
    ? [
        {
          severity: 'warning',
          code: 'rating-converted',
          message: `${quote(text, 40)} is not on this plan's scale, ${choices.name}: read as ${describe(found.rating)}`,
        },
      ]
    : [];
  return { key: found.rating.key, problems };
}

function listOf(choices: RatingChoices): string {
  const names = choices.ratings.map((r) => `${r.label} (${r.letter})`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

function describe(rating: RatingDefinition): string {
  return rating.meaning === rating.label ? rating.label : `${rating.label} (${rating.meaning})`;
}
