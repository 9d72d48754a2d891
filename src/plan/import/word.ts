import mammoth from 'mammoth';
import type { ImportTable } from '../../domain/import/table';
import { causeText, ImportFileError } from './errors';
import { isBlank, outerTables, tableRows } from './html-tables';
import { parseHtml, type DomParserConstructor } from './html-tree';

/** Images are not read: an empty src spares turning every picture into base64 text. */
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Every table of a Word document, in order, as "Table 1", "Table 2"… (numbered as
 * they stand in the document; a table with no text at all is left out). Mammoth
 * turns the document into HTML (merged cells as colspan and rowspan), and the
 * tables are read from that: see html-tables.ts for merged and nested cells.
 */
export async function readWordTables(
  bytes: Uint8Array,
  source: string,
  domParser?: DomParserConstructor | null,
): Promise<ImportTable[]> {
  // mammoth's Node build reads `buffer` and its browser build (its package.json
  // "browser" map) reads `arrayBuffer`; both hand it to JSZip, which takes an
  // ArrayBuffer, so the same one serves both and no Buffer is needed.
  const arrayBuffer = bytes.slice().buffer;
  const input = { arrayBuffer, buffer: arrayBuffer };
  let html: string;
  try {
    html = (await mammoth.convertToHtml(input, { convertImage: noImages })).value;
  } catch (cause) {
    throw new ImportFileError(
      source,
      'unreadable',
      `${source} could not be read as a Word document: ${causeText(cause)}`,
      { cause },
    );
  }
  const root = await parseHtml(html, domParser);
  return outerTables(root)
    .map((table, i) => ({ name: `Table ${i + 1}`, rows: tableRows(table) }))
    .filter((table) => !isBlank(table.rows));
}
