import { assertNever } from '../assert-never.js';
import { SqlEtlError } from '../errors.js';
import { isInterval, lit, mapExpr, type Expr, type Interval } from '../ir/expr.js';
import type { SelectQuery, Source } from '../ir/query.js';
import { intRangeOfWidth, widthField } from '../ir/types.js';
import { add, decimalText, fromNumber, mod, mul, sub, toNumber, truncDiv, div, type Decimal } from './exact-decimal.js';

/**
 * Constant folding, exactly as PostgreSQL computes constants:
 * - integer and numeric arithmetic on literals in decimal (exact-decimal.ts), so
 *   `BETWEEN 0.06 - 0.01 AND 0.06 + 0.01` compares with 0.05 and 0.07, not with
 *   the doubles 0.049999999999999996 and 0.06999999999999999 (TPC-H q06); integer
 *   `/` truncates and `%` keeps the dividend's sign; a numeric quotient is folded
 *   only when it is exact, division by zero never (it stays an error at run time);
 * - `date '…' ± interval '…'` (months, then days, then time, with the day of month
 *   clamped as PostgreSQL and `$dateAdd` do) becomes a timestamp literal, so the
 *   comparison it is part of can go into the leading, index-eligible `$match`.
 * Double precision (`float`) arithmetic is left alone: it is a double in PostgreSQL too.
 */
export function foldConstants(q: SelectQuery): SelectQuery {
  return {
    ...q,
    source: foldSource(q.source),
    where: q.where && fold(q.where),
    having: q.having && fold(q.having),
    groupBy: q.groupBy.map(fold),
    columns: q.columns.map((c) => ({ ...c, expr: fold(c.expr) })),
    orderBy: q.orderBy.map((k) => ({ ...k, expr: fold(k.expr) })),
  };
}

function foldSource(s: Source): Source {
  if (s.kind === 'join') return { ...s, left: foldSource(s.left), on: s.on && fold(s.on) };
  if (s.kind === 'unnest') return { ...s, left: foldSource(s.left), array: fold(s.array) };
  if (s.kind === 'collection' || s.kind === 'subquery' || s.kind === 'values' || s.kind === 'none') return s;
  return assertNever(s, 'plan');
}

