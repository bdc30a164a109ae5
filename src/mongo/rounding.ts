import { cond, letIn, type Mql } from './mql.js';

/**
 * ROUND half away from zero, as PostgreSQL rounds numeric (`round(2.5)` is 3,
 * `round(-2.5)` is -3); MongoDB's `$round` rounds half to even. Values arrive as
 * binary doubles, so 2.675 is really 2.67499999999999982…, and scaled by 100 lands
 * an ulp or two below the tie: a relative nudge of 1e-15 (about 4 ulps) makes the
 * decimal the user wrote round as PostgreSQL rounds that decimal, while a value
 * genuinely below the tie (2.4999999999999) stays below it.
 */
export function roundHalfAway(x: Mql, places: Mql): Mql {
  const scale = typeof places === 'number' ? 10 ** places : { $pow: [10, places] };
  const scaled = { $multiply: [{ $abs: '$$x' }, scale, 1 + 1e-15] };
  const magnitude = { $divide: [{ $floor: { $add: [scaled, 0.5] } }, scale] };
  return letIn({ x }, cond({ $lt: ['$$x', 0] }, { $multiply: [-1, magnitude] }, magnitude));
}
