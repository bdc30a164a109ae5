import { assertNever } from '../assert-never.js';
import { unsupported, type SourceSpan } from '../errors.js';
import { EXACT_INTEGER_LIMIT, MAX_EXACT_INTEGER, type SqlType } from '../ir/types.js';
import type { Expr } from '../ir/expr.js';
import { scaleOf } from '../ir/numeric-scale.js';
import { lowerArith } from './lower-arith.js';
import { isExactAtScale, lowerRuntimeScaled } from './runtime-scale.js';
import { roundHalfAway } from './rounding.js';
import { cond, isNull, letIn, shared, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import { truncateDate } from './lower-dates.js';
import { float32Parts, roundToFloat32 } from './float32.js';
import { castToTime } from './lower-time.js';

/**
 * PostgreSQL's integer types: their range, and the message of a value outside it.
 * bigint's upper bound is the double below 2^63 (2^63 − 1024 prints as an exact long,
 * 2^63 would print as a long out of range in Extended JSON): above it is at least 2^63.
 * The lower bound is −2^63 itself, a double and a long, which PostgreSQL accepts: it is
 * in range, and then refused as beyond what sqletl holds exactly, not as out of range.
 * It is written as the conversion of its text, since Extended JSON would print the number
 * as the long "-9223372036854776000", which is out of range.
 */
const INT_RANGES: Record<string, { min: Mql; max: number; name: string }> = {
  int2: { min: -32768, max: 32767, name: 'smallint' },
  int4: { min: -2147483648, max: 2147483647, name: 'integer' },
  int8: { min: { $toDouble: '-9223372036854775808' }, max: 9223372036854775000, name: 'bigint' },
};

/** `r` (an integral number or NULL) as a long, or PostgreSQL's error when it is outside `typeName`'s range. */
function inIntRange(r: Mql, typeName: string, span: SourceSpan | undefined, text?: Mql, nan = false): Mql {
  const range = INT_RANGES[typeName] ?? INT_RANGES.int8;
  const message = text === undefined ? [`${range.name} out of range`] : ['value "', text, `" is out of range for type ${range.name}`];
  // NaN (from a float8 or numeric) is outside every range, PostgreSQL's same error; it compares false with both bounds
  const outside = { $or: [{ $gt: ['$$r', range.max] }, { $lt: ['$$r', range.min] }, ...(nan ? [{ $eq: ['$$r', NaN] }] : [])] };
  const bad = { $and: [{ $isNumber: '$$r' }, outside] };
  const checked = raiseIf({ $toLong: cond(bad, 0, '$$r') }, bad, 'numeric-value-out-of-range', message, span);
  if (range.max <= MAX_EXACT_INTEGER) return letIn({ r }, checked);
  // within bigint but beyond what sqletl holds exactly (ir/types.ts): refused, not rounded
  const inexact = { $and: [{ $isNumber: '$$r' }, { $gt: [{ $abs: '$$r' }, MAX_EXACT_INTEGER] }] };
  return letIn({ r }, raiseIf(checked, { $and: [{ $not: [bad] }, inexact] }, 'feature-not-supported', [`an integer beyond ${EXACT_INTEGER_LIMIT} is not supported yet (sqletl computes integers exactly only up to 2^53)`], span));
}

/**
 * numeric → integer: half away from zero; NaN and ±Infinity are PostgreSQL's own errors for
 * numeric (`cannot convert NaN to integer`, numeric_int4), not the range error of float8.
 */
function numericToInt(v: Mql, typeName: string, span: SourceSpan | undefined): Mql {
  const name = (INT_RANGES[typeName] ?? INT_RANGES.int8).name;
  const nan = { $eq: ['$$v', NaN] };
  const infinite = { $eq: [{ $abs: '$$v' }, Infinity] };
  const rounded = inIntRange(roundHalfAway(cond({ $or: [nan, infinite] }, 0, '$$v'), 0), typeName, span);
  return letIn({ v }, raiseIf(raiseIf(rounded, nan, 'feature-not-supported', [`cannot convert NaN to ${name}`], span), infinite, 'feature-not-supported', [`cannot convert infinity to ${name}`], span));
}

/**
 * CAST / `::` for non-constant values (constants are folded by the binder).
 * PostgreSQL rounds to integer half away from zero (`2.5::int` is 3) where
 * `$toInt` truncates; text to boolean accepts PostgreSQL's spellings where
 * `$toBool` would call every string true.
 *
 * `tz`: the source is a timestamp with time zone (PostgreSQL prints the `+00` offset).
 * `typeName`: the target as written (`int2`, `int4`, `int8`, …), for range checks.
 */
/** PostgreSQL's boolean input: these words and their unambiguous prefixes, any case, blanks trimmed */
/** PostgreSQL's float input spellings of the infinities (trimmed, lower case) */
export const INFINITY_TEXT = ['infinity', '+infinity', 'inf', '+inf'];
export const MINUS_INFINITY_TEXT = ['-infinity', '-inf'];
export const NAN_TEXT = ['nan', '+nan', '-nan'];
export const TRUE_TEXT = ['t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1'];
export const FALSE_TEXT = ['f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0'];

export function castTo(v: Mql, from: SqlType, to: SqlType, span?: SourceSpan, tz = true, typeName = 'int8'): Mql {
  if (from === to && to !== 'unknown' && !(to === 'int' && typeName !== 'int8' && INT_RANGES[typeName])) return v;
  switch (to) {
    case 'int':
      if (from === 'int') return inIntRange(v, typeName, span);
      if (from === 'unknown') {
        // a field of no declared type: its text is read as text is (PostgreSQL's words for bad text), a number as a number;
        // each branch reads a harmless value when the other applies (DocumentDB evaluates both branches of a $cond)
        const isText = { $eq: [{ $type: '$$u' }, 'string'] };
        return letIn({ u: v }, cond(isText, castTo(cond(isText, '$$u', '0'), 'text', 'int', span, tz, typeName), inIntRange(roundHalfAway({ $toDouble: cond(isText, 0, '$$u') }, 0), typeName, span, undefined, true)));
      }
      if (from === 'text') {
        // text naming an integer sqletl cannot hold exactly: its double is past the limit too (rounding is monotone);
        // tested before `$toLong`, which the embedded engine cannot apply to such text
        const inexact = { $gt: [{ $abs: { $convert: { input: '$$t', to: 'double', onError: 0, onNull: 0 } } }, MAX_EXACT_INTEGER] };
        const inRange = inIntRange({ $toLong: cond(inexact, '0', '$$t') }, typeName, span, '$$t');
        if (INT_RANGES[typeName] && INT_RANGES[typeName].max <= MAX_EXACT_INTEGER) return letIn({ t: v }, inRange);
        return letIn({ t: v }, raiseIf(inRange, inexact, 'feature-not-supported', ['the integer "', '$$t', `", beyond ${EXACT_INTEGER_LIMIT}, is not supported yet (sqletl computes integers exactly only up to 2^53)`], span));
      }
      if (from === 'bool') return shared([v], ([x]) => cond(isNull(x), null, cond(x, 1, 0)));
      // float8 → int rounds half to even (rint: $round of a double at 0 places, on MongoDB too), numeric → int half away from zero
      if (from === 'float' || from === 'real') return inIntRange({ $round: [v, 0] }, typeName, span, undefined, true);
      return numericToInt(v, typeName, span);
    case 'numeric':
    case 'float':
      if (from === 'text') return textToDouble(v, to, span);
      // a single is a double already; as numeric PostgreSQL keeps only 6 significant digits of it (float4_numeric)
      if (from === 'real' && to === 'numeric') throw unsupported('lower', 'a cast of real to numeric', span, ['PostgreSQL keeps 6 significant digits (1.2345678::real::numeric is 1.23457): cast to double precision']);
      return from === 'int' || from === 'real' ? v : { $toDouble: v };
    case 'real':
      return toReal(v, from, span);
    case 'text':
      if (from === 'real') throw unsupported('lower', 'real as text', span, ['PostgreSQL prints the shortest decimal that reads back as the same single: cast to double precision or numeric first']);
      if (from === 'date') return { $dateToString: { date: v, format: '%Y-%m-%d' } };
      // a time is held as PostgreSQL prints it
      if (from === 'time') return v;
      if (from === 'timestamp') return { $dateToString: { date: v, format: tz ? '%Y-%m-%d %H:%M:%S+00' : '%Y-%m-%d %H:%M:%S' } };
      if (from === 'json') return jsonText(v, span);
      if (from === 'array') throw unsupported('lower', 'an array as text (PostgreSQL\'s {a,b} array syntax)', span, ['array_to_string(…) is not supported yet either: unnest it and use string_agg']);
      if (from === 'unknown') {
        // a field of no declared type may hold a document or an array, which `$toString` cannot print
        const composite = { $in: [{ $type: '$$j' }, ['object', 'array']] };
        return letIn({ j: v }, raiseIf({ $toString: cond(composite, '', '$$j') }, composite, 'feature-not-supported', ['a document or an array as text is not supported yet'], span));
      }
      return { $toString: v };
    case 'bool':
      if (from === 'real') throw unsupported('lower', 'a cast of real to boolean', span, ['PostgreSQL has none: cannot cast type real to boolean']);
      if (from === 'int' || from === 'numeric' || from === 'float') return shared([v], ([x]) => cond(isNull(x), null, { $ne: [x, 0] }));
      if (from === 'bool') return v;
      // MongoDB's $toBool calls every string true: PostgreSQL's spellings, else its error
      return letIn(
        { s: { $toLower: { $trim: { input: { $toString: v }, chars: ' ' } } } },
        raiseIf(
          cond(isNull(v), null, { $in: ['$$s', TRUE_TEXT] }),
          { $and: [{ $ne: [{ $ifNull: [v, null] }, null] }, { $not: [{ $in: ['$$s', [...TRUE_TEXT, ...FALSE_TEXT]] }] }] },
          'invalid-text-representation',
          ['invalid input syntax for type boolean: "', { $toString: v }, '"'],
          span,
        ),
      );
    case 'date':
      if (from === 'timestamp' || from === 'date') return truncateDate(v, 'day');
      return truncateDate(textToDate(v, from, span), 'day');
    case 'timestamp':
      if (from === 'date') return v;
      return textToDate(v, from, span);
    case 'json':
      return v;
    case 'time':
      return castToTime(v, from, undefined, span);
    case 'interval':
    case 'array':
    case 'record':
    case 'unknown':
      throw unsupported('lower', `CAST to ${to}`, span);
    default:
      return assertNever(to, 'lower');
  }
}

/**
 * Text → float8/numeric: PostgreSQL's spellings of the infinities and of NaN (`Infinity`,
 * `inf`, `NaN`, any case, blanks around) where `$toDouble` knows fewer. float8 reads a
 * signed NaN too; numeric does not (its input function: invalid syntax).
 */
function textToDouble(v: Mql, to: SqlType, span?: SourceSpan): Mql {
  const value = {
    $switch: {
      branches: [
        { case: { $in: ['$$w', INFINITY_TEXT] }, then: Infinity },
        { case: { $in: ['$$w', MINUS_INFINITY_TEXT] }, then: -Infinity },
        { case: { $in: ['$$w', to === 'float' ? NAN_TEXT : ['nan']] }, then: NaN },
      ],
      default: { $toDouble: '$$t' },
    },
  };
  const signedNaN = { $in: ['$$w', NAN_TEXT.filter((w) => w !== 'nan')] };
  return letIn(
    { t: v },
    letIn(
      { w: cond(isNull('$$t'), '', { $toLower: { $trim: { input: '$$t' } } }) },
      to === 'float' ? value : raiseIf(cond(signedNaN, null, value), signedNaN, 'invalid-text-representation', ['invalid input syntax for type numeric: "', '$$t', '"'], span),
    ),
  );
}

/**
 * A number or text → real (float4): the nearest single (float32.ts), with PostgreSQL's
 * errors. From double precision, a finite value past the largest single is `value out
 * of range: overflow` and a non-zero one that rounds to 0 `…: underflow` (dtof). Text
 * and numeric are read by float4in, which rounds their decimal digits once, straight to
 * a single: sqletl reads them as a double first, which is the same single unless the
 * double lies exactly halfway between two singles; that is refused at run time, unless
 * the value is an integer below 2^53 (exact as a double, so the tie is the value's own).
 * An integer converts without a check (i4tof).
 */
function toReal(v: Mql, from: SqlType, span?: SourceSpan): Mql {
  if (from === 'int') return roundToFloat32(v);
  if (from === 'float') {
    return float32Parts(v, (r, _tie, x) =>
      raiseIf(
        raiseIf(r, { $and: [{ $eq: [{ $abs: r }, Infinity] }, { $ne: [{ $abs: x }, Infinity] }] }, 'numeric-value-out-of-range', ['value out of range: overflow'], span),
        { $and: [{ $eq: [r, 0] }, { $ne: [x, 0] }] },
        'numeric-value-out-of-range',
        ['value out of range: underflow'],
        span,
      ),
    );
  }
  if (from === 'numeric' || from === 'text') return decimalToReal(from === 'text' ? textToDouble(v, 'float', span) : v, from === 'text' ? v : { $toString: v }, span);
  if (from === 'unknown') {
    // a field of no declared type: text is read as text is, a number as a numeric constant would be
    const isText = { $eq: [{ $type: '$$u' }, 'string'] };
    return letIn({ u: v }, cond(isText, toReal(cond(isText, '$$u', null), 'text', span), decimalToReal({ $toDouble: cond(isText, null, '$$u') }, { $toString: cond(isText, null, '$$u') }, span)));
  }
  throw unsupported('lower', `a cast of ${from} to real`, span);
}

/** `d`, the double of decimal `text`, rounded to a single as float4in rounds the decimal, or PostgreSQL's out-of-range error */
function decimalToReal(d: Mql, text: Mql, span?: SourceSpan): Mql {
  return float32Parts(d, (r, tie, x) => {
    const outOfRange = { $or: [{ $and: [{ $eq: [{ $abs: r }, Infinity] }, { $ne: [{ $abs: x }, Infinity] }] }, { $and: [{ $eq: [r, 0] }, { $ne: [x, 0] }] }] };
    const inexactTie = { $and: [tie, { $or: [{ $ne: [x, { $trunc: [x, 0] }] }, { $gt: [{ $abs: x }, MAX_EXACT_INTEGER] }] }] };
    return raiseIf(
      raiseIf(r, outOfRange, 'numeric-value-out-of-range', ['"', text, '" is out of range for type real'], span),
      { $and: [{ $not: [outOfRange] }, inexactTie] },
      'feature-not-supported',
      ['reading "', text, '" as real is not supported yet: its double lies halfway between two singles, which the decimal digits decide'],
      span,
    );
  });
}

/**
 * jsonb → text as PostgreSQL prints a jsonb scalar: a string keeps its JSON quotes and
 * escapes (`"Berlin"`), numbers and booleans their JSON spelling. An object or an array
 * (PostgreSQL's own key order and spacing) is refused when a row holds one.
 */
function jsonText(v: Mql, span?: SourceSpan): Mql {
  let escaped: Mql = '$$j';
  for (const [find, replacement] of [['\\', '\\\\'], ['"', '\\"'], ['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]) {
    escaped = { $replaceAll: { input: escaped, find, replacement } };
  }
  const composite = { $in: [{ $type: '$$j' }, ['object', 'array']] };
  return letIn(
    { j: v },
    raiseIf(
      {
        $switch: {
          branches: [
            { case: isNull('$$j'), then: null },
            { case: { $eq: [{ $type: '$$j' }, 'string'] }, then: { $concat: ['"', escaped, '"'] } },
            { case: { $eq: [{ $type: '$$j' }, 'bool'] }, then: cond('$$j', 'true', 'false') },
            { case: composite, then: null },
          ],
          default: { $toString: '$$j' },
        },
      },
      composite,
      'feature-not-supported',
      ['a jsonb object or array as text is not supported yet'],
      span,
    ),
  );
}

/**
 * Text → date or timestamp (`$toDate`), failing as PostgreSQL does on a year-month-day
 * that does not exist (`date/time field value out of range: "2024-02-30"`) where
 * `$toDate` would roll it over into March.
 */
function textToDate(v: Mql, from: SqlType, span?: SourceSpan): Mql {
  if (from !== 'text' && from !== 'unknown') return { $toDate: v };
  return letIn(
    { t: v },
    letIn({ bad: impossibleDate('$$t') }, raiseIf({ $toDate: cond('$$bad', null, '$$t') }, '$$bad', 'datetime-field-overflow', ['date/time field value out of range: "', '$$t', '"'], span)),
  );
}

/**
 * True when `t` starts with a year-month-day (`2024-02-30`, `2024-2-30 10:00`) that
 * is no day of the calendar; false for NULL, a non-string, other text. `$and`
 * evaluates in order and stops at the first false, so `$dateFromParts` sees only a
 * year 1–9999 and a month 1–12 (it carries a day past the month's end into the
 * next month, which is what gives such a day away).
 */
export function impossibleDate(t: Mql): Mql {
  // a declared text column may still hold a number: $regexFind accepts only strings
  const text = cond({ $eq: [{ $type: t }, 'string'] }, t, null);
  const part = (i: number) => ({ $toInt: { $arrayElemAt: ['$$m.captures', i] } });
  return letIn(
    { m: { $regexFind: { input: text, regex: '^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})' } } },
    cond(
      { $eq: ['$$m', null] },
      false,
      letIn(
        { y: part(0), mo: part(1), d: part(2) },
        {
          $not: [
            {
              $and: [
                { $gte: ['$$y', 1] },
                { $gte: ['$$mo', 1] },
                { $lte: ['$$mo', 12] },
                { $gte: ['$$d', 1] },
                { $eq: [{ $dayOfMonth: { $dateFromParts: { year: '$$y', month: '$$mo', day: '$$d' } } }, '$$d'] },
              ],
            },
          ],
        },
      ),
    ),
  );
}

/**
 * A value as its type's output function prints it, which is what `concat` and
 * `concat_ws` join: like the cast to text, except that a boolean prints `t`/`f`
 * there while `b::text` and `b || ''` give `true`/`false` (PostgreSQL's boolout vs
 * its bool → text cast). Without a declared type, the value's BSON type decides.
 */
export function outputText(v: Mql, from: SqlType, span?: SourceSpan): Mql {
  // a row value is held as its printed text (bind-row.ts)
  if (from === 'text' || from === 'record') return v;
  if (from === 'bool') return shared([v], ([x]) => cond(isNull(x), null, cond(x, 't', 'f')));
  if (from !== 'unknown') return castTo(v, from, 'text', span);
  return shared([v], ([x]) => cond({ $eq: [{ $type: x }, 'bool'] }, cond(x, 't', 'f'), castTo(x, from, 'text', span)));
}

/** The scale of a numeric expression's values where sqletl knows it (ir/numeric-scale.ts), else undefined. */
export function knownScale(e: Expr): number | undefined {
  if (e.type !== 'numeric') return undefined;
  // a constant's scale is the one it was written with (bind-expr.ts, fold-constants.ts), not its double's
  // shortest text: a folded quotient `1 / 4.0` has PostgreSQL's 20 decimals, not 2
  if (e.kind === 'literal') return e.numericScale;
  return scaleOf(e);
}

/**
 * A numeric value as PostgreSQL's numeric_out prints it: with its scale's decimals
 * (`2.50`). The scale is known statically (ir/numeric-scale.ts), or, for `+ - *` over
 * values of unknown scale, at run time (runtime-scale.ts: `0.5 * 2` is `1.0`); a value
 * as read (a column) prints as its double's shortest text, the decimals it was read
 * from (runtime-scale.ts). Other numerics of unknown scale are refused: PostgreSQL
 * prints a quotient, an average or a function's result with the scale it computed
 * (`0.33333333333333333333`, `2.0000000000000000`, round(x, 2)'s `2.50`), which a double
 * does not keep.
 */
export function numericText(v: Mql, e: Expr, lower: (e: Expr) => Mql): Mql {
  const scale = knownScale(e);
  if (scale !== undefined) return scale === 0 ? castTo(v, 'numeric', 'text', e.span) : scaledNumericText(v, scale);
  if (e.kind === 'arith') {
    const text = lowerRuntimeScaled(e, lower, lowerArith, (n, s) => cond(isExactAtScale(n, s), scaledNumericText(n, s), castTo(n, 'numeric', 'text', e.span)));
    if (text !== undefined) return text;
  }
  if (isValueAsRead(e)) return castTo(v, 'numeric', 'text', e.span);
  throw unsupported('lower', 'this numeric value as text', e.span, [
    'PostgreSQL prints a quotient, a sum, an average or a function of numeric with the scale it computed (1/3 as 0.33333333333333333333, 0.15 + 0.15 as 0.30), which sqletl, computing with doubles, does not keep: cast it to numeric(p, s) or to double precision first',
  ]);
}

/** A numeric whose text is its double's shortest text (runtime-scale.ts): a column's value, negated or not; NaN and the infinities. */
const isValueAsRead = (e: Expr): boolean =>
  (e.kind === 'column' && !e.computedNumeric) || (e.kind === 'negate' && isValueAsRead(e.arg)) || (e.kind === 'literal' && typeof e.value === 'number' && !Number.isFinite(e.value));

/** `e`'s value as its type's output function prints it (outputText), a numeric with its scale's decimals. */
export function valueText(v: Mql, e: Expr, lower: (e: Expr) => Mql): Mql {
  return e.type === 'numeric' ? numericText(v, e, lower) : outputText(v, e.type, e.span);
}

/**
 * A numeric of known scale as PostgreSQL prints it: exactly `scale` decimals (numeric(10,2)
 * 2.5 is `2.50`, 3 is `3.00`), where `$toString` of the double gives `2.5` and `3`. The
 * value is rounded to the scale first (an arithmetic result is, already) and `+ 0` turns a
 * -0 into 0 (PostgreSQL's numeric has no negative zero). Text with an exponent (`1e-7`,
 * beyond the digits a double prints plainly) and NaN/Infinity are left as `$toString` gives them.
 */
export function scaledNumericText(v: Mql, scale: Mql): Mql {
  // a scale known only at run time (an expression, 0…15) pads with as many of 15 zeros
  const zeros = typeof scale === 'number' ? '0'.repeat(scale) : { $substrCP: ['0'.repeat(15), 0, scale] };
  const text = { $toString: { $add: [{ $round: [v, scale] }, 0] } };
  const noPoint = typeof scale === 'number' ? { $concat: ['$$t', '.', zeros] } : cond({ $eq: [scale, 0] }, '$$t', { $concat: ['$$t', '.', zeros] });
  return letIn(
    { t: text },
    letIn(
      { d: { $indexOfCP: ['$$t', '.'] } },
      cond(
        { $or: [isNull('$$t'), { $gte: [{ $indexOfCP: ['$$t', 'e'] }, 0] }, { $in: ['$$t', ['NaN', 'Infinity', '-Infinity']] }] },
        '$$t',
        cond(
          { $lt: ['$$d', 0] },
          noPoint,
          { $concat: ['$$t', { $substrCP: [zeros, 0, { $max: [0, { $subtract: [scale, { $subtract: [{ $subtract: [{ $strLenCP: '$$t' }, '$$d'] }, 1] }] }] }] }] },
        ),
      ),
    ),
  );
}
