import { resolveScale } from '../ratings';
import { parentReference, parseReference } from '../reference';
import { readActionCells, type ActionCells, type ImportAction } from './action-values';
import {
  columnName,
  detectMapping,
  IMPORT_FIELDS,
  isRepeatedHeader,
  type ColumnMapping,
  type ImportField,
  type SavedMapping,
} from './columns';
import {
  isNumberedAreaHeading,
  readAreaHeadings,
  readFocusHeading,
  readReferenceCell,
  type AreaHeading,
  type FocusHeading,
} from './headings';
import { problem, quote, type ImportProblem } from './problems';
import type { RatingChoices } from './rating-values';
import { cleanCell, rowOf, type ImportTable, type SourcePlace } from './table';

/** Headings a row starts: the areas and focus area that the rows after it sit in. */
export interface RowOpens {
  /** In order; two or more when numbered areas run together in one cell. */
  areas?: AreaHeading[];
  focusArea?: FocusHeading;
  /** The headings of the columns they were read from, for messages about them. */
  areaColumn?: string;
  focusAreaColumn?: string;
}

interface RowBase {
  place: SourcePlace;
  problems: ImportProblem[];
}

/** A row that becomes an action (with its errors, if any, to fix or skip in the preview). */
export interface ImportActionRow extends RowBase {
  kind: 'action';
  opens?: RowOpens;
  /** The area and focus area the action sits in, as far as its table tells. */
  area?: AreaHeading;
  focusArea?: FocusHeading;
  action: ImportAction;
  /** Rows joined onto this one, by row number: the rest of a row split by a page break. */
  joined: number[];
}

/** A row that only carries an area or focus area heading: context for the rows after it. */
export interface ImportHeadingRow extends RowBase {
  kind: 'heading';
  opens: RowOpens;
}

/** The second half of a row split across a page break, joined onto the action in row `into`. */
export interface ImportJoinRow extends RowBase {
  kind: 'join';
  into: number;
}

/** The header row, or the header repeated on a later page. */
export interface ImportHeaderRow extends RowBase {
  kind: 'header';
  repeated: boolean;
}

