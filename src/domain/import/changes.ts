import {
  EMPTY_NARRATIVE,
  actionSchema,
  focusAreaSchema,
  milestoneSchema,
  prioritySchema,
  type Action,
  type AreaOfWeakness,
  type FocusArea,
  type Milestone,
  type PersonRef,
  type Priority,
} from '../model';
import { initialRating, type RatingScale } from '../ratings';
import type { Stored } from '../stored';
import type { DraftAction, ImportPlanDraft } from './assemble';
import { placeKey, type SourcePlace } from './table';

/**
 * What an import will do to a plan, worked out before anything is written (the
 * preview's and the dry run's answer): each area, focus area and action of the
 * draft matched to the plan's item of the same number or reference (archived ones
 * too, so a re-import never duplicates), and the fields that would change.
 *
 * A blank cell never clears what is stored: a re-import of an old copy of the
 * document does not wipe progress written in the tab since.
 */

/** What the plan holds now, archived items included. */
export interface ExistingPlan {
  weaknesses: readonly Stored<AreaOfWeakness>[];
  priorities: readonly Stored<Priority>[];
  focusAreas: readonly Stored<FocusArea>[];
  actions: readonly Stored<Action>[];
  milestones: readonly Stored<Milestone>[];
}

export const EMPTY_PLAN: ExistingPlan = {
  weaknesses: [],
  priorities: [],
  focusAreas: [],
  actions: [],
  milestones: [],
};

type Ids = 'id' | 'planId' | 'priorityId' | 'focusAreaId' | 'actionId';

/**
 * One item's write: `values` is the whole item less its ids for a create, the changed
 * fields for an update. Parents are named by number or reference; the writer puts in
 * their ids (and moves the item when its parent is another than now).
 */
export interface PlannedWrite<T> {
  kind: 'create' | 'update' | 'same';
  current: Stored<T> | null;
  values: Partial<Omit<T, Ids>>;
  /** Labels of the fields that change, for the summary ("due date", "rating"). */
  changed: string[];
}

export interface PlannedArea {
  number: number;
  place: SourcePlace | null;
  weakness: PlannedWrite<AreaOfWeakness>;
  priority: PlannedWrite<Priority>;
}

export interface PlannedFocusArea {
  reference: string;
  areaNumber: number;
  place: SourcePlace;
  write: PlannedWrite<FocusArea>;
}

export interface PlannedAction {
  reference: string;
  areaNumber: number;
  focusReference: string | null;
  place: SourcePlace;
  write: PlannedWrite<Action>;
  /** The second date of a timescale cell ("March 2020 and July 2020"), as a milestone. */
  milestone: PlannedWrite<Milestone> | null;
}

/** A row of the draft that will not be written, and why. */
export interface ImportSkip {
  what: 'area' | 'focus area' | 'action';
  reference: string;
  place: SourcePlace | null;
  reason: string;
}

export interface ImportChanges {
  areas: PlannedArea[];
  focusAreas: PlannedFocusArea[];
  actions: PlannedAction[];
  skipped: ImportSkip[];
}

export interface ChangeOptions {
  scale: RatingScale;
  /** Rows the person chose to skip (`placeKey` of each). */
  skip?: ReadonlySet<string>;
  /** Each lead as written, and the person in the directory it names (null: none found). */
  people?: ReadonlyMap<string, PersonRef | null>;
  /**
   * References of the plan's actions that cannot be read (edited outside the app):
   * a row with one is held back, since writing it would make a second action 1.2.3.
   */
  unreadable?: ReadonlySet<string>;
}

/** The title of the milestone a timescale's second date becomes. */
export const SECOND_DATE_MILESTONE = 'Second date in the imported plan';

const ACTION_FIELD_LABELS: Partial<Record<keyof Action, string>> = {
  text: 'action',
  successMeasures: 'success measures',
  lead: 'lead',
  leadAsWritten: 'lead',
  governanceForum: 'governance',
  dueDate: 'due date',
  dueDatePrecision: 'due date',
  status: 'rating',
  impactRating: 'impact',
  sustainedRating: 'sustained',
  progressNarrative: 'progress update',
};

