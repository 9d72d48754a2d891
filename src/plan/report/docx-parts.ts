import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { cellSafeText } from '../../domain/safe-text';
import type { ReportText } from './report-model';

/** A4 portrait in twips, with 2 cm margins: the width a table spreads across. */
export const A4 = { width: 11_906, height: 16_838, margin: 1_134 } as const;
export const TEXT_WIDTH = A4.width - 2 * A4.margin;

/*
 * Every text goes through cellSafeText: lists edited outside the app can hold
 * characters XML cannot (control characters, U+FFFE), which would make a file Word
 * refuses to open.
 */

/** A text as paragraphs: one per line the author wrote, blank lines dropped. */
export function paragraphs(text: string, run: { italics?: boolean; bold?: boolean } = {}): Paragraph[] {
  const lines = cellSafeText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length ? lines : ['']).map(
    (line) => new Paragraph({ children: [new TextRun({ text: line, ...run })] }),
  );
}

/** A narrative text; "Not yet written for this cycle" in italics, so it is not read as the author's words. */
export function narrative(text: ReportText): Paragraph[] {
  return paragraphs(text.text, { italics: !text.written });
}

export function title(text: string): Paragraph {
  return new Paragraph({ text: oneLine(text), heading: HeadingLevel.TITLE });
}

export function heading1(text: string, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    text: oneLine(text),
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: options.newPage ?? false,
  });
}

export function heading2(text: string): Paragraph {
  return new Paragraph({ text: oneLine(text), heading: HeadingLevel.HEADING_2 });
}

export function plain(text: string, run: { italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: oneLine(text), ...run })] });
}

export function oneLine(text: string): string {
  return cellSafeText(text).replace(/\s+/g, ' ');
}

/** A cell's content: a text (its lines as paragraphs) or paragraphs already made. */
export type Cell = string | { text: string; bold?: boolean; italics?: boolean } | Paragraph[];

const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

/**
 * A table across the text width, its header row repeated on every page it runs
 * onto and no row split between pages. `widths` are parts of the width (they need
 * not add up to anything in particular).
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly number[],
): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (content: Cell, i: number, header = false) =>
    new TableCell({
      children: cellParagraphs(content, header),
      width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(header && { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } }),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i)) })),
    ],
  });
}

function cellParagraphs(content: Cell, header: boolean): Paragraph[] {
  if (Array.isArray(content)) return content.length ? content : [new Paragraph({})];
  const { text, ...run } = typeof content === 'string' ? { text: content } : content;
  return paragraphs(text, { ...run, bold: header || run.bold });
}
