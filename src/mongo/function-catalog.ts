import { lowerSubstringSimilar } from './lower-substring-similar.js';
import { SqlEtlError, unsupported } from '../errors.js';
import { tryCastTo } from './lower-try-cast.js';
import type { Expr, FuncExpr } from '../ir/expr.js';
import type { ScalarFunctionName } from '../catalog/functions.js';
import { mayBeNull } from '../catalog/nullability.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { lowerDatePart, lowerDateTrunc, lowerToChar, truncateDate } from './lower-dates.js';
import { lowerToTimestampFromEpoch, lowerToTimestampFromText } from './lower-to-timestamp.js';
import { lowerToDate } from './lower-to-date.js';
import { castTo, numericText, valueText } from './lower-cast.js';
import { recordText } from './lower-record.js';
import { arrayContained, arrayContains, arrayOverlap, arraySlice, jsonBuildArray, jsonBuildObject, quantified } from './lower-arrays.js';
import { cond, isNull, joinStrings, letIn, literal, nullIfAnyNull, shared, type Mql } from './mql.js';
import { roundHalfAway } from './rounding.js';
import { isNaNValue, nanMaxOf, nanMinOf } from './nan-order.js';
import { byNonZero, inFloatRange, powerOf } from './lower-arith.js';
import { raiseIf } from './raise.js';
import { lowerNumericSeries, lowerTimestampSeries } from './lower-series.js';
import { acosd, asind, atanDegrees, cosd, cotd, RADIANS_PER_DEGREE, sind, tand } from './lower-degrees.js';
import { lowerBitNot, lowerBitwise, lowerShift, lowerToHex } from './lower-bits.js';
import { lowerRegexpMatches, lowerRegexpSplit } from './lower-regexp-functions.js';
import { eachPairs, objectKeys } from './lower-json-each.js';
import { jsonbContains, jsonbExists } from './lower-json-containment.js';
import { jsonbSet } from './lower-jsonb-set.js';
import { lowerCase, lowerInitcap, lowerOverlay, lowerPad, lowerRegexpReplace, lowerRepeat, lowerReverse, lowerSubstring } from './lower-strings.js';

/**
 * The scalar functions' lowering: SQL scalar function → MongoDB expression, one
 * entry per function of the catalogue (src/catalog/functions.ts; the table's type
 * makes a missing or an extra entry a compile error). The NULL behaviour is
 * PostgreSQL's (strict functions return NULL for a NULL argument, even where the
 * MongoDB operator would return "" or fail).
 */
type Lowering = (args: Mql[], f: FuncExpr, lower: (e: Expr) => Mql) => Mql;

/** NULL if any argument that may be NULL is NULL (PostgreSQL's STRICT functions). */
const strict =
  (body: (args: Mql[], f: FuncExpr) => Mql): Lowering =>
  (args, f) =>
    shared(args, (refs) =>
      nullIfAnyNull(
        refs.filter((_, i) => mayBeNull(f.args[i])),
        body(refs, f),
      ),
    );

/**
 * `strict`, for string functions whose MongoDB operator refuses a null operand
 * (`$strLenCP`, `$substrCP`, `$indexOfCP`, `$trim`, `$replaceAll`, …): inside the
 * guard, a text argument that may be NULL reads '' and a number 1. MongoDB never
 * evaluates the guarded body for a NULL, but DocumentDB (Azure Cosmos DB vCore,
 * FerretDB 2) evaluates both branches of a `$cond` and would fail the statement.
 */
const strictText =
  (body: (args: Mql[], f: FuncExpr) => Mql): Lowering =>
  (args, f) =>
    shared(args, (refs) =>
      nullIfAnyNull(
        refs.filter((_, i) => mayBeNull(f.args[i])),
        body(
          refs.map((r, i) => {
            const t = f.args[i]?.type;
            if (!mayBeNull(f.args[i])) return r;
            return t === 'text' ? { $ifNull: [r, ''] } : t === 'int' || t === 'numeric' || t === 'float' ? { $ifNull: [r, 1] } : r;
          }),
          f,
        ),
      ),
    );

const constInt = (f: FuncExpr, i: number): number | undefined => {
  const a = f.args[i];
  return a?.kind === 'literal' && typeof a.value === 'number' ? a.value : undefined;
};

