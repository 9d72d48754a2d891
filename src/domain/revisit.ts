import type { IsoDate } from './dates';
import { trajectoryStatus, type MeasureStatus } from './measures';
import {
  actionSchema,
  byPriorityNumber,
  EMPTY_NARRATIVE,
  focusAreaSchema,
  milestoneSchema,
  prioritySchema,
  WEAKNESS_OUTCOMES,
  weaknessSchema,
  type Action,
  type AreaOfWeakness,
  type FocusArea,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Priority,
} from './model';
import {
  IMPACT_LABELS,
  IMPACT_RATINGS,
  isCompletedRating,
  type ImpactRating,
  type RatingScale,
} from './ratings';
import { byReference } from './reference';
import { figuresOf, type PlanFigures } from './figures';
import { countByRating, groupBy, type RatingCount, type RatingCounts } from './rollups';

/**
 * Ahead of and after the revisit (DOMAIN.md: inspectors judge each area of
 * weakness "sufficient progress made" or "not made"): what answers each area, how
 * far it has got, and, for the areas judged not made, the accelerated progress plan
 * that carries their unfinished work over.
 */

export type WeaknessOutcome = (typeof WEAKNESS_OUTCOMES)[number];
export const NOT_MADE: WeaknessOutcome = 'sufficient progress not made';

/** The plan's parts in use (see `partsInUse`); archived areas of weakness are left out here. */
export interface RevisitSource<W extends AreaOfWeakness> {
  weaknesses: readonly W[];
  priorities: readonly Priority[];
  actions: readonly Action[];
  milestones: readonly Milestone[];
  measures: readonly Measure[];
  readings: readonly MeasureReading[];
  scale: RatingScale;
  asOf: IsoDate;
}

export interface PriorityReadiness {
  priority: Priority;
  counts: RatingCounts;
}

export interface MeasureReadiness {
  measure: Measure;
  /** The latest reading up to the day, judged against the target and its trajectory. */
  status: MeasureStatus;
}

export interface EvidenceOfAction {
  actionId: string;
  reference: string;
  title: string;
  url: string;
}

export interface AreaReadiness<W extends AreaOfWeakness> {
  weakness: W;
  /** The priorities that answer the area, in the plan's order. */
  priorities: PriorityReadiness[];
  /** Their actions, by reference, each with its progress, impact and sustained ratings. */
  actions: Action[];
  counts: RatingCounts;
  impactCounts: ImpactCounts;
  /** What is overdue or due soon among its actions, counted as every board counts it. */
  figures: PlanFigures;
  measures: MeasureReadiness[];
  evidence: EvidenceOfAction[];
}

export interface RevisitReadiness<W extends AreaOfWeakness> {
  areas: AreaReadiness<W>[];
  outcomeCounts: Record<WeaknessOutcome, number>;
}

export function revisitReadiness<W extends AreaOfWeakness>(source: RevisitSource<W>): RevisitReadiness<W> {
  const { scale, asOf } = source;
  const areas = inUseByNumber(source.weaknesses).map((weakness): AreaReadiness<W> => {
    const priorities = source.priorities
      .filter((p) => p.weaknessNumbers.includes(weakness.number))
      .sort(byPriorityNumber);
    const priorityIds = new Set(priorities.map((p) => p.id));
    const actions = source.actions.filter((a) => priorityIds.has(a.priorityId)).sort(byReference);
    const milestones = source.milestones.filter((m) => priorityIds.has(m.priorityId));
    return {
      weakness,
      priorities: priorities.map((priority) => ({
        priority,
        counts: countByRating(
          actions.filter((a) => a.priorityId === priority.id),
          scale,
        ),
      })),
      actions,
      counts: countByRating(actions, scale),
      impactCounts: countImpact(actions),
      figures: figuresOf(
        actions,
        groupBy(milestones, (m) => m.actionId),
        scale,
        asOf,
      ),
      measures: source.measures
        .filter((m) => m.priorityId !== null && priorityIds.has(m.priorityId))
        .map((measure) => ({ measure, status: trajectoryStatus(measure, source.readings, asOf) })),
      evidence: actions.flatMap((a) =>
        a.evidenceLinks.map((link) => ({ actionId: a.id, reference: a.reference, ...link })),
      ),
    };
  });
  const outcomeCounts = Object.fromEntries(WEAKNESS_OUTCOMES.map((o) => [o, 0])) as Record<
    WeaknessOutcome,
    number
  >;
  for (const area of areas) outcomeCounts[area.weakness.outcome]++;
  return { areas, outcomeCounts };
}

export interface ImpactCounts extends RatingCounts {
  byRating: (RatingCount & { key: ImpactRating })[];
}

/** Actions per impact rating (RAG(P), whatever the plan's progress scale); no impact rating counts as unrated. */
export function countImpact(actions: readonly Pick<Action, 'impactRating'>[]): ImpactCounts {
  return {
    byRating: IMPACT_RATINGS.map((key) => ({
      key,
      label: IMPACT_LABELS[key],
      count: actions.filter((a) => a.impactRating === key).length,
    })),
    unrated: actions.filter((a) => a.impactRating === null).length,
    total: actions.length,
  };
}

