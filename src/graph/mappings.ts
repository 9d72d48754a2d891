import {
  actionSchema,
  focusAreaSchema,
  measureReadingSchema,
  measureSchema,
  milestoneSchema,
  planSchema,
  prioritySchema,
  progressUpdateSchema,
  referenceSortKey,
  reportSnapshotSchema,
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
  type ReportSnapshot,
  type Risk,
} from '../domain';
import { boolean, date, dateTime, json, number, numberList, person, text, withDerived } from './fields';
import { defineMapping } from './mapping';

/** One mapping per entity: which column holds which property. */

const planId = text('PlanId');
const priorityId = text('PriorityId');
/** The reference is stored with a sort key so SharePoint can order 1.9 before 1.10. */
const reference = withDerived(text('Reference'), (value) => ({
  SortKey: value ? referenceSortKey(value) : null,
}));
const title = text('Title');

export const planMapping = defineMapping<Plan>({
  list: 'plans',
  noun: 'Plan',
  schema: planSchema,
  title: (p) => p.title,
  codecs: {
    title,
    planType: text('PlanType'),
    localArea: text('LocalArea'),
    inspectionDate: date('InspectionDate'),
    status: text('PlanStatus'),
    scaleId: text('ScaleId'),
    columnOrder: json('ColumnOrder', null),
    requireProgressNote: boolean('RequireProgressNote', true),
    governanceBoard: text('GovernanceBoard'),
  },
});

export const weaknessMapping = defineMapping<AreaOfWeakness>({
  list: 'weaknesses',
  noun: 'Area of weakness',
  schema: weaknessSchema,
  title: (w) => `Area ${w.number}: ${w.finding}`,
  codecs: { planId, number: number('Number'), finding: text('Finding'), outcome: text('Outcome') },
});

export const priorityMapping = defineMapping<Priority>({
  list: 'priorities',
  noun: 'Priority',
  schema: prioritySchema,
  title: (p) => p.title,
  codecs: {
    planId,
    number: number('Number'),
    label: text('Label'),
    title,
    lead: person('Lead'),
    weaknessNumbers: numberList('WeaknessNumbers'),
    inspectionConcern: text('InspectionConcern'),
    theme: text('Theme'),
    headline: text('Headline'),
    impact: text('Impact'),
    nextSteps: text('NextSteps'),
  },
});

export const focusAreaMapping = defineMapping<FocusArea>({
  list: 'focusAreas',
  noun: 'Focus area',
  schema: focusAreaSchema,
  title: (f) => f.title,
  codecs: { planId, priorityId, reference, title },
});

export const actionMapping = defineMapping<Action>({
  list: 'actions',
  noun: 'Action',
  schema: actionSchema,
  title: (a) => `${a.reference} ${a.text}`,
  codecs: {
    planId,
    priorityId,
    focusAreaId: text('FocusAreaId', { emptyAs: null }),
    reference,
    text: text('ActionText'),
    successMeasures: text('SuccessMeasures'),
    lead: person('Lead'),
    governanceForum: text('GovernanceForum'),
    dueDate: date('DueDate'),
    dueDatePrecision: text('DueDatePrecision'),
    status: text('Status'),
    impactRating: text('ImpactRating', { emptyAs: null }),
    sustainedRating: text('SustainedRating', { emptyAs: null }),
    progressNarrative: text('ProgressNarrative'),
    evidenceLinks: json('EvidenceLinks', []),
    updatedAt: dateTime('LastUpdatedAt'),
  },
});

export const milestoneMapping = defineMapping<Milestone>({
  list: 'milestones',
  noun: 'Milestone',
  schema: milestoneSchema,
  title: (m) => m.title,
  codecs: {
    planId,
    priorityId,
    actionId: text('ActionId'),
    title,
    dueDate: date('DueDate'),
    dueDatePrecision: text('DueDatePrecision'),
    completedOn: date('CompletedOn'),
    dateChanges: json('DateChanges', []),
  },
});

export const progressUpdateMapping = defineMapping<ProgressUpdate>({
  list: 'progressUpdates',
  noun: 'Progress update',
  schema: progressUpdateSchema,
  title: (u) => `${u.fromRating ?? '—'} → ${u.toRating ?? '—'}`,
  codecs: {
    planId,
    priorityId,
    actionId: text('ActionId'),
    author: person('Author'),
    at: dateTime('UpdatedAt'),
    kind: text('Kind'),
    fromRating: text('FromRating', { emptyAs: null }),
    toRating: text('ToRating', { emptyAs: null }),
    note: text('Note'),
  },
});

export const measureMapping = defineMapping<Measure>({
  list: 'measures',
  noun: 'Measure',
  schema: measureSchema,
  title: (m) => m.title,
  codecs: {
    planId,
    priorityId: text('PriorityId', { emptyAs: null }),
    title,
    unit: text('Unit'),
    baseline: number('Baseline'),
    baselineDate: date('BaselineDate'),
    target: number('Target'),
    targetDate: date('TargetDate'),
    higherIsBetter: boolean('HigherIsBetter', true),
  },
});

export const measureReadingMapping = defineMapping<MeasureReading>({
  list: 'measureReadings',
  noun: 'Measure reading',
  schema: measureReadingSchema,
  title: (r) => `${r.date}: ${r.value}`,
  codecs: {
    planId,
    measureId: text('MeasureId'),
    date: date('ReadingDate'),
    value: number('Value'),
    note: text('Note'),
  },
});

export const riskMapping = defineMapping<Risk>({
  list: 'risks',
  noun: 'Risk',
  schema: riskSchema,
  title: (r) => r.title,
  codecs: {
    planId,
    priorityId: text('PriorityId', { emptyAs: null }),
    title,
    consequence: number('Consequence'),
    likelihood: number('Likelihood'),
    mitigation: text('Mitigation'),
    owner: text('Owner'),
    status: text('RiskStatus'),
  },
});

export const reportSnapshotMapping = defineMapping<ReportSnapshot>({
  list: 'reportSnapshots',
  noun: 'Report snapshot',
  schema: reportSnapshotSchema,
  title: (r) => r.title,
  codecs: {
    planId,
    title,
    asOf: date('AsOf'),
    createdAt: dateTime('CreatedAt'),
    createdBy: text('CreatedBy'),
    payload: text('Payload'),
  },
});
