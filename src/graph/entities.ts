import { z } from 'zod';
import {
  actionSchema,
  CYCLE_KINDS,
  cycleSchema,
  DATE_PRECISIONS,
  focusAreaSchema,
  IMPACT_RATINGS,
  measureReadingSchema,
  measureSchema,
  milestoneSchema,
  PLAN_STATUSES,
  planSchema,
  prioritySchema,
  PROGRESS_UPDATE_KINDS,
  progressUpdateSchema,
  RATING_SCALE_IDS,
  referenceSortKey,
  RISK_STATUSES,
  RISK_TRENDS,
  riskSchema,
  SUSTAINED_RATINGS,
  WEAKNESS_OUTCOMES,
  weaknessSchema,
  type Barrier,
} from '../domain';
// Straight from the module, not the reminders index, which would bring the whole planner into the tab's first load.
import { LOG_ITEM_KINDS, LOG_ITEM_STATES, reminderLogItemSchema } from '../domain/reminders/log';
import {
  boolean,
  choice,
  date,
  dateTime,
  json,
  note,
  number,
  numberList,
  person,
  text,
  withDerived,
  type Codec,
} from './codecs';
import { defineMapping, type EntityMapping } from './entity-mapping';

/**
 * One mapping per entity: which column holds which property. The lists'
 * columns are derived from these (`LIST_SPECS` in list-specs.ts), so a property,
 * its column and its choices are described once.
 */

const planId = text('PlanId', { indexed: true });
const priorityId = text('PriorityId', { indexed: true });
const optionalPriorityId = text('PriorityId', { indexed: true, emptyAs: null });
const actionId = text('ActionId', { indexed: true });
/** The reference is stored with a sort key so SharePoint can order 1.9 before 1.10. */
const reference = withDerived(text('Reference'), { column: 'SortKey', indexed: true }, (value) =>
  value ? referenceSortKey(value) : null,
);
const title = text('Title');
const precision = choice('DueDatePrecision', DATE_PRECISIONS);
const archived = boolean('Archived', false);

export const planMapping = defineMapping({
  list: 'plans',
  noun: 'Plan',
  schema: planSchema,
  title: (p) => p.title,
  codecs: {
    title,
    planType: text('PlanType'),
    localArea: text('LocalArea'),
    inspectionDate: date('InspectionDate'),
    status: choice('PlanStatus', PLAN_STATUSES),
    scaleId: choice('ScaleId', RATING_SCALE_IDS),
    columnOrder: json('ColumnOrder', null),
    requireProgressNote: boolean('RequireProgressNote', true),
    governanceBoard: text('GovernanceBoard'),
  },
});

/**
 * A plan's reminder policy, kept as JSON in a column of the plan's own item, so it
 * is read and written with the plan's eTag. Its JSON is judged by the use case.
 */
const reminderPolicyItemSchema = z.object({ id: z.string(), title: z.string(), policyJson: z.string() });
export type ReminderPolicyItem = z.infer<typeof reminderPolicyItemSchema>;

export const reminderPolicyMapping = defineMapping<ReminderPolicyItem>({
  list: 'plans',
  noun: 'Plan',
  schema: reminderPolicyItemSchema,
  title: (item) => item.title,
  codecs: { title, policyJson: note('ReminderPolicy') },
});

/**
 * The column mapping a plan's imports remember (heading -> field), as JSON in a column
 * of the plan's own item. Its JSON is judged by the import use case.
 */
const importMappingItemSchema = z.object({ id: z.string(), title: z.string(), mappingJson: z.string() });
export type ImportMappingItem = z.infer<typeof importMappingItemSchema>;

export const importMappingMapping = defineMapping<ImportMappingItem>({
  list: 'plans',
  noun: 'Plan',
  schema: importMappingItemSchema,
  title: (item) => item.title,
  codecs: { title, mappingJson: note('ImportMapping') },
});

