import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { isInterval, type ArithExpr, type Expr, type Interval } from '../ir/expr.js';
import { MICROS_PER_DAY, RELATIVE_WORDS, TIME_FORMS, TIME_TEXT_RE } from '../ir/time-of-day.js';
import type { SqlType } from '../ir/types.js';
import { cond, isNull, letIn, type Mql } from './mql.js';

/** The end of the text: PCRE's `$` also matches before a final newline, PostgreSQL's does not (as in regex-pattern.ts) */
const TEXT_END = '(?![\\s\\S])';
const pcreEnd = (source: string): string => source.replace(/\$$/, TEXT_END);
import { raiseIf } from './raise.js';

/**
 * The type `time` in pipelines. A time is held as PostgreSQL prints it,
 * `HH:MM:SS[.ffffff]` (src/ir/time-of-day.ts), so comparisons, sorting, grouping, min
 * and max work on the text; arithmetic and EXTRACT read it as microseconds since
 * midnight (`timeMicros`) and write the result back as text (`timeText`). Every
 * conversion reads the text with `$convert … onError` rather than `$toInt`: DocumentDB
 * evaluates both branches of a `$cond`, so nothing here may fail on a NULL it guards.
 */

const HOUR = 3_600_000_000;
const MINUTE = 60_000_000;
const SECOND = 1_000_000;

/** A whole number read from text; `fallback` where the text is not one (or NULL). */
const number = (text: Mql, fallback: number | null = 0): Mql => ({ $convert: { input: text, to: 'long', onError: fallback, onNull: fallback } });

/**
 * Fractional-second digits (at most six, possibly none) as microseconds: `5` → 500000.
 * Read as a number and scaled rather than padded with zeros and cut: DocumentDB's
 * `$convert` of a substring reads on past its end into the digits that follow it.
 */
const fractionMicros = (digits: Mql): Mql => ({ $multiply: [number(digits), { $pow: [10, { $subtract: [6, { $strLenBytes: digits }] }] }] });

/** Microseconds since midnight of a time held as text; NULL stays NULL. */
export function timeMicros(t: Mql): Mql {
  return letIn(
    { tmt: t },
    cond(
      isNull('$$tmt'),
      null,
      letIn(
        { tms: { $convert: { input: '$$tmt', to: 'string', onError: '00:00:00', onNull: '00:00:00' } } },
        {
          $add: [
            { $multiply: [number({ $substrBytes: ['$$tms', 0, 2] }), HOUR] },
            { $multiply: [number({ $substrBytes: ['$$tms', 3, 2] }), MINUTE] },
            { $multiply: [number({ $substrBytes: ['$$tms', 6, 2] }), SECOND] },
            // the fraction's digits, to the end of the text: `08:00:00.5` → 500000
            fractionMicros(cond({ $gt: [{ $strLenBytes: '$$tms' }, 9] }, { $substrBytes: ['$$tms', 9, { $subtract: [{ $strLenBytes: '$$tms' }, 9] }] }, '')),
          ],
        },
      ),
    ),
  );
}

/** A time's text (PostgreSQL's output: the fraction without trailing zeros) of microseconds since midnight; NULL stays NULL. */
export function timeText(micros: Mql): Mql {
  // n + 100 printed, less its first digit: two digits with a leading zero
  const two = (n: Mql) => ({ $substrBytes: [{ $toString: { $toLong: { $add: [n, 100] } } }, 1, 2] });
  const fraction = cond(
    { $eq: ['$$tmf', 0] },
    '',
    { $concat: ['.', { $rtrim: { input: { $substrBytes: [{ $toString: { $toLong: { $add: ['$$tmf', SECOND] } } }, 1, 6] }, chars: '0' } }] },
  );
  return letIn(
    { tmu: micros },
    cond(
      isNull('$$tmu'),
      null,
      letIn(
        { tmf: { $mod: ['$$tmu', SECOND] } },
        {
          $concat: [
            two({ $trunc: [{ $divide: ['$$tmu', HOUR] }, 0] }),
            ':',
            two({ $trunc: [{ $divide: [{ $mod: ['$$tmu', HOUR] }, MINUTE] }, 0] }),
            ':',
            two({ $trunc: [{ $divide: [{ $mod: ['$$tmu', MINUTE] }, SECOND] }, 0] }),
            fraction,
          ],
        },
      ),
    ),
  );
}

/** Microseconds wrapped into one day, as PostgreSQL's time ± interval wraps them (24:00:00 + 0 is 00:00:00). */
function wrapped(micros: Mql): Mql {
  return { $mod: [{ $add: [{ $mod: [micros, MICROS_PER_DAY] }, MICROS_PER_DAY] }, MICROS_PER_DAY] };
}

/** `time(p)`: microseconds rounded to p fractional digits, half up (PostgreSQL's AdjustTimeForTypmod). */
function rounded(micros: Mql, precision: number | undefined): Mql {
  if (precision === undefined || precision >= 6) return micros;
  const scale = 10 ** (6 - precision);
  return { $multiply: [{ $floor: { $divide: [{ $add: [micros, scale / 2] }, scale] } }, scale] };
}

