import { z } from 'zod';
import { isIsoDate } from './dates';
import { IMPACT_RATINGS, RATING_SCALE_IDS, SUSTAINED_RATINGS } from './ratings';
import { isReference } from './reference';

/** One schema per shape; types are inferred so the two cannot drift apart. */
const id = z.string().min(1, 'Missing id');
/**
 * Where an item sits in its plan. Children repeat every ancestor's id (an action
 * carries its plan's and priority's), so one filter on an indexed column finds
 * everything of a plan or a priority.
 */
const inPlan = { id, planId: id };
const inPriority = { ...inPlan, priorityId: id };
const ofAction = { ...inPriority, actionId: id };
const text = (label: string, max = 4000) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);
const requiredText = (label: string, max = 4000) => text(label, max).min(1, `${label} is required`);
/**
 * Part of a plan's structure taken out of it: kept (with its history) but shown only
 * where the structure is edited. Nothing of a plan is deleted.
 */
const archived = z.boolean().default(false);

export const isoDateSchema = z.string().refine(isIsoDate, 'Enter a real date as YYYY-MM-DD');
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'Expected a date and time in ISO 8601 form',
});
export const referenceSchema = z
  .string()
  .trim()
  .refine(isReference, 'A reference is numbers separated by dots, such as 1.2 or 2.4.3');
export const DATE_PRECISIONS = ['day', 'month'] as const;
export const datePrecisionSchema = z.enum(DATE_PRECISIONS);

