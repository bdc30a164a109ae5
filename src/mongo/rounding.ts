import { cond, letIn, type Mql } from './mql.js';

/**
 * ROUND half away from zero, as PostgreSQL rounds numeric (`round(2.5)` is 3,
 * `round(-2.5)` is -3); MongoDB's `$round` rounds half to even. Values arrive as
 * binary doubles, so 2.675 is really 2.67499999999999982…, and scaled by 100 lands
 * an ulp or two below the tie: a relative nudge of 1e-15 (about 4 ulps) makes the
 * decimal the user wrote round as PostgreSQL rounds that decimal, while a value
 * genuinely below the tie (2.4999999999999) stays below it.
 *
 * `$round` cannot stand in: it rounds half to even, on the double's exact decimal
 * value (the server quantizes a 34-digit Decimal128 of it; mingo computes its own
 * way), so no nudge makes it provably equal to this formula near every tie.
 *
 * Negative values round toward minus infinity at the tie, so a negative value is
 * `ceil(x·s·(1+ε) − 0.5) / s` and a positive one `floor(x·s·(1+ε) + 0.5) / s`:
 * bit for bit the same as rounding |x| and negating (negation is exact in binary
 * floating point, and ceil(−z) = −floor(z)), with no `$abs` and one `$divide`. A
 * field or variable is read where it is needed instead of being bound by `$let`.
 * NULL needs no guard: `$multiply`/`$add`/`$subtract` of null or missing are null,
 * and so are `$floor`/`$ceil`/`$divide` of null (documented), whichever branch the
 * comparison with 0 picks (MongoDB sorts null below 0, mingo's `$lt` says false).
 */
export function roundHalfAway(x: Mql, places: Mql): Mql {
  const body = (v: Mql, scale: Mql): Mql => {
    const scaled = { $multiply: [v, scale, 1 + 1e-15] };
    return { $divide: [cond({ $lt: [v, 0] }, { $ceil: { $subtract: [scaled, 0.5] } }, { $floor: { $add: [scaled, 0.5] } }), scale] };
  };
  const plain = typeof x === 'string' || typeof x === 'number' || x === null;
  if (typeof places === 'number') return plain ? body(x, 10 ** places) : letIn({ x }, body('$$x', 10 ** places));
  return letIn(plain ? { s: { $pow: [10, places] } } : { x, s: { $pow: [10, places] } }, body(plain ? x : '$$x', '$$s'));
}