/** text of any type, as `||` and CONCAT see it (dates as PostgreSQL prints them) */
const asText = (v: Mql, e: Expr, lower: (e: Expr) => Mql): Mql => {
  if (e.type === 'text') return v;
  return e.type === 'numeric' ? numericText(v, e, lower) : castTo(v, e.type, 'text', e.span);
};

/** ln/log10: PostgreSQL refuses zero and negative arguments (NULL stays NULL: `$lte` of null is true, hence the number test). */
function logarithm(x: Mql, f: FuncExpr, op: (v: Mql) => Mql): Mql {
  const bad = { $and: [{ $isNumber: '$$x' }, { $lte: ['$$x', 0] }, ...notNaN('$$x', f.args[0])] };
  const message = cond({ $eq: ['$$x', 0] }, 'cannot take logarithm of zero', 'cannot take logarithm of a negative number');
  return letIn({ x }, raiseIf(op(cond(bad, 1, '$$x')), bad, 'invalid-argument-for-logarithm', [message], f.span));
}

/**
 * `x` is not NaN, where the argument may be NaN: MongoDB's BSON order puts NaN below every
 * number, so a domain test such as `x < 0` would call NaN negative; PostgreSQL's
 * functions give NaN for it (catalog/nan-values.ts)
 */
const notNaN = (x: Mql, arg: Expr | undefined): Mql[] => (arg && mayBeNaN(arg) ? [{ $ne: [x, NaN] }] : []);

/** sin/cos/tan of ±Infinity: PostgreSQL's `input is out of range` */
const infinite = (x: Mql): Mql => ({ $eq: [{ $abs: x }, Infinity] });


/** a float8 argument: numeric and integer values become doubles first */
const toFloat = (v: Mql, e: Expr | undefined): Mql => (e && e.type !== 'float' && e.type !== 'unknown' ? castTo(v, e.type, 'float', e.span) : v);

/** a float8 function of one argument (NULL in, NULL out: the operators return null for null) */
const float1 =
  (body: (x: Mql) => Mql): Lowering =>
  ([x], f) =>
    letIn({ x: toFloat(x, f.args[0]) }, cond({ $eq: [{ $ifNull: ['$$x', null] }, null] }, null, body('$$x')));

/** `float1` whose argument must satisfy a domain: outside it, PostgreSQL's `input is out of range` */
const domain =
  (body: (x: Mql) => Mql, outside: (x: Mql) => Mql): Lowering =>
  ([x], f) => {
    const bad = { $and: [{ $isNumber: '$$x' }, outside('$$x'), ...notNaN('$$x', f.args[0])] };
    return letIn(
      { x: toFloat(x, f.args[0]) },
      cond({ $eq: [{ $ifNull: ['$$x', null] }, null] }, null, raiseIf(body(cond(bad, 0, '$$x')), bad, 'numeric-value-out-of-range', ['input is out of range'], f.span)),
    );
  };

/**
 * format(fmt, args…) with a constant format: `%s` (the value's text, NULL as nothing),
 * `%L` (a quoted literal, NULL as NULL), `%%`, and positions (`%2$s`). Widths, flags
 * and `%I` are refused at the call.
 */
