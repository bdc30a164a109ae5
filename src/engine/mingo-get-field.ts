import { evalExpr } from './mingo-runtime.js';

/**
 * `$getField` as MongoDB computes it: an `input` that evaluates to missing or null gives
 * null, and one that is not a document is an error. mingo read the field from the
 * current document instead (`input ?? $$CURRENT`), so a scalar subquery without rows
 * (`$arrayElemAt` of `[]` is missing) took the outer row's field of the same name.
 * Its own file so that the operator table (mingo-extensions.ts) and the compiled
 * expressions (mingo-compiled.ts, which recognises this operator) share the one function.
 */
type Doc = Record<string, unknown>;
type Options = Parameters<typeof evalExpr>[2];

/** the field of an evaluated `input` (the form with `input`) */
export function fieldOfInput(input: unknown, field: unknown): unknown {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'object' || Array.isArray(input) || input instanceof Date) throw new Error("$getField requires 'input' to evaluate to type Object");
  return (input as Doc)[field as string];
}

export function $getField(obj: unknown, expr: unknown, options: Options): unknown {
  const args = evalExpr(obj, expr, options) as unknown;
  if (typeof args === 'string') return (obj as Doc | null)?.[args];
  const spec = args as { field: unknown; input?: unknown };
  const hasInput = typeof expr === 'object' && expr !== null && 'input' in expr;
  return hasInput ? fieldOfInput(spec.input, spec.field) : fieldOfInput(obj, spec.field);
}
