import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { raiseIf } from './raise.js';
import { isDateType } from '../ir/types.js';
import type { FuncExpr } from '../ir/expr.js';
import { cond, letIn, notNull, shared, type Mql } from './mql.js';
import { lowerToCharNumber } from './lower-to-char-number.js';
import { timePart } from './lower-time.js';

/**
 * DATE_TRUNC, EXTRACT/DATE_PART and TO_CHAR over BSON dates (UTC). PostgreSQL's
 * week starts on Monday and its `dow` counts Sunday as 0; MongoDB's `$dayOfWeek`
 * counts Sunday as 1.
 */
const TRUNC_UNITS: Record<string, string> = {
  millisecond: 'millisecond', milliseconds: 'millisecond', second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute',
  hour: 'hour', hours: 'hour', day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month',
  quarter: 'quarter', year: 'year', years: 'year',
};

export function lowerDateTrunc([, date]: Mql[], f: FuncExpr): Mql {
  const unitArg = f.args[0];
  const unit = unitArg.kind === 'literal' && typeof unitArg.value === 'string' ? TRUNC_UNITS[unitArg.value] : undefined;
  if (!unit) {
    throw new SqlEtlError('invalid-argument', 'lower', `unit "${unitArg.kind === 'literal' ? String(unitArg.value) : '?'}" not supported by date_trunc`, { span: unitArg.span });
  }
  return truncateDate(date, unit);
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const MONDAY_1970 = 4 * DAY_MS; // 1970-01-05, the first Monday after the epoch

/**
 * A UTC date truncated to `unit` (PostgreSQL's weeks start on Monday). Days and weeks
 * are computed from milliseconds (the date minus its time within the day or week)
 * instead of `$dateTrunc`, which DocumentDB (Azure Cosmos DB vCore, FerretDB 2) gets
 * wrong for these units (a day or a week early for most dates); the result is the
 * same on MongoDB, and NULL stays NULL.
 */
export function truncateDate(date: Mql, unit: string): Mql {
  if (unit !== 'day' && unit !== 'week') return { $dateTrunc: { date, unit } };
  const [period, offset] = unit === 'day' ? [DAY_MS, 0] : [WEEK_MS, MONDAY_1970];
  return shared([date], ([d]) => {
    const since = offset ? { $subtract: [{ $toLong: d }, offset] } : { $toLong: d };
    // a modulo that is never negative, for dates before 1970
    const within = { $mod: [{ $add: [{ $mod: [since, period] }, period] }, period] };
    return { $subtract: [d, within] };
  });
}

export function lowerDatePart([, value]: Mql[], f: FuncExpr, result: 'numeric' | 'float'): Mql {
  return shared([value], ([source]) => datePart(source, f, result));
}

/**
 * PostgreSQL's spellings of the units (its deltatktbl, read as it reads them: in lower
 * case, cut to 10 characters) → the unit's one name here.
 */
const UNIT_SPELLINGS: Record<string, string> = {
  y: 'year', year: 'year', years: 'year', yr: 'year', yrs: 'year',
  mon: 'month', mons: 'month', month: 'month', months: 'month',
  d: 'day', day: 'day', days: 'day',
  h: 'hour', hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  m: 'minute', min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  s: 'second', sec: 'second', secs: 'second', second: 'second', seconds: 'second',
  ms: 'milliseconds', msec: 'milliseconds', msecs: 'milliseconds', msecond: 'milliseconds', mseconds: 'milliseconds', millisecon: 'milliseconds',
  us: 'microseconds', usec: 'microseconds', usecs: 'microseconds', usecond: 'microseconds', useconds: 'microseconds', microsecon: 'microseconds',
  w: 'week', week: 'week', weeks: 'week',
  qtr: 'quarter', quarter: 'quarter',
  dec: 'decade', decs: 'decade', decade: 'decade', decades: 'decade',
  c: 'century', cent: 'century', century: 'century', centuries: 'century',
  mil: 'millennium', mils: 'millennium', millennia: 'millennium', millennium: 'millennium',
  dow: 'dow', isodow: 'isodow', doy: 'doy', isoyear: 'isoyear', epoch: 'epoch', julian: 'julian',
};

function datePart(source: Mql, f: FuncExpr, result: 'numeric' | 'float'): Mql {
  const fieldArg = f.args[0];
  const written = fieldArg.kind === 'literal' && typeof fieldArg.value === 'string' ? fieldArg.value : '';
  const field = UNIT_SPELLINGS[written.toLowerCase().slice(0, 10)] ?? written;
  void result;
  const src = f.args[1];
  let body: Mql;
  if (src.type === 'time') return timePart(source, field, written, fieldArg.span);
  if (src.type === 'interval') {
    // only a difference of two timestamps is known to be justified (its days carried out
    // of the hours, one sign): a sum or a multiple of differences keeps PostgreSQL's days and
    // hours apart (`2 days 24:00:00`), which its milliseconds no longer tell
    const difference = src.kind === 'arith' && src.op === '-' && isDateType(src.left.type) && isDateType(src.right.type);
    if (field !== 'epoch' && !difference) throw unsupported('lower', `EXTRACT(${field} FROM interval) other than of the difference of two timestamps`, fieldArg.span);
    body = intervalPart(source, field, fieldArg.span);
  } else {
    const d = source;
    const parts: Record<string, Mql> = {
      year: { $year: d },
      month: { $month: d },
      day: { $dayOfMonth: d },
      hour: { $hour: d },
      minute: { $minute: d },
      second: { $add: [{ $second: d }, { $divide: [{ $millisecond: d }, 1000] }] },
      milliseconds: { $add: [{ $multiply: [{ $second: d }, 1000] }, { $millisecond: d }] },
      microseconds: { $multiply: [{ $add: [{ $multiply: [{ $second: d }, 1000] }, { $millisecond: d }] }, 1000] },
      dow: { $subtract: [{ $dayOfWeek: d }, 1] },
      isodow: { $isoDayOfWeek: d },
      doy: { $dayOfYear: d },
      week: { $isoWeek: d },
      isoyear: { $isoWeekYear: d },
      quarter: { $ceil: { $divide: [{ $month: d }, 3] } },
      decade: { $floor: { $divide: [{ $year: d }, 10] } },
      century: { $ceil: { $divide: [{ $year: d }, 100] } },
      millennium: { $ceil: { $divide: [{ $year: d }, 1000] } },
      epoch: { $divide: [{ $toLong: d }, 1000] },
      // the Julian day with the time as a fraction of the day (1970-01-01 is day 2440588)
      julian: { $add: [{ $divide: [{ $toLong: d }, DAY_MS] }, 2_440_588] },
    };
    body = parts[field];
    if (body === undefined) throw new SqlEtlError('invalid-argument', 'lower', `unit "${written}" not supported by EXTRACT`, { span: fieldArg.span });
  }
  // no NULL guard: a null or missing date makes every part null. The date-part
  // operators return null for a nullish date (MongoDB's DateExpressionAcceptingTimeZone;
  // the embedded engine's src/engine/mingo-date-parts.ts does the same), and so do the
  // arithmetic around them: $add/$subtract/$multiply/$divide of null are null (the
  // server's arithmetic expressions), $ceil/$floor of null or missing are null (their
  // documented "Behavior"), $toLong of null is null ($convert's onNull default)
  return body;
}

/**
 * A part of the difference of two timestamps, carried as milliseconds: PostgreSQL's
 * interval has no months then, its whole days are carried out of the hours and every
 * part shares the difference's sign (`-1 days -02:00:00`: day -1, hour -2).
 */
function intervalPart(ms: Mql, field: string, span: SourceSpan | undefined): Mql {
  const within = (unit: number, of: number) => ({ $trunc: [{ $divide: [{ $mod: [ms, of] }, unit] }, 0] });
  const parts: Record<string, Mql> = {
    epoch: { $divide: [ms, 1000] },
    day: { $trunc: [{ $divide: [ms, DAY_MS] }, 0] },
    hour: within(3_600_000, DAY_MS),
    minute: within(60_000, 3_600_000),
    second: { $divide: [{ $mod: [ms, 60_000] }, 1000] },
    milliseconds: { $mod: [ms, 60_000] },
    microseconds: { $multiply: [{ $mod: [ms, 60_000] }, 1000] },
    // no months: PostgreSQL's timestamp difference has none (NULL stays NULL)
    ...Object.fromEntries(['month', 'year', 'decade', 'century', 'millennium'].map((u) => [u, { $multiply: [{ $abs: ms }, 0] }])),
    quarter: { $add: [{ $multiply: [{ $abs: ms }, 0] }, 1] },
  };
  const body = parts[field];
  if (body === undefined) throw unsupported('lower', `EXTRACT(${field} FROM interval)`, span);
  return body;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** TO_CHAR(date, 'pattern') for the common PostgreSQL template patterns; numbers in lower-to-char-number.ts. */
export function lowerToChar([date]: Mql[], f: FuncExpr): Mql {
  const fmtArg = f.args[1];
  if (fmtArg.kind !== 'literal' || typeof fmtArg.value !== 'string') throw unsupported('lower', 'to_char with a non-constant format', fmtArg.span);
  const argType = f.args[0].type;
  if (argType === 'int' || argType === 'numeric' || argType === 'float') return lowerToCharNumber(date, f, argType);
  if (argType !== 'date' && argType !== 'timestamp' && argType !== 'unknown') {
    throw unsupported('lower', `to_char of ${f.args[0].type}`, f.span);
  }
  if (argType === 'unknown') return untypedToChar(date, f);
  return dateToChar(date, f);
}

/**
 * to_char of a value whose type is known only at run time (no declared column): a
 * number is formatted as a numeric, anything else as a date. Each branch reads a safe
 * stand-in for the other kind (DocumentDB evaluates both branches of a $cond); a
 * template that cannot format numbers fails the statement for numbers only.
 */
function untypedToChar(value: Mql, f: FuncExpr): Mql {
  const isNumber = { $isNumber: value };
  let asNumber: Mql;
  try {
    asNumber = lowerToCharNumber(cond(isNumber, value, 0), f, 'numeric');
  } catch (e) {
    if (!(e instanceof SqlEtlError)) throw e;
    asNumber = raiseIf(null, isNumber, 'feature-not-supported', [`to_char of a number: ${e.message}`], f.span);
  }
  let asDate: Mql;
  try {
    asDate = dateToChar(cond(isNumber, null, value), f);
  } catch (e) {
    if (!(e instanceof SqlEtlError)) throw e;
    asDate = raiseIf(null, { $and: [{ $not: [isNumber] }, notNull(value)] }, 'feature-not-supported', [`to_char of a date: ${e.message}`], f.span);
  }
  return cond(isNumber, asNumber, asDate);
}

function dateToChar(date: Mql, f: FuncExpr): Mql {
  const fmtArg = f.args[1];
  const fmt = fmtArg.kind === 'literal' && typeof fmtArg.value === 'string' ? fmtArg.value : '';
  const parts: Mql[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push(text.startsWith('$') ? { $literal: text } : text);
    text = '';
  };
  const dts = (spec: string) => ({ $dateToString: { date, format: spec } });
  const name = (names: string[], index: Mql, form: 'full' | 'upper' | 'lower' | 'abbr' | 'ABBR' | 'abbrlower', pad: boolean) => {
    const list = names.map((n) => {
      let s = form.startsWith('abbr') || form === 'ABBR' ? n.slice(0, 3) : n;
      if (form === 'upper' || form === 'ABBR') s = s.toUpperCase();
      if (form === 'lower' || form === 'abbrlower') s = s.toLowerCase();
      return pad && !form.startsWith('abbr') && form !== 'ABBR' ? s.padEnd(9, ' ') : s;
    });
    return { $arrayElemAt: [list, index] };
  };
  const year = { $year: date };
  const hour = { $hour: date };
  const tokens: [string, (fm: boolean) => Mql][] = [
    ['YYYY', (fm) => (fm ? padded(year, 4, fm) : dts('%Y'))],
    ['Y,YYY', () => ({ $concat: [{ $toString: { $trunc: [{ $divide: [year, 1000] }, 0] } }, ',', padded({ $mod: [year, 1000] }, 3, false)] })],
    ['YYY', (fm) => padded({ $mod: [year, 1000] }, 3, fm)],
    ['YY', (fm) => (fm ? padded({ $mod: [year, 100] }, 2, fm) : { $substrCP: [dts('%Y'), 2, 2] })],
    ['Y', () => ({ $toString: { $mod: [year, 10] } })],
    // the century: years 1 to 100 are the first
    ['CC', (fm) => padded({ $trunc: [{ $divide: [{ $add: [year, 99] }, 100] }, 0] }, 2, fm)],
    ['HH24', () => dts('%H')],
    ['HH12', () => hour12(date)],
    ['MONTH', (fm) => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'upper', !fm)],
    ['Month', (fm) => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'full', !fm)],
    ['month', (fm) => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'lower', !fm)],
    ['MON', () => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'ABBR', false)],
    ['Mon', () => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'abbr', false)],
    ['mon', () => name(MONTHS, { $subtract: [{ $month: date }, 1] }, 'abbrlower', false)],
    ['DAY', (fm) => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'upper', !fm)],
    ['Day', (fm) => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'full', !fm)],
    ['day', (fm) => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'lower', !fm)],
    ['DY', () => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'ABBR', false)],
    ['Dy', () => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'abbr', false)],
    ['dy', () => name(DAYS, { $subtract: [{ $dayOfWeek: date }, 1] }, 'abbrlower', false)],
    // the month in Roman numerals, padded to 4 unless FM
    ['RM', (fm) => roman(date, 'upper', fm)],
    ['rm', (fm) => roman(date, 'lower', fm)],
    ['MM', () => dts('%m')],
    ['DDD', (fm) => padded({ $dayOfYear: date }, 3, fm)],
    ['DD', () => dts('%d')],
    ['HH', () => hour12(date)],
    ['MI', () => dts('%M')],
    ['SSSSS', () => secondsOfDay(date)],
    ['SSSS', () => secondsOfDay(date)],
    ['SS', () => dts('%S')],
    ['MS', () => dts('%L')],
    // microseconds and fractions: sqletl's timestamps hold milliseconds, the rest are zeros
    ['US', () => ({ $concat: [dts('%L'), '000'] })],
    ['FF1', () => ({ $substrCP: [dts('%L'), 0, 1] })],
    ['FF2', () => ({ $substrCP: [dts('%L'), 0, 2] })],
    ['FF3', () => dts('%L')],
    ['FF4', () => ({ $concat: [dts('%L'), '0'] })],
    ['FF5', () => ({ $concat: [dts('%L'), '00'] })],
    ['FF6', () => ({ $concat: [dts('%L'), '000'] })],
    // the week of the year (days 1–7 are week 1) and of the month
    ['WW', (fm) => padded({ $add: [{ $trunc: [{ $divide: [{ $subtract: [{ $dayOfYear: date }, 1] }, 7] }, 0] }, 1] }, 2, fm)],
    ['W', () => ({ $toString: { $add: [{ $trunc: [{ $divide: [{ $subtract: [{ $dayOfMonth: date }, 1] }, 7] }, 0] }, 1] } })],
    // the Julian day: days since 4714-11-24 BC (1970-01-01 is day 2440588)
    ['J', () => ({ $toString: { $add: [{ $toLong: { $floor: { $divide: [{ $toLong: date }, DAY_MS] } } }, 2_440_588] } })],
    // ISO 8601 week-numbering year, week, day of the week (Monday 1) and day of the year
    ['IYYY', (fm) => padded({ $isoWeekYear: date }, 4, fm)],
    ['IW', (fm) => padded({ $isoWeek: date }, 2, fm)],
    ['IDDD', (fm) => padded({ $add: [{ $multiply: [{ $subtract: [{ $isoWeek: date }, 1] }, 7] }, { $isoDayOfWeek: date }] }, 3, fm)],
    ['ID', () => ({ $toString: { $isoDayOfWeek: date } })],
    ['Q', () => ({ $toString: { $ceil: { $divide: [{ $month: date }, 3] } } })],
    ['D', () => ({ $toString: { $dayOfWeek: date } })],
    // the meridiem and the era, in the pattern's own case and dots
    ...(['AM', 'PM', 'am', 'pm', 'A.M.', 'P.M.', 'a.m.', 'p.m.'] as const).map((p): [string, () => Mql] => [p, () => cond({ $lt: [hour, 12] }, spelled('AM', p), spelled('PM', p))]),
    ...(['AD', 'BC', 'ad', 'bc', 'A.D.', 'B.C.', 'a.d.', 'b.c.'] as const).map((p): [string, () => Mql] => [p, () => cond({ $gt: [year, 0] }, spelled('AD', p), spelled('BC', p))]),
  ];
  // PostgreSQL reads the numeric patterns in lower case too (`yyyy-mm-dd`)
  for (const [t, build] of [...tokens]) if (/^[A-Z0-9,]+$/.test(t) && !['MONTH', 'MON', 'DAY', 'DY', 'RM'].includes(t)) tokens.push([t.toLowerCase(), build]);
  // the longest pattern first (`DDD` before `DD`, `SSSS` before `SS`)
  tokens.sort((a, b) => b[0].length - a[0].length);
  const at = (i: number, n: number) => (fmtArg.span ? { start: fmtArg.span.start + 1 + i, end: fmtArg.span.start + 1 + i + n } : f.span);
  let i = 0;
  while (i < fmt.length) {
    let fm = false;
    if (fmt.startsWith('FM', i) || fmt.startsWith('fm', i)) {
      fm = true;
      i += 2;
    }
    if (fmt[i] === '"') {
      // quoted text is copied; a backslash in it takes the next character as it is
      i++;
      while (i < fmt.length && fmt[i] !== '"') {
        if (fmt[i] === '\\' && i + 1 < fmt.length) i++;
        text += fmt[i];
        i++;
      }
      i++;
      continue;
    }
    if (fmt.startsWith('\\"', i)) {
      text += '"';
      i += 2;
      continue;
    }
    // PostgreSQL's longest pattern here: one sqletl does not compute is refused, never copied as text
    const pg = PG_DATE_PATTERNS.find((t) => fmt.startsWith(t, i));
    const tok = tokens.find(([t]) => fmt.startsWith(t, i));
    if (pg && (!tok || pg.length > tok[0].length)) throw unsupported('lower', `the to_char pattern ${pg}`, at(i, pg.length));
    const suffix = tok && ['TH', 'th', 'SP', 'sp'].find((s) => fmt.startsWith(s, i + tok[0].length));
    const ordinal = suffix === 'TH' || suffix === 'th';
    if (suffix && !(ordinal && NUMERIC_PATTERNS.has(tok[0].toUpperCase()))) throw unsupported('lower', `the to_char suffix ${suffix}`, at(i + tok[0].length, 2));
    if (tok) {
      flush();
      let part = tok[1](fm);
      if (fm && ['MM', 'DD', 'HH24', 'HH12', 'HH', 'MI', 'SS'].includes(tok[0].toUpperCase())) part = { $toString: { $toInt: part } };
      parts.push(ordinal ? withOrdinal(part, suffix === 'TH') : part);
      i += tok[0].length + (ordinal ? 2 : 0);
    } else {
      text += fmt[i];
      i++;
    }
  }
  flush();
  const out = parts.length === 1 ? parts[0] : { $concat: parts };
  // years before 1 AD: PostgreSQL counts them BC (0097 BC is MongoDB's year -96); not computed
  const beforeOneAD = { $and: [{ $ne: [{ $ifNull: [date, null] }, null] }, { $lt: [{ $year: { $ifNull: [date, new Date(0)] } }, 1] }] };
  return raiseIf(out, beforeOneAD, 'feature-not-supported', ['to_char of a date before 1 AD (a BC year) is not supported yet'], f.span);
}

