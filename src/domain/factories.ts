import {
  actionSchema,
  focusAreaSchema,
  measureReadingSchema,
  measureSchema,
  milestoneSchema,
  planSchema,
  prioritySchema,
  progressUpdateSchema,
  riskSchema,
  weaknessSchema,
  type Action,
  type AreaOfWeakness,
  type FocusArea,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Plan,
  type Priority,
  type ProgressUpdate,
  type Risk,
} from './model';
import { initialRating, resolveScale } from './ratings';

/**
 * Factories with safe defaults: give what matters, the schema fills the rest and
 * rejects what is wrong. The demo seed and the test builders both use these.
 */
type Needs<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

export function makePlan(input: Needs<Plan, 'id' | 'title' | 'localArea'>): Plan {
  return planSchema.parse({ planType: 'Written Statement of Action', ...input });
}

export function makeWeakness(
  input: Needs<AreaOfWeakness, 'id' | 'planId' | 'number' | 'finding'>,
): AreaOfWeakness {
  return weaknessSchema.parse(input);
}

export function makePriority(input: Needs<Priority, 'id' | 'planId' | 'number' | 'title'>): Priority {
  return prioritySchema.parse({ label: `Priority ${input.number}`, ...input });
}

export function makeFocusArea(
  input: Needs<FocusArea, 'id' | 'planId' | 'priorityId' | 'reference' | 'title'>,
): FocusArea {
  return focusAreaSchema.parse(input);
}

export function makeAction(
  input: Needs<Action, 'id' | 'planId' | 'priorityId' | 'reference' | 'text'>,
  plan?: Pick<Plan, 'scaleId' | 'columnOrder'>,
): Action {
  const scale = resolveScale(plan?.scaleId ?? 'bragp', plan?.columnOrder);
  return actionSchema.parse({ status: initialRating(scale).key, ...input });
}

export function makeMilestone(
  input: Needs<Milestone, 'id' | 'planId' | 'priorityId' | 'actionId' | 'title' | 'dueDate'>,
): Milestone {
  return milestoneSchema.parse(input);
}

export function makeProgressUpdate(
  input: Needs<ProgressUpdate, 'id' | 'planId' | 'priorityId' | 'actionId' | 'author' | 'at'>,
): ProgressUpdate {
  return progressUpdateSchema.parse(input);
}

export function makeMeasure(input: Needs<Measure, 'id' | 'planId' | 'title'>): Measure {
  return measureSchema.parse(input);
}

export function makeMeasureReading(
  input: Needs<MeasureReading, 'id' | 'planId' | 'measureId' | 'date' | 'value'>,
): MeasureReading {
  return measureReadingSchema.parse(input);
}

export function makeRisk(input: Needs<Risk, 'id' | 'planId' | 'title' | 'consequence' | 'likelihood'>): Risk {
  return riskSchema.parse(input);
}
