import { assertNever } from '../assert-never.js';
import { unsupported, type SourceSpan } from '../errors.js';
import { isInterval, someExpr, type ArithExpr, type Expr, type Interval } from '../ir/expr.js';
import { EXACT_INTEGER_LIMIT, intRangeOfWidth, isDateType, MAX_EXACT_INTEGER } from '../ir/types.js';
import { cond, isIntegerType, isNull, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';
import { roundToFloat32 } from './float32.js';
import { lowerTimeArith } from './lower-time.js';
import { mayBeNull } from '../catalog/nullability.js';
import { mayBeNaN } from '../catalog/nan-values.js';

/**
 * Arithmetic with PostgreSQL's semantics: integer division truncates when both
 * operands are integers (decided statically when the types are known, at run time
 * with `$type` otherwise), `%` keeps the dividend's sign (as `$mod` does), dates
 * move by intervals with `$dateAdd` (months, then days, then time, as PostgreSQL).
 */
export function lowerArith(e: ArithExpr, lower: (e: Expr) => Mql): Mql {
  const { left, right } = e;
  if (left.type === 'time' || right.type === 'time') return lowerTimeArith(e, lower);
  if (isDateType(left.type) || isDateType(right.type) || isIntervalLiteral(left) || isIntervalLiteral(right)) {
    return dateArith(e, lower);
  }
  // the operands of a numeric result rounded to its scale (numeric-scale.ts) are left unrounded: the result is
  const unrounded = (x: Expr): Mql => (x.kind === 'arith' && x.numericScale !== undefined && e.numericScale !== undefined ? lowerArith(x, lower) : lower(x));
  const l = unrounded(left);
  const r = unrounded(right);
  if ((e.type === 'float' || e.type === 'real') && e.op !== '%' && e.op !== '^') return checkedFloat(e, l, r);
  switch (e.op) {
    case '+':
    case '-':
    case '*':
      return exactInteger(e, l, r);
    case '%':
      return byNonZero(right, r, e.span, (n, d) => ({ $mod: [n, d] }), left, l);
    case '^':
      return powerOf(l, r, e.span);
    case '/': {
      if (left.type === 'int' && right.type === 'int') return byNonZero(right, r, e.span, (n, d) => ({ $trunc: [{ $divide: [n, d] }, 0] }), left, l);
      const exact = ['numeric', 'float', 'real'];
      if (exact.includes(left.type) || exact.includes(right.type)) return byNonZero(right, r, e.span, (n, d) => ({ $divide: [n, d] }), left, l);
      // types known only at run time: truncate when both values are integers
      return byNonZero(
        right,
        r,
        e.span,
        (n, d) => letIn({ l: n, r: d }, cond({ $and: [isIntegerType('$$l'), isIntegerType('$$r')] }, { $trunc: [{ $divide: ['$$l', '$$r'] }, 0] }, { $divide: ['$$l', '$$r'] })),
        left,
        l,
      );
    }
    default:
      return assertNever(e.op, 'lower');
  }
}

/**
 * Integer overflow as PostgreSQL has it: a smallint or integer result outside its
 * type (both operands' widths known: `int4_col * 2`) is `integer out of range`. And
 * an integer sum, difference or product beyond 2^53 − 1 is an error (ir/types.ts,
 * MAX_EXACT_INTEGER): the embedded engine's doubles would round it, and PostgreSQL's
 * bigint answer is exact. Only results typed integer are checked (numeric and double
 * precision are doubles by design); an operand of unknown type is an integer when
 * its value is one, as for integer division.
 */
function exactInteger(e: ArithExpr, l: Mql, r: Mql): Mql {
  const op = e.op === '+' ? '$add' : e.op === '-' ? '$subtract' : '$multiply';
  if (e.type === 'int' && (e.intWidth === 16 || e.intWidth === 32)) {
    const range = intRangeOfWidth(e.intWidth);
    const outside = { $or: [{ $gt: ['$$n', range.max] }, { $lt: ['$$n', range.min] }] };
    return letIn({ n: { [op]: [l, r] } }, raiseIf('$$n', { $and: [{ $isNumber: '$$n' }, outside] }, 'numeric-value-out-of-range', [`${range.name} out of range`], e.span));
  }
  const known = e.left.type !== 'unknown' && e.right.type !== 'unknown';
  if (known && e.type !== 'int') return { [op]: [l, r] };
  if (!known && [e.left.type, e.right.type].some((t) => t !== 'int' && t !== 'unknown')) return { [op]: [l, r] };
  const integer = (c: Mql) => (known ? c : { $and: [isIntegerType('$$n'), c] });
  // past bigint: PostgreSQL's own error (on MongoDB a long overflowing becomes a double there)
  const bigintOverflow = integer({ $gte: [{ $abs: '$$n' }, 2 ** 63] });
  const overflowChecked = (inexact: Mql) =>
    raiseIf(
      raiseIf('$$n', bigintOverflow, 'numeric-value-out-of-range', ['bigint out of range'], e.span),
      { $and: [{ $not: [bigintOverflow] }, integer(inexact)] },
      'feature-not-supported',
      [`an integer result past ${EXACT_INTEGER_LIMIT} that a double cannot hold exactly is not supported yet (the embedded engine computes with doubles)`],
      e.span,
    );
  // `x + 1`: with a small constant the result is near x, so past 2^53 − 1 is refused without the rounding error
  // (a few exact results just past it are refused too; the common case stays small)
  const small = (x: Expr) => x.kind === 'literal' && typeof x.value === 'number' && Math.abs(x.value) <= 2 ** 31;
  if (e.op !== '*' && (small(e.left) || small(e.right))) return letIn({ n: { [op]: [l, r] } }, overflowChecked({ $gt: [{ $abs: '$$n' }, MAX_EXACT_INTEGER] }));
  /*
   * A sum or difference is exact when the rounding error of the double operation is 0
   * (Knuth's TwoSum, exact in IEEE arithmetic): 4567890123456789 + 4567890123456789 is
   * past 2^53 and still exact. On MongoDB, longs add exactly and the error is 0.
   * Operands and the intermediate value are named by nesting level (no shadowing, no
   * many-variable $let: both trouble DocumentDB).
   */
  const d = nestingDepth(e);
  const [a, b, bb] = [`ia${d}`, `ib${d}`, `ic${d}`];
  // the error is computed over numbers only (a NULL, or a date of an untyped field, reads as 0: no error)
  const number = (x: string): Mql => cond({ $isNumber: x }, x, 0);
  if (e.op === '*') {
    /*
     * A product past 2^53 is exact when dividing it by one factor gives the other with
     * no remainder (`$mod` of doubles is exact; a rounded product leaves a remainder or
     * another quotient): 4567890123456789 * 2 is computed, 3 * 3002399751580331 refused.
     */
    const [sa, sb] = [number(`$$${a}`), letIn({ v: number(`$$${b}`) }, cond({ $eq: ['$$v', 0] }, 1, '$$v'))];
    const sn = number('$$n');
    const inexact = { $and: [{ $gt: [{ $abs: sn }, MAX_EXACT_INTEGER] }, { $or: [{ $ne: [{ $mod: [sn, sb] }, 0] }, { $ne: [{ $divide: [sn, sb] }, sa] }] }] };
    return letIn({ [a]: l, [b]: r }, letIn({ n: { [op]: [`$$${a}`, `$$${b}`] } }, overflowChecked(inexact)));
  }
  const [sa, sb] = [number(`$$${a}`), e.op === '+' ? number(`$$${b}`) : { $multiply: [-1, number(`$$${b}`)] }];
  const sum = { $add: [sa, sb] };
  const error = { $add: [{ $subtract: [sa, { $subtract: [sum, `$$${bb}`] }] }, { $subtract: [sb, `$$${bb}`] }] };
  return letIn(
    { [a]: l, [b]: r },
    letIn({ n: { [op]: [`$$${a}`, `$$${b}`] } }, letIn({ [bb]: { $subtract: [sum, sa] } }, overflowChecked({ $ne: [error, 0] }))),
  );
}

/**
 * double precision arithmetic fails where PostgreSQL's does (float.h's checks): a
 * result that is infinite from finite operands is `value out of range: overflow`, a
 * product or quotient that is zero from non-zero operands (a finite divisor) is
 * `value out of range: underflow`. The engines would give Infinity or 0.
 */
/**
 * `$$n` (a result bound by the caller), or PostgreSQL's `value out of range: overflow`
 * when it is infinite from finite `operands` (variable references), and `…: underflow`
 * when it is zero where `underflow` (a condition on the operands) says it may not be.
 */
export function inFloatRange(operands: string[], underflow: Mql | undefined, span: SourceSpan | undefined): Mql {
  const finite = operands.map((x) => ({ $ne: [{ $abs: x }, Infinity] }));
  const overflow = { $and: [{ $eq: [{ $abs: '$$n' }, Infinity] }, ...finite] };
  const checked = raiseIf('$$n', overflow, 'numeric-value-out-of-range', ['value out of range: overflow'], span);
  if (!underflow) return checked;
  return raiseIf(checked, { $and: [{ $eq: ['$$n', 0] }, underflow] }, 'numeric-value-out-of-range', ['value out of range: underflow'], span);
}

function checkedFloat(e: ArithExpr, l: Mql, r: Mql): Mql {
  const op = e.op as '+' | '-' | '*' | '/';
  // names of this nesting level: an operand's own checks bind lower levels, so no name is shadowed
  // (DocumentDB loses shadowed variables) nor read by a sibling binding (which would need a
  // many-variable $let, which crashes DocumentDB's backend)
  const d = nestingDepth(e);
  const [a, b] = [`fa${d}`, `fb${d}`];
  const value =
    op === '/'
      ? byNonZero(e.right, `$$${b}`, e.span, (n, dv) => ({ $divide: [n, dv] }), e.left, `$$${a}`)
      : { [op === '+' ? '$add' : op === '-' ? '$subtract' : '$multiply']: [`$$${a}`, `$$${b}`] };
  const underflow = op === '+' || op === '-' ? undefined : { $and: [{ $ne: [`$$${a}`, 0] }, op === '*' ? { $ne: [`$$${b}`, 0] } : { $ne: [{ $abs: `$$${b}` }, Infinity] }] };
  // real op real: the double result rounded to a single is the single-precision result (float32.ts), with float4's checks
  const result = e.type === 'real' ? roundToFloat32(value) : value;
  return letIn({ [a]: l, [b]: r }, letIn({ n: result }, inFloatRange([`$$${a}`, `$$${b}`], underflow, e.span)));
}

/** How deeply arithmetic nests under `e` (0 for an operator over plain operands); each node's depth is computed once. */
const depths = new WeakMap<Expr, number>();
function nestingDepth(e: Expr): number {
  const known = depths.get(e);
  if (known !== undefined) return known;
  let depth = 0;
  someExpr(e, (x) => {
    if (x !== e && x.kind === 'arith') depth = Math.max(depth, 1 + nestingDepth(x));
    return false;
  });
  depths.set(e, depth);
  return depth;
}

/**
 * `/` and `%` fail as PostgreSQL does (`division by zero`, at the operator) rather than
 * with the engine's own message; a divisor that is a non-zero constant needs no check.
 * The operation always runs on a non-zero divisor, so no engine fails on the branch
 * not taken.
 */
export function byNonZero(divisor: Expr, d: Mql, span: SourceSpan | undefined, op: (dividend: Mql, safe: Mql) => Mql, dividend: Expr, n: Mql): Mql {
  if (divisor.kind === 'literal' && typeof divisor.value === 'number' && divisor.value !== 0) return op(n, d);
  // NULL / 0 is NULL: the operators are strict, the division never runs; NaN / 0 is NaN in
  // PostgreSQL (float8div, numeric_div test NaN first): the division runs by 1
  const nan = mayBeNaN(dividend);
  if (!mayBeNull(dividend) && !nan) {
    return letIn({ divisor: d }, raiseIf(op(n, cond({ $eq: ['$$divisor', 0] }, 1, '$$divisor')), { $eq: ['$$divisor', 0] }, 'division-by-zero', ['division by zero'], span));
  }
  const zero = { $and: [{ $eq: ['$$divisor', 0] }, { $ne: [{ $ifNull: ['$$dividend', null] }, null] }, ...(nan ? [{ $ne: ['$$dividend', NaN] }] : [])] };
  return letIn({ dividend: n, divisor: d }, raiseIf(op('$$dividend', cond({ $eq: ['$$divisor', 0] }, 1, '$$divisor')), zero, 'division-by-zero', ['division by zero'], span));
}

/**
 * `power(a, b)` / `a ^ b` as PostgreSQL computes it (IEEE/POSIX pow): `power(1, b)`
 * and `power(a, 0)` are 1 even for an infinite operand, `power(±1, ±Infinity)` is 1
 * (JavaScript's Math.pow, hence the embedded engine, says NaN), `power(0.5,
 * 'Infinity')` is 0 and `power(2, '-Infinity')` 0 as `$pow` gives them; zero to a
 * negative power and a negative number to a fractional power are PostgreSQL's
 * errors, where `$pow` fails with its own words or yields NaN (`$pow` then runs on a
 * base of 1, so no engine fails on it).
 */
export function powerOf(a: Mql, b: Mql, span?: SourceSpan): Mql {
  const numbers = [{ $isNumber: '$$a' }, { $isNumber: '$$b' }];
  // MongoDB's BSON order puts NaN below 0: a NaN operand is neither negative nor an error (power(0, NaN) and power(NaN, 0.5) are NaN)
  const zeroToNegative = { $and: [...numbers, { $eq: ['$$a', 0] }, { $lt: ['$$b', 0] }, { $ne: ['$$b', NaN] }] };
  const negativeToFraction = { $and: [...numbers, { $lt: ['$$a', 0] }, { $ne: ['$$a', NaN] }, { $ne: ['$$b', { $trunc: ['$$b', 0] }] }] };
  const value = {
    $switch: {
      branches: [
        { case: { $or: [isNull('$$a'), isNull('$$b')] }, then: null },
        { case: { $or: [{ $eq: ['$$a', 1] }, { $eq: ['$$b', 0] }] }, then: 1 },
        { case: { $and: [{ $eq: [{ $abs: '$$b' }, Infinity] }, { $eq: [{ $abs: '$$a' }, 1] }] }, then: 1 },
      ],
      default: { $pow: [cond({ $or: [zeroToNegative, negativeToFraction] }, 1, '$$a'), '$$b'] },
    },
  };
  // beyond a double (`10 ^ 400`) or below its smallest (`10 ^ -400`): PostgreSQL's errors (float8pow), not ±Infinity or 0
  const finiteOperands = [{ $ne: [{ $abs: '$$a' }, Infinity] }, { $ne: [{ $abs: '$$b' }, Infinity] }];
  const ranged = letIn({ n: value }, inFloatRange(['$$a', '$$b'], { $and: [{ $ne: ['$$a', 0] }, ...finiteOperands] }, span));
  return letIn(
    { a, b },
    raiseIf(
      raiseIf(ranged, zeroToNegative, 'invalid-argument-for-power-function', ['zero raised to a negative power is undefined'], span),
      negativeToFraction,
      'invalid-argument-for-power-function',
      ['a negative number raised to a non-integer power yields a complex result'],
      span,
    ),
  );
}

const isIntervalLiteral = (e: Expr) => e.kind === 'literal' && isInterval(e.value);

function dateArith(e: ArithExpr, lower: (e: Expr) => Mql): Mql {
  const { left, right, op } = e;
  if (isIntervalLiteral(right) && (op === '+' || op === '-')) {
    const iv = (right as { value: Interval }).value;
    return addInterval(lower(left), op === '+' ? iv : negate(iv));
  }
  if (isIntervalLiteral(left) && op === '+') return addInterval(lower(right), (left as { value: Interval }).value);
  if (left.type === 'date' && right.type === 'int' && (op === '+' || op === '-')) {
    return { [op === '+' ? '$dateAdd' : '$dateSubtract']: { startDate: lower(left), unit: 'day', amount: lower(right) } };
  }
  if (op === '-' && left.type === 'date' && right.type === 'date') {
    return { $dateDiff: { startDate: lower(right), endDate: lower(left), unit: 'day' } };
  }
  if (op === '-' && isDateType(left.type) && isDateType(right.type)) {
    // timestamp - timestamp: an interval, carried as milliseconds
    return { $subtract: [lower(left), lower(right)] };
  }
  throw unsupported('lower', `the operator ${op} between ${left.type} and ${right.type}`, e.span);
}

function negate(iv: Interval): Interval {
  return { kind: 'interval', months: -iv.months, days: -iv.days, ms: -iv.ms };
}

/** date + interval: months, then days, then milliseconds (PostgreSQL's order). */
export function addInterval(date: Mql, iv: Interval): Mql {
  let d = date;
  const steps: [string, number][] = [
    ['month', iv.months],
    ['day', iv.days],
    ['millisecond', iv.ms],
  ];
  for (const [unit, amount] of steps) {
    if (amount !== 0) d = { $dateAdd: { startDate: d, unit, amount } };
  }
  return d;
}

/**
 * A numeric value of known scale (src/ir/numeric-scale.ts) rounded to it: the double
 * sum or product of decimals lies within a few units in the last place of the exact
 * decimal, which has at most that many decimals, so rounding gives PostgreSQL's value
 * (`0.1 * 3` 0.3, not 0.30000000000000004). NULL stays NULL, NaN and infinities pass.
 */
export function roundToScale(e: Pick<Expr, 'type' | 'numericScale'>, v: Mql): Mql {
  return e.type === 'numeric' && e.numericScale !== undefined ? { $round: [v, e.numericScale] } : v;
}
