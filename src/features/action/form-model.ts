import {
  actionSchema,
  formatDate,
  parseDueDate,
  validate,
  type Action,
  type DueDate,
  type FieldIssue,
  type ImpactRating,
  type PersonRef,
  type SustainedRating,
  type Validated,
} from '../../domain';
import type { ActionPatch } from '../../plan/action-edit';
import { sameJson } from './same-json';

/**
 * The action detail form as the person types it, and the way to and from the
 * domain. Pure: the form hook, the conflict view and the tests share it.
 */
export interface EvidenceRow {
  /** Stable across adds and removes, for React and for messages on the row. */
  key: string;
  title: string;
  url: string;
}

export interface ActionFormValues {
  reference: string;
  text: string;
  successMeasures: string;
  lead: PersonRef | null;
  governanceForum: string;
  /** As typed: "23 Nov 2026", "23/11/2026", "Dec 2026" or empty. */
  dueDate: string;
  status: string;
  /** Required with a rating change when the plan asks for one. */
  ratingNote: string;
  impactRating: ImpactRating | '';
  sustainedRating: SustainedRating | '';
  progressNarrative: string;
  evidenceLinks: EvidenceRow[];
}

/** The form's fields that hold a property of the action (the rating note does not). */
export type ActionFormField = Exclude<keyof ActionFormValues, 'ratingNote'>;

export const ACTION_FORM_FIELDS: readonly ActionFormField[] = [
  'reference',
  'text',
  'successMeasures',
  'lead',
  'governanceForum',
  'dueDate',
  'status',
  'impactRating',
  'sustainedRating',
  'progressNarrative',
  'evidenceLinks',
];

export const FIELD_LABELS: Record<keyof ActionFormValues, string> = {
  reference: 'Reference',
  text: 'Action',
  successMeasures: 'Success measures',
  lead: 'Lead',
  governanceForum: 'Governance forum',
  dueDate: 'Due date',
  status: 'Current rating',
  ratingNote: 'Progress note',
  impactRating: 'Impact',
  sustainedRating: 'Sustained',
  progressNarrative: 'Progress update',
  evidenceLinks: 'Evidence',
};

export const RATING_NOTE_REQUIRED = 'Add a progress note to say why the rating changed';
const RATING_NOTE_MAX = 4000;

export function toFormValues(action: Action): ActionFormValues {
  return {
    reference: action.reference,
    text: action.text,
    successMeasures: action.successMeasures,
    lead: action.lead,
    governanceForum: action.governanceForum,
    dueDate: action.dueDate ? formatDate(action.dueDate, action.dueDatePrecision) : '',
    status: action.status,
    ratingNote: '',
    impactRating: action.impactRating ?? '',
    sustainedRating: action.sustainedRating ?? '',
    progressNarrative: action.progressNarrative,
    evidenceLinks: action.evidenceLinks.map((link, i) => ({ key: `saved-${i}`, ...link })),
  };
}

export interface ActionChanges {
  /** Only the properties that differ from the action the form was opened with. */
  patch: ActionPatch;
  note: string;
}

/**
 * Checks the form against the action's schema and returns what changed, or
 * field-level messages. Evidence rows left entirely blank are dropped.
 */
export function toActionChanges(
  values: ActionFormValues,
  base: Action,
  plan: { requireProgressNote: boolean },
): Validated<ActionChanges> {
  const issues: FieldIssue[] = [];
  const due = readDueDate(values.dueDate);
  if (!due.ok) issues.push({ field: 'dueDate', message: due.message });
  const rows = filledEvidence(values.evidenceLinks);
  const candidate = {
    ...base,
    reference: values.reference,
    text: values.text,
    successMeasures: values.successMeasures,
    lead: values.lead,
    governanceForum: values.governanceForum,
    dueDate: due.ok ? (due.value?.date ?? null) : base.dueDate,
    dueDatePrecision: due.ok ? (due.value?.precision ?? 'day') : base.dueDatePrecision,
    status: values.status,
    impactRating: values.impactRating || null,
    sustainedRating: values.sustainedRating || null,
    progressNarrative: values.progressNarrative,
    evidenceLinks: rows.map((r) => ({ title: r.title, url: r.url.trim() })),
  };
  const checked = validate(actionSchema, candidate);
  if (!checked.ok) issues.push(...checked.issues);

  const ratingChanged = values.status !== base.status;
  const note = values.ratingNote.trim();
  if (ratingChanged && plan.requireProgressNote && note === '')
    issues.push({ field: 'ratingNote', message: RATING_NOTE_REQUIRED });
  if (note.length > RATING_NOTE_MAX)
    issues.push({
      field: 'ratingNote',
      message: `${FIELD_LABELS.ratingNote} must be at most ${RATING_NOTE_MAX} characters`,
    });

  if (issues.length > 0 || !checked.ok) return { ok: false, issues: toFormIssues(issues, rows) };
  return { ok: true, value: { patch: changedProperties(base, checked.value), note } };
}

/** The action's properties the form edits: its fields, the due date with its precision. */
const EDITABLE: readonly (keyof ActionPatch)[] = ACTION_FORM_FIELDS.flatMap((field) =>
  field === 'dueDate' ? (['dueDate', 'dueDatePrecision'] as const) : [field],
);

function changedProperties(base: Action, next: Action): ActionPatch {
  const patch: ActionPatch = {};
  const copyIfChanged = <K extends keyof ActionPatch>(key: K) => {
    if (!sameJson(base[key], next[key])) patch[key] = next[key];
  };
  EDITABLE.forEach(copyIfChanged);
  return patch;
}

type DueDateReading = { ok: true; value: DueDate | null } | { ok: false; message: string };

export function readDueDate(text: string): DueDateReading {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: parseDueDate(text) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Evidence rows with something in them; rows left entirely blank are ignored. */
export function filledEvidence(rows: readonly EvidenceRow[]): EvidenceRow[] {
  return rows.filter((r) => r.title.trim() !== '' || r.url.trim() !== '');
}

/**
 * Maps the schema's issue paths ("lead.upn", "evidenceLinks.2.url") to form
 * fields; evidence indexes count filled rows only, so they are mapped to row keys.
 */
export function toFormIssues(
  issues: readonly FieldIssue[],
  filledRows: readonly EvidenceRow[],
): FieldIssue[] {
  return issues.map((issue) => ({ field: formFieldOf(issue.field, filledRows), message: issue.message }));
}

function formFieldOf(path: string, filledRows: readonly EvidenceRow[]): string {
  const [head = '', index, property] = path.split('.');
  if (head === 'evidenceLinks' && index !== undefined) {
    const row = filledRows[Number(index)];
    return row && property ? `evidenceLinks.${row.key}.${property}` : 'evidenceLinks';
  }
  if (head === 'dueDatePrecision') return 'dueDate';
  if (head === 'ratingNote') return head;
  return (ACTION_FORM_FIELDS as readonly string[]).includes(head) ? head : '';
}

/** The issues of a server-side ValidationError, mapped to the form as it stands. */
export function serverIssuesFor(issues: readonly FieldIssue[], values: ActionFormValues): FieldIssue[] {
  return toFormIssues(issues, filledEvidence(values.evidenceLinks));
}
