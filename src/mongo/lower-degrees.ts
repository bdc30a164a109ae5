import { cond, letIn, type Mql } from './mql.js';

/**
 * The trigonometric functions in degrees (sind, cosd, tand, cotd, asind, acosd, atand,
 * atan2d), computed the way PostgreSQL computes them so that the exact values come out
 * exact: `sind(30)` is 0.5, `cosd(60)` 0.5, `tand(45)` 1, `asind(0.5)` 30. PostgreSQL
 * reduces the angle to the first quadrant, then scales the radian function by its
 * value at a reference angle: sin x° is (sin x·r / sin 30·r) / 2 up to 30°, and
 * 1 − ((1 − cos x·r) / (1 − cos 60·r)) / 2 from there (r: radians per degree). The
 * reference values are computed by the engine with the same operator, so the ratios
 * are exactly 1 at the reference angles whatever the engine's `sin` rounds to.
 *
 * Each body takes its (float8) argument as a variable name; NULL and the domain
 * errors are the caller's (`domain` in function-catalog.ts).
 */

export const RADIANS_PER_DEGREE = 0.0174532925199432957692;

const rad = (v: Mql): Mql => ({ $multiply: [v, RADIANS_PER_DEGREE] });
const SIN_30 = { $sin: 30 * RADIANS_PER_DEGREE };
const ONE_MINUS_COS_60 = { $subtract: [1, { $cos: 60 * RADIANS_PER_DEGREE }] };

const sind0to30 = (v: Mql): Mql => ({ $divide: [{ $divide: [{ $sin: rad(v) }, SIN_30] }, 2] });
const cosd0to60 = (v: Mql): Mql => ({ $subtract: [1, { $divide: [{ $divide: [{ $subtract: [1, { $cos: rad(v) }] }, ONE_MINUS_COS_60] }, 2] }] });
/** sin and cos of an angle in [0, 90] (a variable) */
const sindQ1 = (v: string): Mql => cond({ $lte: [v, 30] }, sind0to30(v), cosd0to60({ $subtract: [90, v] }));
const cosdQ1 = (v: string): Mql => cond({ $lte: [v, 60] }, cosd0to60(v), sind0to30({ $subtract: [90, v] }));

/**
 * The angle `x` (a variable) brought into [0, 90] as `$$q`, with the result's sign as
 * `$$sg`: fmod by 360, then PostgreSQL's reflections (which differ per function).
 */
function quadrant(x: string, negative: 'flip' | 'mirror', over180: 'flip' | 'mirror', over90: 'flip' | 'mirror', body: Mql): Mql {
  const step = (v: string, s: Mql, test: Mql, to: Mql, how: 'flip' | 'mirror', names: [string, string], next: Mql): Mql =>
    letIn({ [names[0]]: cond(test, to, v), [names[1]]: how === 'flip' ? cond(test, { $multiply: [-1, s] }, s) : s }, next);
  return letIn(
    { m: { $mod: [x, 360] } },
    step(
      '$$m',
      1,
      { $lt: ['$$m', 0] },
      { $multiply: [-1, '$$m'] },
      negative,
      ['a', 's1'],
      step(
        '$$a',
        '$$s1',
        { $gt: ['$$a', 180] },
        { $subtract: [360, '$$a'] },
        over180,
        ['b', 's2'],
        step('$$b', '$$s2', { $gt: ['$$b', 90] }, { $subtract: [180, '$$b'] }, over90, ['q', 'sg'], body),
      ),
    ),
  );
}

/** `-0` as 0: PostgreSQL forces plain zero for tand and cotd */
const noMinusZero = (v: Mql): Mql => letIn({ z: v }, cond({ $eq: ['$$z', 0] }, 0, '$$z'));

export const sind = (x: string): Mql => quadrant(x, 'flip', 'flip', 'mirror', { $multiply: ['$$sg', sindQ1('$$q')] });
export const cosd = (x: string): Mql => quadrant(x, 'mirror', 'mirror', 'flip', { $multiply: ['$$sg', cosdQ1('$$q')] });
// tan 45° computed as sind/cosd is exactly 1 (the same expression twice), so PostgreSQL's division by it is left out
export const tand = (x: string): Mql =>
  quadrant(x, 'flip', 'flip', 'flip', letIn({ sn: sindQ1('$$q'), cs: cosdQ1('$$q') }, noMinusZero(ratio('$$sn', '$$cs'))));
export const cotd = (x: string): Mql =>
  quadrant(x, 'flip', 'flip', 'flip', letIn({ sn: sindQ1('$$q'), cs: cosdQ1('$$q') }, noMinusZero(ratio('$$cs', '$$sn'))));

/** $$sg · n / d, where d = 0 gives ±Infinity as in C (the division never sees 0: DocumentDB evaluates both branches) */
const ratio = (n: string, d: string): Mql =>
  cond({ $eq: [d, 0] }, { $multiply: ['$$sg', Infinity] }, { $multiply: ['$$sg', { $divide: [n, cond({ $eq: [d, 0] }, 1, d)] }] });

const ASIN_0_5 = { $asin: 0.5 };
const ACOS_0_5 = { $acos: 0.5 };
const ATAN_1 = { $atan: 1 };

/** asin and acos in degrees of a value in [0, 1] (a variable); each operator sees only its own range */
const asinOf = (v: string): Mql => ({ $asin: cond({ $lte: [v, 0.5] }, v, 0) });
const acosOf = (v: string): Mql => ({ $acos: cond({ $gt: [v, 0.5] }, v, 1) });
const asindQ1 = (v: string): Mql =>
  cond({ $lte: [v, 0.5] }, { $multiply: [{ $divide: [asinOf(v), ASIN_0_5] }, 30] }, { $subtract: [90, { $multiply: [{ $divide: [acosOf(v), ACOS_0_5] }, 60] }] });
const acosdQ1 = (v: string): Mql =>
  cond({ $lte: [v, 0.5] }, { $subtract: [90, { $multiply: [{ $divide: [asinOf(v), ASIN_0_5] }, 30] }] }, { $multiply: [{ $divide: [acosOf(v), ACOS_0_5] }, 60] });

export const asind = (x: string): Mql =>
  letIn({ p: { $abs: x } }, letIn({ r: asindQ1('$$p') }, cond({ $gte: [x, 0] }, '$$r', { $multiply: [-1, '$$r'] })));
export const acosd = (x: string): Mql =>
  letIn({ p: { $abs: x } }, cond({ $gte: [x, 0] }, acosdQ1('$$p'), { $add: [90, asindQ1('$$p')] }));
/** atan in degrees from the radian value `atan(x)` or `atan2(y, x)` */
export const atanDegrees = (radians: Mql): Mql => ({ $multiply: [{ $divide: [radians, ATAN_1] }, 45] });