function lowerFormat(args: Mql[], f: FuncExpr, lower: (e: Expr) => Mql): Mql {
  const fmt = f.args[0];
  if (fmt.kind === 'literal' && fmt.value === null) return null;
  if (fmt.kind !== 'literal' || typeof fmt.value !== 'string') throw unsupported('lower', 'format() with a non-constant format string', fmt.span ?? f.span);
  const text = fmt.value;
  const parts: Mql[] = [];
  let next = 1;
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '%') {
      plain += ch;
      continue;
    }
    const m = /^%(?:(\d+)\$)?([-0-9*]*)([sIL%])?/.exec(text.slice(i));
    if (!m || !m[3]) throw new SqlEtlError('invalid-parameter-value', 'lower', 'unterminated format() type specifier', { span: f.span });
    if (m[3] === '%' && !m[1] && !m[2]) {
      plain += '%';
      i += 1;
      continue;
    }
    if (m[2] || m[3] === '%') throw unsupported('lower', `format() width and flags (${m[0]})`, f.span);
    if (m[3] === 'I') throw unsupported('lower', 'format() %I (quoted identifiers)', f.span);
    const n = m[1] ? Number(m[1]) : next;
    if (n === 0) throw new SqlEtlError('invalid-parameter-value', 'lower', 'format specifies argument 0, but arguments are numbered from 1', { span: f.span });
    if (n >= args.length) throw new SqlEtlError('invalid-parameter-value', 'lower', 'too few arguments for format()', { span: f.span });
    next = n + 1;
    if (plain) parts.push(literal(plain));
    plain = '';
    const value = valueText(args[n], f.args[n], lower);
    if (m[3] === 's') parts.push({ $ifNull: [value, ''] });
    else {
      // quote_literal: quotes doubled; with a backslash, E'…' and backslashes doubled
      parts.push(
        letIn(
          { v: value },
          cond(
            isNull('$$v'),
            'NULL',
            letIn(
              { q: { $replaceAll: { input: '$$v', find: "'", replacement: "''" } } },
              cond(
                { $gte: [{ $indexOfCP: ['$$q', '\\'] }, 0] },
                { $concat: ["E'", { $replaceAll: { input: '$$q', find: '\\', replacement: '\\\\' } }, "'"] },
                { $concat: ["'", '$$q', "'"] },
              ),
            ),
          ),
        ),
      );
    }
    i += m[0].length - 1;
  }
  if (plain) parts.push(literal(plain));
  return parts.length === 0 ? '' : { $concat: parts };
}