export function planImportChanges(
  draft: ImportPlanDraft,
  existing: ExistingPlan,
  options: ChangeOptions,
): ImportChanges {
  const skipped: ImportSkip[] = [];
  const actionRows = new Set(draft.actions.map((a) => placeKey(a.place)));
  /**
   * An area or focus area named in an action's own row (a reference "1.2.3", an area
   * in the action's first cell) is implied by its actions: it is written when one of
   * them is, and that row's skip or error is the action's.
   */
  const implied = (place: SourcePlace | null) => place === null || actionRows.has(placeKey(place));
  const whyNot = (place: SourcePlace | null): string | null => {
    if (implied(place) || place === null) return null;
    if (options.skip?.has(placeKey(place))) return 'Skipped in the preview';
    return errorsAt(draft, place);
  };

  /** A title the import made up ("Focus area 1.2") never replaces the one the plan has. */
  const titled = <K extends string>(place: SourcePlace | null, field: K): K[] =>
    place === null || (implied(place) && !draft.areas.some((a) => a.place === place)) ? [] : [field];

  const areaNumbers = new Set<number>();
  for (const area of draft.areas) {
    const reason = whyNot(area.place);
    if (reason) skipped.push({ what: 'area', reference: String(area.number), place: area.place, reason });
    else areaNumbers.add(area.number);
  }
  const focusReferences = new Set<string>();
  for (const focus of draft.focusAreas) {
    const reason = !areaNumbers.has(focus.areaNumber)
      ? `Its area (${focus.areaNumber}) is not imported`
      : (whyNot(focus.place) ??
        firstIssue(focusAreaSchema.shape.title.safeParse(focus.title), 'Focus area title'));
    if (reason) skipped.push({ what: 'focus area', reference: focus.reference, place: focus.place, reason });
    else focusReferences.add(focus.reference);
  }
  const writtenActions = draft.actions.filter((action) => {
    const reason = options.skip?.has(placeKey(action.place))
      ? 'Skipped in the preview'
      : options.unreadable?.has(action.reference)
        ? `The plan's action ${action.reference} cannot be read (it was edited outside the app; see Data problems): put it right in SharePoint, then import again`
        : (actionErrors(action) ??
          (!areaNumbers.has(action.areaNumber)
            ? `Its area (${action.areaNumber}) is not imported`
            : action.focusAreaReference !== null && !focusReferences.has(action.focusAreaReference)
              ? `Its focus area (${action.focusAreaReference}) is not imported`
              : null));
    if (reason) skipped.push({ what: 'action', reference: action.reference, place: action.place, reason });
    return reason === null;
  });
  // Implied parents of no written action are left out with them.
  const usedFocus = new Set(writtenActions.map((a) => a.focusAreaReference));
  const writtenFocus = draft.focusAreas.filter(
    (f) => focusReferences.has(f.reference) && (!implied(f.place) || usedFocus.has(f.reference)),
  );
  const usedAreas = new Set([...writtenActions, ...writtenFocus].map((x) => x.areaNumber));
  const writtenAreas = draft.areas.filter(
    (a) => areaNumbers.has(a.number) && (!implied(a.place) || usedAreas.has(a.number)),
  );

  const weaknessByNumber = new Map(existing.weaknesses.map((w) => [w.number, w]));
  const priorityByNumber = new Map(existing.priorities.map((p) => [p.number, p]));
  const priorityNumberById = new Map(existing.priorities.map((p) => [p.id, p.number]));
  const focusByReference = new Map(existing.focusAreas.map((f) => [f.reference, f]));
  const focusReferenceById = new Map(existing.focusAreas.map((f) => [f.id, f.reference]));
  const actionByReference = new Map(existing.actions.map((a) => [a.reference, a]));

  const areas = writtenAreas.map((area): PlannedArea => ({
    number: area.number,
    place: area.place,
    weakness: planWrite(
      weaknessByNumber.get(area.number) ?? null,
      { number: area.number, finding: area.title, outcome: 'open', archived: false },
      // The finding is the inspection's own words, quoted: once the plan has it, an
      // area's heading in the document (often a shortened title) does not replace it.
      [],
      { finding: 'finding' },
    ),
    priority: planWrite(
      priorityByNumber.get(area.number) ?? null,
      {
        number: area.number,
        label: `Area ${area.number}`,
        title: shortTitle(area.title, prioritySchema.shape.title.maxLength ?? 255),
        lead: null,
        weaknessNumbers: [area.number],
        inspectionConcern: '',
        theme: '',
        ...EMPTY_NARRATIVE,
        archived: false,
      },
      titled(area.place, 'title'),
      { title: 'title' },
    ),
  }));

  const focusAreas = writtenFocus.map((focus): PlannedFocusArea => {
    const current = focusByReference.get(focus.reference) ?? null;
    const write = planWrite(
      current,
      { reference: focus.reference, title: focus.title, archived: false },
      titled(focus.place, 'title'),
      { title: 'title' },
    );
    if (current && priorityNumberById.get(current.priorityId) !== focus.areaNumber) moved(write, 'area');
    return { reference: focus.reference, areaNumber: focus.areaNumber, place: focus.place, write };
  });

  const actions = writtenActions.map((action): PlannedAction => {
    const current = actionByReference.get(action.reference) ?? null;
    const write = planWrite(
      current,
      actionValues(action, current, options),
      IMPORTED_ACTION_FIELDS,
      ACTION_FIELD_LABELS,
    );
    if (current) {
      if (priorityNumberById.get(current.priorityId) !== action.areaNumber) moved(write, 'area');
      const focusNow =
        current.focusAreaId === null ? null : (focusReferenceById.get(current.focusAreaId) ?? '');
      if (focusNow !== action.focusAreaReference) moved(write, 'focus area');
    }
    return {
      reference: action.reference,
      areaNumber: action.areaNumber,
      focusReference: action.focusAreaReference,
      place: action.place,
      write,
      milestone: secondDate(action, current, existing.milestones),
    };
  });

  const tableOrder = new Map(draft.tables.map((t, i) => [t.table, i]));
  const order = (place: SourcePlace | null) =>
    place ? (tableOrder.get(place.table) ?? 0) * 1e7 + place.row : -1;
  skipped.sort((a, b) => order(a.place) - order(b.place));
  return { areas, focusAreas, actions, skipped };
}

