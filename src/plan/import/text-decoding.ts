/**
 * Bytes to text for CSV files, whichever way they were saved: UTF-8 with or without
 * its byte-order mark (Excel's "CSV UTF-8"), UTF-16 with a mark (Excel's "Unicode
 * Text"), or Windows-1252 (Excel's plain "CSV (Comma delimited)" on a British PC,
 * where "£" and "–" are single bytes that are not UTF-8). Browser and Node alike:
 * no Buffer.
 */
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The text, without a byte-order mark; null when the bytes are not text (NUL bytes: a binary file). */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (startsWith(bytes, UTF8_BOM)) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, UTF16LE_BOM)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, UTF16BE_BOM)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (bytes.includes(0)) return null;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  return text.includes('\u0000') ? null : text;
}

/**
 * Windows-1252's bytes 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ · Ž · · ‘ ’ “ ” • – — ˜ ™ š › œ · ž Ÿ);
 * the rest are Latin-1. Decoded here because Node's TextDecoder('windows-1252') reads
 * these bytes as Latin-1 control characters, unlike the browsers.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte),
    );
    text += chunk.join('');
  }
  return text;
}
