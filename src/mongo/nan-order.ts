import type { CompareOp } from '../ir/expr.js';
import { cond, letIn, shared, type Mql } from './mql.js';

/**
 * PostgreSQL's order of NaN in float8 and numeric: NaN equals NaN and is greater than
 * every other number, +Infinity included. MongoDB's BSON order puts NaN below every
 * number (`$sort`, `$lt`/`$gt`, `$min`/`$max`, query comparisons), and the embedded
 * engine compares it as JavaScript does (`$lt` and `$gt` both false, `$max` NaN), so
 * neither engine's order may decide where a NaN is possible (catalog/nan-values.ts).
 * `$eq` agrees everywhere (NaN equals NaN in BSON, and in mingo's `$eq`/`$in`), which
 * is how NaN is recognised, and why `=`, `<>`, IN, GROUP BY and DISTINCT need nothing.
 */

/** TRUE for NaN; false for any other value, NULL included */
export const isNaNValue = (x: Mql): Mql => ({ $eq: [x, NaN] });

/**
 * `l op r` for an ordering operator in PostgreSQL's order, where `nanL`/`nanR` say
 * which side may be NaN; `l` and `r` must be cheap to repeat (fields, variables,
 * constants). A NULL operand reaches the plain comparison (isNaNValue says false),
 * so the callers' NULL handling stays as it is.
 */
export function nanAwareCompare(op: Exclude<CompareOp, '=' | '<>'>, l: Mql, r: Mql, nanL: boolean, nanR: boolean): Mql {
  const plain = { [{ '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' }[op]]: [l, r] };
  // the side that is greater when the comparison holds (`lo < hi`, `hi > lo`)
  const [lo, hi, nanLo, nanHi] = op === '<' || op === '<=' ? [l, r, nanL, nanR] : [r, l, nanR, nanL];
  // a NaN greater side makes it hold, a NaN lesser side fails it; with both NaN, `<=` holds and `<` fails
  if (nanHi && !nanLo) return { $or: [plain, isNaNValue(hi)] };
  if (nanLo && !nanHi) return { $and: [plain, { $ne: [lo, NaN] }] };
  const strict = op === '<' || op === '>';
  return strict ? cond(isNaNValue(lo), false, { $or: [plain, isNaNValue(hi)] }) : cond(isNaNValue(hi), true, { $and: [plain, { $ne: [lo, NaN] }] });
}

/**
 * A sort rank that puts NaN after every number (before, descending): 1 for NaN, 0 for
 * anything else; sorted in the key's own direction just before the key.
 */
export const nanRank = (x: Mql): Mql => cond(isNaNValue(x), 1, 0);

/**
 * The largest value of an array (an array expression or a list of expressions) in
 * PostgreSQL's order: any NaN is the answer; NULLs are skipped as `$max` skips them.
 */
export const nanMaxOf = (values: Mql): Mql => cond({ $in: [NaN, values] }, NaN, { $max: values });

/** The least value of an array in PostgreSQL's order: NaN only when every non-NULL value is NaN. */
export function nanMinOf(values: Mql[] | string): Mql {
  const numbers = Array.isArray(values) ? values.map((v) => cond(isNaNValue(v), null, v)) : { $map: { input: values, in: cond(isNaNValue('$$this'), null, '$$this') } };
  return letIn({ m: { $min: numbers } }, cond({ $and: [{ $eq: [{ $ifNull: ['$$m', null] }, null] }, { $in: [NaN, values] }] }, NaN, '$$m'));
}

/**
 * min/max accumulators (`$group`, `$setWindowFields`) in PostgreSQL's order: NaN enters
 * as a string, which BSON orders above every number (and mingo's accumulators do too),
 * so `$max` takes it over any number and `$min` only when the group has nothing else;
 * `fromNaNMark` turns the result back into NaN. The values are float8/numeric, so no
 * other string can arrive.
 */
const NAN_MARK = 'NaN';
export const toNaNMark = (v: Mql): Mql => shared([v], ([x]) => cond(isNaNValue(x), NAN_MARK, x));
export const fromNaNMark = (v: Mql): Mql => cond({ $eq: [v, NAN_MARK] }, NaN, v);
