import type { ImportTable } from '../../domain/import/table';
import { tabSeparatedRows } from './csv';
import { ImportFileError } from './errors';
import { isBlank, outerTables, tableRows } from './html-tables';
import { parseHtml, type DomParserConstructor } from './html-tree';

/** What a paste event offers: clipboardData.getData('text/html') and getData('text/plain'). */
export interface PastedContent {
  html?: string;
  text?: string;
}

export const PASTE_SOURCE = 'The pasted text';

/**
 * Tables pasted from Word or Excel. Both put HTML on the clipboard, with the
 * copied cells as a <table>: that is read first (merged and nested cells as in a
 * Word document, see html-tables.ts). Without a table in it (a plain-text paste, or
 * a browser that gave only text), the text is read as Excel's plain-text clipboard:
 * tab-separated, cells with line breaks quoted. One table is "Pasted table"; more
 * are "Pasted table 1", "Pasted table 2"…
 */
export async function readPastedTables(
  pasted: PastedContent,
  domParser?: DomParserConstructor | null,
): Promise<ImportTable[]> {
  const html = pasted.html ?? '';
  const text = pasted.text ?? '';
  if (/<table[\s>]/i.test(html)) {
    const root = await parseHtml(html, domParser);
    const tables = outerTables(root)
      .map(tableRows)
      .filter((rows) => !isBlank(rows));
    if (tables.length > 0) return named(tables);
  }
  if (text.trim() !== '') {
    const rows = tabSeparatedRows(text);
    if (!isBlank(rows)) return named([rows]);
  }
  if (html.trim() === '' && text.trim() === '') {
    throw new ImportFileError(
      PASTE_SOURCE,
      'empty',
      `${PASTE_SOURCE} is empty: copy the table again and paste it.`,
    );
  }
  throw new ImportFileError(
    PASTE_SOURCE,
    'no-tables',
    `${PASTE_SOURCE} has no table in it: select the table's rows in Word or Excel, copy them and paste here.`,
  );
}

function named(tables: string[][][]): ImportTable[] {
  if (tables.length === 1) return [{ name: 'Pasted table', rows: tables[0] ?? [] }];
  return tables.map((rows, i) => ({ name: `Pasted table ${i + 1}`, rows }));
}