/**
 * PostgreSQL's to_char template patterns (formatting.c's keywords, and the FX/TM
 * prefixes), longest first: the ones `lowerToChar` does not compute are refused.
 */
export const PG_DATE_PATTERNS = [
  'A.D.', 'A.M.', 'AD', 'AM', 'B.C.', 'BC', 'CC', 'DAY', 'DDD', 'DD', 'DY', 'Day', 'Dy', 'D', 'FF1', 'FF2', 'FF3', 'FF4', 'FF5', 'FF6', 'FX',
  'HH24', 'HH12', 'HH', 'IDDD', 'ID', 'IW', 'IYYY', 'IYY', 'IY', 'I', 'J', 'MI', 'MM', 'MONTH', 'MON', 'MS', 'Month', 'Mon', 'OF',
  'P.M.', 'PM', 'Q', 'RM', 'SSSSS', 'SSSS', 'SS', 'TZH', 'TZM', 'TZ', 'TM', 'US', 'WW', 'W', 'Y,YYY', 'YYYY', 'YYY', 'YY', 'Y',
  'a.d.', 'a.m.', 'ad', 'am', 'b.c.', 'bc', 'cc', 'day', 'ddd', 'dd', 'dy', 'd', 'ff1', 'ff2', 'ff3', 'ff4', 'ff5', 'ff6', 'fx',
  'hh24', 'hh12', 'hh', 'iddd', 'id', 'iw', 'iyyy', 'iyy', 'iy', 'i', 'j', 'mi', 'mm', 'month', 'mon', 'ms', 'of',
  'p.m.', 'pm', 'q', 'rm', 'sssss', 'ssss', 'ss', 'tz', 'us', 'ww', 'w', 'y,yyy', 'yyyy', 'yyy', 'yy', 'y',
].sort((a, b) => b.length - a.length);

