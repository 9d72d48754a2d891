import {
  daysBetween,
  findRating,
  formatDate,
  isActionOverdue,
  isCompletedRating,
  isDueWithin,
  overdueMilestonesOf,
  londonDate,
  nextMilestone,
  type Action,
  type FocusArea,
  type IsoDate,
  type Milestone,
  type RatingDefinition,
  type RatingScale,
  type Stored,
} from '../../domain';

/** What a card shows, worked out once per action (pure, so it is tested as a table). */
export interface CardView {
  id: string;
  action: Stored<Action>;
  completed: boolean;
  /** Past its own due date. */
  overdue: boolean;
  /** How many of its milestones are overdue (none once it is completed). */
  overdueMilestones: number;
  /** Due, or a milestone due, in the next N days and not overdue: see `isDueWithin`. */
  dueWithin: (days: number) => boolean;
  dueLabel: string | null;
  next: { title: string; label: string } | null;
  updatedLabel: string;
  /** Lower-case text the search box looks in. */
  searchText: string;
}

export function buildCardView(
  action: Stored<Action>,
  milestones: readonly Milestone[],
  scale: RatingScale,
  today: IsoDate,
): CardView {
  const next = nextMilestone(milestones, today);
  return {
    id: action.id,
    action,
    completed: isCompletedRating(scale, action.status),
    overdue: isActionOverdue(action, scale, today),
    overdueMilestones: overdueMilestonesOf(action, milestones, scale, today).length,
    dueWithin: (days) => isDueWithin(action, milestones, scale, today, days),
    dueLabel: action.dueDate ? formatDate(action.dueDate, action.dueDatePrecision) : null,
    next: next ? { title: next.title, label: formatDate(next.dueDate, next.dueDatePrecision) } : null,
    updatedLabel: updatedAge(action.updatedAt, today),
    searchText: [action.reference, action.text, action.lead?.displayName ?? '', action.lead?.agency ?? '']
      .join(' ')
      .toLowerCase(),
  };
}

/** "updated today", "updated 3 days ago", "updated 5 weeks ago"…, reckoned in London days. */
export function updatedAge(updatedAt: string | null, today: IsoDate): string {
  if (!updatedAt) return 'no update yet';
  const days = daysBetween(londonDate(new Date(updatedAt)), today);
  if (days <= 0) return 'updated today';
  if (days === 1) return 'updated yesterday';
  if (days < 14) return `updated ${days} days ago`;
  if (days < 61) return `updated ${Math.floor(days / 7)} weeks ago`;
  const months = Math.floor(days / 30.44);
  return months < 24 ? `updated ${months} months ago` : `updated ${Math.floor(days / 365.25)} years ago`;
}

export interface BoardColumnView {
  /** The rating's key, or null for the "Not rated" column of ratings outside the scale. */
  key: string | null;
  rating: RatingDefinition | null;
  label: string;
  cards: CardView[];
}

/**
 * One column per rating in the plan's order; a rating outside the scale (an old
 * import, a changed scale) gets a "Not rated" column rather than disappearing.
 */
export function groupIntoColumns(
  cards: readonly CardView[],
  scale: RatingScale,
  ratingOf: (card: CardView) => string = (card) => card.action.status,
): BoardColumnView[] {
  const columns: BoardColumnView[] = scale.ratings.map((rating) => ({
    key: rating.key,
    rating,
    label: rating.label,
    cards: [],
  }));
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const unrated: CardView[] = [];
  for (const card of cards) {
    const column = byKey.get(ratingOf(card));
    if (column) column.cards.push(card);
    else unrated.push(card);
  }
  if (unrated.length) columns.push({ key: null, rating: null, label: 'Not rated', cards: unrated });
  return columns;
}

export interface BoardLaneView {
  /** The focus area's id, or null for actions outside any focus area. */
  id: string | null;
  title: string;
  columns: BoardColumnView[];
}

/** Swimlanes by focus area, in the focus areas' order; lanes with no card left after filtering are dropped. */
export function groupIntoLanes(
  cards: readonly CardView[],
  focusAreas: readonly FocusArea[],
  scale: RatingScale,
  ratingOf?: (card: CardView) => string,
): BoardLaneView[] {
  const known = new Set(focusAreas.map((f) => f.id));
  const byLane = new Map<string | null, CardView[]>();
  for (const card of cards) {
    const lane =
      card.action.focusAreaId && known.has(card.action.focusAreaId) ? card.action.focusAreaId : null;
    const list = byLane.get(lane);
    if (list) list.push(card);
    else byLane.set(lane, [card]);
  }
  const lanes: BoardLaneView[] = [];
  for (const area of focusAreas) {
    const laneCards = byLane.get(area.id);
    if (laneCards)
      lanes.push({
        id: area.id,
        title: `${area.reference} ${area.title}`,
        columns: groupIntoColumns(laneCards, scale, ratingOf),
      });
  }
  const rest = byLane.get(null);
  if (rest)
    lanes.push({ id: null, title: 'No focus area', columns: groupIntoColumns(rest, scale, ratingOf) });
  return lanes;
}

export function ratingLabel(scale: RatingScale, key: string | null): string {
  return findRating(scale, key)?.label ?? 'Not rated';
}
