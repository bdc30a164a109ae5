import type { Expr, FuncExpr } from '../ir/expr.js';
import { cond, isNull, letIn, literal, type Mql } from './mql.js';

/**
 * Array and JSON functions: `x op ANY/ALL (array)` with three-valued logic,
 * containment (`@>`, `<@`, `&&`), slices (1-based, clamped as PostgreSQL clamps),
 * and JSON object/array builders. Object keys go through `$arrayToObject`, so a
 * key the user wrote is never read as an operator or a path.
 */
const OPS = { '=': '$eq', '<>': '$ne', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' } as const;

/** TRUE if some element compares TRUE; NULL if none does but one compared NULL; else FALSE (ALL: dual). */
export function quantified([, x, arr]: Mql[], f: FuncExpr, all: boolean): Mql {
  const op = OPS[(f.args[0] as { value: keyof typeof OPS }).value];
  const compared = { $map: { input: '$$a', as: 'e', in: cond({ $or: [isNull('$$e'), isNull('$$x')] }, null, { [op]: ['$$x', '$$e'] }) } };
  const decisive = !all;
  return letIn(
    { a: arr, x },
    cond(
      isNull('$$a'),
      null,
      cond(
        { $eq: [{ $size: '$$a' }, 0] },
        all,
        letIn({ c: compared }, cond({ $in: [decisive, '$$c'] }, decisive, cond({ $in: [null, '$$c'] }, null, !decisive))),
      ),
    ),
  );
}

export const arrayContains = ([a, b]: Mql[]): Mql => ({ $setIsSubset: [b, a] });
export const arrayContained = ([a, b]: Mql[]): Mql => ({ $setIsSubset: [a, b] });
export const arrayOverlap = ([a, b]: Mql[]): Mql => ({ $gt: [{ $size: { $setIntersection: [a, b] } }, 0] });

/** `arr[lo:hi]`: bounds clamp to the array; an empty range is an empty array. */
export function arraySlice([arr, lo, hi]: Mql[]): Mql {
  return letIn(
    { a: arr },
    cond(
      { $not: [{ $isArray: ['$$a'] }] },
      null,
      letIn(
        { from: { $max: [{ $subtract: [lo, 1] }, 0] }, to: { $min: [{ $ifNull: [hi, { $size: '$$a' }] }, { $size: '$$a' }] } },
        cond({ $gt: ['$$to', '$$from'] }, { $slice: ['$$a', '$$from', { $subtract: ['$$to', '$$from'] }] }, []),
      ),
    ),
  );
}

/** json_build_object(k1, v1, …): keys are text; NULL values stay as JSON null. */
export function jsonBuildObject(args: Mql[], f: FuncExpr, lower: (e: Expr) => Mql): Mql {
  const pairs: Mql[] = [];
  for (let i = 0; i + 1 < f.args.length; i += 2) {
    const k = f.args[i];
    const key = k.kind === 'literal' ? literal(String(k.value)) : { $toString: lower(k) };
    pairs.push({ k: key, v: { $ifNull: [args[i + 1], null] } });
  }
  return { $arrayToObject: [pairs] };
}

export const jsonBuildArray = (args: Mql[]): Mql => args.map((a) => ({ $ifNull: [a, null] }));
