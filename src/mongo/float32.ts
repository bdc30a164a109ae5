import { FLOAT32_MAX } from '../ir/float32.js';
import { cond, isNull, letIn, type Mql } from './mql.js';

/**
 * PostgreSQL's `real` (float4) in MongoDB, which has no single-precision type: a real
 * value is held as the double whose value is exactly an IEEE single. A double becomes
 * one by rounding it to 24 significant bits (fewer for subnormals, whose spacing is
 * 2^-149), a tie to the even one, as C's `(float) x` does:
 *
 *   e   = the exponent of |x| (2^e ≤ |x| < 2^(e+1)), read from `$log` and corrected
 *         at the powers of two, where a logarithm may land just below an integer;
 *   ulp = 2^(max(e, −126) − 23), the spacing of the singles around |x|;
 *   |x| / ulp is exact (a power of two), `$round` at place 0 rounds it half to even
 *   (MongoDB on a double, and the embedded engine's `$round`, mingo-extensions.ts),
 *   and times ulp it is exact again.
 *
 * A result past the largest single (3.4028234663852886e38) is ±Infinity, a result
 * below half the smallest subnormal is 0: callers turn those into PostgreSQL's
 * overflow and underflow errors where PostgreSQL raises them. NULL stays NULL, ±0 and
 * ±Infinity are themselves.
 *
 * Rounding a double that is itself the rounded result of an operation on two singles
 * (+ − * /) gives the single PostgreSQL computes in single precision: a double carries
 * more than twice a single's 24 bits plus two, so the double rounding is innocuous.
 */
let depth = 0;

/** `x` (a number or NULL) rounded to the nearest single (±Infinity past the largest). */
export function roundToFloat32(x: Mql): Mql {
  return float32Parts(x, (rounded) => rounded);
}

/**
 * The rounding, with the result handed to `body` (as a variable reference) along with
 * `x` itself (a variable reference) and whether |x| was exactly halfway between two singles (a tie rounded to even): the
 * callers reading decimal text need that, since text rounded to a double first may
 * land on a halfway point the text itself is not on.
 */
export function float32Parts(x: Mql, body: (rounded: string, tie: Mql, input: string) => Mql): Mql {
  const d = depth++;
  try {
    const [v, a, s, g, e, u, q, r, out] = ['v', 'a', 's', 'g', 'e', 'u', 'q', 'r', 'o'].map((n) => `f32${n}${d}`);
    const ref = (n: string) => `$$${n}`;
    // one chain of single-variable $lets, each step computed once; `s` is |x|, or 1 for NULL, 0 and Infinity
    // (which are their own rounding): every operator sees a positive finite operand whichever branch an engine
    // evaluates (DocumentDB evaluates both branches of a $cond)
    const steps: [string, Mql][] = [
      [v, x],
      [a, { $abs: ref(v) }],
      [s, cond({ $and: [{ $gt: [ref(a), 0] }, { $lt: [ref(a), Infinity] }] }, ref(a), 1)],
      [g, { $floor: { $log: [ref(s), 2] } }],
      // a logarithm may land just below an integer at a power of two: corrected by comparing with the powers
      [e, { $switch: { branches: [{ case: { $gt: [{ $pow: [2, ref(g)] }, ref(s)] }, then: { $subtract: [ref(g), 1] } }, { case: { $lte: [{ $pow: [2, { $add: [ref(g), 1] }] }, ref(s)] }, then: { $add: [ref(g), 1] } }], default: ref(g) } }],
      [u, { $pow: [2, { $subtract: [{ $max: [ref(e), -126] }, 23] }] }],
      [q, { $divide: [ref(s), ref(u)] }],
      [r, cond({ $eq: [ref(s), ref(a)] }, { $multiply: [{ $round: [ref(q), 0] }, ref(u)] }, ref(a))],
      [
        out,
        cond(
          isNull(ref(v)),
          null,
          cond(
            { $gt: [ref(r), FLOAT32_MAX] },
            cond({ $lt: [ref(v), 0] }, -Infinity, Infinity),
            // the input itself when its magnitude is unchanged: keeps −0
            cond({ $eq: [ref(r), ref(a)] }, ref(v), cond({ $lt: [ref(v), 0] }, { $multiply: [-1, ref(r)] }, ref(r))),
          ),
        ),
      ],
    ];
    const tie = { $and: [{ $eq: [ref(s), ref(a)] }, { $eq: [{ $mod: [ref(q), 1] }, 0.5] }] };
    return steps.reduceRight<Mql>((inner, [name, value]) => letIn({ [name]: value }, inner), body(ref(out), tie, ref(v)));
  } finally {
    depth--;
  }
}
