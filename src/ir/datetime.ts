import type { Interval } from './expr.js';

/**
 * PostgreSQL's timestamp and interval text read into IR values, and intervals
 * compared as PostgreSQL compares them. The binder reads literals with these
 * (src/sql/literals.ts), lowering folds constants with them (src/mongo/), so they
 * live below both.
 */
export const TIMESTAMP_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The Gregorian calendar repeats every 400 years, which are this many milliseconds */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * `Date.UTC` for every year: Date.UTC reads a year 0–99 as 1900–1999 (`0001-01-01` would be
 * 1901), so such a year is computed 400 years later, the same calendar, and moved back.
 */
export function utcTime(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month, day, h, mi, s, ms) - FOUR_CENTURIES_MS;
  return Date.UTC(year, month, day, h, mi, s, ms);
}

/** ISO-8601-like timestamps; without a zone they are UTC (sqletl's session zone). */
export function parseTimestamp(t: string): Date | undefined {
  // PostgreSQL's special input 'epoch': 1970-01-01 00:00:00 UTC
  if (t.trim().toLowerCase() === 'epoch') return new Date(0);
  const m = TIMESTAMP_RE.exec(t.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = frac ? Math.round(Number(frac) * 1000) : 0;
  let time = utcTime(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(time);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    time -= sign * offset * 60_000;
  }
  return new Date(time);
}

const UNIT_MS: Record<string, { months?: number; days?: number; ms?: number }> = {
  millennium: { months: 12000 }, millenniums: { months: 12000 }, millennia: { months: 12000 },
  century: { months: 1200 }, centuries: { months: 1200 },
  decade: { months: 120 }, decades: { months: 120 },
  year: { months: 12 }, years: { months: 12 }, y: { months: 12 }, yr: { months: 12 }, yrs: { months: 12 },
  month: { months: 1 }, months: { months: 1 }, mon: { months: 1 }, mons: { months: 1 },
  week: { days: 7 }, weeks: { days: 7 }, w: { days: 7 },
  day: { days: 1 }, days: { days: 1 }, d: { days: 1 },
  hour: { ms: 3_600_000 }, hours: { ms: 3_600_000 }, h: { ms: 3_600_000 }, hr: { ms: 3_600_000 }, hrs: { ms: 3_600_000 },
  minute: { ms: 60_000 }, minutes: { ms: 60_000 }, min: { ms: 60_000 }, mins: { ms: 60_000 }, m: { ms: 60_000 },
  second: { ms: 1000 }, seconds: { ms: 1000 }, sec: { ms: 1000 }, secs: { ms: 1000 }, s: { ms: 1000 },
  millisecond: { ms: 1 }, milliseconds: { ms: 1 }, ms: { ms: 1 },
  // read so that a whole number of milliseconds in microseconds is exact; any other count is flagged (`lost`)
  microsecond: { ms: 0.001 }, microseconds: { ms: 0.001 }, us: { ms: 0.001 }, usec: { ms: 0.001 }, usecs: { ms: 0.001 },
};

/**
 * Set by parseInterval when the text has a part finer than a millisecond (`0.0005 seconds`,
 * `1 microsecond`): BSON dates hold milliseconds, so such an interval is rounded there.
 */
export interface IntervalPrecision { lost: boolean }

/** Math.round, noting in `precision` when a value is not (within a double's error) a whole number of milliseconds. */
function wholeMs(v: number, precision?: IntervalPrecision): number {
  const r = Math.round(v);
  if (precision && Math.abs(v - r) > 1e-6) precision.lost = true;
  return r;
}

/** PostgreSQL interval text: `30 days`, `1 year 2 mons`, `-1 day`, `2 hours 30 minutes`, `1 day 02:00:00`. */
export function parseInterval(t: string, precision?: IntervalPrecision): Interval | undefined {
  const iv: Interval = { kind: 'interval', months: 0, days: 0, ms: 0 };
  const s = t.trim().toLowerCase().replace(/^@\s*/, '');
  if (s === '') return undefined;
  // a bare number is seconds (`interval '0'`, `interval '-1.5'`)
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ...iv, ms: wholeMs(Number(s) * 1000, precision) };
  const re = /([+-]?\d+(?:\.\d+)?)\s*([a-z]+)|([+-])?(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?|([+-]?\d+)/gy;
  let pos = 0;
  let any = false;
  while (pos < s.length) {
    while (s[pos] === ' ' || s[pos] === ',') pos++;
    if (pos >= s.length) break;
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) return undefined;
    pos = re.lastIndex;
    any = true;
    if (m[7] !== undefined) {
      // a number without a unit before a time is days (`-1 +02:03`); anywhere else it is not read
      if (!/^\s*[+-]?\d+:\d{2}/.test(s.slice(pos))) return undefined;
      iv.days += Number(m[7]);
    } else if (m[2] !== undefined) {
      const unit = UNIT_MS[m[2]];
      if (!unit) return undefined;
      const n = Number(m[1]);
      if (unit.months) {
        const months = n * unit.months;
        iv.months += Math.trunc(months);
        iv.days += Math.round((months - Math.trunc(months)) * 30);
      }
      if (unit.days) {
        const days = n * unit.days;
        iv.days += Math.trunc(days);
        iv.ms += wholeMs((days - Math.trunc(days)) * 86_400_000, precision);
      }
      if (unit.ms) iv.ms += wholeMs(n * unit.ms, precision);
    } else {
      const sign = m[3] === '-' ? -1 : 1;
      iv.ms += sign * (Number(m[4]) * 3_600_000 + Number(m[5]) * 60_000 + wholeMs(Number(m[6] ?? 0) * 1000, precision));
    }
  }
  return any ? iv : undefined;
}

/** Interval as PostgreSQL compares intervals: a month is 30 days. */
export function intervalTotalMs(iv: Interval): number {
  return (iv.months * 30 + iv.days) * 86_400_000 + iv.ms;
}

/**
 * An interval as PostgreSQL prints it (IntervalStyle `postgres`, its default):
 * `1 year 2 mons`, `-1 days +02:03:00`, `10 years -11 mons -12 days +13:14:00`,
 * `00:00:00` for zero. Years and months come from the months (truncated toward
 * zero, so both carry the months' sign); each non-zero part is written with its
 * unit (plural unless it is 1), and a positive part after a negative one gets a
 * `+`. The time part is written when it is not zero or nothing else was: hours
 * (not carried into days), minutes, seconds and the fraction without trailing zeros.
 */
export function formatInterval(iv: Interval): string {
  const parts: string[] = [];
  let before = false; // the last part written was negative
  const add = (value: number, unit: string) => {
    if (value === 0) return;
    parts.push(`${before && value > 0 ? '+' : ''}${value} ${unit}${value === 1 ? '' : 's'}`);
    before = value < 0;
  };
  add(Math.trunc(iv.months / 12), 'year');
  add(iv.months % 12, 'mon');
  add(iv.days, 'day');
  if (parts.length === 0 || iv.ms !== 0) {
    const sign = iv.ms < 0 ? '-' : before ? '+' : '';
    parts.push(sign + clockText(Math.abs(iv.ms)));
  }
  return parts.join(' ');
}

/** `HH:MM:SS[.fff]` of a non-negative number of milliseconds (hours may pass 24). */
function clockText(ms: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = Math.round(ms % 1000);
  return `${two(h)}:${two(m)}:${two(s)}${frac ? '.' + String(frac).padStart(3, '0').replace(/0+$/, '') : ''}`;
}