export const personRefSchema = z.object({
  entraId: requiredText('Entra object id', 100),
  upn: z
    .string()
    .trim()
    .regex(/^[^@\s]+@[^@\s]+$/, 'A user principal name looks like name@organisation.example'),
  displayName: requiredText('Display name', 255),
  agency: text('Agency', 255).default(''),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const PLAN_STATUSES = ['active', 'monitoring', 'closed'] as const;

export const planSchema = z.object({
  id,
  title: requiredText('Plan title', 255),
  planType: requiredText('Plan type', 100),
  localArea: requiredText('Local area', 255),
  inspectionDate: isoDateSchema.nullable().default(null),
  status: z.enum(PLAN_STATUSES).default('active'),
  scaleId: z.enum(RATING_SCALE_IDS).default('bragp'),
  columnOrder: z.array(z.string()).nullable().default(null),
  requireProgressNote: z.boolean().default(true),
  governanceBoard: text('Governance board', 255).default(''),
});
export type Plan = z.infer<typeof planSchema>;

export const WEAKNESS_OUTCOMES = [
  'open',
  'sufficient progress made',
  'sufficient progress not made',
] as const;
export const weaknessSchema = z.object({
  ...inPlan,
  number: z.number().int().positive(),
  finding: requiredText('Inspection finding'),
  outcome: z.enum(WEAKNESS_OUTCOMES).default('open'),
  archived,
});
export type AreaOfWeakness = z.infer<typeof weaknessSchema>;

/** A barrier or concern the priority lead reports, with what is done about it. */
export const barrierSchema = z.object({
  concern: requiredText('Barrier or concern', 1000),
  response: requiredText('Mitigation or change control', 1000),
});
export type Barrier = z.infer<typeof barrierSchema>;

/**
 * What the priority lead writes for each reporting cycle (DOMAIN.md, "What a progress
 * report for one priority contains"). The live text sits on the priority; a snapshot
 * freezes a copy for its cycle.
 */
function narrativeFields() {
  return {
    headline: text('Improvement headline', 1000).default(''),
    impact: text('Impact on children and families').default(''),
    achieved: text('Achieved this period').default(''),
    externalSupport: text('External support').default(''),
    barriers: z.array(barrierSchema).max(30, 'At most 30 barriers or concerns').default([]),
    nextSteps: text('Next steps').default(''),
  };
}
export const priorityNarrativeSchema = z.object(narrativeFields());
export type PriorityNarrative = z.infer<typeof priorityNarrativeSchema>;
export const EMPTY_NARRATIVE: PriorityNarrative = priorityNarrativeSchema.parse({});
export const NARRATIVE_KEYS = Object.keys(priorityNarrativeSchema.shape) as (keyof PriorityNarrative)[];

export const prioritySchema = z.object({
  ...inPlan,
  number: z.number().int().positive(),
  label: requiredText('Priority label', 50),
  title: requiredText('Priority title', 255),
  lead: personRefSchema.nullable().default(null),
  weaknessNumbers: z.array(z.number().int().positive()).default([]),
  inspectionConcern: text('Inspection concern').default(''),
  theme: text('Theme', 255).default(''),
  ...narrativeFields(),
  archived,
});
export type Priority = z.infer<typeof prioritySchema>;

/** Priorities in their plan's order: IP1, IP2… */
export const byPriorityNumber = (a: Pick<Priority, 'number'>, b: Pick<Priority, 'number'>) =>
  a.number - b.number;

export const focusAreaSchema = z.object({
  ...inPriority,
  reference: referenceSchema,
  title: requiredText('Focus area title', 255),
  archived,
});
export type FocusArea = z.infer<typeof focusAreaSchema>;

export const evidenceLinkSchema = z.object({
  title: requiredText('Evidence title', 255),
  url: z.url({
    protocol: /^https?$/,
    message: 'Evidence must be a web address starting http:// or https://',
  }),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const actionSchema = z.object({
  ...inPriority,
  focusAreaId: id.nullable().default(null),
  reference: referenceSchema,
  text: requiredText('Action', 2000),
  successMeasures: text('Success measures').default(''),
  lead: personRefSchema.nullable().default(null),
  /**
   * The lead as the imported plan named them ("Head of SEND, Leicestershire County
   * Council"), kept while no person in the directory is the lead.
   */
  leadAsWritten: text('Lead as written', 255).default(''),
  governanceForum: text('Governance forum', 255).default(''),
  dueDate: isoDateSchema.nullable().default(null),
  dueDatePrecision: datePrecisionSchema.default('day'),
  status: requiredText('Rating', 50),
  impactRating: z.enum(IMPACT_RATINGS).nullable().default(null),
  sustainedRating: z.enum(SUSTAINED_RATINGS).nullable().default(null),
  progressNarrative: text('Progress update', 8000).default(''),
  evidenceLinks: z.array(evidenceLinkSchema).default([]),
  updatedAt: isoDateTimeSchema.nullable().default(null),
  archived,
});
export type Action = z.infer<typeof actionSchema>;

export const milestoneDateChangeSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  reason: requiredText('Reason for the change', 1000),
  changedBy: requiredText('Changed by', 255),
  changedAt: isoDateTimeSchema,
});
export type MilestoneDateChange = z.infer<typeof milestoneDateChangeSchema>;

export const milestoneSchema = z.object({
  ...ofAction,
  title: requiredText('Milestone', 500),
  dueDate: isoDateSchema,
  dueDatePrecision: datePrecisionSchema.default('day'),
  completedOn: isoDateSchema.nullable().default(null),
  dateChanges: z.array(milestoneDateChangeSchema).default([]),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const PROGRESS_UPDATE_KINDS = ['rating', 'note', 'milestone'] as const;
export const progressUpdateSchema = z.object({
  ...ofAction,
  author: personRefSchema,
  at: isoDateTimeSchema,
  kind: z.enum(PROGRESS_UPDATE_KINDS).default('rating'),
  fromRating: z.string().nullable().default(null),
  toRating: z.string().nullable().default(null),
  note: text('Progress note', 4000).default(''),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

export const measureSchema = z.object({
  ...inPlan,
  priorityId: id.nullable().default(null),
  title: requiredText('Measure', 255),
  unit: text('Unit', 50).default('%'),
  baseline: z.number().finite().nullable().default(null),
  baselineDate: isoDateSchema.nullable().default(null),
  target: z.number().finite().nullable().default(null),
  targetDate: isoDateSchema.nullable().default(null),
  higherIsBetter: z.boolean().default(true),
});
export type Measure = z.infer<typeof measureSchema>;

export const measureReadingSchema = z.object({
  ...inPlan,
  measureId: id,
  date: isoDateSchema,
  value: z.number().finite(),
  note: text('Note', 1000).default(''),
});
export type MeasureReading = z.infer<typeof measureReadingSchema>;

export const RISK_STATUSES = ['open', 'closed'] as const;
/** The owner's judgement of where the risk is heading, as a register records it. */
export const RISK_TRENDS = ['rising', 'steady', 'falling'] as const;
const riskScore = (label: string) =>
  z.number().int().min(1, `${label} is scored 1 to 5`).max(5, `${label} is scored 1 to 5`);
export const riskSchema = z.object({
  ...inPlan,
  priorityId: id.nullable().default(null),
  title: requiredText('Risk', 500),
  consequence: riskScore('Consequence'),
  likelihood: riskScore('Likelihood'),
  mitigation: text('Mitigation').default(''),
  owner: text('Owner', 255).default(''),
  status: z.enum(RISK_STATUSES).default('open'),
  trend: z.enum(RISK_TRENDS).default('steady'),
});
export type Risk = z.infer<typeof riskSchema>;

export function riskScoreOf(risk: Pick<Risk, 'consequence' | 'likelihood'>): number {
  return risk.consequence * risk.likelihood;
}

export const CYCLE_KINDS = ['monthly', '6-weekly', 'quarterly', 'six-monthly scrutiny', 'revisit'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

/**
 * A reporting cycle: the board meeting (or revisit) a report is prepared for. Its
 * snapshot, once taken, freezes the plan's ratings, readings and narratives for it.
 */
export const cycleSchema = z.object({
  ...inPlan,
  title: requiredText('Cycle title', 255),
  kind: z.enum(CYCLE_KINDS),
  meetingDate: isoDateSchema,
  snapshotAt: isoDateTimeSchema.nullable().default(null),
  snapshotBy: text('Snapshot taken by', 255).default(''),
});
export type Cycle = z.infer<typeof cycleSchema>;

/** Cycles in meeting order, earliest first. */
export const byMeetingDate = (a: Pick<Cycle, 'meetingDate'>, b: Pick<Cycle, 'meetingDate'>) =>
  a.meetingDate.localeCompare(b.meetingDate);
