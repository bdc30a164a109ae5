import type { Expr } from './expr.js';

/**
 * PostgreSQL's `time` (time without time zone): a time of day to the microsecond,
 * 00:00:00 to 24:00:00 inclusive. sqletl holds it as PostgreSQL prints it,
 * `HH:MM:SS[.ffffff]` with the fraction's trailing zeros dropped: that is what a data
 * file or PostgreSQL itself gives for a time column, and that text sorts, groups and
 * compares as the times do (fixed-width clock, then a fraction without trailing zeros,
 * which orders digit by digit as decimals do). Arithmetic reads it as microseconds
 * since midnight (src/mongo/lower-time.ts). The binder reads literals with these.
 */

export const MICROS_PER_DAY = 86_400_000_000;

/** `a - b` of two times: an interval of time only (at most 24 hours either way), whose hours PostgreSQL never carries into days. */
export function isTimeDifference(e: Expr): boolean {
  return e.kind === 'arith' && e.op === '-' && e.left.type === 'time' && e.right.type === 'time';
}

/** What reading a time's text gave: its microseconds since midnight, or PostgreSQL's reason for refusing it. */
export type TimeReading = { micros: number } | { error: 'invalid' | 'out-of-range' } | { unsupported: string };

/**
 * The forms of PostgreSQL's time input sqletl reads: `H[H]:M[M][:S[S][.fraction]]`, an
 * optional AM/PM and an optional numeric zone or Z/UTC/GMT (ignored for a time without
 * time zone, as PostgreSQL ignores it). Groups: hour, minute, second, fraction,
 * meridiem, zone. (A date before the time, which PostgreSQL reads and checks, is left
 * to the refusal of other forms.)
 */
export const TIME_TEXT_RE = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?\s*(?:([ap])m)?\s*(z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?)?\s*$/i;

/** PostgreSQL's special inputs that read the clock (`'now'::time`): not computed for a time */
export const RELATIVE_WORDS = /^\s*(now|today|tomorrow|yesterday)\s*$/i;

/** What sqletl reads as a time (a hint where it refuses other text PostgreSQL may read). */
export const TIME_FORMS = 'sqletl reads a time as H:MM[:SS[.ffffff]], with AM/PM and a numeric zone after it (ignored, as PostgreSQL ignores it)';

/** A time's text as PostgreSQL's time input reads it (the forms of TIME_TEXT_RE, and 'allballs'). */
export function readTime(text: string): TimeReading {
  const t = text.trim();
  if (/^allballs$/i.test(t)) return { micros: 0 };
  const m = TIME_TEXT_RE.exec(t);
  if (!m) {
    // other spellings PostgreSQL also reads (`040506`, `T04:05`, zone names): not refused as invalid
    if ((/\d/.test(t) && /^[\w\s:.+\-/,]+$/.test(t)) || RELATIVE_WORDS.test(t)) return { unsupported: text };
    return { error: 'invalid' };
  }
  const [, hh, mm, ss = '0', frac = '', meridiem] = m;
  let hour = Number(hh);
  const minute = Number(mm);
  const second = Number(ss);
  if (meridiem) {
    if (hour > 12) return { error: 'out-of-range' };
    if (meridiem.toLowerCase() === 'a' && hour === 12) hour = 0;
    else if (meridiem.toLowerCase() === 'p' && hour !== 12) hour += 12;
  }
  const fraction = fractionMicros(frac);
  if (minute > 59 || second > 59 || hour > 24) return { error: 'out-of-range' };
  const micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction;
  if (micros > MICROS_PER_DAY) return { error: 'out-of-range' };
  return { micros };
}

/** Decimal digits after the point as microseconds, the seventh digit on rounding half to even (PostgreSQL's rint). */
function fractionMicros(digits: string): number {
  const six = Number((digits + '000000').slice(0, 6));
  const rest = digits.slice(6);
  if (rest === '' || /^0*$/.test(rest)) return six;
  const half = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || six % 2 === 1));
  return half ? six + 1 : six;
}

/** `time(p)`: microseconds rounded to `p` fractional digits, half up (PostgreSQL's AdjustTimeForTypmod). */
export function roundTime(micros: number, precision: number): number {
  if (precision >= 6) return micros;
  const scale = 10 ** (6 - precision);
  return Math.floor((micros + scale / 2) / scale) * scale;
}

/** Microseconds since midnight as PostgreSQL prints a time: `HH:MM:SS`, then the fraction without trailing zeros. */
export function formatTime(micros: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros % 1_000_000;
  const clock = `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return fraction === 0 ? clock : `${clock}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
}

/** The precision of `time(p)` as PostgreSQL applies it: above 6 it is 6 (with a warning there). */
export function timePrecision(p: number | undefined): number | undefined {
  return p === undefined ? undefined : Math.min(Math.max(p, 0), 6);
}
