import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportFileError, type ImportFileProblem } from '../../../src/plan/import/errors';
import { MAX_IMPORT_BYTES, readTables, type ImportFile } from '../../../src/plan/import/read-tables';
import { buildDocx, buildXlsx, utf8WithBom } from './fixtures';
import { LEICS } from './seed-rows';

const text = (value: string) => new TextEncoder().encode(value);

async function failureOf(file: ImportFile): Promise<ImportFileError> {
  const error: unknown = await readTables(file).then(
    () => new Error(`${file.name} was read`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImportFileError)) throw error;
  return error;
}

const smallDocx = () =>
  buildDocx([
    {
      table: [
        ['Reference', 'Action'],
        ['1.1.1', LEICS.action111],
      ],
    },
  ]);
const smallXlsx = () =>
  buildXlsx((workbook) => {
    workbook.addWorksheet('Priority 1').addRow(['1.1.1', LEICS.action111]);
  });

describe('files that are not what they say, or not readable at all', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ImportFileProblem, RegExp]>([
    ['plan.docx', () => new Uint8Array(), 'empty', /^plan\.docx is empty \(0 bytes\)/],
    ['plan.csv', () => utf8WithBom('\r\n  \r\n'), 'empty', /^plan\.csv is empty: it has no text in it/],
    [
      'plan.docx',
      () => text(`Reference,Action\n1.1.1,${LEICS.action111}\n`),
      'wrong-type',
      /^plan\.docx is not a Word document: it is a text file\./,
    ],
    [
      'plan.xlsx',
      smallDocx,
      'wrong-type',
      /^plan\.xlsx is not an Excel workbook: it is a Word document\. Save or rename it as Word Document \(\.docx\)/,
    ],
    ['plan.csv', smallXlsx, 'wrong-type', /^plan\.csv is not a CSV file: it is an Excel workbook\./],
    [
      'plan.docx',
      () => text('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      'wrong-type',
      /^plan\.docx is not a Word document: it is a PDF\./,
    ],
    [
      'plan.csv',
      () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'wrong-type',
      /^plan\.csv is not a CSV file: it is a binary file, not text\./,
    ],
    [
      'plan.doc',
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'unsupported',
      /^plan\.doc cannot be read: it is an Office file in the old \.doc\/\.xls format, or a password-protected one\. .*Word Document \(\.docx\)/,
    ],
    [
      'plan.pdf',
      () => text('%PDF-1.4'),
      'unsupported',
      /^plan\.pdf cannot be imported: it is a PDF\. Choose a Word document/,
    ],
    [
      'plan.docx',
      async () => (await smallDocx()).slice(0, 1500),
      'damaged',
      /^plan\.docx is damaged or incomplete: it starts like a Word or Excel file but cannot be opened/,
    ],
    [
      'plan.xlsx',
      async () => (await smallXlsx()).slice(0, 2000),
      'damaged',
      /^plan\.xlsx is damaged or incomplete/,
    ],
    [
      'archive.docx',
      async () =>
        new Uint8Array(await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' })),
      'wrong-type',
      /^archive\.docx is not a Word document: it is a ZIP archive\. Choose a Word document/,
    ],
    [
      'hollow.docx',
      async () => {
        const zip = new JSZip().file(
          '[Content_Types].xml',
          '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        );
        return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
      },
      'unreadable',
      /^hollow\.docx could not be read as a Word document: /,
    ],
    [
      'notes.docx',
      () => buildDocx([{ paragraph: 'Minutes of the SEND and Inclusion Board' }]),
      'no-tables',
      /^notes\.docx has no tables/,
    ],
    [
      'empty sheets.xlsx',
      () => buildXlsx((workbook) => void workbook.addWorksheet('Sheet1')),
      'no-tables',
      /^empty sheets\.xlsx has no worksheet with data in it/,
    ],
    ['commas.csv', () => text(',,,\r\n,,,\r\n'), 'no-tables', /^commas\.csv has only empty cells/],
    [
      'plan.csv',
      () => text(`Reference,Action\n1.1.1,"${LEICS.action111}\n1.1.2,${LEICS.action112}\n`),
      'malformed',
      /^plan\.csv has a quoted cell that is never closed, in row 2/,
    ],
  ])('%s (%s): %s', async (name, bytes, reason, message) => {
    const error = await failureOf({ name, bytes: await bytes() });

    expect(error.reason).toBe(reason);
    expect(error.source).toBe(name);
    expect(error.message).toMatch(message);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const error = await failureOf({ name: 'huge.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) });

    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('huge.csv is too large to import (50 MB; at most 50 MB).');
  });

  it('never crashes on a Word document or workbook cut short or with bytes overwritten: tables or an ImportFileError', async () => {
    const originals = { 'plan.docx': await smallDocx(), 'plan.xlsx': await smallXlsx() };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<keyof typeof originals>('plan.docx', 'plan.xlsx'),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.boolean(),
        async (name, cut, overwrites, truncate) => {
          const original = originals[name];
          const bytes = truncate ? original.slice(0, cut % original.length) : original.slice();
          for (const [at, byte] of overwrites) if (bytes.length > 0) bytes[at % bytes.length] = byte;
          const outcome = await readTables({ name, bytes }).then(
            (tables) => tables,
            (error: unknown) => error,
          );
          if (!Array.isArray(outcome)) expect(outcome).toBeInstanceOf(ImportFileError);
        },
      ),
      { numRuns: 60 },
    );
  });
});