export const SCALAR_LOWERING: Record<ScalarFunctionName, Lowering> = {
  // PostgreSQL's case mapping, non-ASCII letters included (MongoDB's $toUpper/$toLower change ASCII only)
  lower: strict(([s], f) => lowerCase(s, 'lower', f.args[0].type === 'text')),
  upper: strict(([s], f) => lowerCase(s, 'upper', f.args[0].type === 'text')),
  initcap: strict(([s], f) => lowerInitcap(s, f.args[0].type === 'text')),
  length: strictText(([s]) => ({ $strLenCP: s })),
  substring: strictText((args, f) => lowerSubstring(args, f)),
  substring_similar: strictText(([s], f) => lowerSubstringSimilar(s, f)),
  position: strictText(([str, sub]) => ({ $add: [{ $indexOfCP: [str, sub] }, 1] })),
  // concat/concat_ws print each value with its output function (a boolean is t/f), skip NULLs,
  // and give '' (not NULL) when every value is NULL
  concat: (args, f, lower) => ({ $concat: args.map((a, i) => ({ $ifNull: [valueText(a, f.args[i], lower), ''] })) }),
  concat_ws: (args, f, lower) => {
    const [sep, ...rest] = args;
    const parts = rest.map((a, i) => valueText(a, f.args[i + 1], lower));
    return nullIfAnyNull(mayBeNull(f.args[0]) ? [sep] : [], letIn(
      { parts: { $filter: { input: parts, cond: { $ne: [{ $ifNull: ['$$this', null] }, null] } } } },
      { $ifNull: [joinStrings('$$parts', sep), ''] },
    ));
  },
  format: (args, f, lower) => lowerFormat(args, f, lower),
  '||': (args, f, lower) => ({ $concat: args.map((a, i) => asText(a, f.args[i], lower)) }),
  btrim: strictText(([s, chars]) => ({ $trim: { input: s, chars: chars ?? ' ' } })),
  ltrim: strictText(([s, chars]) => ({ $ltrim: { input: s, chars: chars ?? ' ' } })),
  rtrim: strictText(([s, chars]) => ({ $rtrim: { input: s, chars: chars ?? ' ' } })),
  replace: strictText(([s, find, replacement]) => ({ $replaceAll: { input: s, find, replacement } })),
  split_part: strictText(([s, delim, n], f) => {
    const k = constInt(f, 2);
    if (k === 0) throw new SqlEtlError('invalid-argument', 'lower', 'field position must not be zero', { span: f.args[2].span });
    // an empty delimiter leaves the text one field (MongoDB's $split refuses it); a negative position counts from the end
    const fields = (text: Mql, sep: Mql) => cond({ $eq: [sep, ''] }, [text], { $split: [text, cond({ $eq: [sep, ''] }, ',', sep)] });
    const sep = f.args[1];
    // a constant delimiter that is not empty: MongoDB's $split as it is
    if (k !== undefined && sep.kind === 'literal' && typeof sep.value === 'string' && sep.value !== '') return { $ifNull: [{ $arrayElemAt: [{ $split: [s, delim] }, k > 0 ? k - 1 : k] }, ''] };
    if (k !== undefined) return letIn({ s, d: delim }, { $ifNull: [{ $arrayElemAt: [fields('$$s', '$$d'), k > 0 ? k - 1 : k] }, ''] });
    const at = letIn({ s, d: delim, n }, { $ifNull: [{ $arrayElemAt: [fields('$$s', '$$d'), cond({ $gt: ['$$n', 0] }, { $subtract: ['$$n', 1] }, cond({ $eq: ['$$n', 0] }, 0, '$$n'))] }, ''] });
    return raiseIf(at, { $eq: [n, 0] }, 'invalid-parameter-value', ['field position must not be zero'], f.args[2].span);
  }),
  left: strictText(([s, n], f) => {
    const k = constInt(f, 1);
    if (k !== undefined && k >= 0) return { $substrCP: [s, 0, k] };
    return letIn({ s, n }, { $substrCP: ['$$s', 0, cond({ $gte: ['$$n', 0] }, '$$n', { $max: [0, { $add: [{ $strLenCP: '$$s' }, '$$n'] }] })] });
  }),
  right: strictText(([s, n]) =>
    letIn(
      { s, n, len: { $strLenCP: s } },
      cond(
        { $gte: ['$$n', 0] },
        { $substrCP: ['$$s', { $max: [0, { $subtract: ['$$len', '$$n'] }] }, '$$n'] },
        { $substrCP: ['$$s', { $min: ['$$len', { $multiply: [-1, '$$n'] }] }, { $max: [0, { $add: ['$$len', '$$n'] }] }] },
      ),
    ),
  ),
  lpad: strictText((args) => lowerPad(args, 'left')),
  rpad: strictText((args) => lowerPad(args, 'right')),
  reverse: strictText(([s]) => lowerReverse(s)),
  repeat: strictText(([s, n]) => lowerRepeat(s, n)),
  regexp_replace: strict((args, f) => lowerRegexpReplace(args, f)),
  overlay: strictText((args, f) => lowerOverlay(args, f)),
  regexp_split_to_array: strict((args, f) => lowerRegexpSplit(args, f, 'regexp_split_to_array')),
  regexp_split_to_table: strict((args, f) => lowerRegexpSplit(args, f, 'regexp_split_to_table')),
  regexp_matches: strict((args, f) => lowerRegexpMatches(args, f)),

  // not strict: $bitAnd… and $toLong return null for a null or missing operand (the operators' pages)
  '&': (args) => lowerBitwise('&', args),
  '|': (args) => lowerBitwise('|', args),
  '#': (args) => lowerBitwise('#', args),
  '~': (args) => lowerBitNot(args),
  '<<': strict((args, f) => lowerShift('<<', args, f)),
  '>>': strict((args, f) => lowerShift('>>', args, f)),
  to_hex: strict((args, f) => lowerToHex(args, f)),

  // not strict: these operators return null for a null or missing argument (each
  // operator page's "Behavior"; the embedded engine agrees), which is PostgreSQL's NULL
  abs: ([x]) => ({ $abs: x }),
  ceil: ([x]) => ({ $ceil: x }),
  floor: ([x]) => ({ $floor: x }),
  // sign(NaN): float8's is 0 (its C comparisons are false), numeric's NaN; MongoDB would call NaN negative
  sign: strict(([x], f) => {
    const signed = cond({ $gt: [x, 0] }, 1, cond({ $lt: [x, 0] }, -1, 0));
    return mayBeNaN(f.args[0]) ? cond(isNaNValue(x), f.args[0].type === 'float' ? 0 : NaN, signed) : signed;
  }),
  // not strict: the rounding yields null for a null value or scale by itself (src/mongo/rounding.ts)
  // round(float8) is rint, half to even like $round at 0 places (as a float8 → int cast); round(numeric[, n]) half away from zero
  round: ([x, n], f) => (n === undefined && f.args[0].type === 'int' ? x : n === undefined && f.args[0].type === 'float' ? { $round: [x, 0] } : roundHalfAway(x, n ?? 0)),
  trunc: strict(([x, n]) => ({ $trunc: [x, n ?? 0] })),
  mod: strict(([a, b], f) => byNonZero(f.args[1], b, f.span, (n, d) => ({ $mod: [n, d] }), f.args[0], a)),
  power: ([a, b], f) => powerOf(a, b, f.span),
  // PostgreSQL's errors where MongoDB fails with its own words or gives -Infinity/NaN
  sqrt: ([x], f) => {
    const bad = { $and: [{ $isNumber: '$$x' }, { $lt: ['$$x', 0] }, ...notNaN('$$x', f.args[0])] }; // `$lt` of null is true: test for a number
    return letIn({ x }, raiseIf({ $sqrt: cond(bad, 0, '$$x') }, bad, 'invalid-argument-for-power-function', ['cannot take square root of a negative number'], f.span));
  },
  // beyond a double (`exp(1000)`), or so small it is 0 (`exp(-1000)`): PostgreSQL's `value out of range` errors
  exp: ([x], f) => letIn({ x }, letIn({ n: { $exp: '$$x' } }, inFloatRange(['$$x'], { $ne: [{ $abs: '$$x' }, Infinity] }, f.span))),
  ln: ([x], f) => logarithm(x, f, (v) => ({ $ln: v })),
  log: ([a, b], f) => (b === undefined ? logarithm(a, f, (v) => ({ $log10: v })) : { $log: [b, a] }),

  // trigonometric and hyperbolic functions (float8 in PostgreSQL): MongoDB's operators; arguments
  // outside the domain are PostgreSQL's `input is out of range` (MongoDB would fail with its own words)
  sin: domain((x) => ({ $sin: x }), infinite),
  cos: domain((x) => ({ $cos: x }), infinite),
  tan: domain((x) => ({ $tan: x }), infinite),
  // 1 / tan(0) is Infinity in PostgreSQL; $divide by zero fails
  // the division never sees 0, even in the branch not taken (DocumentDB evaluates both)
  cot: domain((x) => letIn({ t: { $tan: x } }, cond({ $eq: ['$$t', 0] }, Infinity, { $divide: [1, cond({ $eq: ['$$t', 0] }, 1, '$$t')] })), infinite),
  asin: domain((x) => ({ $asin: x }), (x) => ({ $or: [{ $lt: [x, -1] }, { $gt: [x, 1] }] })),
  // the embedded engine refuses $acos of 0 (MongoDB gives π/2)
  acos: domain((x) => cond({ $eq: [x, 0] }, Math.PI / 2, { $acos: x }), (x) => ({ $or: [{ $lt: [x, -1] }, { $gt: [x, 1] }] })),
  // the embedded engine refuses $atan of ±Infinity (MongoDB and PostgreSQL give ±π/2)
  atan: float1((x) => cond({ $eq: [x, Infinity] }, Math.PI / 2, cond({ $eq: [x, -Infinity] }, -Math.PI / 2, { $atan: x }))),
  atan2: (args, f) => ({ $atan2: args.map((a, i) => toFloat(a, f.args[i])) }),
  sinh: float1((x) => ({ $sinh: x })),
  cosh: float1((x) => ({ $cosh: x })),
  tanh: float1((x) => ({ $tanh: x })),
  asinh: float1((x) => ({ $asinh: x })),
  acosh: domain((x) => ({ $acosh: x }), (x) => ({ $lt: [x, 1] })),
  atanh: domain(
    (x) => cond({ $eq: [x, 1] }, Infinity, cond({ $eq: [x, -1] }, -Infinity, { $atanh: x })),
    (x) => ({ $or: [{ $lt: [x, -1] }, { $gt: [x, 1] }] }),
  ),
  // in degrees, exact at the angles PostgreSQL makes exact (src/mongo/lower-degrees.ts)
  sind: domain((x) => letIn({ d: x }, sind('$$d')), infinite),
  cosd: domain((x) => letIn({ d: x }, cosd('$$d')), infinite),
  tand: domain((x) => letIn({ d: x }, tand('$$d')), infinite),
  cotd: domain((x) => letIn({ d: x }, cotd('$$d')), infinite),
  asind: domain((x) => letIn({ d: x }, asind('$$d')), (x) => ({ $or: [{ $lt: [x, -1] }, { $gt: [x, 1] }] })),
  acosd: domain((x) => letIn({ d: x }, acosd('$$d')), (x) => ({ $or: [{ $lt: [x, -1] }, { $gt: [x, 1] }] })),
  atand: float1((x) => atanDegrees(cond({ $eq: [x, Infinity] }, Math.PI / 2, cond({ $eq: [x, -Infinity] }, -Math.PI / 2, { $atan: x })))),
  atan2d: strict((args, f) => atanDegrees({ $atan2: args.map((a, i) => toFloat(a, f.args[i])) })),
  // PostgreSQL divides and multiplies by RADIANS_PER_DEGREE
  degrees: float1((x) => ({ $divide: [x, RADIANS_PER_DEGREE] })),
  radians: float1((x) => ({ $multiply: [x, RADIANS_PER_DEGREE] })),
  pi: () => Math.PI,
  // no $cbrt: the real cube root, |x|^(1/3) with x's sign, then one Newton step
  cbrt: float1((x) =>
    letIn(
      { r: cond({ $lt: [x, 0] }, { $multiply: [-1, { $pow: [{ $abs: x }, 1 / 3] }] }, { $pow: [x, 1 / 3] }) },
      cond(
        { $or: [{ $eq: ['$$r', 0] }, { $eq: [{ $abs: '$$r' }, Infinity] }, { $ne: ['$$r', '$$r'] }] },
        '$$r',
        { $subtract: ['$$r', { $divide: [{ $subtract: [{ $multiply: ['$$r', '$$r', '$$r'] }, x] }, { $multiply: [3, '$$r', '$$r'] }] }] },
      ),
    ),
  ),

  // generate_series(start, stop[, step]) over integers, as an array of its values (unnested by the plan)
  generate_series: ([a, b, step], f) =>
    letIn(
      { a, b, s: step ?? 1 },
      cond(
        { $or: [isNull('$$a'), isNull('$$b'), isNull('$$s')] },
        [],
        raiseIf(
          { $range: ['$$a', { $add: ['$$b', cond({ $gt: ['$$s', 0] }, 1, -1)] }, cond({ $eq: ['$$s', 0] }, 1, '$$s')] },
          { $eq: ['$$s', 0] },
          'invalid-parameter-value',
          ['step size cannot equal zero'],
          f.span,
        ),
      ),
    ),
  // the rows of jsonb_each[_text] and jsonb_object_keys, as arrays (unnested by the plan); NULL gives none
  jsonb_each: ([x], f) => eachPairs(x, 'jsonb_each', false, f.span),
  json_each: ([x], f) => eachPairs(x, 'json_each', false, f.span),
  jsonb_each_text: ([x], f) => eachPairs(x, 'jsonb_each_text', true, f.span),
  json_each_text: ([x], f) => eachPairs(x, 'json_each_text', true, f.span),
  jsonb_object_keys: ([x], f) => objectKeys(x, 'jsonb_object_keys', f.span),
  json_object_keys: ([x], f) => objectKeys(x, 'json_object_keys', f.span),
  jsonb_contains: (_args, f, lower) => jsonbContains(f, lower),
  jsonb_set: (_args, f, lower) => jsonbSet(f, lower),
  jsonb_exists: (args) => jsonbExists(args, 'one'),
  jsonb_exists_any: (args) => jsonbExists(args, 'any'),
  jsonb_exists_all: (args) => jsonbExists(args, 'all'),
  // over numeric and timestamps (src/mongo/lower-series.ts)
  generate_series_numeric: (args, f) => lowerNumericSeries(args, f),
  generate_series_timestamp: (args, f) => lowerTimestampSeries(args, f),
  now: () => '$$NOW',
  current_date: () => truncateDate('$$NOW', 'day'),
  // not strict: $dateTrunc returns null when its date is null or missing (documented; mingo agrees)
  date_trunc: (args, f) => lowerDateTrunc(args, f),
  extract: (args, f) => lowerDatePart(args, f, 'numeric'),
  date_part: (args, f) => lowerDatePart(args, f, 'float'),
  to_char: strict((args, f) => lowerToChar(args, f)),
  try_cast: ([v], f) => tryCastTo(v, String((f.args[1] as { value?: unknown }).value), f.type, f.span),
  to_date: strict((args, f) => lowerToDate(args, f)),
  to_timestamp: (args, f, lower) => {
    if (f.args.length === 2) return strict(lowerToTimestampFromText)(args, f, lower);
    const t = f.args[0].type;
    if (t !== 'int' && t !== 'numeric' && t !== 'float' && t !== 'unknown') throw unsupported('lower', `to_timestamp of ${t}`, f.args[0].span);
    return lowerToTimestampFromEpoch(args, f);
  },

  coalesce: (args) => (args.length === 1 ? args[0] : { $ifNull: args }),
  nullif: ([a, b], f) => {
    const same = mayBeNull(f.args[0]) || mayBeNull(f.args[1]) ? { $and: [{ $ne: [{ $ifNull: [a, null] }, null] }, { $eq: [a, b] }] } : { $eq: [a, b] };
    return letIn({ a }, cond(same, null, '$$a'));
  },
  greatest: (args, f) => (f.args.some(mayBeNaN) ? shared(args, nanMaxOf) : { $max: args }),
  least: (args, f) => (f.args.some(mayBeNaN) ? shared(args, nanMinOf) : { $min: args }),
  array_length: strict(([a], f) => {
    const dim = constInt(f, 1);
    if (dim !== 1) return null;
    return cond({ $isArray: [a] }, cond({ $gt: [{ $size: a }, 0] }, { $size: a }, null), null);
  }),
  cardinality: strict(([a]) => cond({ $isArray: [a] }, { $size: a }, null)),
  array: (args) => args,
  // a row value: the text PostgreSQL prints for the record, each field by its output function
  row: (args, f, lower) => recordText(args.map((a, i) => valueText(a, f.args[i], lower))),
  op_any: (args, f) => quantified(args, f, false),
  op_all: (args, f) => quantified(args, f, true),
  array_contains: strict((args) => arrayContains(args)),
  array_contained: strict((args) => arrayContained(args)),
  array_overlap: strict((args) => arrayOverlap(args)),
  array_slice: (args) => arraySlice(args),
  array_append: ([a, x]) => ({ $concatArrays: [{ $ifNull: [a, []] }, [{ $ifNull: [x, null] }]] }),
  array_prepend: ([x, a]) => ({ $concatArrays: [[{ $ifNull: [x, null] }], { $ifNull: [a, []] }] }),
  array_cat: ([a, b]) => cond({ $and: [isNull(a), isNull(b)] }, null, { $concatArrays: [{ $ifNull: [a, []] }, { $ifNull: [b, []] }] }),
  // not strict in PostgreSQL: a NULL element is found / removed (IS NOT DISTINCT FROM); only a NULL array gives NULL
  array_position: (args) =>
    shared(args, ([a, x]) => cond(isNull(a), null, letIn({ i: { $indexOfArray: [a, { $ifNull: [x, null] }] } }, cond({ $lt: ['$$i', 0] }, null, { $add: ['$$i', 1] })))),
  array_remove: (args) => shared(args, ([a, x]) => cond(isNull(a), null, { $filter: { input: a, cond: { $ne: [{ $ifNull: ['$$this', null] }, { $ifNull: [x, null] }] } } })),
  jsonb_array_length: strict(([a]) => ({ $size: a })),
  json_build_object: (args, f, lower) => jsonBuildObject(args, f, lower),
  json_build_array: (args) => jsonBuildArray(args),
};

export function lowerFunction(f: FuncExpr, lower: (e: Expr) => Mql): Mql {
  const entry = Object.hasOwn(SCALAR_LOWERING, f.name) ? SCALAR_LOWERING[f.name as ScalarFunctionName] : undefined;
  if (!entry) throw new SqlEtlError('undefined-function', 'lower', `function ${f.name}(…) is not supported yet`, { span: f.span, params: { function: f.name } });
  return entry(f.args.map(lower), f, lower);
}

