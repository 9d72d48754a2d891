import {
  formatDate,
  isIsoDate,
  lastDayOfMonth,
  londonDate,
  monthNumber,
  parseIsoInstant,
  type DatePrecision,
  type IsoDate,
} from '../dates';
import { quote, type CellProblem } from './problems';

export interface ImportDate {
  date: IsoDate;
  precision: DatePrecision;
}

/** A due date as read from a timescale cell: a month means its last day, as parseDueDate reads it. */
export interface ImportDue {
  date: IsoDate | null;
  precision: DatePrecision;
  /** A second date in the same cell ("March 2020 and July 2020"), kept for a milestone. */
  also?: ImportDate;
}

type Mention = { start: number; end: number } & (
  { ok: true; value: ImportDate } | { ok: false; why: string }
);

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * Each pattern finds mentions of a date anywhere in a cell; overlaps go to the one
 * that starts first, then the longest. Gaps are bounded ({0,3}) so that a cell of
 * 10,000 spaces cannot make a pattern backtrack for ever.
 */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Read }[] = [
  {
    // 2020-01-31, or an instant a spreadsheet reader wrote: the date on London's clocks.
    re: /\b(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?!\d)/g,
    read: (m) => {
      const instant = m[4] ? parseIsoInstant(m[0]) : null;
      if (instant) return { ok: true, value: { date: londonDate(instant), precision: 'day' } };
      return day(Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
    },
  },
  {
    // British: 31/01/2020, 31.1.20, 31-01-2020.
    re: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-]\d)/g,
    read: (m) => day(year(m[3] ?? ''), Number(m[2]), Number(m[1]), m[0], true),
  },
  {
    // 12 January 2020, 12th Jan 20, 15 th January 2021, 1st of March 2021, 12-Jan-20.
    re: /\b(\d{1,2})\s{0,2}(?:st|nd|rd|th)?\s{0,2}(?:of\s{1,2})?[\s/-]{0,3}([A-Za-z]{3,9})\.?[\s,/-]{0,3}['’]?(\d{4}|\d{2})(?![\d/])/gi,
    read: (m) => {
      const month = monthNumber(m[2] ?? '');
      if (month === null) return null;
      return day(year(m[3] ?? ''), month, Number(m[1]), m[0]);
    },
  },
  {
    // Dec 2019, Sept 19, September 2019, Dec-19, March '20.
    re: /\b([A-Za-z]{3,9})\.?[\s,/-]{0,3}['’]?(\d{4}|\d{2})(?![\d/])/gi,
    read: (m) => {
      const month = monthNumber(m[1] ?? '');
      if (month === null) return null;
      return monthOf(year(m[2] ?? ''), month, m[0]);
    },
  },
  {
    // 03/2020: a month.
    re: /\b(\d{1,2})\/(\d{4})(?![\d/])/g,
    read: (m) => monthOf(Number(m[2]), Number(m[1]), m[0]),
  },
];

type Read = { ok: true; value: ImportDate } | { ok: false; why: string } | null;

function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function checkYear(y: number, written: string): string | null {
  return y < MIN_YEAR || y > MAX_YEAR ? `${quote(written)} has the year ${y}, which looks mistyped` : null;
}

function day(y: number, month: number, d: number, written: string, numeric = false): Read {
  const bad = checkYear(y, written);
  if (bad) return { ok: false, why: bad };
  const date = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (isIsoDate(date)) return { ok: true, value: { date, precision: 'day' } };
  const hint = numeric ? ' (dates are read day first, as 31/12/2019)' : '';
  return { ok: false, why: `${quote(written)} is not a real date${hint}` };
}

function monthOf(y: number, month: number, written: string): Read {
  const bad = checkYear(y, written);
  if (bad) return { ok: false, why: bad };
  if (month < 1 || month > 12) return { ok: false, why: `${quote(written)} is not a real month` };
  return { ok: true, value: { date: lastDayOfMonth(y, month), precision: 'month' } };
}

function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const result = read(m);
      if (result) found.push({ start: m.index, end: m.index + m[0].length, ...result });
      else re.lastIndex = m.index + 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of found) {
    const last = kept.at(-1);
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}

/** Words around a date that do not change what it means: "By end of March 2020". */
const FILLER = new Set([
  'by',
  'end',
  'the',
  'of',
  'due',
  'deadline',
  'target',
  'date',
  'on',
  'before',
  'and',
  'to',
  'or',
  'in',
  'w',
  'c',
  'wc',
]);

/** A cell with a thousand dates that are not real is one cell to fix: each distinct one is named up to this many. */
const MAX_INVALID_NAMED = 3;

/** The timescale cell read as a due date, with what a person should check. */
export function readTimescale(text: string): { due: ImportDue; problems: CellProblem[] } {
  const value = text.trim();
  const problems: CellProblem[] = [];
  if (value === '') return { due: { date: null, precision: 'day' }, problems };
  const found = mentions(value);
  const invalid = [...new Set(found.flatMap((m) => (m.ok ? [] : [m.why])))];
  for (const why of invalid.slice(0, MAX_INVALID_NAMED))
    problems.push({ severity: 'error', code: 'due-invalid', message: why });
  if (invalid.length > MAX_INVALID_NAMED)
    problems.push({
      severity: 'error',
      code: 'due-invalid',
      message: `${invalid.length - MAX_INVALID_NAMED} more dates in this cell cannot be read either`,
    });
  const dates = found.flatMap((m) => (m.ok ? [m.value] : []));
  const [first, second] = dates;
  if (!first) {
    if (found.length === 0)
      problems.push({
        severity: 'warning',
        code: 'due-not-a-date',
        message: `${quote(value)} is not a date: the action will have no due date (write one such as Dec 2019 or 31/12/2019)`,
      });
    return { due: { date: null, precision: 'day' }, problems };
  }
  const due: ImportDue = { date: first.date, precision: first.precision };
  if (second) {
    due.also = second;
    const more = dates.length > 2 ? ` (${dates.length - 2} more not kept)` : '';
    problems.push({
      severity: 'warning',
      code: 'due-two-dates',
      message: `Two dates in one cell: ${show(first)} is taken as the due date and ${show(second)} kept as a second date${more}`,
    });
  } else if (found.length === 1 && isSentence(value, found)) {
    problems.push({
      severity: 'warning',
      code: 'due-from-sentence',
      message: `Due date ${show(first)} read from ${quote(value)}: check it`,
    });
  }
  return { due, problems };
}

function isSentence(value: string, found: readonly Mention[]): boolean {
  let rest = '';
  let at = 0;
  for (const m of found) {
    rest += ` ${value.slice(at, m.start)}`;
    at = m.end;
  }
  rest += ` ${value.slice(at)}`;
  return rest
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => w !== '' && !FILLER.has(w));
}

function show(d: ImportDate): string {
  return formatDate(d.date, d.precision);
}
