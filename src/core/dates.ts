/**
 * Deadlines written in any of the forms planners use, turned into a comparable period.
 *
 * A deadline is compared by the last day of the period it names: "Q2 2027" is done by
 * 2027-06-30, "FY27" by the end of that fiscal year. When the year is left out ("end of Q2",
 * "by March") the plan year is assumed and the assumption is returned with the date, so a
 * report can say what it read.
 *
 * Fiscal years are named by the calendar year they end in (FY27 with an April start runs
 * April 2026 to March 2027); quarters and halves count from the fiscal year start. With the
 * default January start, fiscal and calendar years coincide.
 */
import type { CellValue } from './snapshot';
import { isDateValue } from './snapshot';

export interface DateOptions {
  /** Year assumed when a date leaves it out. Default: the reference date's year. */
  planYear?: number;
  /** First month of the fiscal year, 1–12. Default 1 (January). */
  fiscalYearStart?: number;
  /** `YYYY-MM-DD` that relative windows ("within 18 months") count from. Default: today. */
  referenceDate?: string;
}

export type PeriodKind = 'date' | 'month' | 'quarter' | 'half' | 'fiscal-year' | 'year' | 'relative';

export interface ResolvedDate {
  /** The words the date was read from. */
  text: string;
  kind: PeriodKind;
  /** First and last day of the period, `YYYY-MM-DD`. Comparisons use `end`. */
  start: string;
  end: string;
  /** Set when something was assumed (the year, the reference date), in words for a report. */
  assumed?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  'thirty-six': 36,
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Months counted from 1 may run past 12 or below 1; normalise to a year and month. */
function addMonths(y: number, m: number, add: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + add;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

function fullYear(s: string): number {
  const n = Number(s.replace(/^'/, ''));
  return n < 100 ? 2000 + n : n;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Ctx {
  planYear: number;
  fyStart: number;
  reference: string;
  referenceGiven: boolean;
}

function context(opts: DateOptions = {}): Ctx {
  const reference = opts.referenceDate ?? todayIso();
  const fyStart =
    opts.fiscalYearStart && opts.fiscalYearStart >= 1 && opts.fiscalYearStart <= 12
      ? Math.floor(opts.fiscalYearStart)
      : 1;
  return {
    planYear: opts.planYear ?? Number(reference.slice(0, 4)),
    fyStart,
    reference,
    referenceGiven: opts.referenceDate !== undefined,
  };
}

/** The fiscal year named `fy` (by the calendar year it ends in) starts in this year and month. */
function fiscalStart(fy: number, ctx: Ctx): { y: number; m: number } {
  return ctx.fyStart === 1 ? { y: fy, m: 1 } : { y: fy - 1, m: ctx.fyStart };
}

function monthSpan(y: number, m: number, months: number): { start: string; end: string } {
  const last = addMonths(y, m, months - 1);
  return { start: iso(y, m, 1), end: iso(last.y, last.m, daysInMonth(last.y, last.m)) };
}

function fiscalPeriod(fy: number, firstMonthOffset: number, months: number, ctx: Ctx): { start: string; end: string } {
  const s = fiscalStart(fy, ctx);
  const first = addMonths(s.y, s.m, firstMonthOffset);
  return monthSpan(first.y, first.m, months);
}

function yearLabel(ctx: Ctx): string {
  return ctx.fyStart === 1 ? String(ctx.planYear) : `FY${ctx.planYear}`;
}

interface Candidate extends ResolvedDate {
  at: number;
  length: number;
}

type Matcher = (m: RegExpExecArray, ctx: Ctx, whole: boolean) => Omit<ResolvedDate, 'text'> | null;

/** A cue that a following month name or bare year is a date, not a word ("may") or a number. */
const CUE = String.raw`(?:\b(?:by|in|until|till|through|thru|before|due|from|for|during|end(?:\s+of)?(?:\s+the)?|close\s+of|mid|early|late|ye)[\s-]+)`;

const MATCHERS: { re: RegExp; fn: Matcher }[] = [
  {
    // 2027-06-30
    re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/gi,
    fn: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validDay(y, mo, d) ? { kind: 'date', start: iso(y, mo, d), end: iso(y, mo, d) } : null;
    },
  },
  {
    // 30/06/2027 or 06/30/2027 (day first unless that is impossible), also with dots.
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/gi,
    fn: (m) => {
      const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
      const [d, mo] = b > 12 && a <= 12 ? [b, a] : [a, b];
      if (!validDay(y, mo, d)) return null;
      const ambiguous = a <= 12 && b <= 12 && a !== b;
      return {
        kind: 'date',
        start: iso(y, mo, d),
        end: iso(y, mo, d),
        assumed: ambiguous ? `"${m[0]}" read day first, as ${d} ${MONTH_NAMES[mo - 1]} ${y}` : undefined,
      };
    },
  },
  {
    // 30 June 2027, 30th of June, 30 Jun '27
    re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s*('?\d{4}|'\d{2}))?`, 'gi'),
    fn: (m, ctx) => dayMonth(Number(m[1]), m[2], m[3], ctx, m[0]),
  },
  {
    // June 30 2027, June 30th, 2027
    re: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?!\s*%)(?:,?\s*('?\d{4}|'\d{2}))?`, 'gi'),
    fn: (m, ctx) => dayMonth(Number(m[2]), m[1], m[3], ctx, m[0]),
  },
  {
    // 2027 Q2, FY27 Q2, FY2027-H1 (the year first; a two-digit year needs FY)
    re: /\b(?:FY\s*'?(\d{4}|\d{2})|(\d{4}))\s*[-/ ]?\s*([QH])([1-4])\b/gi,
    fn: (m, ctx) => {
      const kind = m[3].toUpperCase() === 'Q' ? 'quarter' : 'half';
      const n = Number(m[4]);
      if (kind === 'half' && n > 2) return null;
      return quarterOrHalf(kind, n, m[1] ?? m[2], ctx, m[0]);
    },
  },
  {
    // Q2 2027, Q2 FY27, Q2'27, Q2-2027, end of Q2
    re: /\bQ([1-4])(?:(?:\s*|\s*[-/']\s*)(?:FY\s*)?('?\d{4}|'?\d{2})(?!\d))?\b/gi,
    fn: (m, ctx) => quarterOrHalf('quarter', Number(m[1]), m[2], ctx, m[0]),
  },
  {
    re: /\bH([12])(?:(?:\s*|\s*[-/']\s*)(?:FY\s*)?('?\d{4}|'?\d{2})(?!\d))?\b/gi,
    fn: (m, ctx) => quarterOrHalf('half', Number(m[1]), m[2], ctx, m[0]),
  },
  {
    // FY27, FY 2027, FY'27
    re: /\bFY\s*'?(\d{4}|\d{2})\b/gi,
    fn: (m, ctx) => ({ kind: 'fiscal-year', ...fiscalPeriod(fullYear(m[1]), 0, 12, ctx) }),
  },
  {
    // March 2027, by March, end of March ('may' and 'march' need a year or a cue)
    re: new RegExp(String.raw`(${CUE})?\b${MONTH}\b\.?(?:,?\s*('?\d{4}|'\d{2})(?!\d))?`, 'gi'),
    fn: (m, ctx, whole) => {
      const month = MONTHS[m[2].toLowerCase()];
      if (!m[3] && !m[1] && !whole) return null;
      const y = m[3] ? fullYear(m[3]) : ctx.planYear;
      return {
        kind: 'month',
        ...monthSpan(y, month, 1),
        assumed: m[3]
          ? undefined
          : `"${m[0].trim()}" has no year; read as ${MONTH_NAMES[month - 1]} ${y}, the plan year`,
      };
    },
  },
  {
    // mid-2027, early 2027, late 2027
    re: /\b(early|mid|late)[\s-]+(\d{4})\b/gi,
    fn: (m) => {
      const y = Number(m[2]);
      const end = { early: 3, mid: 6, late: 12 }[m[1].toLowerCase() as 'early' | 'mid' | 'late'];
      return { kind: 'month', start: iso(y, end === 12 ? 10 : end - 2, 1), end: iso(y, end, daysInMonth(y, end)) };
    },
  },
  {
    // by 2027, end of 2027, in 2027 (a bare year needs a cue, or the whole value to be a year)
    re: new RegExp(String.raw`(${CUE})?\b((?:19|20)\d{2})\b(?!\s*(?:baseline|levels?|figures?|actuals?))`, 'gi'),
    fn: (m, _ctx, whole) => {
      if (!m[1] && !whole) return null;
      if (m[1] && /from/i.test(m[1])) return null; // "from 2023" is a baseline
      const y = Number(m[2]);
      return { kind: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) };
    },
  },
  {
    // end of the year, year-end, this year, next year, this quarter, next quarter
    re: /\b(?:(?:by\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(this|next|the)\s+(fiscal\s+year|year|quarter|half)|year[\s-]end|end[\s-]of[\s-]year|eoy)\b/gi,
    fn: (m, ctx) => relativeNamed(m, ctx),
  },
  {
    // within 18 months, in the next 6 weeks, over the next two years (not "within 24 hours of")
    re: /\b(?:within|in|over)\s+(?:the\s+)?(?:next\s+)?(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(day|week|month|year)s?\b(?!\s+(?:of|after|from)\b)/gi,
    fn: (m, ctx) => {
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
      if (!n) return null;
      const unit = m[2].toLowerCase();
      const ref = new Date(`${ctx.reference}T00:00:00Z`);
      const end = new Date(ref.getTime());
      if (unit === 'day') end.setUTCDate(end.getUTCDate() + n);
      else if (unit === 'week') end.setUTCDate(end.getUTCDate() + 7 * n);
      else end.setUTCMonth(end.getUTCMonth() + (unit === 'month' ? n : 12 * n));
      return {
        kind: 'relative',
        start: ctx.reference,
        end: end.toISOString().slice(0, 10),
        assumed: `"${m[0]}" counted from ${ctx.reference}${ctx.referenceGiven ? '' : ' (today)'}`,
      };
    },
  },
];

function dayMonth(
  day: number,
  monthName: string,
  year: string | undefined,
  ctx: Ctx,
  text: string,
): Omit<ResolvedDate, 'text'> | null {
  const mo = MONTHS[monthName.toLowerCase()];
  const y = year ? fullYear(year) : ctx.planYear;
  if (!validDay(y, mo, day)) return null;
  return {
    kind: 'date',
    start: iso(y, mo, day),
    end: iso(y, mo, day),
    assumed: year
      ? undefined
      : `"${text.trim()}" has no year; read as ${day} ${MONTH_NAMES[mo - 1]} ${y}, the plan year`,
  };
}

function quarterOrHalf(
  kind: 'quarter' | 'half',
  n: number,
  year: string | undefined,
  ctx: Ctx,
  text: string,
): Omit<ResolvedDate, 'text'> {
  const fy = year ? fullYear(year) : ctx.planYear;
  const months = kind === 'quarter' ? 3 : 6;
  return {
    kind,
    ...fiscalPeriod(fy, (n - 1) * months, months, ctx),
    assumed: year
      ? undefined
      : `"${text.trim()}" has no year; read as ${kind === 'quarter' ? 'Q' : 'H'}${n} ${yearLabel(ctx)}, the plan year`,
  };
}

function relativeNamed(m: RegExpExecArray, ctx: Ctx): Omit<ResolvedDate, 'text'> | null {
  const which = (m[1] ?? 'the').toLowerCase();
  const unit = (m[2] ?? 'year').toLowerCase().replace(/\s+/g, ' ');
  const refY = Number(ctx.reference.slice(0, 4));
  const refM = Number(ctx.reference.slice(5, 7));
  // The fiscal year that contains the reference date (named by the year it ends in).
  const refFy = ctx.fyStart === 1 || refM < ctx.fyStart ? refY : refY + 1;
  if (unit === 'year' || unit === 'fiscal year') {
    if (which === 'the') {
      return {
        kind: 'year',
        ...fiscalPeriod(ctx.planYear, 0, 12, ctx),
        assumed: `"${m[0].trim()}" read as the end of ${yearLabel(ctx)}, the plan year`,
      };
    }
    const fy = which === 'next' ? refFy + 1 : refFy;
    return {
      kind: 'relative',
      ...fiscalPeriod(fy, 0, 12, ctx),
      assumed: `"${m[0].trim()}" counted from ${ctx.reference}${ctx.referenceGiven ? '' : ' (today)'}`,
    };
  }
  if (which === 'the') return null; // "the quarter" alone says nothing
  const months = unit === 'quarter' ? 3 : 6;
  const s = fiscalStart(refFy, ctx);
  const sinceStart = refY * 12 + refM - (s.y * 12 + s.m);
  const index = Math.floor(sinceStart / months) + (which === 'next' ? 1 : 0);
  return {
    kind: 'relative',
    ...fiscalPeriod(refFy, index * months, months, ctx),
    assumed: `"${m[0].trim()}" counted from ${ctx.reference}${ctx.referenceGiven ? '' : ' (today)'}`,
  };
}

function candidates(text: string, ctx: Ctx): Candidate[] {
  // Nothing to find without a digit or a letter run long enough for a month or a cue.
  if (!/\d|[a-z]{3}/i.test(text)) return [];
  const whole = text.trim();
  const bare = whole.replace(/^(?:by|due|end of|before|until)\s+/i, '');
  // Spans already read, so a later (looser) pattern does not read the same words again.
  const taken: [number, number][] = [];
  const out: Candidate[] = [];
  for (const { re, fn } of MATCHERS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const at = m.index;
      const end = at + m[0].length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      const r = fn(m, ctx, m[0].trim().length >= bare.length);
      if (!r) continue;
      taken.push([at, end]);
      out.push({ ...r, text: m[0].trim(), at, length: m[0].length });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Every date written in the text, in order. */
export function findDates(text: string, opts?: DateOptions): ResolvedDate[] {
  return candidates(text, context(opts)).map(({ at: _at, length: _length, ...d }) => d);
}

/** A date given before the period it closes ("before March 2027") ends the day before. */
function applyBefore(text: string, d: Candidate): ResolvedDate {
  const before = /\bbefore\s*$/i.test(text.slice(Math.max(0, d.at - 10), d.at)) || /^before\b/i.test(d.text);
  const { at: _at, length: _length, ...rest } = d;
  if (!before) return rest;
  const day = new Date(`${d.start}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return { ...rest, end: day.toISOString().slice(0, 10) };
}

/**
 * The deadline a text commits to: the latest date it names (a cell that promises a pilot in Q1
 * and the roll-out by Q3 is done in Q3). Null when it names none.
 */
export function parseDeadline(text: string, opts?: DateOptions): ResolvedDate | null {
  const found = candidates(text, context(opts));
  if (found.length === 0) return null;
  let best = applyBefore(text, found[0]);
  for (const c of found.slice(1)) {
    const d = applyBefore(text, c);
    if (d.end > best.end) best = d;
  }
  return best;
}

/** A deadline from a cell value: a real date cell, an Excel serial in a date column, or text. */
export function resolveDeadlineValue(value: CellValue, opts?: DateOptions): ResolvedDate | null {
  if (value === null || typeof value === 'boolean') return null;
  if (isDateValue(value)) return { text: value.date, kind: 'date', start: value.date, end: value.date };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) {
      return { text: String(value), kind: 'year', start: iso(value, 1, 1), end: iso(value, 12, 31) };
    }
    // An Excel serial date (1 = 1900-01-01, with Excel's 1900 leap-year quirk).
    if (value > 20000 && value < 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000).toISOString().slice(0, 10);
      return { text: d, kind: 'date', start: d, end: d };
    }
    return null;
  }
  if (typeof value === 'string') return parseDeadline(value, opts);
  return null;
}

/**
 * The plan year: the year written most often in explicit dates across the texts (ties go to the
 * earlier year), or null when none names a year.
 */
export function inferPlanYear(texts: Iterable<string>): number | null {
  const counts = new Map<number, number>();
  const noAssume: DateOptions = { planYear: -1, referenceDate: '1900-01-01' };
  for (const t of texts) {
    if (!t || !/\d{2}/.test(t)) continue;
    for (const d of findDates(t, noAssume)) {
      if (d.assumed || d.kind === 'relative') continue;
      const y = Number(d.end.slice(0, 4));
      if (y < 1950 || y > 2200) continue;
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y < best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}

/** Negative when `a` is due before `b`, by the last day of each period. */
export function compareDeadlines(a: ResolvedDate, b: ResolvedDate): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : 0;
}

/** A period for messages: the text as written, with the date it was read as when they differ. */
export function describeDate(d: ResolvedDate): string {
  return d.text === d.end ? d.text : `${d.text} (${d.end})`;
}
