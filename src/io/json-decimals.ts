/**
 * `{"$numberDecimal": "…"}` (BSON Decimal128, as mongoexport writes money) in a data file.
 *
 * sqletl computes numeric values as doubles (ir/types.ts), and the embedded engine has no
 * Decimal128 arithmetic: left as a Decimal128 object, such a value was skipped by `$sum`,
 * ordered after every number by `$min`/`$max` and comparisons, and refused by `$add`.
 * So a data file's Decimal128 is read as the double with the same decimal digits
 * (`"19.99"` → 19.99, `"2.50"` → 2.5, `"NaN"`/`"Infinity"` → NaN/Infinity), which is
 * exactly the value whenever the decimal has the double's shortest spelling; a decimal a
 * double does not hold (`"1.000000000000000000001"`, 20 significant digits) is refused
 * where it is written, as an integer beyond 2^53 is (json-integers.ts), never rounded.
 */
import { Decimal128 } from 'bson';

const KEY = '"$numberDecimal"';

/** The decimal text as a double: NaN and the infinities by name, else its value (JavaScript reads `1E+3` and `-0`). */
export function decimalTextAsDouble(text: string): number {
  const t = text.trim();
  if (/^[+-]?nan$/i.test(t)) return NaN;
  if (/^\+?inf(inity)?$/i.test(t)) return Infinity;
  if (/^-inf(inity)?$/i.test(t)) return -Infinity;
  return Number(t);
}

/** Whether the double read from `text` has exactly the decimal value `text` spells. */
export function isExactDecimalText(text: string): boolean {
  const n = decimalTextAsDouble(text);
  // NaN and the infinities only by name: `1E+400` is beyond a double, not infinite
  if (!Number.isFinite(n)) return /^[+-]?(nan|inf(inity)?)$/i.test(text.trim());
  const a = canonical(text);
  return a !== undefined && a === canonical(String(n));
}

/** sign, significant digits and exponent of a decimal text, trailing zeros dropped (`2.50` and `25E-1` agree). */
function canonical(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = (int + frac).replace(/^0+/, '');
  if (digits === '') return '0';
  let e = Number(exp) - frac.length;
  const kept = digits.replace(/0+$/, '');
  e += digits.length - kept.length;
  digits = kept;
  return `${sign === '-' ? '-' : ''}${digits}e${e}`;
}

/** The first `$numberDecimal` whose value a double does not hold exactly: its offset (of the value's text) and text. */
export function findInexactDecimal(text: string): { offset: number; text: string } | undefined {
  let from = text.indexOf(KEY);
  while (from >= 0) {
    const m = /^\s*:\s*"([^"]*)"/.exec(text.slice(from + KEY.length, from + KEY.length + 200));
    if (m && !isExactDecimalText(m[1])) return { offset: from + KEY.length + m[0].indexOf('"') + 1, text: m[1] };
    from = text.indexOf(KEY, from + KEY.length);
  }
  return undefined;
}

/** The refusal's words, for a data file. */
export function inexactDecimalMessage(text: string): string {
  return `the Decimal128 ${text} has more digits than a double holds exactly, and sqletl computes numeric values as doubles (it would be rounded); write it as a JSON string to keep it as text`;
}

/** Decimal128 values anywhere in a parsed value (EJSON.parse's output) turned into their doubles, in place. */
export function decimalsToDoubles(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (v instanceof Decimal128) return decimalTextAsDouble(v.toString());
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decimalsToDoubles(v[i]);
    return v;
  }
  if ((v as { _bsontype?: unknown })._bsontype !== undefined) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x !== null && typeof x === 'object') {
      const r = decimalsToDoubles(x);
      if (r !== x) Object.defineProperty(o, k, { value: r, writable: true, enumerable: true, configurable: true });
    }
  }
  return v;
}
