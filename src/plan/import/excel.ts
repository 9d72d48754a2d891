import ExcelJS from 'exceljs';
import type { ImportTable } from '../../domain/import/table';
import { causeText, ImportFileError } from './errors';
import { formatBritishDate, formatNumber } from './excel-values';

/**
 * exceljs's typings ask for a Buffer (which they redeclare as an ArrayBuffer), but
 * its code hands the bytes to JSZip, which takes any Uint8Array; its browser build
 * has no Buffer at all. This is its load, typed as it works.
 */
function loadWorkbook(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const data: unknown = bytes;
  return workbook.xlsx.load(data as Parameters<ExcelJS.Xlsx['load']>[0]);
}

/**
 * Every visible worksheet with data, in the workbook's order, as "Sheet 'Name'":
 * each cell's value as text as the sheet shows it (see cellText). Rows and columns
 * keep their places from A1, so row 5 of a table is row 5 of the sheet, up to the
 * last row and column holding text (in a sheet too big for that grid, see
 * MAX_GRID_CELLS, each row ends at its own last cell with text); a sheet without
 * any text is left out, and so is a hidden sheet (lookup lists, old copies) that
 * nobody sees when they open the file.
 */
export async function readExcelTables(bytes: Uint8Array, source: string): Promise<ImportTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await loadWorkbook(workbook, bytes);
  } catch (cause) {
    throw new ImportFileError(
      source,
      'unreadable',
      `${source} could not be read as an Excel workbook: ${causeText(cause)}`,
      { cause },
    );
  }
  const tables: ImportTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const rows = sheetRows(sheet);
    if (rows.length > 0) tables.push({ name: `Sheet '${sheet.name}'`, rows });
  }
  return tables;
}

/** A million cells: a 10,000-row register 100 columns wide. */
const MAX_GRID_CELLS = 1_000_000;

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const texts = new Map<number, Map<number, string>>();
  /** Row -> its last column with text. */
  const lastColumn = new Map<number, number>();
  let height = 0;
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const text = cellText(cell);
      if (text.trim() === '') return;
      let cells = texts.get(rowNumber);
      if (!cells) texts.set(rowNumber, (cells = new Map()));
      cells.set(columnNumber, text);
      lastColumn.set(rowNumber, Math.max(lastColumn.get(rowNumber) ?? 0, columnNumber));
      height = Math.max(height, rowNumber);
      width = Math.max(width, columnNumber);
    });
  });
  // One stray cell at XFD1048576 would make a grid of 17 billion cells: past the
  // budget, each row ends at its own last cell with text instead.
  const grid = height * width <= MAX_GRID_CELLS;
  return Array.from({ length: height }, (_, r) =>
    Array.from(
      { length: grid ? width : (lastColumn.get(r + 1) ?? 0) },
      (_, c) => texts.get(r + 1)?.get(c + 1) ?? '',
    ),
  );
}

/**
 * A cell as the sheet shows it: a date as dd/mm/yyyy, a number in its number format
 * (General as written, percentages, fixed decimals, thousands, £), rich text as its
 * runs joined, a hyperlink as its text, a formula as its cached result (never the
 * formula itself; '' when the file has no cached result), an error as "#N/A".
 * A merged range shows its value in its top-left cell only; the others are ''.
 */
export function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatBritishDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return valueText(value.result as ExcelJS.CellValue | undefined, numFmt);
  }
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}