/** The patterns that print a number: TH/th may follow them. */
const NUMERIC_PATTERNS = new Set([
  'YYYY', 'Y,YYY', 'YYY', 'YY', 'Y', 'CC', 'HH24', 'HH12', 'HH', 'MM', 'DDD', 'DD', 'MI', 'SSSSS', 'SSSS', 'SS', 'MS', 'US',
  'FF1', 'FF2', 'FF3', 'FF4', 'FF5', 'FF6', 'WW', 'W', 'J', 'IYYY', 'IW', 'IDDD', 'ID', 'Q', 'D',
]);

/** A non-negative integer as text, zero-padded to `width` unless FM. */
function padded(n: Mql, width: number, fm: boolean): Mql {
  // a NULL date reads '', and no length is negative: DocumentDB evaluates both branches of a $cond
  const text = { $ifNull: [{ $toString: { $toLong: n } }, ''] };
  if (fm) return text;
  return letIn({ t: text }, cond({ $gte: [{ $strLenCP: '$$t' }, width] }, '$$t', { $concat: [{ $substrCP: ['0'.repeat(width), 0, { $max: [0, { $subtract: [width, { $strLenCP: '$$t' }] }] }] }, '$$t'] }));
}

/** `AM` or `PM` (`AD`, `BC`) spelled as the pattern is: `am`, `A.M.`, `a.m.`. */
function spelled(word: string, pattern: string): string {
  const lower = pattern === pattern.toLowerCase();
  const text = pattern.includes('.') ? `${word[0]}.${word[1]}.` : word;
  return lower ? text.toLowerCase() : text;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
function roman(date: Mql, form: 'upper' | 'lower', fm: boolean): Mql {
  const names = ROMAN.map((r) => (form === 'lower' ? r.toLowerCase() : r)).map((r) => (fm ? r : r.padEnd(4, ' ')));
  return { $arrayElemAt: [names, { $subtract: [{ $month: date }, 1] }] };
}

function secondsOfDay(date: Mql): Mql {
  return { $toString: { $add: [{ $multiply: [{ $hour: date }, 3600] }, { $multiply: [{ $minute: date }, 60] }, { $second: date }] } };
}

/**
 * A number's text with its English ordinal suffix, as PostgreSQL's TH/th: by the last
 * digit (1st, 2nd, 3rd), except after a 1 in the tens (11th, 12th, 13th).
 */
function withOrdinal(text: Mql, upper: boolean): Mql {
  const [st, nd, rd, th] = upper ? ['ST', 'ND', 'RD', 'TH'] : ['st', 'nd', 'rd', 'th'];
  const last = { $substrCP: ['$$n', { $max: [0, { $subtract: [{ $strLenCP: '$$n' }, 1] }] }, 1] };
  const tens = cond({ $gt: [{ $strLenCP: '$$n' }, 1] }, { $substrCP: ['$$n', { $max: [0, { $subtract: [{ $strLenCP: '$$n' }, 2] }] }, 1] }, '');
  const suffix = cond({ $eq: [tens, '1'] }, th, { $switch: { branches: [{ case: { $eq: [last, '1'] }, then: st }, { case: { $eq: [last, '2'] }, then: nd }, { case: { $eq: [last, '3'] }, then: rd }], default: th } });
  // a NULL date reads '': DocumentDB evaluates the branch of a NULL argument too
  return letIn({ n: { $ifNull: [text, ''] } }, { $concat: ['$$n', suffix] });
}

function hour12(date: Mql): Mql {
  const h = { $mod: [{ $hour: date }, 12] };
  const v = cond({ $eq: [h, 0] }, 12, h);
  return { $cond: [{ $lt: [v, 10] }, { $concat: ['0', { $toString: v }] }, { $toString: v }] };
}