/** The reasons text is not read as a time, as the values `timeReading` gives instead of microseconds. */
const INVALID = 'invalid';
const OUT_OF_RANGE = 'out-of-range';
const UNSUPPORTED = 'unsupported';

/**
 * Text read as PostgreSQL's time input reads it (the forms of TIME_TEXT_RE and
 * 'allballs'): its microseconds, or INVALID, OUT_OF_RANGE (`25:00`, `12:60`, `13:00 PM`,
 * `24:00:01`) or UNSUPPORTED (other text with digits PostgreSQL may read: `040506`,
 * zone names, more than six fractional digits that are not zeros). NULL stays NULL.
 */
function timeReading(t: Mql): Mql {
  const text = cond({ $eq: [{ $type: '$$trt' }, 'string'] }, '$$trt', null);
  const capture = (i: number) => ({ $arrayElemAt: ['$$trm.captures', i] });
  const hour = number(capture(0));
  const meridiem = { $toLower: { $ifNull: [capture(4), ''] } };
  const fraction = { $ifNull: [capture(3), ''] };
  const hour24 = {
    $switch: {
      branches: [
        { case: { $eq: [meridiem, 'a'] }, then: cond({ $eq: [hour, 12] }, 0, hour) },
        { case: { $eq: [meridiem, 'p'] }, then: cond({ $eq: [hour, 12] }, 12, { $add: [hour, 12] }) },
      ],
      default: hour,
    },
  };
  const micros = {
    $add: [
      { $multiply: [hour24, HOUR] },
      { $multiply: [number(capture(1)), MINUTE] },
      { $multiply: [number(capture(2)), SECOND] },
      fractionMicros(fraction),
    ],
  };
  const outOfRange = {
    $or: [
      { $and: [{ $ne: [meridiem, ''] }, { $gt: [hour, 12] }] },
      { $gt: [number(capture(1)), 59] },
      { $gt: [number(capture(2)), 59] },
      { $gt: [micros, MICROS_PER_DAY] },
    ],
  };
  const unmatched = {
    $switch: {
      branches: [
        { case: { $eq: [{ $toLower: { $trim: { input: { $ifNull: [text, ''] } } } }, 'allballs'] }, then: 0 },
        { case: { $and: [{ $regexMatch: { input: { $ifNull: [text, ''] }, regex: '\\d' } }, { $regexMatch: { input: { $ifNull: [text, ''] }, regex: `^[\\w\\s:.+\\-/,]+${TEXT_END}` } }] }, then: UNSUPPORTED },
        { case: { $regexMatch: { input: { $ifNull: [text, ''] }, regex: pcreEnd(RELATIVE_WORDS.source), options: 'i' } }, then: UNSUPPORTED },
      ],
      default: INVALID,
    },
  };
  return letIn(
    { trt: t },
    cond(
      isNull('$$trt'),
      null,
      letIn(
        { trm: { $regexFind: { input: text, regex: pcreEnd(TIME_TEXT_RE.source), options: 'i' } } },
        {
          $switch: {
            branches: [
              { case: { $eq: ['$$trm', null] }, then: unmatched },
              { case: outOfRange, then: OUT_OF_RANGE },
              // PostgreSQL rounds a seventh digit and beyond (half to even): refused rather than cut
              { case: { $not: [{ $regexMatch: { input: fraction, regex: `^\\d{0,6}0*${TEXT_END}` } }] }, then: UNSUPPORTED },
            ],
            default: micros,
          },
        },
      ),
    ),
  );
}

/** The time of a timestamp (a BSON date): its milliseconds within its (UTC) day, as microseconds. */
function timestampMicros(d: Mql): Mql {
  const day = 86_400_000;
  return { $multiply: [{ $mod: [{ $add: [{ $mod: [{ $toLong: d }, day] }, day] }, day] }, 1000] };
}

/** `x::time` / `x::time(p)` of text, a field of no declared type, a timestamp or a time; PostgreSQL's errors for text it does not read. */
export function castToTime(v: Mql, from: SqlType, precision: number | undefined, span?: SourceSpan): Mql {
  if (from === 'time') return precision === undefined || precision >= 6 ? v : timeText(rounded(timeMicros(v), precision));
  if (from === 'timestamp') return timeText(rounded(timestampMicros(v), precision));
  if (from !== 'text' && from !== 'unknown') throw unsupported('lower', `a cast of ${from} to time`, span);
  const reasons = (value: Mql): Mql =>
    raiseIf(
      raiseIf(
        raiseIf(value, { $eq: ['$$tr', INVALID] }, 'invalid-text-representation', ['invalid input syntax for type time: "', SOURCE_TEXT, '"'], span),
        { $eq: ['$$tr', OUT_OF_RANGE] },
        'datetime-field-overflow',
        ['date/time field value out of range: "', SOURCE_TEXT, '"'],
        span,
      ),
      { $eq: ['$$tr', UNSUPPORTED] },
      'feature-not-supported',
      ['reading "', SOURCE_TEXT, `" as time is not supported yet (${TIME_FORMS})`],
      span,
    );
  return letIn({ tv: v }, letIn({ tr: timeReading('$$tv') }, reasons(timeText(rounded(cond({ $isNumber: '$$tr' }, '$$tr', null), precision)))));
}

