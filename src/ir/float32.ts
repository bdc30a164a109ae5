/**
 * PostgreSQL's `real` (float4) values, held as the doubles that are exactly IEEE
 * singles: rounding to one at compile time, and printing one as PostgreSQL does.
 */

/** The largest single, FLT_MAX */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Whether `x` (a finite double) lies exactly halfway between two adjacent singles (rounding it is a tie). */
export function isFloat32Tie(x: number): boolean {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return false;
  const e = Math.max(Math.floor(Math.log2(a)) + (2 ** Math.floor(Math.log2(a)) > a ? -1 : 0), -126);
  const q = a / 2 ** (e - 23);
  return q % 1 === 0.5;
}

/**
 * Decimal text → the single PostgreSQL's float4in reads (C's strtof: the nearest
 * single to the decimal value). JavaScript reads the text as the nearest double
 * first; rounding that to a single is the same answer unless the double lies exactly
 * halfway between two singles while the text does not (it was rounded onto the
 * halfway point): then the text's own digits decide, compared exactly.
 */
export function float32OfDecimal(text: string): number {
  const d = Number(text);
  const f = Math.fround(d);
  if (!isFloat32Tie(d)) return f;
  const exact = exactDecimal(text);
  if (!exact) return f;
  const [num, den] = exact; // |value| = num / den
  const [hn, hd] = exactBinary(Math.abs(d));
  const cmp = num * hd - hn * den; // the text against the halfway point
  if (cmp === 0n) return f; // exactly halfway: the even one, as fround does
  const up = cmp > 0;
  const other = nextFloat32(f, up === d > 0 ? 1 : -1);
  // fround picked the even neighbour; the text says which side of the halfway point it is on
  const towardUp = Math.abs(f) > Math.abs(d);
  return towardUp === up ? f : other;
}

/** The single next to `f` (a single) in direction `dir` (+1: larger magnitude) */
function nextFloat32(f: number, dir: 1 | -1): number {
  const buf = new DataView(new ArrayBuffer(4));
  buf.setFloat32(0, f);
  buf.setUint32(0, buf.getUint32(0) + dir);
  return buf.getFloat32(0);
}

/** |value| of decimal text as a fraction of BigInts, or undefined when the text is not a plain decimal */
function exactDecimal(text: string): [bigint, bigint] | undefined {
  const m = /^\s*[+-]?(\d*)\.?(\d*)(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const digits = BigInt((m[1] + m[2]).replace(/^0+(?=\d)/, '') || '0');
  const exp = Number(m[3] ?? 0) - m[2].length;
  return exp >= 0 ? [digits * 10n ** BigInt(exp), 1n] : [digits, 10n ** BigInt(-exp)];
}

/** A positive finite double as an exact fraction of BigInts */
function exactBinary(x: number): [bigint, bigint] {
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return [BigInt(m), 2n ** BigInt(e)];
}

/**
 * A single as PostgreSQL prints it (float4out with extra_float_digits 1, the default:
 * the shortest decimal that reads back as the same single, Ryu's f2s), returned as
 * the double nearest that decimal — what a client reading PostgreSQL's text gets (1.1
 * for the single nearest 1.1, whose exact value is 1.10000002384185791015625). A
 * decimal exactly halfway to a neighbouring single does not count as reading back
 * (PostgreSQL prints 46520792, not 46520790); of two shortest decimals the nearer
 * wins, a tie the one with an even last digit. A value that is not a single is
 * rounded to one first.
 */
export function shortestFloat32(x: number): number {
  const f = Math.fround(x);
  if (f === 0 || !Number.isFinite(f)) return f;
  const readsBack = (c: number) => Math.fround(c) === f && !isFloat32Tie(c);
  for (let p = 1; p <= 9; p++) {
    const near = Number(f.toPrecision(p));
    // the nearest p-digit decimal, and its neighbours: the nearest may lie outside the single's interval on its
    // narrow side (just above a power of two) while a neighbour lies inside
    const step = 10 ** (Math.floor(Math.log10(Math.abs(near))) - p + 1);
    const found = [near, near + step, near - step].map((c) => Number(c.toPrecision(p))).filter(readsBack);
    if (found.length === 0) continue;
    found.sort((a, b) => Math.abs(a - f) - Math.abs(b - f) || lastDigitParity(a, p) - lastDigitParity(b, p));
    return found[0];
  }
  return f;
}

/** 0 when the last of `p` significant digits of `c` is even, 1 when odd */
function lastDigitParity(c: number, p: number): number {
  const digits = Math.abs(c).toPrecision(p).replace(/e.*$/, '').replace('.', '');
  return Number(digits[digits.length - 1]) % 2;
}
