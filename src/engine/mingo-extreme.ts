import { accumulatorOperators, compare, evalExpr } from './mingo-runtime.js';

/**
 * `$max`/`$min` expressions: NULL and missing operands are ignored; all NULL → null.
 * mingo looks expression operators up before accumulators even inside $group, where
 * `obj` is the group's documents: there NULLs are skipped too, as MongoDB's accumulators do.
 * `extremeOf` is that fold over values already computed (mingo-compiled.ts's `$group`
 * computes them with compiled expressions): the first of equal extremes is kept.
 */
type Options = Parameters<typeof evalExpr>[2];
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoAccumulator = accumulatorOperators as unknown as Record<string, Operator>;
const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;

export function extremeOf(values: readonly unknown[], sign: 1 | -1): unknown {
  let best: unknown = null;
  let found = false;
  for (const v of values) {
    if (isNil(v)) continue;
    if (!found || sign * compare(v, best) > 0) best = v;
    found = true;
  }
  return best;
}

function extreme(sign: 1 | -1): Operator {
  return (obj, expr, options) => {
    let items: unknown[];
    if (Array.isArray(obj)) items = mingoAccumulator.$push(obj, expr, options) as unknown[];
    else {
      const value = evalExpr(obj, expr, options);
      const list = Array.isArray(expr) && expr.length === 1 ? (value as unknown[])[0] : value;
      items = Array.isArray(list) ? list : [list];
    }
    return extremeOf(items, sign);
  };
}

/** the expression operators of the embedded engine's context (mingo-extensions.ts) */
export const EXTREME_EXPRESSIONS = { $max: extreme(1), $min: extreme(-1) };
