/**
 * CSV (formula) injection: a spreadsheet runs a cell that starts with =, +, -, @,
 * tab or carriage return as a formula, so text written by anyone in a plan
 * ("=HYPERLINK(…)", "+cmd|…") could run when an exported register is opened. As the
 * OWASP guidance says (https://owasp.org/www-community/attacks/CSV_Injection), such
 * a cell is written with a leading single quote, which makes it text. A value that
 * already starts with quotes before such a character gets one more, so
 * unescapeFormula gives back exactly what was escaped. The export escapes
 * (src/plan/import/export-register.ts); the import unescapes every cell it reads
 * (cleanCell in table.ts), so an exported register imports as the plan it came from.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The value before escapeFormula: one leading quote off a cell that was escaped. */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
