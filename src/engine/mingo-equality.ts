import { evalExpr, isEqual } from './mingo-runtime.js';

/**
 * `$eq` / `$ne` as MongoDB's aggregation operators compare: whole values. mingo's match
 * an array against any of its elements (the query language's rule), so
 * `{$eq: [["a", null], null]}` was true: a NULL test of an array holding a NULL said
 * the array itself was NULL (`array_position(ARRAY['a', NULL], NULL)` gave NULL).
 * null and missing stay equal here, as in mingo (sqletl's NULL tests go through `$ifNull`).
 * `sameValue` is the test on evaluated operands (mingo-compiled.ts compiles these two
 * operators with it).
 */
type Options = Parameters<typeof evalExpr>[2];

export function sameValue(a: unknown, b: unknown): boolean {
  return isEqual(a, b) || ((a === null || a === undefined) && (b === null || b === undefined));
}

function wholeValueEqual(obj: unknown, expr: unknown, options: Options): boolean {
  const [a, b] = evalExpr(obj, expr, options) as [unknown, unknown];
  return sameValue(a, b);
}
const $eq = (obj: unknown, expr: unknown, options: Options): boolean => wholeValueEqual(obj, expr, options);
const $ne = (obj: unknown, expr: unknown, options: Options): boolean => !wholeValueEqual(obj, expr, options);

/** the expression operators of the embedded engine's context (mingo-extensions.ts) */
export const WHOLE_VALUE_EQUALITY = { $eq, $ne };