export function fold(e: Expr): Expr {
  return mapExpr(e, (x) => {
    if (x.kind === 'case') return foldCase(x);
    // a subscript `x[i]` arrives as `i - 1`, a shape its lowering recognises: left as it is
    if (x.kind === 'element') return { ...x, arg: fold(x.arg) };
    if (x.kind === 'arith') return foldArith({ ...x, left: fold(x.left), right: fold(x.right) });
    if (x.kind === 'negate') {
      const arg = fold(x.arg);
      if (arg.kind === 'literal' && typeof arg.value === 'number' && (x.type === 'int' || x.type === 'numeric')) return { ...lit(arg.value === 0 ? 0 : -arg.value, x.type, x.span), ...widthField(x.type, x.intWidth), ...(x.numericScale !== undefined ? { numericScale: x.numericScale } : {}) };
      return { ...x, arg };
    }
    return undefined;
  });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A comparison of two number constants (`1 = 0`, `CASE 1 WHEN 0`) as the boolean constant it is (NULL beside NULL). */
function constantComparison(e: Expr): Expr {
  if (e.kind !== 'compare' || e.left.kind !== 'literal' || e.right.kind !== 'literal') return e;
  const [a, b] = [e.left.value, e.right.value];
  if (a === null || b === null) return lit(null, 'bool', e.span);
  if (typeof a !== 'number' || typeof b !== 'number') return e;
  const value = { '=': a === b, '<>': a !== b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b }[e.op];
  return lit(value, 'bool', e.span);
}

/**
 * CASE as PostgreSQL's planner simplifies it, arm by arm: an arm whose WHEN is the
 * constant FALSE or NULL is dropped unread, and the arms after a constant TRUE are
 * never read. Only the arms it reads are folded, so `CASE WHEN x > 0 THEN 1 ELSE 1/0
 * END` is PostgreSQL's `division by zero` even when no row reaches the ELSE, while
 * `CASE WHEN true THEN 1 ELSE 1/0 END` is 1.
 */
function foldCase(e: Extract<Expr, { kind: 'case' }>): Expr {
  const whens: { when: Expr; then: Expr }[] = [];
  for (const w of e.whens) {
    const when = constantComparison(fold(w.when));
    if (when.kind === 'literal' && (when.value === false || when.value === null)) continue;
    const then = fold(w.then);
    if (when.kind === 'literal' && when.value === true) return whens.length === 0 ? then : { ...e, whens, else: then };
    whens.push({ when, then });
  }
  const otherwise = fold(e.else);
  return whens.length === 0 ? otherwise : { ...e, whens, else: otherwise };
}

function foldArith(e: Extract<Expr, { kind: 'arith' }>): Expr {
  const { left, right } = e;
  if (left.kind !== 'literal' || right.kind !== 'literal') return e;
  if (left.value instanceof Date && isInterval(right.value) && (e.op === '+' || e.op === '-') && e.type === 'timestamp') {
    const t = addInterval(left.value, right.value, e.op === '+' ? 1 : -1);
    return t ? lit(t, e.type, e.span) : e;
  }
  if (isInterval(left.value) && right.value instanceof Date && e.op === '+' && e.type === 'timestamp') {
    const t = addInterval(right.value, left.value, 1);
    return t ? lit(t, e.type, e.span) : e;
  }
  if (typeof left.value !== 'number' || typeof right.value !== 'number') return e;
  // a constant a double does not hold stays as written: its lowering refuses it
  if (left.inexact || right.inexact) return e;
  // a constant divided by zero is PostgreSQL's error while planning, whether or not a row reaches it
  // (NaN / 0 is NaN in PostgreSQL: float8div and numeric_div test NaN first)
  if ((e.op === '/' || e.op === '%') && right.value === 0 && !Number.isNaN(left.value)) throw new SqlEtlError('division-by-zero', 'plan', 'division by zero', { span: e.span });
  if (e.type !== 'int' && e.type !== 'numeric') return e;
  if (![left.type, right.type].every((t) => t === 'int' || t === 'numeric')) return e;
  const a = fromNumber(left.value);
  const b = fromNumber(right.value);
  if (!a || !b) return e;
  const out = compute(e.op, a, b, e.type === 'int');
  if (!out) return e;
  if (e.type === 'int' && (out.scale !== 0 || out.coef > MAX_SAFE || out.coef < -MAX_SAFE)) return e;
  // an int2/int4 result outside its type stays to run time, where it is PostgreSQL's `integer out of range`
  const range = e.type === 'int' && e.intWidth ? intRangeOfWidth(e.intWidth) : undefined;
  if (range && (out.coef < range.exact[0] || out.coef > range.exact[1])) return e;
  const value = toNumber(out);
  // a numeric keeps the scale PostgreSQL's result has (`1.50 * 2` is 3.00: its text)
  const folded = { ...lit(Object.is(value, -0) ? 0 : value, e.type, e.span), ...widthField(e.type, e.intWidth), ...(e.numericScale !== undefined ? { numericScale: e.numericScale } : {}) };
  // an exact result a double does not hold (`123456789.123 * 1000.001`): refused where it is computed as numeric
  const back = fromNumber(value);
  return back && sameDecimal(back, out) ? folded : { ...folded, inexact: decimalText(out) };
}

function compute(op: string, a: Decimal, b: Decimal, integer: boolean): Decimal | undefined {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return sub(a, b);
    case '*':
      return mul(a, b);
    case '/':
      return integer ? truncDiv(a, b) : div(a, b);
    case '%':
      return mod(a, b);
    default:
      return undefined;
  }
}

/** PostgreSQL's timestamp + interval: months (day of month clamped), then days, then milliseconds; UTC. */
function addInterval(d: Date, iv: Interval, sign: 1 | -1): Date | undefined {
  if (d.getUTCFullYear() < 100 || d.getUTCFullYear() > 9999) return undefined;
  let t = new Date(d.getTime());
  if (iv.months) {
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() + sign * iv.months;
    const day = t.getUTCDate();
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    t = new Date(Date.UTC(y, m, Math.min(day, last), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds()));
  }
  if (iv.days) t = new Date(t.getTime() + sign * iv.days * 86_400_000);
  if (iv.ms) t = new Date(t.getTime() + sign * iv.ms);
  return Number.isNaN(t.getTime()) || t.getUTCFullYear() < 100 || t.getUTCFullYear() > 9999 ? undefined : t;
}

/** Do two decimals have the same value (`0.10` and `0.1`)? */
function sameDecimal(a: Decimal, b: Decimal): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.coef * 10n ** BigInt(scale - a.scale) === b.coef * 10n ** BigInt(scale - b.scale);
}

