/**
 * The SharePoint lists the app keeps on a plan's site. Their columns are not
 * listed here: each list's columns are those its entity mappings read and write
 * (`LIST_SPECS` in entities.ts), so a new field is one edit.
 */
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
  'cycles',
  'snapshots',
  'reminderLog',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface ListName {
  displayName: string;
  description: string;
}

export const LIST_NAMES: Record<ListKey, ListName> = {
  plans: {
    displayName: 'WSoA Plans',
    description: 'Written Statements of Action and the plans that follow them',
  },
  weaknesses: {
    displayName: 'WSoA Areas of Weakness',
    description: 'Areas of significant weakness found by the inspection, quoted verbatim',
  },
  priorities: { displayName: 'WSoA Priorities', description: 'Improvement priorities' },
  focusAreas: { displayName: 'WSoA Focus Areas', description: 'Focus areas (workstreams) inside a priority' },
  actions: {
    displayName: 'WSoA Actions',
    description: 'Actions of the plan with their lead, due date and ratings',
  },
  milestones: {
    displayName: 'WSoA Milestones',
    description: 'Dated checkpoints of actions; they drive reminders',
  },
  progressUpdates: {
    displayName: 'WSoA Progress Updates',
    description: 'History of ratings and notes, one item per update',
  },
  measures: { displayName: 'WSoA Measures', description: 'Measures and KPIs with baseline and target' },
  measureReadings: { displayName: 'WSoA Measure Readings', description: 'Readings of measures over time' },
  risks: {
    displayName: 'WSoA Risks',
    description: 'Joint risk register: consequence x likelihood, with mitigation',
  },
  cycles: {
    displayName: 'WSoA Reporting Cycles',
    description: 'Board meetings and revisits the plan reports to, each with its snapshot',
  },
  snapshots: {
    displayName: 'WSoA Snapshots',
    description: 'Frozen ratings, readings and narratives of a reporting cycle, as JSON',
  },
  reminderLog: {
    displayName: 'WSoA Reminder Log',
    description: 'Reminders sent, keyed so that none is sent twice',
  },
};
