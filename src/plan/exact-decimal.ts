/**
 * Exact decimal arithmetic for constant folding: a value is an integer coefficient
 * and a count of decimal places (`0.06` is 6 × 10⁻²), so `0.06 + 0.01` is exactly
 * 0.07, as in PostgreSQL's numeric, where doubles give 0.06999999999999999.
 * A literal's double is read back through its shortest decimal text (`String(n)`),
 * which is the text the SQL had for every literal of up to 15 significant digits.
 */
export interface Decimal {
  coef: bigint;
  scale: number;
}

export function fromNumber(n: number): Decimal | undefined {
  if (!Number.isFinite(n)) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return undefined;
  const [, sign, int, frac = '', exp = '0'] = m;
  let coef = BigInt(`${sign}${int}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    coef *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { coef, scale };
}

/** The nearest double (the decimal's text read as a number: correctly rounded). */
export function toNumber(d: Decimal): number {
  return Number(decimalText(d));
}

/** A decimal as SQL text (`-12.345`). */
export function decimalText(d: Decimal): string {
  const neg = d.coef < 0n;
  const digits = (neg ? -d.coef : d.coef).toString().padStart(d.scale + 1, '0');
  return `${neg ? '-' : ''}${d.scale === 0 ? digits : `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`}`;
}

const align = (a: Decimal, b: Decimal): [bigint, bigint, number] => {
  const scale = Math.max(a.scale, b.scale);
  return [a.coef * 10n ** BigInt(scale - a.scale), b.coef * 10n ** BigInt(scale - b.scale), scale];
};

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { coef: x + y, scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { coef: x - y, scale };
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

/** a / b when the quotient has at most `maxScale` decimals (exactly); undefined otherwise or for b = 0. */
export function div(a: Decimal, b: Decimal, maxScale = 20): Decimal | undefined {
  if (b.coef === 0n) return undefined;
  const [x, y] = align(a, b);
  for (let scale = 0; scale <= maxScale; scale++) {
    const n = x * 10n ** BigInt(scale);
    if (n % y === 0n) return { coef: n / y, scale };
  }
  return undefined;
}

/** Truncating integer division and remainder with the dividend's sign (PostgreSQL's `/` and `%` on integers, `%` on numeric). */
export function truncDiv(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.coef === 0n) return undefined;
  const [x, y] = align(a, b);
  return { coef: x / y, scale: 0 };
}

export function mod(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.coef === 0n) return undefined;
  const [x, y, scale] = align(a, b);
  return { coef: x % y, scale };
}
