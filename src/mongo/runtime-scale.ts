import type { ArithExpr, Expr } from '../ir/expr.js';
import { MAX_SCALE, scaleOf } from '../ir/numeric-scale.js';
import { cond, letIn, nestedLet, type Mql } from './mql.js';

/**
 * Exact numeric results where the scale is known only at run time: a `numeric` column
 * without a scale, a Decimal128 read from a data file, a numeric subquery column.
 *
 * PostgreSQL's numeric is exact decimal; sqletl holds a numeric value as a double. A
 * double read from decimal text of at most 15 significant digits (`0.1`, JSON's number,
 * `"$numberDecimal": "19.99"`, an INSERT's constant) is the nearest double to that
 * decimal, and of every decimal of at most 15 significant digits it is the only one
 * that double is nearest to (DBL_DIG). So the value's decimals can be read back from
 * the double: the first s in 0…15 with `$round(x, s) == x` (rounding x to fewer decimals
 * gives another such decimal, hence another double; rounding to s gives the decimal
 * itself, hence x). This holds for MongoDB's `$round` (the double's exact expansion
 * rounded) and for DocumentDB's (the double read with 15 significant digits): both
 * give that decimal. A value with more significant digits (a double's 1/3, an avg)
 * has no such s: its scale is unknown and nothing computed from it is rounded.
 *
 * With the operands' scales, `a ± b` has max(sa, sb) decimals and `a * b` sa + sb, as
 * the static rules say (ir/numeric-scale.ts), and the double result rounded to that
 * many decimals is PostgreSQL's exact result, on one condition: that exact result has
 * at most 15 significant digits. Then it is within a few units in the double's last
 * place of the double result, far below half a unit of its last decimal. Past that
 * (a scale above 15, or |result| ≥ 10^(15 − scale)) the double cannot hold the exact
 * result, and rounding it would not make it so: on DocumentDB it would even cut the
 * double to 15 digits. Such results are left as the double computes them. NULL stays
 * NULL, NaN and the infinities pass unrounded.
 *
 * The scale of each operand is computed once per row (a `$let`), and only for the
 * operands whose scale is not known statically; a tree of `+ - *` is rounded once, at
 * its top. Division, `avg` and functions of numeric are not exact (PostgreSQL computes
 * them to at least 16 significant digits, which a double does not hold): a result of
 * one is an operand of unknown scale unless its double happens to be a short decimal.
 */

/** A scale past every trackable one: a value whose decimals are not known. */
const UNKNOWN = MAX_SCALE + 1;

/**
 * 10^(15 − s) for s = 0…15: below it, a value with s decimals has at most 15 significant
 * digits. Constants, so the check costs a lookup, not a `$pow`.
 */
const DIGIT_LIMITS = Array.from({ length: MAX_SCALE + 1 }, (_, s) => 10 ** (MAX_SCALE - s));

/**
 * The decimals of a numeric value's shortest text, 0…15, or 16 when it has more than 15
 * significant digits. `v` is read several times: pass a variable (`$$x`) or a field path.
 * NULL reads as 0 decimals (`$round` of NULL is NULL, equal to it); a missing value as 16.
 */
export function decimalsOfValue(v: Mql): Mql {
  const branches = Array.from({ length: MAX_SCALE + 1 }, (_, s) => ({ case: { $eq: [{ $round: [v, s] }, v] }, then: s }));
  return { $switch: { branches, default: UNKNOWN } };
}

/**
 * `value` rounded to `scale` decimals (a number, or an expression that may be 16 for
 * "unknown") where the result has at most 15 significant digits, else left as it is.
 */
export function roundToRuntimeScale(value: Mql, scale: Mql, names: { value: string; scale: string }): Mql {
  return nestedLet({ [names.value]: value, [names.scale]: scale }, roundedWhereExact(`$$${names.value}`, `$$${names.scale}`));
}

/** Whether the value `n` (a variable) rounded to `s` decimals (a variable) is PostgreSQL's exact value: `s` known and at most 15 significant digits. */
export function isExactAtScale(n: Mql, s: Mql): Mql {
  // (past the array, `$arrayElemAt` gives nothing: the first condition has said false already)
  return { $and: [{ $lte: [s, MAX_SCALE] }, { $lt: [{ $abs: n }, { $arrayElemAt: [DIGIT_LIMITS, s] }] }] };
}

/** `n` rounded to `s` decimals where that is exact (isExactAtScale), else `n`; both variables. */
function roundedWhereExact(n: Mql, s: Mql): Mql {
  return cond(isExactAtScale(n, s), { $round: [n, s] }, n);
}

/** A tree of `+ - *` over numeric operands: its operands of unknown scale, and how the result's scale follows from theirs. */
type ScaleTerm = { kind: 'known'; scale: number } | { kind: 'leaf'; leaf: Expr } | { kind: 'max' | 'sum'; left: ScaleTerm; right: ScaleTerm };

