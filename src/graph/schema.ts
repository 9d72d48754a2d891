/**
 * The SharePoint lists the app keeps, as Graph column definitions. Every column
 * the app filters or orders on is indexed: SharePoint refuses such queries on
 * unindexed columns, and on any list past 5,000 items even with the Prefer header.
 */
export type ColumnKind =
  | { text: { allowMultipleLines?: boolean; maxLength?: number } }
  | { number: { decimalPlaces?: 'automatic' | 'none' | 'one' | 'two' } }
  | { dateTime: { format: 'dateOnly' | 'dateTime' } }
  | { choice: { choices: string[]; allowTextEntry?: boolean; displayAs?: 'dropDownMenu' } }
  | { boolean: Record<string, never> };

export type ColumnSpec = { name: string; indexed?: boolean; description?: string } & ColumnKind;

export interface ListSpec {
  key: ListKey;
  displayName: string;
  description: string;
  columns: ColumnSpec[];
}

export const LIST_KEYS = [
  'plans',
  'weaknesses',
  'priorities',
  'focusAreas',
  'actions',
  'milestones',
  'progressUpdates',
  'measures',
  'measureReadings',
  'risks',
  'reportSnapshots',
  'reminderLog',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const text = (name: string, indexed = false): ColumnSpec => ({ name, indexed, text: { maxLength: 255 } });
const note = (name: string): ColumnSpec => ({ name, text: { allowMultipleLines: true } });
const num = (name: string, indexed = false): ColumnSpec => ({
  name,
  indexed,
  number: { decimalPlaces: 'automatic' },
});
const date = (name: string, indexed = false): ColumnSpec => ({
  name,
  indexed,
  dateTime: { format: 'dateOnly' },
});
const dateTime = (name: string, indexed = false): ColumnSpec => ({
  name,
  indexed,
  dateTime: { format: 'dateTime' },
});
const choice = (name: string, choices: string[], indexed = false): ColumnSpec => ({
  name,
  indexed,
  choice: { choices, displayAs: 'dropDownMenu' },
});
const bool = (name: string): ColumnSpec => ({ name, boolean: {} });
const person = (prefix: string, indexUpn = false): ColumnSpec[] => [
  text(`${prefix}EntraId`),
  text(`${prefix}Upn`, indexUpn),
  text(`${prefix}Name`),
  text(`${prefix}Agency`),
];
const planId = text('PlanId', true);
const priorityId = text('PriorityId', true);

export const LISTS: Record<ListKey, ListSpec> = {
  plans: {
    key: 'plans',
    displayName: 'WSoA Plans',
    description: 'Written Statements of Action and the plans that follow them',
    columns: [
      text('PlanType'),
      text('LocalArea'),
      date('InspectionDate'),
      choice('PlanStatus', ['active', 'monitoring', 'closed']),
      choice('ScaleId', ['bragp', 'ralgc']),
      text('ColumnOrder'),
      bool('RequireProgressNote'),
      text('GovernanceBoard'),
      note('ReminderPolicy'),
    ],
  },
  weaknesses: {
    key: 'weaknesses',
    displayName: 'WSoA Areas of Weakness',
    description: 'Areas of significant weakness found by the inspection, quoted verbatim',
    columns: [
      planId,
      num('Number', true),
      note('Finding'),
      choice('Outcome', ['open', 'sufficient progress made', 'sufficient progress not made']),
    ],
  },
  priorities: {
    key: 'priorities',
    displayName: 'WSoA Priorities',
    description: 'Improvement priorities',
    columns: [
      planId,
      num('Number', true),
      text('Label'),
      ...person('Lead'),
      text('WeaknessNumbers'),
      note('InspectionConcern'),
      text('Theme'),
      note('Headline'),
      note('Impact'),
      note('NextSteps'),
    ],
  },
  focusAreas: {
    key: 'focusAreas',
    displayName: 'WSoA Focus Areas',
    description: 'Focus areas (workstreams) inside a priority',
    columns: [planId, priorityId, text('Reference'), text('SortKey', true)],
  },
  actions: {
    key: 'actions',
    displayName: 'WSoA Actions',
    description: 'Actions of the plan with their lead, due date and ratings',
    columns: [
      planId,
      priorityId,
      text('FocusAreaId'),
      text('Reference'),
      text('SortKey', true),
      note('ActionText'),
      note('SuccessMeasures'),
      ...person('Lead', true),
      text('GovernanceForum'),
      date('DueDate', true),
      choice('DueDatePrecision', ['day', 'month']),
      text('Status', true),
      choice('ImpactRating', ['purple', 'red', 'amber', 'green']),
      choice('SustainedRating', ['red', 'amber', 'green']),
      note('ProgressNarrative'),
      note('EvidenceLinks'),
      dateTime('LastUpdatedAt'),
    ],
  },
  milestones: {
    key: 'milestones',
    displayName: 'WSoA Milestones',
    description: 'Dated checkpoints of actions; they drive reminders',
    columns: [
      planId,
      priorityId,
      text('ActionId', true),
      date('DueDate', true),
      choice('DueDatePrecision', ['day', 'month']),
      date('CompletedOn'),
      note('DateChanges'),
    ],
  },
  progressUpdates: {
    key: 'progressUpdates',
    displayName: 'WSoA Progress Updates',
    description: 'History of ratings and notes, one item per update',
    columns: [
      planId,
      priorityId,
      text('ActionId', true),
      ...person('Author'),
      dateTime('UpdatedAt', true),
      choice('Kind', ['rating', 'note', 'milestone']),
      text('FromRating'),
      text('ToRating'),
      note('Note'),
    ],
  },
  measures: {
    key: 'measures',
    displayName: 'WSoA Measures',
    description: 'Measures and KPIs with baseline and target',
    columns: [
      planId,
      priorityId,
      text('Unit'),
      num('Baseline'),
      date('BaselineDate'),
      num('Target'),
      date('TargetDate'),
      bool('HigherIsBetter'),
    ],
  },
  measureReadings: {
    key: 'measureReadings',
    displayName: 'WSoA Measure Readings',
    description: 'Readings of measures over time',
    columns: [planId, text('MeasureId', true), date('ReadingDate', true), num('Value'), note('Note')],
  },
  risks: {
    key: 'risks',
    displayName: 'WSoA Risks',
    description: 'Joint risk register: consequence x likelihood, with mitigation',
    columns: [
      planId,
      priorityId,
      num('Consequence'),
      num('Likelihood'),
      note('Mitigation'),
      text('Owner'),
      choice('RiskStatus', ['open', 'closed']),
    ],
  },
  reportSnapshots: {
    key: 'reportSnapshots',
    displayName: 'WSoA Report Snapshots',
    description: 'Progress reports as they stood on a date',
    columns: [planId, date('AsOf', true), dateTime('CreatedAt'), text('CreatedBy'), note('Payload')],
  },
  reminderLog: {
    key: 'reminderLog',
    displayName: 'WSoA Reminder Log',
    description: 'Reminders sent, keyed so that none is sent twice',
    columns: [
      text('ReminderKey', true),
      planId,
      choice('State', ['sending', 'sent']),
      text('Kind'),
      text('RecipientUpn'),
      text('Channel'),
      dateTime('SentAt'),
      num('Attempts'),
      dateTime('ClaimedAt'),
      text('SentBy'),
    ],
  },
};
