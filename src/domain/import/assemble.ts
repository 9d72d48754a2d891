import { focusAreaSchema, prioritySchema, weaknessSchema } from '../model';
import { isReference, parentReference, parseReference } from '../reference';
import type { ImportAction } from './action-values';
import { columnName, type ColumnMapping } from './columns';
import type { AreaHeading, FocusHeading } from './headings';
import { problem, quote, type ImportProblem } from './problems';
import { readTable, type ImportRow, type ReadOptions, type RowOpens, type TableReading } from './rows';
import { placeKey, type ImportTable, type SourcePlace } from './table';

/** An area of weakness or improvement priority of the plan being imported. */
export interface DraftArea {
  number: number;
  title: string;
  /** The row that named it; null when the import made it up (actions with no area above them). */
  place: SourcePlace | null;
  numberInferred: boolean;
}

export interface DraftFocusArea {
  reference: string;
  title: string;
  areaNumber: number;
  place: SourcePlace;
  referenceInferred: boolean;
}

/** An action as it will be written: numbered and placed. Rows with errors are here too, to fix or skip. */
export interface DraftAction extends Omit<ImportAction, 'reference'> {
  reference: string;
  referenceInferred: boolean;
  areaNumber: number;
  focusAreaReference: string | null;
  place: SourcePlace;
  problems: ImportProblem[];
}

export interface ImportTotals {
  tables: number;
  /** Every row of every table, blank ones included. */
  rows: number;
  actions: number;
  /** Actions with at least one error: not written until fixed or skipped. */
  actionsWithErrors: number;
  /** Rows that only carry an area or focus area heading. */
  headings: number;
  /** Rows joined onto the action above (a row split by a page break). */
  joined: number;
  /** Header rows, and headers repeated on later pages. */
  headers: number;
  /** Rows that give nothing: blank, above the header row, or in columns not imported. */
  skipped: number;
  errors: number;
  warnings: number;
}

/** The plan the tables describe, before anything is written: what the preview shows. */
export interface ImportPlanDraft {
  areas: DraftArea[];
  focusAreas: DraftFocusArea[];
  actions: DraftAction[];
  /** Each table as read, every row with its final problems (numbering warnings included). */
  tables: TableReading[];
  /** Every problem, tables' and rows', in document order. */
  problems: ImportProblem[];
  totals: ImportTotals;
}

export interface ImportOptions extends Omit<ReadOptions, 'mapping'> {
  /** Corrected mappings by table name; tables not named are detected. */
  mappings?: Record<string, ReadOptions['mapping']>;
}

/** Reads every table and assembles the plan they describe. */
export function importPlan(tables: readonly ImportTable[], options: ImportOptions = {}): ImportPlanDraft {
  const { mappings, ...read } = options;
  return assemblePlan(
    tables.map((table) => {
      const mapping = mappings?.[table.name];
      return readTable(table, mapping ? { ...read, mapping } : read);
    }),
  );
}

/** Titles compared as words; the first 500 characters tell any two real titles apart. */
const titleKey = (title: string) =>
  title
    .slice(0, 500)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const GENERIC_TITLE =
  /^(?:priority|area|ip|improvement priority|area of weakness|significant weakness)\s*\d+$/i;

/** A child reference ("1.2" and 5 -> "1.2.5"), or null when it would not be one (too deep, or a number too high). */
function childOf(parent: string, n: number): string | null {
  const child = `${parent}.${n}`;
  return isReference(child) ? child : null;
}

/** A focus area's reference, if it leaves room for its actions' numbers under it. */
function roomFor(reference: string): string | null {
  return childOf(reference, 1) ? reference : null;
}

function isWithin(reference: string, parent: string | undefined): boolean {
  return parent !== undefined && reference.startsWith(`${parent}.`);
}

/**
 * Puts the tables' rows together into one plan, in document order: areas (numbered
 * as written, or from their first reference, or next), focus areas (as numbered, or
 * the number their actions give, or the next), actions (a one-number reference
 * read within its focus area; none: the next free number there, with a warning;
 * a reference used twice: an error on the later row). A table that starts with no
 * area heading carries on the previous table's area (a table split by a page break).
 */
