import JSZip from 'jszip';
import { causeText, ImportFileError } from './errors';
import { decodeText } from './text-decoding';

/**
 * What a file is, told from its bytes, and what its name says it should be. A .docx
 * and an .xlsx are both ZIP archives: which one is told by the content type of the
 * main part in [Content_Types].xml (or, failing that, by word/document.xml or
 * xl/workbook.xml); anything else that decodes as text is read as CSV.
 */
export type ReadableKind = 'word' | 'excel' | 'text';
export type ContentKind =
  ReadableKind | 'powerpoint' | 'opendocument' | 'zip' | 'old-office' | 'pdf' | 'rtf' | 'binary';

export type Identified = { kind: 'text'; text: string } | { kind: Exclude<ContentKind, 'text'> };

const EXTENSIONS: Record<string, ReadableKind> = {
  docx: 'word',
  docm: 'word',
  dotx: 'word',
  doc: 'word',
  xlsx: 'excel',
  xlsm: 'excel',
  xltx: 'excel',
  xls: 'excel',
  csv: 'text',
  tsv: 'text',
  txt: 'text',
};

/** The kind a file's name promises, or null for a name whose extension says nothing we read. */
export function expectedKind(fileName: string): ReadableKind | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) || null;
}

const DESCRIPTIONS: Record<ContentKind, string> = {
  word: 'a Word document',
  excel: 'an Excel workbook',
  text: 'a text file',
  powerpoint: 'a PowerPoint presentation',
  opendocument: 'an OpenDocument file (LibreOffice or similar)',
  zip: 'a ZIP archive',
  'old-office': 'an Office file in the old .doc/.xls format, or a password-protected one',
  pdf: 'a PDF',
  rtf: 'a Rich Text (.rtf) document',
  binary: 'a binary file, not text',
};

/** "a Word document", for "plan.xlsx is not an Excel workbook: it is a Word document". */
export function describeKind(kind: ContentKind, asExpected = false): string {
  return asExpected && kind === 'text' ? 'a CSV file' : DESCRIPTIONS[kind];
}

const MAGIC: readonly [Exclude<ContentKind, 'text'>, readonly number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['zip', [0x50, 0x4b, 0x07, 0x08]],
  // The OLE compound file: Word 97-2003 and Excel 97-2003, and also any Office file
  // saved with a password (encrypted .docx/.xlsx are wrapped in one).
  ['old-office', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

function magicKind(bytes: Uint8Array): Exclude<ContentKind, 'text'> | null {
  for (const [kind, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte)) return kind;
  }
  return null;
}

/** What is inside a ZIP archive, from its declared content types. */
async function zipKind(bytes: Uint8Array, source: string): Promise<Exclude<ContentKind, 'text'>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new ImportFileError(
      source,
      'damaged',
      `${source} is damaged or incomplete: it starts like a Word or Excel file but cannot be opened ` +
        `(was the download or copy cut short?). ${causeText(cause)}`,
      { cause },
    );
  }
  const contentTypes = await readEntry(zip, '[Content_Types].xml');
  if (/wordprocessingml\.(document|template)\.main|ms-word\.(document|template)\./.test(contentTypes)) {
    return 'word';
  }
  if (/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\./.test(contentTypes)) return 'excel';
  if (/presentationml\.|ms-powerpoint\./.test(contentTypes)) return 'powerpoint';
  if (zip.file('word/document.xml')) return 'word';
  if (zip.file('xl/workbook.xml')) return 'excel';
  if ((await readEntry(zip, 'mimetype')).startsWith('application/vnd.oasis.opendocument')) {
    return 'opendocument';
  }
  return 'zip';
}

async function readEntry(zip: JSZip, name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) return '';
  try {
    return await entry.async('string');
  } catch {
    return '';
  }
}

/** Tells what the bytes are; throws ImportFileError only for an empty file or a damaged ZIP. */
export async function identify(bytes: Uint8Array, source: string): Promise<Identified> {
  const magic = magicKind(bytes);
  if (magic === 'zip') return { kind: await zipKind(bytes, source) };
  if (magic) return { kind: magic };
  const text = decodeText(bytes);
  return text === null ? { kind: 'binary' } : { kind: 'text', text };
}