/** The fields an action's row can set; the rest (evidence, history) are the tab's. */
const IMPORTED_ACTION_FIELDS = [
  'reference',
  'text',
  'successMeasures',
  'lead',
  'leadAsWritten',
  'governanceForum',
  'dueDate',
  'dueDatePrecision',
  'status',
  'impactRating',
  'sustainedRating',
  'progressNarrative',
] as const satisfies readonly (keyof Action)[];

function actionValues(
  action: DraftAction,
  current: Stored<Action> | null,
  options: ChangeOptions,
): Omit<Action, Ids> {
  const given = (value: string, stored: string | undefined) => (value !== '' ? value : (stored ?? ''));
  const { lead, leadAsWritten } = leadOf(action.leads, options.people);
  const hasLead = action.leads.length > 0;
  return {
    reference: action.reference,
    text: action.text,
    successMeasures: given(action.successMeasures, current?.successMeasures),
    lead: hasLead ? lead : (current?.lead ?? null),
    leadAsWritten: hasLead ? leadAsWritten : (current?.leadAsWritten ?? ''),
    governanceForum: given(action.governance, current?.governanceForum),
    dueDate: action.due.date ?? current?.dueDate ?? null,
    dueDatePrecision: action.due.date ? action.due.precision : (current?.dueDatePrecision ?? 'day'),
    status: action.rating ?? current?.status ?? initialRating(options.scale).key,
    impactRating: action.impact ?? current?.impactRating ?? null,
    sustainedRating: action.sustained ?? current?.sustainedRating ?? null,
    progressNarrative: given(action.progress, current?.progressNarrative),
    evidenceLinks: current?.evidenceLinks ?? [],
    updatedAt: current?.updatedAt ?? null,
    archived: current?.archived ?? false,
  };
}

