// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPastedTables } from '../../../src/plan/import/paste';
import { readTables } from '../../../src/plan/import/read-tables';
import { buildDocx } from './fixtures';
import {
  EXCEL_CLIPBOARD_HTML,
  EXCEL_CLIPBOARD_TABLES,
  WORD_CLIPBOARD_HTML,
  WORD_CLIPBOARD_TABLES,
} from './paste-samples';
import { LEICESTERSHIRE_DOCUMENT, LEICESTERSHIRE_TABLES } from './word-document';

/**
 * In the tab the HTML of a Word document or a paste is parsed by the browser's
 * DOMParser (here jsdom's), in Node by parse5: both must give the same tables.
 */
describe("the tab's way: the browser's DOMParser", () => {
  it('is the parser used when there is one', () => {
    expect(typeof DOMParser).toBe('function');
  });

  it('reads the Word document as parse5 does', async () => {
    const bytes = await buildDocx(LEICESTERSHIRE_DOCUMENT);
    const file = { name: 'Leicestershire WSOA.docx', bytes };

    expect(await readTables(file)).toEqual(LEICESTERSHIRE_TABLES);
    expect(await readTables(file, { domParser: null })).toEqual(LEICESTERSHIRE_TABLES);
  });

  it.each([
    ['Word', WORD_CLIPBOARD_HTML, WORD_CLIPBOARD_TABLES],
    ['Excel', EXCEL_CLIPBOARD_HTML, EXCEL_CLIPBOARD_TABLES],
  ])('reads what %s puts on the clipboard as parse5 does', async (_from, html, tables) => {
    expect(await readPastedTables({ html })).toEqual(tables);
    expect(await readPastedTables({ html }, null)).toEqual(tables);
  });
});