export function assemblePlan(readings: readonly TableReading[]): ImportPlanDraft {
  const tables: TableReading[] = readings.map((t) => ({
    ...t,
    problems: [...t.problems],
    rows: t.rows.map((r) => ({ ...r, problems: [...r.problems] }) as ImportRow),
  }));
  const problemsAt = new Map<string, ImportProblem[]>();
  for (const t of tables) for (const r of t.rows) problemsAt.set(placeKey(r.place), r.problems);
  const note = (at: SourcePlace, p: ImportProblem) => problemsAt.get(placeKey(at))?.push(p);

  const { claimedAreaNumbers, firstReferenceUnder, explicitReferences } = survey(tables);

  const areas: DraftArea[] = [];
  const areaByNumber = new Map<number, DraftArea>();
  const areaByTitle = new Map<string, DraftArea>();
  const focusAreas: DraftFocusArea[] = [];
  const focusByReference = new Map<string, DraftFocusArea>();
  const actions: DraftAction[] = [];
  const actionAt = new Map<string, SourcePlace>();
  const highest = new Map<string, number>();
  let area: DraftArea | undefined;
  let focus: DraftFocusArea | undefined;

  const bump = (reference: string) => {
    if (!isReference(reference)) return;
    const parent = parentReference(reference) ?? '';
    const last = parseReference(reference).at(-1) ?? 0;
    highest.set(parent, Math.max(highest.get(parent) ?? 0, last));
  };
  const taken = (reference: string) =>
    explicitReferences.has(reference) || actionAt.has(reference) || focusByReference.has(reference);
  /**
   * The next number under a parent ("1.2" -> 1.2.5) that no action or focus area has
   * or will have; null when a reference cannot go deeper or higher (see reference.ts).
   */
  const nextUnder = (parent: string): string | null => {
    let n = (highest.get(parent) ?? 0) + 1;
    while (taken(`${parent}.${n}`)) n++;
    return childOf(parent, n);
  };
  let highestArea = Math.max(0, ...claimedAreaNumbers);
  const nextAreaNumber = () => {
    let n = highestArea + 1;
    while (areaByNumber.has(n)) n++;
    return n;
  };

  const addArea = (number: number, title: string, place: SourcePlace | null, numberInferred: boolean) => {
    const made: DraftArea = { number, title, place, numberInferred };
    areas.push(made);
    areaByNumber.set(number, made);
    highestArea = Math.max(highestArea, number);
    areaByTitle.set(titleKey(title), made);
    if (place) {
      const at = place;
      const tooLong = weaknessSchema.shape.finding.safeParse(title);
      if (!tooLong.success)
        note(
          at,
          problem(
            'error',
            'too-long',
            at,
            `${tooLong.error.issues[0]?.message}: this one has ${title.length}`,
          ),
        );
      else if (!prioritySchema.shape.title.safeParse(title).success)
        note(
          at,
          problem(
            'warning',
            'too-long',
            at,
            `The area's title has ${title.length} characters: it is kept whole as the finding, and a priority's title holds at most ${prioritySchema.shape.title.maxLength}, so give the priority a shorter one`,
          ),
        );
    }
    return made;
  };

  /** Areas are the context of what follows; the same area again (a heading repeated on a new page) keeps its focus area. */
  const enter = (next: DraftArea) => {
    if (next !== area) focus = undefined;
    area = next;
  };

  const openArea = (heading: AreaHeading, place: SourcePlace) => {
    if (heading.number !== null) {
      const known = areaByNumber.get(heading.number);
      if (known) {
        if (GENERIC_TITLE.test(known.title) && !GENERIC_TITLE.test(heading.title))
          known.title = heading.title;
        enter(known);
        return;
      }
      enter(addArea(heading.number, heading.title, place, false));
      return;
    }
    const key = titleKey(heading.title);
    const known = areaByTitle.get(key);
    if (known) {
      enter(known);
      return;
    }
    const first = firstReferenceUnder.get(key);
    const number =
      first !== undefined && !areaByNumber.has(first) && !claimedAreaNumbers.has(first)
        ? first
        : nextAreaNumber();
    enter(addArea(number, heading.title, place, true));
    note(
      place,
      problem(
        'warning',
        'area-number-inferred',
        place,
        `Area ${quote(heading.title, 40)} has no number: numbered ${number}${first === number ? `, as its first reference is ${number}.…` : ', the next free number'}`,
      ),
    );
  };

  const ensureArea = (place: SourcePlace): DraftArea => {
    if (area) return area;
    const number = nextAreaNumber();
    const title = place.table.trim() || `Area ${number}`;
    area = addArea(number, title, null, true);
    note(
      place,
      problem(
        'warning',
        'title-missing',
        { table: place.table, row: place.row },
        `No area or priority heading above this row: its actions are put in area ${number}, named ${quote(title, 40)}; rename it`,
      ),
    );
    return area;
  };

  const addFocus = (
    reference: string,
    title: string,
    place: SourcePlace,
    inferred: boolean,
    inArea: DraftArea,
  ) => {
    const made: DraftFocusArea = {
      reference,
      title,
      areaNumber: inArea.number,
      place,
      referenceInferred: inferred,
    };
    focusAreas.push(made);
    focusByReference.set(reference, made);
    bump(reference);
    return made;
  };

  const openFocus = (heading: FocusHeading, place: SourcePlace) => {
    const inArea = ensureArea(place);
    const written =
      heading.reference && isReference(heading.reference) ? parseReference(heading.reference) : [];
    const reference =
      written.length === 1
        ? childOf(String(inArea.number), written[0] ?? 0)
        : heading.reference && roomFor(heading.reference);
    if (reference) {
      const known = focusByReference.get(reference);
      if (known) {
        if (known.title === '') known.title = heading.title;
        else if (heading.title && titleKey(heading.title) !== titleKey(known.title))
          note(
            place,
            problem(
              'warning',
              'reference-duplicate',
              place,
              `Focus area ${reference} is already ${quote(known.title, 40)} (${known.place.table}, row ${known.place.row}): this title is not kept`,
            ),
          );
        focus = known;
        return;
      }
      focus = addFocus(reference, heading.title, place, false, inArea);
      return;
    }
    const next = nextUnder(String(inArea.number));
    if (!next) {
      focus = undefined;
      note(
        place,
        problem(
          'error',
          'reference-invalid',
          place,
          `No number is left for this focus area in area ${inArea.number}`,
        ),
      );
      return;
    }
    focus = addFocus(next, heading.title, place, true, inArea);
    note(
      place,
      problem(
        'warning',
        'focus-reference-inferred',
        place,
        `Focus area ${quote(heading.title, 40)} has no number: numbered ${next}, the next in area ${inArea.number}`,
      ),
    );
  };

  const applyOpens = (opens: RowOpens | undefined, place: SourcePlace) => {
    const at = (column: string | undefined) => (column === undefined ? place : { ...place, column });
    for (const heading of opens?.areas ?? []) openArea(heading, at(opens?.areaColumn));
    if (opens?.focusArea) openFocus(opens.focusArea, at(opens.focusAreaColumn));
  };

  const addAction = (row: Extract<ImportRow, { kind: 'action' }>, mapping: ColumnMapping) => {
    applyOpens(row.opens, row.place);
    const inArea = ensureArea(row.place);
    const refColumn = mapping.fields.reference;
    const refPlace =
      refColumn === undefined ? row.place : { ...row.place, column: columnName(mapping, refColumn) };
    const { reference: written, ...values } = row.action;
    const areaBase = String(inArea.number);
    let reference: string;
    let inferred = false;
    if (written && isReference(written)) {
      const relative = parseReference(written).length === 1;
      const n = Number(written);
      const within = relative ? ((focus && childOf(focus.reference, n)) ?? childOf(areaBase, n)) : written;
      if (!within) {
        reference = written;
        row.problems.push(
          problem(
            'error',
            'reference-invalid',
            refPlace,
            `Reference ${quote(written)} cannot be read within area ${areaBase}`,
          ),
        );
      } else if (relative) {
        reference = within;
        row.problems.push(
          problem(
            'warning',
            'reference-relative',
            refPlace,
            `Reference ${quote(written)} read as ${reference}, within ${isWithin(reference, focus?.reference) ? `focus area ${focus?.reference}` : `area ${areaBase}`}`,
          ),
        );
      } else reference = written;
      const parts = isReference(reference) ? parseReference(reference) : [];
      const parent = parts.length >= 3 ? parentReference(reference) : null;
      if (parts.length >= 3 && parent && focus?.reference !== parent) {
        const title = row.focusArea?.reference === parent ? row.focusArea.title : '';
        focus = focusByReference.get(parent) ?? addFocus(parent, title, row.place, false, inArea);
      }
      if (parts.length > 0 && parts[0] !== inArea.number && !(focus && focus.areaNumber === parts[0]))
        row.problems.push(
          problem(
            'warning',
            'reference-outside-area',
            refPlace,
            `Reference ${reference} does not start with its area's number, ${inArea.number}`,
          ),
        );
    } else {
      const next = (focus && nextUnder(focus.reference)) ?? nextUnder(areaBase);
      reference = next ?? '';
      inferred = true;
      if (!next)
        row.problems.push(
          problem(
            'error',
            'reference-invalid',
            refPlace,
            `No reference, and no number is left to give it in area ${areaBase}`,
          ),
        );
      else if (written === null && !row.problems.some((p) => p.code === 'reference-invalid'))
        row.problems.push(
          problem(
            'warning',
            'reference-inferred',
            refPlace,
            `No reference: numbered ${reference}, the next in ${isWithin(reference, focus?.reference) ? `focus area ${focus?.reference}` : `area ${areaBase}`}`,
          ),
        );
    }
    const earlier = reference === '' ? undefined : actionAt.get(reference);
    if (earlier)
      row.problems.push(
        problem(
          'error',
          'reference-duplicate',
          refPlace,
          `Reference ${reference} is already used by the action in ${earlier.table}, row ${earlier.row}`,
        ),
      );
    else if (reference !== '') actionAt.set(reference, row.place);
    bump(reference);
    actions.push({
      ...values,
      reference,
      referenceInferred: inferred,
      areaNumber: focus?.areaNumber ?? inArea.number,
      focusAreaReference: focus?.reference ?? null,
      place: row.place,
      problems: row.problems,
    });
  };

  for (const table of tables) {
    applyOpens(table.opens, { table: table.table, row: 1 });
    for (const row of table.rows) {
      if (row.kind === 'heading') applyOpens(row.opens, row.place);
      else if (row.kind === 'action') addAction(row, table.mapping);
    }
  }

  for (const f of focusAreas) {
    if (f.title === '') {
      f.title = `Focus area ${f.reference}`;
      note(
        f.place,
        problem(
          'warning',
          'title-missing',
          f.place,
          `Focus area ${f.reference} has no title in the source: named ${quote(f.title)}; rename it`,
        ),
      );
    }
    const checked = focusAreaSchema.shape.title.safeParse(f.title);
    if (!checked.success)
      note(
        f.place,
        problem(
          'error',
          'too-long',
          f.place,
          `${checked.error.issues[0]?.message}: this one has ${f.title.length}`,
        ),
      );
  }

  const problems = tables.flatMap((t) => [...t.problems, ...t.rows.flatMap((r) => r.problems)]);
  const count = (kind: ImportRow['kind']) =>
    tables.reduce((n, t) => n + t.rows.filter((r) => r.kind === kind).length, 0);
  return {
    areas,
    focusAreas,
    actions,
    tables,
    problems,
    totals: {
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows.length, 0),
      actions: actions.length,
      actionsWithErrors: actions.filter((a) => a.problems.some((p) => p.severity === 'error')).length,
      headings: count('heading'),
      joined: count('join'),
      headers: count('header'),
      skipped: count('skipped'),
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/**
 * What the whole document says before anything is numbered: area numbers its
 * headings claim, the first reference under each unnumbered area (its number), and
 * every full reference written, so that a number the import gives never takes one
 * a later row has.
 */
function survey(tables: readonly TableReading[]) {
  const claimedAreaNumbers = new Set<number>();
  const firstReferenceUnder = new Map<string, number>();
  const explicitReferences = new Set<string>();
  let unnumbered: string | null = null;
  const seeOpens = (opens: RowOpens | undefined) => {
    for (const a of opens?.areas ?? []) {
      if (a.number !== null) claimedAreaNumbers.add(a.number);
      unnumbered = a.number === null ? titleKey(a.title) : null;
    }
    const ref = opens?.focusArea?.reference;
    if (ref && isReference(ref)) {
      seeReference(ref);
      if (parseReference(ref).length >= 2) explicitReferences.add(ref);
    }
  };
  const seeReference = (reference: string) => {
    const parts = parseReference(reference);
    if (parts.length < 2) return;
    if (unnumbered !== null && !firstReferenceUnder.has(unnumbered))
      firstReferenceUnder.set(unnumbered, parts[0] ?? 0);
  };
  for (const table of tables) {
    seeOpens(table.opens);
    for (const row of table.rows) {
      if (row.kind !== 'heading' && row.kind !== 'action') continue;
      seeOpens(row.opens);
      if (row.kind === 'action' && row.action.reference && isReference(row.action.reference)) {
        seeReference(row.action.reference);
        if (parseReference(row.action.reference).length >= 2) explicitReferences.add(row.action.reference);
      }
    }
  }
  return { claimedAreaNumbers, firstReferenceUnder, explicitReferences };
}
