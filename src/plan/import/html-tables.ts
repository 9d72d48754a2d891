import type { HtmlElement, HtmlNode } from './html-tree';

/**
 * The tables in an HTML tree as rows of cell texts, in document order: what mammoth
 * makes of a Word document, and what Word or Excel put on the clipboard.
 *
 * - A cell's paragraphs (and list items, and line breaks) are joined with "\n";
 *   spaces run together as a browser shows them; empty paragraphs are dropped.
 * - A cell spanning columns (colspan) repeats its text in each column it covers:
 *   that much the HTML tells. A cell spanning rows (rowspan) leaves '' in the rows
 *   below, as a spreadsheet leaves the cells of a merge.
 * - A table inside a cell becomes lines of that cell, one per row, its cells joined
 *   with " | "; it is not listed as a table of its own.
 * - Anything styled display:none is not shown, so it is not read.
 */
export const NESTED_CELL_SEPARATOR = ' | ';
/** HTML's own limits for spans; a hostile paste cannot make a row of a billion cells. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'ul',
]);

const isElement = (node: HtmlNode, ...tags: string[]): node is HtmlElement =>
  node.type === 'element' && tags.includes(node.tag);

function isHidden(node: HtmlElement): boolean {
  return /display\s*:\s*none/i.test(node.attributes.style ?? '');
}

function visibleChildren(node: HtmlElement): HtmlNode[] {
  return node.children.filter((child) => child.type === 'text' || !isHidden(child));
}

/** Every table not inside another table, in document order. */
export function outerTables(root: HtmlElement): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (node: HtmlElement) => {
    for (const child of visibleChildren(node)) {
      if (child.type !== 'element') continue;
      if (child.tag === 'table') found.push(child);
      else visit(child);
    }
  };
  visit(root);
  return found;
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of visibleChildren(table)) {
    if (isElement(child, 'tr')) rows.push(child);
    else if (isElement(child, 'thead', 'tbody', 'tfoot')) {
      rows.push(...visibleChildren(child).filter((row) => isElement(row, 'tr')));
    }
  }
  return rows;
}

function span(cell: HtmlElement, name: 'colspan' | 'rowspan', max: number): number {
  const value = Number.parseInt(cell.attributes[name] ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/** A table's rows, merged cells laid out on the grid they cover. */
export function tableRows(table: HtmlElement): string[][] {
  const rows: string[][] = [];
  // Column -> how many more rows a rowspan from above still covers.
  const coveredFor = new Map<number, number>();
  for (const tr of rowsOf(table)) {
    const row: string[] = [];
    const startedCovered = [...coveredFor.keys()];
    const newSpans: [number, number][] = [];
    const skipCovered = () => {
      while ((coveredFor.get(row.length) ?? 0) > 0) row.push('');
    };
    for (const cell of visibleChildren(tr)) {
      if (!isElement(cell, 'td', 'th')) continue;
      skipCovered();
      const text = cellText(cell);
      const rowspan = span(cell, 'rowspan', MAX_ROWSPAN);
      for (let i = span(cell, 'colspan', MAX_COLSPAN); i > 0; i--) {
        if (rowspan > 1) newSpans.push([row.length, rowspan - 1]);
        row.push(text);
      }
    }
    const lastCovered = Math.max(-1, ...startedCovered);
    while (row.length <= lastCovered) row.push('');
    for (const column of startedCovered) {
      const left = (coveredFor.get(column) ?? 0) - 1;
      if (left > 0) coveredFor.set(column, left);
      else coveredFor.delete(column);
    }
    for (const [column, left] of newSpans) coveredFor.set(column, left);
    rows.push(row);
  }
  return rows;
}

/** A cell's text as the person reading it sees it: one line per paragraph. */
export function cellText(cell: HtmlElement): string {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: HtmlNode) => {
    if (node.type === 'text') {
      line += node.text.replace(/[ \t\n\r\f]+/g, ' ');
    } else if (node.tag === 'br') {
      endLine();
    } else if (node.tag === 'table') {
      endLine();
      for (const row of tableRows(node)) {
        lines.push(
          ...row
            .filter((text) => text.trim() !== '')
            .join(NESTED_CELL_SEPARATOR)
            .split('\n'),
        );
      }
    } else if (BLOCKS.has(node.tag)) {
      endLine();
      visibleChildren(node).forEach(walk);
      endLine();
    } else {
      visibleChildren(node).forEach(walk);
    }
  };
  visibleChildren(cell).forEach(walk);
  endLine();
  return lines
    .map((text) => text.replace(/[\u00a0 ]+/g, ' ').trim())
    .filter((text) => text !== '')
    .join('\n');
}

/** True when no cell of the table has any text. */
export function isBlank(rows: readonly (readonly string[])[]): boolean {
  return rows.every((row) => row.every((cell) => cell.trim() === ''));
}