export const SKIP_REASONS = ['empty', 'above-header', 'unmapped', 'no-action-column'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A row that gives nothing; any content it had is named in a warning. */
export interface ImportSkippedRow extends RowBase {
  kind: 'skipped';
  reason: SkipReason;
}

export type ImportRow =
  ImportActionRow | ImportHeadingRow | ImportJoinRow | ImportHeaderRow | ImportSkippedRow;

export interface TableReading {
  table: string;
  mapping: ColumnMapping;
  /** One per row of the table, in order. */
  rows: ImportRow[];
  /** The table's own problems: no header row, no action column. */
  problems: ImportProblem[];
  /** An area the table's name gives ("Sheet 'Priority 2'"), before any row. */
  opens?: RowOpens;
}

export interface ReadOptions {
  /** The plan's rating scale; BRAG(P) when not given. */
  scale?: RatingChoices;
  /** A mapping a person corrected; detected when not given. */
  mapping?: ColumnMapping;
  /** The plan's remembered mapping, used when detecting. */
  saved?: SavedMapping;
}

/** Fields that name where a row sits and what it is; every other field is one of its action's values. */
const PLACING_FIELDS = new Set<ImportField>(['area', 'focusArea', 'reference', 'action']);
const DATA_FIELDS = IMPORT_FIELDS.filter((f) => !PLACING_FIELDS.has(f));
/** Fields with one value: a join keeps one copy of a value both halves repeat. */
const SINGLE_VALUED = new Set<ImportField>(['reference', 'due', 'rating', 'impact', 'sustained']);

interface FocusContext {
  reference?: string;
  title: string;
  /** The number a focus area cell gave it, when its actions may say otherwise. */
  claimed?: string;
  /** The row that opened it, whose heading takes the number its actions give. */
  source?: { focusArea: FocusHeading; row: RowBase };
}

interface OpenAction {
  row: ImportActionRow;
  cells: ActionCells;
}

/**
 * Reads one table: finds its header row and columns (or takes a corrected
 * mapping), then says for every row what it gives: an action, a heading, the rest
 * of a row split by a page break, a header, or nothing (and why). Pure: the same
 * table and options give the same reading.
 */
export function readTable(table: ImportTable, options: ReadOptions = {}): TableReading {
  const scale = options.scale ?? resolveScale('bragp');
  const mapping = options.mapping ?? detectMapping(table, options.saved);
  const name = table.name;
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const cellsOf = (i: number) => rowOf(table, i).map(cleanCell);
  const get = (cells: readonly string[], field: ImportField) => {
    const column = mapping.fields[field];
    return column === undefined ? '' : (cells[column] ?? '');
  };
  const place = (row: number, field?: ImportField): SourcePlace => {
    const column = field === undefined ? undefined : mapping.fields[field];
    return column === undefined
      ? { table: name, row }
      : { table: name, row, column: columnName(mapping, column) };
  };
  const mappedColumns = new Set(Object.values(mapping.fields));
  const columnOf = (key: 'areaColumn' | 'focusAreaColumn', field: ImportField) => {
    const column = mapping.fields[field];
    return column === undefined ? {} : { [key]: columnName(mapping, column) };
  };
  const hasFields = mappedColumns.size > 0;
  const hasActionColumn = mapping.fields.action !== undefined;

  if (!hasFields)
    problems.push(
      // A warning: a document's other tables (a glossary, a key) are rightly left out.
      problem(
        'warning',
        'no-header',
        { table: name, row: 1 },
        'No header row found: no row names at least two columns such as Action, Reference, Lead or Timescale, so nothing in this table is imported. If it holds actions, map its columns by hand.',
      ),
    );
  else if (!hasActionColumn)
    problems.push(
      problem(
        'warning',
        'no-action-column',
        { table: name, row: mapping.headerRow ?? 1 },
        `No Action column: the headings are ${mapping.headings
          .filter((h) => h.trim() !== '')
          .map((h) => quote(h, 30))
          .join(
            ', ',
          )}, so nothing in this table is imported. If it holds actions, choose the column that holds them.`,
      ),
    );

  let area: AreaHeading | undefined;
  let areaText = '';
  let focus: FocusContext | undefined;
  let focusText = '';
  const knownFocus = new Map<string, string>();
  let open: OpenAction | null = null;
  /** The last row with content was an action or joined onto one: a split row may follow. */
  let afterAction = false;

  const named = areaName(name);
  const opensFromName = isNumberedAreaHeading(named) ? readAreaHeadings(named).slice(-1) : [];
  const fromName = opensFromName[0];
  if (fromName) area = fromName;

  const finish = () => {
    if (!open) return;
    const { row, cells } = open;
    const read = readActionCells(cells, (field) => place(row.place.row, field), scale);
    row.action = read.action;
    row.problems.push(...read.problems);
    if (row.joined.length > 0)
      row.problems.push(
        problem(
          'warning',
          'row-joined',
          place(row.place.row),
          `Row${row.joined.length > 1 ? 's' : ''} ${row.joined.join(', ')} joined onto this action: its first cells were empty, as when a row is split by a page break`,
        ),
      );
    open = null;
  };

  /** The reference of the next row with content (a repeated header or blank rows between do not count). */
  const nextReference = (from: number): string | null => {
    for (let j = from + 1; j < table.rows.length; j++) {
      const cells = cellsOf(j);
      if (cells.every((c) => c === '') || isRepeatedHeader(cells, mapping)) continue;
      const read = readReferenceCell(get(cells, 'reference'));
      return read.ok ? read.reference : null;
    }
    return null;
  };

  const setFocus = (next: FocusContext) => {
    focus = next;
    if (next.reference && next.title) knownFocus.set(next.reference, next.title);
  };

  /** An action's reference decides its focus area: 1.1.3 is in 1.1, whatever a drifted focus column says. */
  const placeByReference = (reference: string | null, row: ImportActionRow, bare: string | undefined) => {
    const parent = reference && parseReference(reference).length >= 3 ? parentReference(reference) : null;
    if (parent) {
      if (bare && bare !== parent)
        row.problems.push(
          problem(
            'warning',
            'focus-reference-mismatch',
            place(row.place.row, 'focusArea'),
            `The focus area column says ${bare} but reference ${reference} belongs to focus area ${parent}: took ${parent}`,
          ),
        );
      if (focus && focus.reference === undefined) {
        resolvePending(focus, parent);
      } else if (!focus || focus.reference !== parent) {
        setFocus({ reference: parent, title: knownFocus.get(parent) ?? '' });
      }
    } else if (bare && focus?.reference !== bare) {
      const title = knownFocus.get(bare) ?? '';
      setFocus({ reference: bare, title });
      row.opens = {
        ...row.opens,
        focusArea: { reference: bare, title },
        ...columnOf('focusAreaColumn', 'focusArea'),
      };
    } else if (focus && focus.reference === undefined && focus.claimed) {
      resolvePending(focus, focus.claimed);
    }
  };

  const resolvePending = (pending: FocusContext, reference: string) => {
    pending.reference = reference;
    if (pending.title) knownFocus.set(reference, pending.title);
    const source = pending.source;
    if (!source) return;
    source.focusArea.reference = reference;
    if (pending.claimed && pending.claimed !== reference)
      source.row.problems.push(
        problem(
          'warning',
          'focus-reference-mismatch',
          place(source.row.place.row, 'focusArea'),
          `The focus area column says ${pending.claimed} but the actions under it are numbered ${reference}.…: numbered ${reference}`,
        ),
      );
  };

  const headerRow = mapping.headerRow;
  const width = Math.max(mapping.headings.length, ...Object.values(mapping.fields).map((c) => c + 1));
  for (let i = 0; i < table.rows.length; i++) {
    const number = i + 1;
    const cells = cellsOf(i);
    const here = place(number);
    const skip = (reason: SkipReason, found: ImportProblem[] = []) =>
      rows.push({ kind: 'skipped', reason, place: here, problems: found });

    if (cells.every((c) => c === '')) {
      skip('empty');
      continue;
    }
    if (headerRow !== null && number < headerRow) {
      const banner = bannerText(cells);
      if (banner && isNumberedAreaHeading(banner)) {
        finish();
        const areas = readAreaHeadings(banner);
        area = areas.at(-1);
        focus = undefined;
        rows.push({ kind: 'heading', place: here, opens: { areas }, problems: runTogether(areas, here) });
      } else {
        skip('above-header', [notImported(here, cells, 'it is above the header row')]);
      }
      continue;
    }
    if (number === headerRow || isRepeatedHeader(cells, mapping)) {
      rows.push({ kind: 'header', repeated: number !== headerRow, place: here, problems: [] });
      continue;
    }

    const mappedContent = cells.some((c, col) => c !== '' && mappedColumns.has(col));
    const banner = bannerText(cells);
    const bannerColumn = cells.findIndex((c) => c !== '');
    // Merged across the table (the same text in at least half its columns), or alone in
    // the first column when that column holds no field, or alone in the reference column.
    const isBanner =
      banner !== null &&
      (cells.filter((c) => c !== '').length >= Math.max(2, Math.ceil(width / 2)) ||
        (bannerColumn === 0 && !mappedColumns.has(0)) ||
        bannerColumn === mapping.fields.reference);
    // A table that gives no actions may still name the area the next table's actions are in.
    if (isBanner && banner !== null && (hasActionColumn || isNumberedAreaHeading(banner))) {
      const opens = bannerOpens(banner, area === undefined);
      if (opens) {
        finish();
        afterAction = false;
        if (opens.areas) {
          area = opens.areas.at(-1);
          areaText = '';
          focus = undefined;
          focusText = '';
        }
        const heading: ImportHeadingRow = {
          kind: 'heading',
          place: here,
          opens,
          problems: opens.areas ? runTogether(opens.areas, here) : [],
        };
        if (opens.focusArea) {
          setFocus({ ...opens.focusArea, source: { focusArea: opens.focusArea, row: heading } });
          focusText = '';
        }
        rows.push(heading);
        continue;
      }
    }
    if (!mappedContent) {
      skip('unmapped', [notImported(here, cells, 'its cells are in columns that are not imported')]);
      continue;
    }

    const areaCell = get(cells, 'area');
    const focusCell = get(cells, 'focusArea');
    const refCell = get(cells, 'reference');
    const actionCell = get(cells, 'action');
    const data = DATA_FIELDS.filter((f) => get(cells, f) !== '');
    const opens: RowOpens = {};
    const found: ImportProblem[] = [];

    if (areaCell !== '' && areaCell !== areaText) {
      const areas = readAreaHeadings(areaCell);
      opens.areas = areas;
      Object.assign(opens, columnOf('areaColumn', 'area'));
      found.push(...runTogether(areas, place(number, 'area')));
    }
    let bare: string | undefined;
    let focusTitle: FocusHeading | undefined;
    if (focusCell !== '' && focusCell !== focusText) {
      const heading = readFocusHeading(focusCell);
      if (heading && heading.title === '' && heading.reference) bare = heading.reference;
      else if (heading) focusTitle = heading;
    }
    const opensSomething = opens.areas !== undefined || focusTitle !== undefined;

    const isJoin =
      open !== null &&
      afterAction &&
      refCell === '' &&
      !opensSomething &&
      bare === undefined &&
      (actionCell === '' ? data.length > 0 : /^[a-z]/.test(actionCell));
    if (isJoin && open) {
      const target: OpenAction = open;
      for (const field of IMPORT_FIELDS) {
        const more = get(cells, field);
        if (more === '' || field === 'area' || field === 'focusArea') continue;
        const before = target.cells[field] ?? '';
        target.cells[field] =
          before === '' ? more : SINGLE_VALUED.has(field) && before === more ? before : `${before}\n${more}`;
      }
      target.row.joined.push(number);
      rows.push({ kind: 'join', into: target.row.place.row, place: here, problems: [] });
      continue;
    }

    // From here the row starts something new: the action above is complete.
    finish();
    afterAction = false;
    if (opens.areas) {
      area = opens.areas.at(-1);
      areaText = areaCell;
      focus = undefined;
      focusText = '';
    }
    if (focusTitle) {
      focusText = focusCell;
      opens.focusArea = focusTitle;
      Object.assign(opens, columnOf('focusAreaColumn', 'focusArea'));
    } else if (bare !== undefined) {
      focusText = focusCell;
    }

    /** A heading row; a focus area numbered only by the focus area column waits for its actions' numbers. */
    const heading = (
      focusArea?: FocusHeading,
      extra: ImportProblem[] = [],
      from: ImportField = 'focusArea',
    ) => {
      const row: ImportHeadingRow = {
        kind: 'heading',
        place: here,
        opens: focusArea ? { ...opens, focusArea, ...columnOf('focusAreaColumn', from) } : opens,
        problems: [...found, ...extra],
      };
      if (focusArea) {
        const source = { focusArea, row };
        const claimed = bare !== undefined && focusArea.reference === bare;
        setFocus(claimed ? { title: focusArea.title, claimed: bare, source } : { ...focusArea, source });
      }
      rows.push(row);
    };

    if (refCell === '' && actionCell === '' && data.length === 0) {
      // Only headings: an area, a focus area (titled, or a bare number until its title comes).
      if (focusTitle) heading(focusTitle);
      else if (bare !== undefined) heading({ reference: bare, title: '' });
      else heading();
      continue;
    }
    if (!hasActionColumn || (refCell === '' && actionCell === '')) {
      // Values with no action to hold them.
      if (opensSomething || bare !== undefined) {
        const lost = (['reference', ...data] as const).filter((f) => get(cells, f) !== '');
        heading(
          focusTitle ?? (bare !== undefined ? { reference: bare, title: '' } : undefined),
          lost.length === 0
            ? []
            : [
                problem(
                  'warning',
                  'values-without-action',
                  here,
                  `Not imported, as the row has no action: ${lost
                    .map((f) => `${columnName(mapping, mapping.fields[f] ?? 0)} ${quote(get(cells, f), 30)}`)
                    .join(', ')}`,
                ),
              ],
        );
        continue;
      }
      if (!hasActionColumn) {
        skip('no-action-column', [...found, notImported(here, cells, 'the table has no Action column')]);
        continue;
      }
    }

    if (data.length === 0 && refCell === '' && actionCell !== '') {
      // A title in the action column: a focus area heading when its number is beside it
      // or the next row's reference starts a new focus area.
      if (bare !== undefined) {
        heading({ reference: bare, title: actionCell }, [], 'action');
        continue;
      }
      const next = focusTitle ? null : nextReference(i);
      const nextParent = next && parseReference(next).length >= 3 ? parentReference(next) : null;
      if (nextParent && focus?.reference !== nextParent) {
        heading({ title: actionCell }, [], 'action');
        continue;
      }
    }
    if (data.length === 0 && refCell !== '') {
      // "1.2 | Joint Strategic Needs Assessment" above 1.2.1: a focus area numbered in the reference column.
      const ref = readReferenceCell(refCell);
      const next = ref.ok && ref.reference ? nextReference(i) : null;
      if (ref.ok && ref.reference && next && parentReference(next) === ref.reference) {
        heading(
          { reference: ref.reference, title: actionCell || focusTitle?.title || '' },
          [],
          actionCell ? 'action' : focusTitle ? 'focusArea' : 'reference',
        );
        continue;
      }
    }

    // An action.
    if (focusTitle)
      setFocus({ ...focusTitle, source: { focusArea: focusTitle, row: { place: here, problems: found } } });
    const row: ImportActionRow = {
      kind: 'action',
      place: here,
      ...(opens.areas || opens.focusArea ? { opens } : {}),
      action: EMPTY_ACTION,
      joined: [],
      problems: found,
    };
    const cellsByField: ActionCells = {};
    for (const field of IMPORT_FIELDS) cellsByField[field] = get(cells, field);
    const ref = readReferenceCell(refCell);
    placeByReference(ref.ok ? ref.reference : null, row, bare);
    if (area) row.area = area;
    if (focus)
      row.focusArea = focus.reference
        ? { reference: focus.reference, title: focus.title }
        : { title: focus.title };
    rows.push(row);
    open = { row, cells: cellsByField };
    afterAction = true;
  }
  finish();

  return {
    table: name,
    mapping,
    rows,
    problems,
    ...(fromName ? { opens: { areas: opensFromName } } : {}),
  };
}

const EMPTY_ACTION: ImportAction = {
  reference: null,
  text: '',
  successMeasures: '',
  leads: [],
  governance: '',
  due: { date: null, precision: 'day' },
  rating: null,
  progress: '',
  impact: null,
  sustained: null,
};

/** The text of a row whose cells with content all say the same (a merged row), or its one cell with content. */
function bannerText(cells: readonly string[]): string | null {
  const filled = cells.filter((c) => c !== '');
  const first = filled[0];
  return first !== undefined && filled.every((c) => c === first) ? first : null;
}

/**
 * A row across the table ("Priority 2 – Quality of EHC plans", "1.2 JSNA"): a numbered
 * area, a numbered focus area, or, unnumbered, the table's area when it has none yet
 * and a focus area after that.
 */
function bannerOpens(text: string, noAreaYet: boolean): RowOpens | null {
  if (isNumberedAreaHeading(text)) return { areas: readAreaHeadings(text) };
  const focus = readFocusHeading(text);
  if (focus?.reference && focus.title) return { focusArea: focus };
  if (focus?.reference || text.length > 255 || text.includes('\n')) return null;
  return noAreaYet ? { areas: [{ number: null, title: text }] } : { focusArea: { title: text } };
}

function runTogether(areas: readonly AreaHeading[], at: SourcePlace): ImportProblem[] {
  if (areas.length < 2) return [];
  const numbers = areas.map((a) => a.number).join(' and ');
  return [
    problem(
      'warning',
      'areas-run-together',
      at,
      `Areas ${numbers} are run together in one cell: both are kept, and the actions that follow are put under area ${areas.at(-1)?.number}`,
    ),
  ];
}

function notImported(at: SourcePlace, cells: readonly string[], why: string): ImportProblem {
  const text = cells.filter((c) => c !== '').join(' | ');
  return problem('warning', 'row-not-imported', at, `Row not imported (${why}): ${quote(text)}`);
}

/** The table's name as an area might be written in it: "Sheet 'Priority 2'" -> "Priority 2". */
function areaName(name: string): string {
  return name
    .trim()
    .replace(/^sheet\s+/i, '')
    .replace(/^['"‘’“”]+|['"‘’“”]+$/g, '');
}