/** The text of `$$tv` for a message (a field of no declared type may hold a number). */
const SOURCE_TEXT: Mql = { $convert: { input: '$$tv', to: 'string', onError: '', onNull: '' } };

/**
 * A value written to a time column: a time as it is, a timestamp's time, text read as
 * PostgreSQL reads it — or `invalid` / `outOfRange` (the writer's markers for its rejects,
 * with PostgreSQL's messages) for text it refuses. Text PostgreSQL may read and sqletl
 * does not fails the statement.
 */
export function conformTime(v: Mql, from: SqlType, precision: number | undefined, invalid: string, outOfRange: string): Mql {
  if (from === 'time' || from === 'timestamp') return castToTime(v, from, precision);
  const value = timeText(rounded(cond({ $isNumber: '$$tr' }, '$$tr', null), precision));
  const marked = {
    $switch: {
      branches: [
        { case: { $eq: ['$$tr', INVALID] }, then: invalid },
        { case: { $eq: ['$$tr', OUT_OF_RANGE] }, then: outOfRange },
      ],
      default: value,
    },
  };
  return letIn({ tv: v }, letIn({ tr: timeReading('$$tv') }, raiseIf(marked, { $eq: ['$$tr', UNSUPPORTED] }, 'feature-not-supported', ['reading "', SOURCE_TEXT, `" as time is not supported yet (${TIME_FORMS})`])));
}

const intervalLiteral = (e: Expr): Interval | undefined => (e.kind === 'literal' && isInterval(e.value) ? e.value : undefined);

/**
 * Arithmetic with a time: time ± interval wraps around midnight and reads only the
 * interval's time part (PostgreSQL's time_pl_interval: its months and days do not move a
 * time of day; a difference of timestamps, carried as milliseconds, moves it by whole
 * days and the rest, which wraps to the same time); time − time is an interval (carried
 * as milliseconds, like a difference of timestamps); date ± time is a timestamp.
 * Intervals and dates hold milliseconds: a microsecond that would not fit is refused
 * when the row is read, not cut.
 */
export function lowerTimeArith(e: ArithExpr, lower: (e: Expr) => Mql): Mql {
  const { left, right, op } = e;
  const intervalMs = (x: Expr): Mql => {
    const iv = intervalLiteral(x);
    return iv ? iv.ms : lower(x);
  };
  if (e.type === 'time') {
    const [time, interval] = left.type === 'time' ? [left, right] : [right, left];
    const ms = intervalMs(interval);
    const moved = { $add: [timeMicros(lower(time)), { $multiply: [ms, op === '-' ? -1000 : 1000] }] };
    return timeText(wrapped(moved));
  }
  if (e.type === 'interval') {
    const difference = { $subtract: [timeMicros(lower(left)), timeMicros(lower(right))] };
    return letIn({ tmd: difference }, inWholeMilliseconds('$$tmd', { $divide: ['$$tmd', 1000] }, 'an interval with a fraction of a millisecond (a difference of times)', e.span));
  }
  if (e.type === 'timestamp') {
    const [date, time] = left.type === 'time' ? [right, left] : [left, right];
    const ms = { $divide: ['$$tmd', 1000] };
    const moved = op === '-' ? { $subtract: [lower(date), ms] } : { $add: [lower(date), ms] };
    return letIn({ tmd: timeMicros(lower(time)) }, inWholeMilliseconds('$$tmd', moved, 'a timestamp with a fraction of a millisecond (a date and a time)', e.span));
  }
  throw unsupported('lower', `the operator ${op} between ${left.type} and ${right.type}`, e.span);
}

/** `value`, or a refusal when the microseconds `micros` are not whole milliseconds (what BSON dates and sqletl's intervals hold). */
function inWholeMilliseconds(micros: Mql, value: Mql, what: string, span?: SourceSpan): Mql {
  return raiseIf(value, { $ne: [{ $mod: [{ $ifNull: [micros, 0] }, 1000] }, 0] }, 'feature-not-supported', [`${what} is not supported yet: sqletl holds them in milliseconds`], span);
}

/** EXTRACT / date_part of a time: PostgreSQL's units of a time of day; the others are its error. */
export function timePart(time: Mql, field: string, written: string, span?: SourceSpan): Mql {
  const u = timeMicros(time);
  const parts: Record<string, Mql> = {
    hour: { $trunc: [{ $divide: [u, HOUR] }, 0] },
    minute: { $trunc: [{ $divide: [{ $mod: [u, HOUR] }, MINUTE] }, 0] },
    second: { $divide: [{ $mod: [u, MINUTE] }, SECOND] },
    milliseconds: { $divide: [{ $mod: [u, MINUTE] }, 1000] },
    microseconds: { $mod: [u, MINUTE] },
    epoch: { $divide: [u, SECOND] },
  };
  const body = parts[field];
  if (body === undefined) throw new SqlEtlError('invalid-argument', 'lower', `unit "${written}" not supported for type time without time zone`, { span });
  return body;
}
