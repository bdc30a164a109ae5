import { assertNever } from '../assert-never.js';
import type { Expr } from '../ir/expr.js';

/**
 * Where a NaN can appear, conservatively: only what is certainly never NaN says false.
 *
 * Why it matters: PostgreSQL's float8 and numeric hold NaN, equal to itself and
 * greater than every other number (+Infinity included), while MongoDB's BSON order
 * puts NaN below every number (`$sort`, `$max`, `$lt`), and the embedded engine
 * compares it as JavaScript does (false both ways). Comparisons, sort keys and
 * min/max pay for PostgreSQL's order only where this says a NaN may arrive.
 *
 * A NaN comes from a float8/numeric column (a data file may hold
 * `{"$numberDouble": "NaN"}`), text read as a number, a NaN constant, or arithmetic
 * whose operand may be infinite or NaN (`inf - inf`, `0 * inf`). An integer, a
 * finite constant, or arithmetic over finite values never is. A value of no
 * declared type (no schema) is compared as MongoDB compares it (README: not yet).
 */
export function mayBeNaN(e: Expr): boolean {
  if (e.type !== 'float' && e.type !== 'numeric') return false;
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'number' && Number.isNaN(e.value);
    case 'column':
    case 'func':
    case 'window':
    case 'subquery':
    case 'element':
      return true;
    case 'arith':
      return mayBeSpecial(e.left) || mayBeSpecial(e.right);
    case 'negate':
      return mayBeNaN(e.arg);
    case 'case':
      return e.whens.some((w) => mayBeNaN(w.then)) || mayBeNaN(e.else);
    case 'cast':
      // an integer or boolean read as a number is finite; text may spell 'NaN'
      return e.arg.type === 'int' || e.arg.type === 'bool' ? false : e.arg.type === 'float' || e.arg.type === 'numeric' ? mayBeNaN(e.arg) : true;
    case 'agg':
      // min/max/sum/avg of finite numbers are not NaN; the rest (var, stddev, …) of anything numeric may be
      if (['min', 'max'].includes(e.name)) return e.args.some(mayBeNaN);
      if (['sum', 'avg'].includes(e.name)) return e.args.some(mayBeSpecial);
      return true;
    case 'compare':
    case 'and':
    case 'or':
    case 'not':
    case 'isnull':
    case 'isbool':
    case 'distinctfrom':
    case 'inlist':
    case 'like':
      return false;
    default:
      return assertNever(e, 'plan');
  }
}

/** May `e` be NaN or ±Infinity (an operand that can make arithmetic NaN)? */
function mayBeSpecial(e: Expr): boolean {
  if (e.type !== 'float' && e.type !== 'numeric') return false;
  if (e.kind === 'literal') return typeof e.value === 'number' && !Number.isFinite(e.value);
  if (e.kind === 'cast' && (e.arg.type === 'int' || e.arg.type === 'bool')) return false;
  if (e.kind === 'negate') return mayBeSpecial(e.arg);
  return true;
}
