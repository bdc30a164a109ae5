import type { ArithOp, CaseExpr, Expr } from './expr.js';

/**
 * The scale PostgreSQL's numeric result would have, where sqletl knows it: every value
 * of a `numeric(p, s)` column has at most s decimals, an integer 0, a constant its own;
 * `a + b` and `a - b` have the larger scale, `a * b` the sum, and sum/min/max keep their
 * argument's. sqletl computes numeric values as doubles, so `0.10 * 3` is
 * 0.30000000000000004 and `1.15 * 7` 8.049999999999999 where PostgreSQL's exact
 * arithmetic gives 0.30 and 8.05; a result rounded to its known scale is PostgreSQL's
 * (the double's error is far below half a unit of the last decimal for such values;
 * no tie can occur, the exact result lies on that scale). Where the scale is unknown
 * (a `numeric` column without a scale, a division, a function) nothing is rounded.
 * Above MAX_SCALE decimals a double holds no such value: not tracked.
 */
export const MAX_SCALE = 15;

/** The decimals of a value of `e`, when every one has at most that many. */
export function scaleOf(e: Expr): number | undefined {
  if (e.type === 'int') return 0;
  if (e.type !== 'numeric') return undefined;
  // a constant as written (`1.50`: 2, as PostgreSQL's numeric reads it; its text is 1.50), or as its shortest text spells it
  if (e.kind === 'literal') return typeof e.value === 'number' && e.inexact === undefined ? (e.numericScale ?? decimalsOf(e.value)) : undefined;
  if (e.kind === 'cast') return e.scale ?? (e.arg.type === 'int' || e.arg.type === 'numeric' ? scaleOf(e.arg) : undefined);
  // a CASE's value is one of its branches', with that branch's scale: known when they all have the same
  // (PostgreSQL prints each with its own: the largest would pad `ELSE 0` to `0.00`)
  if (e.kind === 'case') return commonScale(caseResults(e));
  return e.numericScale;
}

/** The scale of `l op r` for + - * when both are known, else undefined. */
export function arithScale(op: ArithOp, l: Expr, r: Expr): number | undefined {
  if (op !== '+' && op !== '-' && op !== '*') return undefined;
  const a = scaleOf(l);
  const b = scaleOf(r);
  if (a === undefined || b === undefined) return undefined;
  return op === '*' ? a + b : Math.max(a, b);
}

/** The field to spread into a numeric expression (nothing when unknown or beyond a double). */
export function scaleField(scale: number | undefined): { numericScale?: number } {
  return scale !== undefined && scale <= MAX_SCALE ? { numericScale: scale } : {};
}

/** The scale PostgreSQL's numeric input gives a constant's text: its decimals less its exponent (`1.50` 2, `1.5e-3` 4, `1.5e2` 0). */
export function writtenScale(text: string): number | undefined {
  const m = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** Decimals of a finite constant as its shortest text spells it (`1.10` is 1.1: one decimal; the trailing zero adds nothing to a product's value). */
function decimalsOf(v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return undefined;
  const d = (m[1]?.length ?? 0) - Number(m[2] ?? 0);
  return Math.max(0, d);
}

/** A CASE's possible results, its NULL constants (which have no decimals) left out. */
export function caseResults(e: CaseExpr): Expr[] {
  return [...e.whens.map((w) => w.then), e.else].filter((x) => !(x.kind === 'literal' && x.value === null));
}

/** The scale of every one of `xs` when they all have the same (and at least one is there), else undefined. */
function commonScale(xs: Expr[]): number | undefined {
  const scales = new Set(xs.map(scaleOf));
  return scales.size === 1 ? [...scales][0] : undefined;
}

/**
 * At most how many decimals every value of `e` has, where known: its scale, or for a CASE
 * the largest of its branches' (`CASE WHEN … THEN price * (1 - discount) ELSE 0 END`: 4).
 * Enough to round a sum of it (its exact value has no more decimals), not to print it
 * (PostgreSQL prints each value with its own scale): undefined past MAX_SCALE.
 */
export function scaleBound(e: Expr): number | undefined {
  if (e.kind !== 'case' || e.type !== 'numeric') return scaleOf(e);
  let largest = 0;
  for (const x of caseResults(e)) {
    const s = scaleBound(x);
    if (s === undefined) return undefined;
    largest = Math.max(largest, s);
  }
  return largest <= MAX_SCALE ? largest : undefined;
}
