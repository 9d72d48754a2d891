import type { Action, Measure } from './model';
import { findRating, type RatingScale } from './ratings';

/**
 * Direction of travel: how something moved since the previous reporting cycle.
 * Ratings compare by their scale's rank (0 = no progress … completed), never by
 * colour, so the same rule holds for every scale.
 */
export type Direction = 'improved' | 'same' | 'worse' | 'new';

export const DIRECTION_TEXT: Record<Direction, string> = {
  improved: 'Improved',
  same: 'No change',
  worse: 'Worse',
  new: 'New since the last cycle',
};

/** Arrows go with the words, never instead of them. */
export const DIRECTION_ARROW: Record<Direction, string> = {
  improved: '↑',
  same: '→',
  worse: '↓',
  new: '•',
};

function rankOf(scale: RatingScale, status: string): number | null {
  return findRating(scale, status)?.rank ?? null;
}

function byDelta(delta: number): Exclude<Direction, 'new'> {
  return delta > 0 ? 'improved' : delta < 0 ? 'worse' : 'same';
}

/** One action's rating now against its rating in the previous snapshot (absent: new). */
export function actionDirection(scale: RatingScale, now: string, before: string | undefined): Direction {
  if (before === undefined) return 'new';
  const [a, b] = [rankOf(scale, now), rankOf(scale, before)];
  if (a === null || b === null) return now === before ? 'same' : 'new';
  return byDelta(a - b);
}

export interface PriorityDirection {
  direction: Direction;
  /** Actions rated in both cycles whose rating rose, fell or held. */
  up: number;
  down: number;
  held: number;
  /** Actions with no rating in the previous snapshot. */
  added: number;
}

/**
 * A priority's direction: the net movement of the actions rated in both cycles
 * (the sum of their rank changes), so that adding new "yet to start" actions does
 * not read as the priority going backwards. A priority absent from the previous
 * snapshot is new.
 */
export function priorityDirection(
  scale: RatingScale,
  now: readonly Pick<Action, 'id' | 'status'>[],
  before: ReadonlyMap<string, string> | null,
): PriorityDirection {
  const result: PriorityDirection = { direction: 'new', up: 0, down: 0, held: 0, added: 0 };
  if (before === null) return { ...result, added: now.length };
  let net = 0;
  for (const action of now) {
    const previous = before.get(action.id);
    const direction = actionDirection(scale, action.status, previous);
    if (direction === 'new') result.added++;
    else if (direction === 'improved') result.up++;
    else if (direction === 'worse') result.down++;
    else result.held++;
    if (previous !== undefined) net += (rankOf(scale, action.status) ?? 0) - (rankOf(scale, previous) ?? 0);
  }
  const compared = result.up + result.down + result.held;
  return { ...result, direction: compared === 0 ? 'new' : byDelta(net) };
}

/** A measure's latest value against the previous snapshot's, read by its polarity. */
export function measureDirection(
  measure: Pick<Measure, 'higherIsBetter'>,
  now: number | null,
  before: number | null | undefined,
): Direction {
  if (now === null || before === null || before === undefined) return 'new';
  const delta = measure.higherIsBetter ? now - before : before - now;
  return byDelta(delta);
}

/** "↑ Improved (3 up, 1 down)": what a direction says, in words. */
export function describeDirection(d: Pick<PriorityDirection, 'direction' | 'up' | 'down'>): string {
  const base = `${DIRECTION_ARROW[d.direction]} ${DIRECTION_TEXT[d.direction]}`;
  if (d.direction === 'new' || (d.up === 0 && d.down === 0)) return base;
  return `${base} (${d.up} up, ${d.down} down)`;
}
