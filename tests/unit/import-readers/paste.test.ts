import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../src/plan/import/errors';
import { readPastedTables } from '../../../src/plan/import/paste';
import {
  EXCEL_CLIPBOARD_HTML,
  EXCEL_CLIPBOARD_TABLES,
  EXCEL_CLIPBOARD_TEXT,
  EXCEL_CLIPBOARD_TEXT_TABLES,
  WORD_CLIPBOARD_HTML,
  WORD_CLIPBOARD_TABLES,
} from './paste-samples';
import { LEICS } from './seed-rows';

describe('reading a table pasted from Word or Excel (in Node, with parse5)', () => {
  it("reads Word's clipboard HTML: paragraphs as lines, list numbers kept, a row merge left blank, a column merge repeated", async () => {
    expect(
      await readPastedTables({ html: WORD_CLIPBOARD_HTML, text: 'ignored when there is a table' }),
    ).toEqual(WORD_CLIPBOARD_TABLES);
  });

  it("reads Excel's clipboard HTML without its hidden column, line breaks in a cell kept", async () => {
    expect(await readPastedTables({ html: EXCEL_CLIPBOARD_HTML, text: EXCEL_CLIPBOARD_TEXT })).toEqual(
      EXCEL_CLIPBOARD_TABLES,
    );
  });

  it("reads Excel's tab-separated text when there is no HTML", async () => {
    expect(await readPastedTables({ text: EXCEL_CLIPBOARD_TEXT })).toEqual(EXCEL_CLIPBOARD_TEXT_TABLES);
  });

  it('reads the text when the HTML has no table in it', async () => {
    const text = `1.1.1\t${LEICS.action111}\n1.1.2\t${LEICS.action112}`;

    expect(await readPastedTables({ html: `<p>${LEICS.action111}</p>`, text })).toEqual([
      {
        name: 'Pasted table',
        rows: [
          ['1.1.1', LEICS.action111],
          ['1.1.2', LEICS.action112],
        ],
      },
    ]);
  });

  it('reads a quote that never closes as text rather than swallowing the rows after it', async () => {
    const text = `1.1.1\t"Co-produce\tP Sumner\n1.1.2\t${LEICS.action112}\tT Common`;

    expect(await readPastedTables({ text })).toEqual([
      {
        name: 'Pasted table',
        rows: [
          ['1.1.1', '"Co-produce', 'P Sumner'],
          ['1.1.2', LEICS.action112, 'T Common'],
        ],
      },
    ]);
  });

  it('names each of several pasted tables', async () => {
    const html = '<table><tr><td>1.1</td></tr></table><p>between</p><table><tr><td>2.1</td></tr></table>';

    expect(await readPastedTables({ html })).toEqual([
      { name: 'Pasted table 1', rows: [['1.1']] },
      { name: 'Pasted table 2', rows: [['2.1']] },
    ]);
  });

  it.each([
    [{}, 'empty', 'The pasted text is empty: copy the table again and paste it.'],
    [{ html: ' ', text: '\r\n' }, 'empty', 'The pasted text is empty: copy the table again and paste it.'],
    [
      { html: '<p>&nbsp;</p><table><tr><td> </td></tr></table>', text: '' },
      'no-tables',
      "The pasted text has no table in it: select the table's rows in Word or Excel, copy them and paste here.",
    ],
  ])('refuses %j as %s', async (pasted, reason, message) => {
    const error: unknown = await readPastedTables(pasted).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ reason, message, source: 'The pasted text' });
  });
});