/** The scale term of `e` inside a numeric `+ - *` tree, or undefined when some part of it can have no scale. */
function termOf(e: Expr, top: boolean): ScaleTerm | undefined {
  if (e.type === 'int') return { kind: 'known', scale: 0 };
  if (e.type !== 'numeric') return undefined;
  if (e.kind === 'arith' && (e.op === '+' || e.op === '-' || e.op === '*')) {
    const [l, r] = [termOf(e.left, false), termOf(e.right, false)];
    if (!l || !r) return undefined;
    return { kind: e.op === '*' ? 'sum' : 'max', left: l, right: r };
  }
  if (top) return undefined;
  const known = scaleOf(e);
  if (known !== undefined) return known <= MAX_SCALE ? { kind: 'known', scale: known } : undefined;
  return { kind: 'leaf', leaf: e };
}

function leavesOf(t: ScaleTerm, out: Expr[] = []): Expr[] {
  if (t.kind === 'leaf') out.push(t.leaf);
  else if (t.kind !== 'known') leavesOf(t.left, out), leavesOf(t.right, out);
  return out;
}

/** The scale a term has at least (a leaf counts 0): past MAX_SCALE nothing can be rounded. */
function scaleFloor(t: ScaleTerm): number {
  if (t.kind === 'known') return t.scale;
  if (t.kind === 'leaf') return 0;
  const [a, b] = [scaleFloor(t.left), scaleFloor(t.right)];
  return t.kind === 'sum' ? a + b : Math.max(a, b);
}

/** Nesting depth of the run-time scaled trees being lowered: their variable names differ by it (DocumentDB loses shadowed variables). */
let depth = 0;

/**
 * A numeric `+ - *` tree none of whose parts has a known scale statically (`x * 3` over a
 * `numeric` column), computed and rounded to its scale at run time; undefined when it
 * has no operand of unknown scale (nothing to do: the static rules apply) or an operand
 * that cannot have a scale (a division inside is lowered as an operand of its own).
 * `arith` lowers the tree's nodes given how to lower their operands; `finish` turns the
 * unrounded result and its scale (variables; the scale 16 when unknown) into the value
 * (by default: rounded where that is exact).
 */
export function lowerRuntimeScaled(
  e: ArithExpr,
  lower: (e: Expr) => Mql,
  arith: (e: ArithExpr, operand: (x: Expr) => Mql) => Mql,
  finish: (value: Mql, scale: Mql) => Mql = roundedWhereExact,
): Mql | undefined {
  if (e.type !== 'numeric' || e.numericScale !== undefined) return undefined;
  const term = termOf(e, true);
  if (!term || scaleFloor(term) > MAX_SCALE) return undefined;
  const leaves = leavesOf(term);
  if (leaves.length === 0) return undefined;
  const d = depth++;
  try {
    // each distinct operand bound once, with its scale (`x * x` reads x once)
    const bound = new Map<Expr, number>();
    const vars: [string, Mql][] = [];
    const keys = new Map<string, number>();
    for (const leaf of leaves) {
      const value = lower(leaf);
      const key = JSON.stringify(value);
      let i = keys.get(key);
      if (i === undefined) {
        i = keys.size;
        keys.set(key, i);
        vars.push([`dv${d}_${i}`, value], [`ds${d}_${i}`, decimalsOfValue(`$$dv${d}_${i}`)]);
      }
      bound.set(leaf, i);
    }
    const inTree = (x: Expr): boolean => x.kind === 'arith' && x.type === 'numeric' && (x.op === '+' || x.op === '-' || x.op === '*');
    const operand = (x: Expr): Mql => {
      const i = bound.get(x);
      if (i !== undefined) return `$$dv${d}_${i}`;
      return inTree(x) ? arith(x as ArithExpr, operand) : lower(x);
    };
    const scaleExpr = (t: ScaleTerm): Mql => {
      if (t.kind === 'known') return t.scale;
      if (t.kind === 'leaf') return `$$ds${d}_${bound.get(t.leaf)}`;
      const [a, b] = [scaleExpr(t.left), scaleExpr(t.right)];
      if (typeof a === 'number' && typeof b === 'number') return t.kind === 'sum' ? a + b : Math.max(a, b);
      // a scale is never negative: adding 0 or taking the larger with 0 changes nothing
      if (a === 0 || b === 0) return a === 0 ? b : a;
      return t.kind === 'sum' ? { $add: [a, b] } : { $max: [a, b] };
    };
    const rounded = nestedLet({ [`dn${d}`]: arith(e, operand), [`dsc${d}`]: scaleExpr(term) }, finish(`$$dn${d}`, `$$dsc${d}`));
    // one variable per $let, each reading only earlier ones (DocumentDB runs no many-variable $let)
    return vars.reduceRight<Mql>((body, [name, value]) => letIn({ [name]: value }, body), rounded);
  } finally {
    depth--;
  }
}

/**
 * The per-row scale of a `sum` argument of unknown static scale, for a `$max` beside the
 * `$sum` (`sum` to the largest scale of its inputs); undefined when the argument's scale
 * is known (static rules) or it is not numeric. A NULL input counts 0 decimals.
 */
export function sumInputScale(arg: Expr, value: Mql): Mql | undefined {
  if (arg.type !== 'numeric' || scaleOf(arg) !== undefined) return undefined;
  return letIn({ dsum: { $ifNull: [value, 0] } }, decimalsOfValue('$$dsum'));
}
