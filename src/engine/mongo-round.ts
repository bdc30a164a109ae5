import { evalExpr, expressionOperators } from './mingo-runtime.js';

type Options = Parameters<typeof evalExpr>[2];

/**
 * `$round` of a double as MongoDB computes it: the double's exact value (MongoDB reads it
 * as a 34-digit Decimal128) rounded half to even at `place` decimals, read back as the
 * nearest double: 2.675 (2.67499999999999982236…) → 2.67, 0.125 → 0.12, 0.0151 → 0.02
 * (mingo's own `$round` gives 0.01 there: it rounds to place + 1 digits first, then
 * truncates). DocumentDB reads the double with 15 digits instead (2.675 → 2.68: listed
 * as its deviation where a case meets it).
 *
 * Most values take the fast path: away from a half, the nearest integer to x·10^place
 * (computed within half a unit in its last place) is the answer.
 */
export function roundDouble(x: number, place: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 2 ** 53) return x;
  const scale = 10 ** place;
  const y = x * scale;
  if (Math.abs(y) < 2 ** 50 && Math.abs(Math.abs(y - Math.trunc(y)) - 0.5) > 1e-6) return Math.round(y) / scale;
  // near a half: the double's exact decimal expansion decides (toFixed is exact to its digits)
  return roundDecimalText(x.toFixed(Math.min(100, place + 60)), place);
}

/** `d.ddd…e±n` or plain digits, rounded half to even at `place` decimals, as a double. */
function roundDecimalText(text: string, place: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return Number(text);
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = int + frac;
  // the decimal point sits after `point` digits of `digits`
  const point = int.length + Number(exp);
  const keep = point + place;
  if (keep >= digits.length) return Number(text);
  if (keep < 0) return sign ? -0 : 0;
  const head = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const half = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(head.at(-1) ?? '0') % 2 === 1));
  let n = BigInt(head === '' ? '0' : head);
  if (half) n += 1n;
  const result = Number(`${sign}${n}e${-place}`);
  return result === 0 && sign ? -0 : result;
}

const mingoRound = (expressionOperators as unknown as Record<string, (obj: unknown, expr: unknown, options: Options) => unknown>).$round;

/**
 * The embedded engine's `$round`: MongoDB's for doubles and places 0…99 (roundDouble),
 * mingo's for other inputs (negative places, errors).
 */
export function $round(obj: unknown, expr: unknown, options: Options): unknown {
  const args = (Array.isArray(expr) ? expr : [expr]) as unknown[];
  if (args.length > 2) return mingoRound(obj, expr, options);
  const [x, place = 0] = evalExpr(obj, args, options) as unknown[];
  if (typeof x !== 'number' || typeof place !== 'number' || !Number.isInteger(place) || place < 0 || place >= 100) return mingoRound(obj, expr, options);
  return roundDouble(x, place);
}