export const weaknessMapping = defineMapping({
  list: 'weaknesses',
  noun: 'Area of weakness',
  schema: weaknessSchema,
  title: (w) => `Area ${w.number}: ${w.finding}`,
  codecs: {
    planId,
    number: number('Number', { indexed: true }),
    finding: note('Finding'),
    outcome: choice('Outcome', WEAKNESS_OUTCOMES),
    archived,
  },
});

export const priorityMapping = defineMapping({
  list: 'priorities',
  noun: 'Priority',
  schema: prioritySchema,
  title: (p) => p.title,
  codecs: {
    planId,
    number: number('Number', { indexed: true }),
    label: text('Label'),
    title,
    lead: person('Lead'),
    weaknessNumbers: numberList('WeaknessNumbers'),
    inspectionConcern: note('InspectionConcern'),
    theme: text('Theme'),
    headline: note('Headline'),
    impact: note('Impact'),
    achieved: note('Achieved'),
    externalSupport: note('ExternalSupport'),
    barriers: json<Barrier[]>('Barriers', []),
    nextSteps: note('NextSteps'),
    archived,
  },
});

export const focusAreaMapping = defineMapping({
  list: 'focusAreas',
  noun: 'Focus area',
  schema: focusAreaSchema,
  title: (f) => f.title,
  codecs: { planId, priorityId, reference, title, archived },
});

export const actionMapping = defineMapping({
  list: 'actions',
  noun: 'Action',
  schema: actionSchema,
  title: (a) => `${a.reference} ${a.text}`,
  codecs: {
    planId,
    priorityId,
    focusAreaId: text('FocusAreaId', { emptyAs: null }),
    reference,
    text: note('ActionText'),
    successMeasures: note('SuccessMeasures'),
    lead: person('Lead', { indexUpn: true }),
    leadAsWritten: text('LeadAsWritten'),
    governanceForum: text('GovernanceForum'),
    dueDate: date('DueDate', { indexed: true }),
    dueDatePrecision: precision,
    status: text('Status', { indexed: true }),
    impactRating: choice('ImpactRating', IMPACT_RATINGS, { emptyAs: null }),
    sustainedRating: choice('SustainedRating', SUSTAINED_RATINGS, { emptyAs: null }),
    progressNarrative: note('ProgressNarrative'),
    evidenceLinks: json('EvidenceLinks', []),
    updatedAt: dateTime('LastUpdatedAt'),
    archived,
  },
});

export const milestoneMapping = defineMapping({
  list: 'milestones',
  noun: 'Milestone',
  schema: milestoneSchema,
  title: (m) => m.title,
  codecs: {
    planId,
    priorityId,
    actionId,
    title,
    dueDate: date('DueDate', { indexed: true }),
    dueDatePrecision: precision,
    completedOn: date('CompletedOn'),
    dateChanges: json('DateChanges', []),
  },
});

export const progressUpdateMapping = defineMapping({
  list: 'progressUpdates',
  noun: 'Progress update',
  schema: progressUpdateSchema,
  title: (u) => `${u.fromRating ?? '—'} → ${u.toRating ?? '—'}`,
  codecs: {
    planId,
    priorityId,
    actionId,
    author: person('Author'),
    at: dateTime('UpdatedAt', { indexed: true }),
    kind: choice('Kind', PROGRESS_UPDATE_KINDS),
    fromRating: text('FromRating', { emptyAs: null }),
    toRating: text('ToRating', { emptyAs: null }),
    note: note('Note'),
  },
});

export const measureMapping = defineMapping({
  list: 'measures',
  noun: 'Measure',
  schema: measureSchema,
  title: (m) => m.title,
  codecs: {
    planId,
    priorityId: optionalPriorityId,
    title,
    unit: text('Unit'),
    baseline: number('Baseline'),
    baselineDate: date('BaselineDate'),
    target: number('Target'),
    targetDate: date('TargetDate'),
    higherIsBetter: boolean('HigherIsBetter', true),
  },
});