/** An item of the new plan, described before it exists: `fromId` is the item it carries over. */
export type Carried<T extends { id: string; planId: string }> = Omit<T, 'id' | 'planId'> & { fromId: string };

export interface CarryOverSource {
  weaknesses: readonly AreaOfWeakness[];
  priorities: readonly Priority[];
  focusAreas: readonly FocusArea[];
  actions: readonly Action[];
  milestones: readonly Milestone[];
  scale: RatingScale;
}

/**
 * The accelerated progress plan, before it exists. Parents are named by the ids
 * of the items carried over (`priorityId`, `focusAreaId`, `actionId` are the old
 * plan's), for whoever writes the plan to swap for the new items' ids.
 */
export interface CarryOver {
  /** The areas judged "sufficient progress not made", numbered again from 1 in their order, still open. */
  areas: (Carried<AreaOfWeakness> & { fromNumber: number })[];
  /** The priorities answering them, with their numbers, answering the areas' new numbers; their narrative is for the new plan to write. */
  priorities: Carried<Priority>[];
  /** Their focus areas with work still to do (or none broken down yet), references kept. */
  focusAreas: Carried<FocusArea>[];
  /** Their actions not completed, as they stand (lead, due date, ratings, success measures, evidence), references kept. */
  actions: Carried<Action>[];
  /** The open milestones of those actions. */
  milestones: Carried<Milestone>[];
  /** What stays with the old plan: completed actions, and focus areas whose actions are all completed. */
  leftBehind: { focusAreas: FocusArea[]; actions: Action[] };
}

const carriedWeakness = weaknessSchema.omit({ id: true, planId: true });
const carriedPriority = prioritySchema.omit({ id: true, planId: true });
const carriedFocusArea = focusAreaSchema.omit({ id: true, planId: true });
const carriedAction = actionSchema.omit({ id: true, planId: true });
const carriedMilestone = milestoneSchema.omit({ id: true, planId: true });

/** The parts of the plan in use (see `partsInUse`); archived areas of weakness are left out here. */
export function carryOverPlan(source: CarryOverSource): CarryOver {
  const notMade = inUseByNumber(source.weaknesses).filter((w) => w.outcome === NOT_MADE);
  const newNumber = new Map(notMade.map((w, i) => [w.number, i + 1]));
  const areas = notMade.map((w, i) => ({
    ...carriedWeakness.parse({ ...w, number: i + 1, outcome: 'open', archived: false }),
    fromId: w.id,
    fromNumber: w.number,
  }));

  const priorities = source.priorities
    .filter((p) => p.weaknessNumbers.some((n) => newNumber.has(n)))
    .sort(byPriorityNumber);
  const priorityIds = new Set(priorities.map((p) => p.id));
  const theirActions = source.actions.filter((a) => priorityIds.has(a.priorityId)).sort(byReference);
  const done = (a: Action) => isCompletedRating(source.scale, a.status);
  const actions = theirActions.filter((a) => !done(a));

  const theirFocusAreas = source.focusAreas.filter((f) => priorityIds.has(f.priorityId)).sort(byReference);
  const hasActions = new Set(theirActions.map((a) => a.focusAreaId));
  const hasWorkLeft = new Set(actions.map((a) => a.focusAreaId));
  const focusAreas = theirFocusAreas.filter((f) => hasWorkLeft.has(f.id) || !hasActions.has(f.id));
  const carriedFocusIds = new Set(focusAreas.map((f) => f.id));
  const actionIds = new Set(actions.map((a) => a.id));

  return {
    areas,
    priorities: priorities.map((p) => ({
      ...carriedPriority.parse({
        ...p,
        ...EMPTY_NARRATIVE,
        weaknessNumbers: p.weaknessNumbers.flatMap((n) => newNumber.get(n) ?? []).sort((a, b) => a - b),
        archived: false,
      }),
      fromId: p.id,
    })),
    focusAreas: focusAreas.map((f) => ({
      ...carriedFocusArea.parse({ ...f, archived: false }),
      fromId: f.id,
    })),
    actions: actions.map((a) => ({
      ...carriedAction.parse({
        ...a,
        // An action whose focus area was not read (a data problem) sits under its priority.
        focusAreaId: a.focusAreaId !== null && carriedFocusIds.has(a.focusAreaId) ? a.focusAreaId : null,
        updatedAt: null,
        archived: false,
      }),
      fromId: a.id,
    })),
    milestones: source.milestones
      .filter((m) => actionIds.has(m.actionId) && m.completedOn === null)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map((m) => ({ ...carriedMilestone.parse(m), fromId: m.id })),
    leftBehind: {
      focusAreas: theirFocusAreas.filter((f) => !carriedFocusIds.has(f.id)),
      actions: theirActions.filter(done),
    },
  };
}

function inUseByNumber<W extends AreaOfWeakness>(weaknesses: readonly W[]): W[] {
  return weaknesses.filter((w) => !w.archived).sort((a, b) => a.number - b.number);
}
