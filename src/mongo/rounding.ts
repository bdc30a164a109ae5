import { cond, letIn, type Mql } from './mql.js';

/**
 * ROUND half away from zero, as PostgreSQL rounds numeric (`round(2.5)` is 3,
 * `round(-2.5)` is -3); MongoDB's `$round` rounds half to even. Values arrive as
 * binary doubles, so 2.675 is really 2.67499999999999982…, and scaled by 100 lands
 * an ulp or two below the tie: a relative nudge of 1e-15 (about 4 ulps) makes the
 * decimal the user wrote round as PostgreSQL rounds that decimal, while a value
 * genuinely below the tie (2.4999999999999) stays below it.
 *
 * `$round` cannot stand in, even after the nudge: the server rounds a double
 * through a 15-digit decimal, which takes the nudge away again (2.665 → 2.66).
 *
 * The magnitude is rounded once and divided by the scale, negated for negative
 * values (`a / -s` is exactly `-(a / s)`). A field or variable is read where it is
 * needed instead of being bound by `$let`. NULL needs no guard: `$abs` of null or
 * missing is null (documented), and so is everything after it, whichever branch
 * the comparison with 0 picks (MongoDB sorts null below 0, mingo's `$lt` says false).
 */
export function roundHalfAway(x: Mql, places: Mql): Mql {
  const literalScale = typeof places === 'number';
  const body = (v: Mql, scale: Mql): Mql => {
    const units = { $floor: { $add: [{ $multiply: [{ $abs: v }, scale, 1 + 1e-15] }, 0.5] } };
    const negative = typeof scale === 'number' ? -scale : { $multiply: [-1, scale] };
    return cond({ $lt: [v, 0] }, { $divide: [units, negative] }, { $divide: [units, scale] });
  };
  const plain = typeof x === 'string' || typeof x === 'number' || x === null;
  if (literalScale) return plain ? body(x, 10 ** places) : letIn({ x }, body('$$x', 10 ** places));
  return letIn(plain ? { s: { $pow: [10, places] } } : { x, s: { $pow: [10, places] } }, body(plain ? x : '$$x', '$$s'));
}