/**
 * The person the first lead names, if the directory has them; the leads as written
 * are kept when none is found or when there are several, so no name is lost.
 */
function leadOf(
  leads: readonly string[],
  people: ReadonlyMap<string, PersonRef | null> | undefined,
): { lead: PersonRef | null; leadAsWritten: string } {
  const [first] = leads;
  const lead = first === undefined ? null : (people?.get(first) ?? null);
  if (lead && leads.length === 1) return { lead, leadAsWritten: '' };
  return { lead, leadAsWritten: fitLeads(leads) };
}

/** Whole leads, "; " between them, as many as the column keeps. */
function fitLeads(leads: readonly string[]): string {
  const max = actionSchema.shape.leadAsWritten.unwrap().maxLength ?? 255;
  let kept = '';
  for (const lead of leads) {
    const next = kept === '' ? lead : `${kept}; ${lead}`;
    if (next.length > max) break;
    kept = next;
  }
  return kept;
}

function secondDate(
  action: DraftAction,
  current: Stored<Action> | null,
  milestones: readonly Stored<Milestone>[],
): PlannedWrite<Milestone> | null {
  const also = action.due.also;
  if (!also) return null;
  const values = {
    title: SECOND_DATE_MILESTONE,
    dueDate: also.date,
    dueDatePrecision: also.precision,
    completedOn: null,
    dateChanges: [],
  };
  if (!milestoneSchema.shape.dueDate.safeParse(also.date).success) return null;
  const known =
    current && milestones.find((m) => m.actionId === current.id && m.title === SECOND_DATE_MILESTONE);
  if (!known) return { kind: 'create', current: null, values, changed: [] };
  // Moving a milestone's date is the tab's, with a reason on record: the import leaves it.
  return { kind: 'same', current: known, values: {}, changed: [] };
}

function planWrite<T extends object>(
  current: Stored<T> | null,
  values: Omit<T, Ids>,
  compared: readonly (keyof Omit<T, Ids>)[],
  labels: Partial<Record<keyof T, string>>,
): PlannedWrite<T> {
  if (!current)
    return { kind: 'create', current: null, values: values as Partial<Omit<T, Ids>>, changed: [] };
  const patch: Partial<Omit<T, Ids>> = {};
  const changed = new Set<string>();
  for (const key of compared) {
    if (sameValue(current[key as keyof T], values[key])) continue;
    patch[key] = values[key];
    changed.add(labels[key as keyof T] ?? String(key));
  }
  const kind = changed.size ? 'update' : 'same';
  return { kind, current, values: patch, changed: [...changed] };
}

/** The item changes parent: an update even when no field of its own changes. */
function moved<T>(write: PlannedWrite<T>, what: string): void {
  write.kind = 'update';
  write.changed.push(what);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function actionErrors(action: DraftAction): string | null {
  const error = action.problems.find((p) => p.severity === 'error');
  return error ? error.message : null;
}

/** The first error the preview named on this row, if any. */
function errorsAt(draft: ImportPlanDraft, place: SourcePlace | null): string | null {
  if (!place) return null;
  const error = draft.problems.find(
    (p) => p.severity === 'error' && p.place.table === place.table && p.place.row === place.row,
  );
  return error ? error.message : null;
}

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }, label: string) {
  if (result.success) return null;
  return result.error?.issues[0]?.message ?? `${label} is not valid`;
}

/** A title cut at a word to fit, with an ellipsis; whole when it fits. */
function shortTitle(title: string, max: number): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** Every write the changes hold, for counting: a progress bar's total, a dry run's figures. */
export function countWrites(changes: ImportChanges): number {
  let writes = 0;
  const count = (w: PlannedWrite<unknown> | null) => {
    if (w && w.kind !== 'same') writes++;
  };
  for (const a of changes.areas) {
    count(a.weakness);
    count(a.priority);
  }
  for (const f of changes.focusAreas) count(f.write);
  for (const a of changes.actions) {
    count(a.write);
    count(a.milestone);
  }
  return writes;
}
