/**
 * What to look a lead up by in the directory: the e-mail address in it, else the
 * name before any bracket, comma or second line ("K Rowland (DfE)" -> "K Rowland",
 * "Jane Moore\nDirector of …" -> "Jane Moore"). A job title looked up finds no one,
 * and the lead is kept as written.
 */
export function leadLookup(lead: string): { key: string; email: boolean } | null {
  const email = /[^\s@,;()<>]+@[^\s@,;()<>]+\.[^\s@,;()<>]+/.exec(lead)?.[0];
  if (email) return { key: email.toLowerCase(), email: true };
  const name = (lead.split(/[\n,(;]/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > 100) return null;
  return { key: name, email: false };
}
