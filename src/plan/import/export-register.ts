import Papa from 'papaparse';
import { cellSafeText } from '../../domain/safe-text';
import {
  compareReferences,
  findRating,
  formatDate,
  resolveScale,
  type Action,
  type FocusArea,
  type IsoDate,
  type Plan,
  type Priority,
} from '../../domain';
import { escapeFormula } from '../../domain/import/formula-escape';

/**
 * A plan's action register as a spreadsheet or a CSV file, in the column shape the
 * import reads back: one row per action under one heading row. What a cell says:
 *
 * - Area of weakness: its priority, numbered as people write it ("1. Absence of a
 *   Joint Commissioning Strategy"); Focus area: "1.1 Joint Commissioning Strategy"
 *   ("1.1 – - Title" for a title starting with a dash or colon, which the import
 *   would otherwise read as the separator after the number).
 * - Lead: the leads as an import found them written, while kept, else the person's
 *   name; RAG rating: the rating's label in the plan's scale.
 * - Due date: dd/mm/yyyy; a month-only due date as "Dec 2026", so it reads back as a
 *   month. In the workbook a day's date is a real date cell shown dd/mm/yyyy.
 * - Every text cell that a spreadsheet would run as a formula is escaped with a
 *   leading ' (see src/domain/import/formula-escape.ts; the import's cleanCell
 *   undoes it), in both files; the workbook also writes every text as a text cell
 *   (format "@"), never a formula.
 * - Texts lose what a workbook cannot hold (see cellSafeText), in both files, so
 *   readTables gives back exactly registerRows from either.
 */
export const REGISTER_HEADINGS = [
  'Area of weakness',
  'Focus area',
  'Reference',
  'Action',
  'Success measures',
  'Lead',
  'Governance',
  'Due date',
  'RAG rating',
  'Progress update',
] as const;
const DUE_DATE_COLUMN = REGISTER_HEADINGS.indexOf('Due date');
const COLUMN_WIDTHS = [32, 28, 11, 60, 40, 24, 24, 12, 16, 60];

/** Plain domain objects, as the plan's loaders give them. */
export interface ActionRegister {
  plan: Plan;
  priorities: readonly Priority[];
  focusAreas: readonly FocusArea[];
  actions: readonly Action[];
}

export interface ExportedFile {
  /** A file name to offer when saving: "Leicestershire WSoA - action register.xlsx". */
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

interface RegisterLine {
  cells: string[];
  /** A due date to write as a date cell, when it is a whole day's. */
  dueDay: IsoDate | null;
}

/** dd/mm/yyyy from an ISO date. */
export function britishDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** "1.2 Title", or "1.2 – - Title" when the title itself starts with what the import reads as "1.2 –". */
function focusAreaCell(focusArea: FocusArea): string {
  const title = cellSafeText(focusArea.title);
  return /^[:–—-]/.test(title) ? `${focusArea.reference} – ${title}` : `${focusArea.reference} ${title}`;
}

function registerLines(register: ActionRegister): RegisterLine[] {
  const { plan } = register;
  const scale = resolveScale(plan.scaleId, plan.columnOrder);
  const priorities = new Map(register.priorities.map((p) => [p.id, p]));
  const focusAreas = new Map(register.focusAreas.map((f) => [f.id, f]));
  const priorityNumber = (action: Action) => priorities.get(action.priorityId)?.number ?? Infinity;
  const actions = [...register.actions].sort(
    (a, b) => priorityNumber(a) - priorityNumber(b) || compareReferences(a.reference, b.reference),
  );
  return actions.map((action) => {
    const priority = priorities.get(action.priorityId);
    const focusArea = action.focusAreaId ? focusAreas.get(action.focusAreaId) : undefined;
    const due = action.dueDate;
    const cells = [
      priority ? `${priority.number}. ${priority.title}` : '',
      focusArea ? focusAreaCell(focusArea) : '',
      action.reference,
      action.text,
      action.successMeasures,
      action.leadAsWritten || (action.lead?.displayName ?? ''),
      action.governanceForum,
      due ? (action.dueDatePrecision === 'month' ? formatDate(due, 'month') : britishDate(due)) : '',
      findRating(scale, action.status)?.label ?? action.status,
      action.progressNarrative,
    ].map((text) => escapeFormula(cellSafeText(text)));
    return { cells, dueDay: due && action.dueDatePrecision === 'day' && inExcelRange(due) ? due : null };
  });
}

/** The register as the cells both files show: the heading row, then one row per action. */
export function registerRows(register: ActionRegister): string[][] {
  return [[...REGISTER_HEADINGS], ...registerLines(register).map((line) => line.cells)];
}

/** Excel's dates start in 1900; a year typed wrong (0202) is written as the text it is. */
function inExcelRange(date: IsoDate): boolean {
  return date >= '1900-03-01' && date <= '9999-12-31';
}

function fileName(plan: Plan, extension: string): string {
  const title = cellSafeText(plan.title)
    .replace(/[\\/:*?"<>|\n\t]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${title || 'Plan'} - action register.${extension}`;
}

/** CSV in UTF-8 with a byte-order mark (so Excel shows "£" and "–" rightly), lines ended CRLF. */
export function exportRegisterCsv(register: ActionRegister): ExportedFile {
  const text = Papa.unparse(registerRows(register), { newline: '\r\n', escapeFormulae: false });
  return {
    name: fileName(register.plan, 'csv'),
    mediaType: 'text/csv;charset=utf-8',
    bytes: new TextEncoder().encode(`\uFEFF${text}\r\n`),
  };
}

/** An Excel workbook with one sheet, "Action register": headings bold and frozen, a filter, wrapped text. */
export async function exportRegisterXlsx(register: ActionRegister): Promise<ExportedFile> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'WSoA tracker';
  const sheet = workbook.addWorksheet('Action register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const heading = sheet.addRow([...REGISTER_HEADINGS]);
  heading.font = { bold: true };
  heading.alignment = { vertical: 'top', wrapText: true };
  heading.eachCell((cell) => {
    cell.numFmt = '@';
  });
  for (const line of registerLines(register)) {
    const row = sheet.addRow([]);
    line.cells.forEach((text, column) => {
      const cell = row.getCell(column + 1);
      cell.alignment = { vertical: 'top', wrapText: true };
      if (column === DUE_DATE_COLUMN && line.dueDay) {
        // A real date (Excel sorts and filters it), shown as the CSV writes it.
        cell.value = new Date(`${line.dueDay}T00:00:00Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else {
        // Text, never a formula: a string value is stored as a string, and "@"
        // keeps Excel from reading it again as a number or formula when edited.
        cell.numFmt = '@';
        if (text !== '') cell.value = ooxmlEscaped(text);
      }
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_HEADINGS.length } };
  const written = await workbook.xlsx.writeBuffer();
  return {
    name: fileName(register.plan, 'xlsx'),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: new Uint8Array(written),
  };
}

/**
 * A workbook's XML writes characters as _xHHHH_ (a carriage return as _x000D_), so a
 * text that contains such a sequence itself has its underscore written _x005F_, as
 * Excel does; exceljs does not, and would read "_x000D_" back as a line break.
 */
function ooxmlEscaped(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** The register in either form. */
export function exportRegister(register: ActionRegister, format: 'xlsx' | 'csv'): Promise<ExportedFile> {
  return format === 'xlsx' ? exportRegisterXlsx(register) : Promise.resolve(exportRegisterCsv(register));
}
