/**
 * A cell's text as both files can hold it: line breaks as "\n" (vertical tab and form
 * feed, which Word leaves in pasted text, too), without the characters a workbook's
 * XML cannot hold (other control characters, U+FFFE, U+FFFF, a lone half of a
 * surrogate pair, which becomes U+FFFD), trimmed.
 */
export function cellSafeText(text: string): string {
  let safe = '';
  // By code point: a surrogate pair comes as one, a lone half as itself.
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0b || code === 0x0c) safe += '\n';
    else if (code >= 0xd800 && code <= 0xdfff) safe += '\ufffd';
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff) continue;
    else safe += char;
  }
  return safe.trim();
}
