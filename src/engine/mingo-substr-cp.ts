import { evalExpr, expressionOperators } from './mingo-runtime.js';

/**
 * `$substrCP: [string, index, count]` by code points. mingo's splits the whole string
 * into code points every time; a string without surrogates has one UTF-16 unit per code
 * point, so a slice gives the same substring. Everything else is mingo's. Its own file
 * so that the operator table (mingo-extensions.ts) and the compiled expressions
 * (mingo-compiled.ts, which recognises this operator) share the one function.
 */
type Options = Parameters<typeof evalExpr>[2];
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoSubstrCP = (expressionOperators as unknown as Record<string, Operator>).$substrCP;

export const SURROGATE = /[\uD800-\uDFFF]/;

/** the substring when the fast rule applies to these evaluated operands, else undefined */
export function substrCPFast(s: unknown, index: unknown, count: unknown): string | undefined {
  if (typeof s === 'string' && Number.isInteger(index) && Number.isInteger(count) && (index as number) >= 0 && !SURROGATE.test(s)) {
    return (count as number) < 0 ? s.slice(index as number) : s.slice(index as number, (index as number) + (count as number));
  }
  return undefined;
}

export function $substrCP(obj: unknown, expr: unknown, options: Options): unknown {
  if (!Array.isArray(expr) || expr.length !== 3) return mingoSubstrCP(obj, expr, options);
  const [s, index, count] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
  return substrCPFast(s, index, count) ?? mingoSubstrCP(obj, expr, options);
}