export const measureReadingMapping = defineMapping({
  list: 'measureReadings',
  noun: 'Measure reading',
  schema: measureReadingSchema,
  title: (r) => `${r.date}: ${r.value}`,
  codecs: {
    planId,
    measureId: text('MeasureId', { indexed: true }),
    date: date('ReadingDate', { indexed: true }),
    value: number('Value'),
    note: note('Note'),
  },
});

export const riskMapping = defineMapping({
  list: 'risks',
  noun: 'Risk',
  schema: riskSchema,
  title: (r) => r.title,
  codecs: {
    planId,
    priorityId: optionalPriorityId,
    title,
    consequence: number('Consequence'),
    likelihood: number('Likelihood'),
    mitigation: note('Mitigation'),
    owner: text('Owner'),
    status: choice('RiskStatus', RISK_STATUSES),
    trend: choice('RiskTrend', RISK_TRENDS),
  },
});

export const cycleMapping = defineMapping({
  list: 'cycles',
  noun: 'Reporting cycle',
  schema: cycleSchema,
  title: (c) => c.title,
  codecs: {
    planId,
    title,
    kind: choice('CycleKind', CYCLE_KINDS),
    meetingDate: date('MeetingDate', { indexed: true }),
    snapshotAt: dateTime('SnapshotAt'),
    snapshotBy: text('SnapshotBy'),
  },
});

/** One item of a snapshot's JSON: a large plan's snapshot takes several (see `splitSnapshot`). */
const snapshotPartSchema = z.object({
  id: z.string(),
  planId: z.string().min(1),
  cycleId: z.string().min(1),
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  payload: z.string(),
});
export type SnapshotPart = z.infer<typeof snapshotPartSchema>;

export const snapshotPartMapping = defineMapping<SnapshotPart>({
  list: 'snapshots',
  noun: 'Snapshot part',
  schema: snapshotPartSchema,
  title: (p) => `Snapshot ${p.cycleId}, part ${p.part} of ${p.parts}`,
  codecs: {
    planId,
    cycleId: text('CycleId', { indexed: true }),
    part: number('Part'),
    parts: number('Parts'),
    payload: note('Payload'),
  },
});

/**
 * The reminders a log item carries, as JSON. An item written before parcels has
 * none: it stands for the one reminder whose key it is.
 */
const carriedKeys: Codec<string[]> = {
  ...json<string[]>('Keys', []),
  read: (fields, site) => {
    const keys = json<string[] | null>('Keys', null).read(fields, site);
    if (keys !== null) return keys;
    const own = fields.ReminderKey;
    return typeof own === 'string' && !/^(parcel|lease):/.test(own) ? [own] : [];
  },
};

export const reminderLogMapping = defineMapping({
  list: 'reminderLog',
  noun: 'Reminder log item',
  schema: reminderLogItemSchema,
  title: (item) => item.key,
  codecs: {
    key: text('ReminderKey', { indexed: true }),
    planId,
    kind: choice('Kind', LOG_ITEM_KINDS),
    state: choice('State', LOG_ITEM_STATES),
    keys: carriedKeys,
    channel: text('Channel'),
    claimedAt: dateTime('ClaimedAt', { indexed: true }),
    sentAt: dateTime('SentAt'),
    sentBy: text('SentBy'),
    runId: text('RunId'),
    leaseUntil: dateTime('LeaseUntil'),
  },
});

/** Every mapping, for what is derived from them all (the lists' columns). */
export const ALL_MAPPINGS: readonly EntityMapping<{ id: string }>[] = [
  planMapping,
  reminderPolicyMapping,
  importMappingMapping,
  weaknessMapping,
  priorityMapping,
  focusAreaMapping,
  actionMapping,
  milestoneMapping,
  progressUpdateMapping,
  measureMapping,
  measureReadingMapping,
  riskMapping,
  cycleMapping,
  snapshotPartMapping,
  reminderLogMapping,
];
