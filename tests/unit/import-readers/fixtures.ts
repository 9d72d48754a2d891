import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';

/**
 * Real .docx, .xlsx and .csv files built in the test with the libraries people's
 * documents come from (docx writes what Word writes; exceljs what Excel writes), so
 * the readers meet merged cells, page breaks and cached formula results as they are
 * in a file, not as a test imagines them.
 */

/** A Word table cell: text, paragraphs, a merge, or a table inside it. */
export type DocCell =
  | string
  | { paragraphs: string[]; colSpan?: number; rowSpan?: number }
  | { text: string; colSpan?: number; rowSpan?: number }
  | { table: DocCell[][] };

export type DocBlock =
  | { paragraph: string }
  | { pageBreak: true }
  /** headerRows: how many leading rows Word repeats at the top of each page. */
  | { table: DocCell[][]; headerRows?: number };

function docCell(cell: DocCell): TableCell {
  if (typeof cell === 'string') return new TableCell({ children: [new Paragraph(cell)] });
  if ('table' in cell) return new TableCell({ children: [docTable(cell.table), new Paragraph('')] });
  const paragraphs = 'paragraphs' in cell ? cell.paragraphs : [cell.text];
  return new TableCell({
    children: paragraphs.map((text) => new Paragraph(text)),
    ...(cell.colSpan && { columnSpan: cell.colSpan }),
    ...(cell.rowSpan && { rowSpan: cell.rowSpan }),
  });
}

function docTable(rows: DocCell[][], headerRows = 0): Table {
  return new Table({
    rows: rows.map((cells, i) => new TableRow({ tableHeader: i < headerRows, children: cells.map(docCell) })),
  });
}

/** A Word document of paragraphs, page breaks and tables, in order. */
export async function buildDocx(blocks: DocBlock[]): Promise<Uint8Array> {
  const children = blocks.map((block) => {
    if ('paragraph' in block) return new Paragraph(block.paragraph);
    if ('pageBreak' in block) return new Paragraph({ children: [new PageBreak()] });
    return docTable(block.table, block.headerRows);
  });
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** An Excel workbook made by `fill`, as bytes. */
export async function buildXlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8, with the byte-order mark Excel's "CSV UTF-8" writes. */
export function utf8WithBom(text: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${text}`);
}

const CP1252_EXTRAS: Record<string, number> = {
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '£': 0xa3,
  '€': 0x80,
};

/** Windows-1252, as Excel's plain "CSV (Comma delimited)" saves on a British PC. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text), (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = CP1252_EXTRAS[char];
    if (byte === undefined) throw new Error(`No Windows-1252 byte for ${char}`);
    return byte;
  });
}
