/**
 * Spreadsheet values as the sheet shows them, for the reader; pure, so the rules are
 * tested with plain tables.
 */

/** 31/03/2021. Excel's dates carry no zone: exceljs gives them as UTC midnights. */
export function formatBritishDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${String(date.getUTCFullYear()).padStart(4, '0')}`;
}

/**
 * A number in the cell's number format, as far as an action register uses them:
 * General (as written, without binary noise such as 0.30000000000000004), text
 * ("@"), fixed decimals ("0.00"), thousands ("#,##0"), percentages ("0%") and a
 * currency sign (£, $, €). Anything fancier falls back to General.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  // "[$£-809]#,##0.00" names its symbol in brackets; "[$-809]" only a locale; "[Red]" a colour.
  const section = ((numFmt ?? '').split(';')[0] ?? '')
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '');
  const currency = /[£$€]/.exec(section)?.[0] ?? '';
  // Quoted text ("£"), escaped characters (\£) and padding (_)) carry no digits' rules.
  const format = section.replace(/"[^"]*"/g, '').replace(/[\\_]./g, '');
  if (!/[0#]/.test(format)) return general(value);
  const fraction = (/\.([0#]+)/.exec(format)?.[1] ?? '').slice(0, 20);
  const percent = format.includes('%');
  const shown = Math.abs(percent ? value * 100 : value).toLocaleString('en-GB', {
    minimumFractionDigits: fraction.replace(/#/g, '').length,
    maximumFractionDigits: fraction.length,
    useGrouping: /[0#],[0#]/.test(format),
  });
  const sign = value < 0 && /[1-9]/.test(shown) ? '-' : '';
  return `${sign}${currency}${shown}${percent ? '%' : ''}`;
}

function general(value: number): string {
  return String(Number(value.toPrecision(15)));
}
