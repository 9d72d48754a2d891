import { describe, expect, it } from 'vitest';
import { readTables } from '../../../src/plan/import/read-tables';
import { buildDocx } from './fixtures';
import { LEICS } from './seed-rows';
import { LEICESTERSHIRE_DOCUMENT, LEICESTERSHIRE_TABLES } from './word-document';

describe('reading the tables of a Word document', () => {
  it("gives every table of Leicestershire's highlight report in order, cell for cell", async () => {
    const bytes = await buildDocx(LEICESTERSHIRE_DOCUMENT);

    expect(await readTables({ name: 'Leicestershire WSOA.docx', bytes })).toEqual(LEICESTERSHIRE_TABLES);
  });

  it('reads a Word document by its content when its name has no extension', async () => {
    const bytes = await buildDocx([
      {
        table: [
          ['Reference', 'Action'],
          ['1.10.1', LEICS.action1101],
        ],
      },
    ]);

    expect(await readTables({ name: 'download', bytes })).toEqual([
      {
        name: 'Table 1',
        rows: [
          ['Reference', 'Action'],
          ['1.10.1', LEICS.action1101],
        ],
      },
    ]);
  });

  it('flattens a table inside a cell into lines of that cell, one per row', async () => {
    const bytes = await buildDocx([
      {
        table: [
          ['Reference', 'Action', 'Milestones'],
          [
            '1.10.1',
            LEICS.action1101,
            {
              table: [
                ['Specification agreed', 'Sept 21'],
                ['Portal live', ''],
              ],
            },
          ],
        ],
      },
    ]);

    expect(await readTables({ name: 'plan.docx', bytes })).toEqual([
      {
        name: 'Table 1',
        rows: [
          ['Reference', 'Action', 'Milestones'],
          ['1.10.1', LEICS.action1101, 'Specification agreed | Sept 21\nPortal live'],
        ],
      },
    ]);
  });
});
