import { describe, expect, it } from 'vitest';
import { readTables } from '../../../src/plan/import/read-tables';
import { utf8WithBom, windows1252 } from './fixtures';
import { LANCS, LEICS } from './seed-rows';

describe('reading a CSV file', () => {
  it("reads Lancashire's tracker saved as CSV UTF-8 with semicolons: BOM gone, quoted line breaks and quotes kept", async () => {
    // Written out by hand, as Excel with a European list separator saves it.
    const csv = [
      'Area of concern;Action;Lead;Timescale;RAG',
      `"${LANCS.area1}";${LANCS.action1a};${LANCS.board};March 2018;Completed`,
      `;"${LANCS.action1b}\r\n${LANCS.action1c}";Accountable officers, Operational Group;Oct 2019;Green`,
      `${LANCS.area4};${LANCS.action4a};${LANCS.pcf};Sept 19;Light green`,
      `${LANCS.area7};"${LANCS.action7a.replace('Diagnostic pathway', '""Diagnostic pathway""')}";${LANCS.dco};;Amber`,
      `"${LANCS.area12}";"${LANCS.action12a}; launch in the autumn term";Communications team, PCF;Autumn 2019;A`,
      '',
    ].join('\r\n');

    const tables = await readTables({ name: 'Lancashire WSoA.csv', bytes: utf8WithBom(csv) });

    expect(tables).toEqual([
      {
        name: 'Lancashire WSoA.csv',
        rows: [
          ['Area of concern', 'Action', 'Lead', 'Timescale', 'RAG'],
          [LANCS.area1, LANCS.action1a, LANCS.board, 'March 2018', 'Completed'],
          [
            '',
            `${LANCS.action1b}\n${LANCS.action1c}`,
            'Accountable officers, Operational Group',
            'Oct 2019',
            'Green',
          ],
          [LANCS.area4, LANCS.action4a, LANCS.pcf, 'Sept 19', 'Light green'],
          [
            LANCS.area7,
            LANCS.action7a.replace('Diagnostic pathway', '"Diagnostic pathway"'),
            LANCS.dco,
            '',
            'Amber',
          ],
          [
            LANCS.area12,
            `${LANCS.action12a}; launch in the autumn term`,
            'Communications team, PCF',
            'Autumn 2019',
            'A',
          ],
        ],
      },
    ]);
  });

  it("reads Excel's plain CSV saved on a British PC (Windows-1252: en dashes and pound signs)", async () => {
    const csv = `Reference,Action,Budget\r\n1.10.1,Communications – ${LEICS.action1101},£5000\r\n`;

    expect(await readTables({ name: 'leics.csv', bytes: windows1252(csv) })).toEqual([
      {
        name: 'leics.csv',
        rows: [
          ['Reference', 'Action', 'Budget'],
          ['1.10.1', `Communications – ${LEICS.action1101}`, '£5000'],
        ],
      },
    ]);
  });

  it('reads tab-separated text and keeps blank lines in the middle in their place', async () => {
    const text = `Reference\tAction\n2.1.1\t${LEICS.action211}\n\n2.1.2\t${LEICS.action212}\n\n\n`;

    expect(await readTables({ name: 'copied.txt', bytes: new TextEncoder().encode(text) })).toEqual([
      {
        name: 'copied.txt',
        rows: [['Reference', 'Action'], ['2.1.1', LEICS.action211], [''], ['2.1.2', LEICS.action212]],
      },
    ]);
  });

  it('reads 10,000 rows quickly', async () => {
    const lines = ['Reference,Action,Lead,Due date,RAG rating'];
    for (let i = 1; i <= 10_000; i++) {
      lines.push(
        `${Math.ceil(i / 100)}.${i % 100},"${LEICS.action113}, part ${i}",${LEICS.leads.davis},31/03/2021,G`,
      );
    }
    const bytes = utf8WithBom(lines.join('\r\n'));

    const started = performance.now();
    const [table] = await readTables({ name: 'big.csv', bytes });
    const elapsed = performance.now() - started;

    expect(table?.rows).toHaveLength(10_001);
    expect(table?.rows[10_000]).toEqual([
      '100.0',
      `${LEICS.action113}, part 10000`,
      LEICS.leads.davis,
      '31/03/2021',
      'G',
    ]);
    expect(elapsed).toBeLessThan(3000);
  });
});
