import { assertNever } from '../assert-never.js';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import type { Interval, Value } from '../ir/expr.js';
import { EXACT_INTEGER_LIMIT, inexactDecimal, intRangeOf, isInexactIntegerText, type SqlType } from '../ir/types.js';
import { float32OfDecimal } from '../ir/float32.js';
import { parseInterval, parseTimestamp, TIMESTAMP_RE, utcTime } from '../ir/datetime.js';
import { formatTime, readTime, TIME_FORMS } from '../ir/time-of-day.js';

/**
 * Text → typed constant, as PostgreSQL's input functions read a quoted literal in
 * a typed context (`'2024-01-31'::date`, `d > '2024-01-01'`, `interval '30 days'`).
 * Invalid text is an error at the literal, worded like PostgreSQL's.
 */

export function parseLiteral(text: string, type: SqlType, typeName: string, span?: SourceSpan): Value {
  const fail = () =>
    new SqlEtlError('invalid-literal', 'bind', `invalid input syntax for type ${typeName}: "${text}"`, { span });
  const t = text.trim();
  // well-formed, but no day of the calendar ('2024-02-30'): PostgreSQL's other message
  const dateFail = () =>
    TIMESTAMP_RE.test(t) ? new SqlEtlError('invalid-literal', 'bind', `date/time field value out of range: "${text}"`, { span }) : fail();
  switch (type) {
    case 'int': {
      if (!/^[+-]?\d+$/.test(t)) throw fail();
      const range = intRangeOf(typeName);
      if (BigInt(t) < range.exact[0] || BigInt(t) > range.exact[1]) {
        throw new SqlEtlError('numeric-value-out-of-range', 'bind', `value "${text}" is out of range for type ${range.name}`, { span });
      }
      if (isInexactIntegerText(t)) throw inexactInteger(text, span);
      return Number(t);
    }
    case 'numeric':
    case 'float': {
      if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
        const n = Number(t);
        // beyond a double, or so small it becomes 0: PostgreSQL's float8 refuses it, and its numeric would hold it exactly
        if (!Number.isFinite(n) || (n === 0 && /[1-9]/.test(t.replace(/e.*$/i, '')))) {
          const message = type === 'float' ? `"${text}" is out of range for type double precision` : `the number "${text}" is out of range: sqletl computes numeric values as doubles (about ±1.8e308, smallest 5e-324)`;
          throw new SqlEtlError('numeric-value-out-of-range', 'bind', message, { span });
        }
        if (type === 'numeric' && isInexactDecimalText(t)) throw inexactDecimal(text, span);
        return n;
      }
      if (/^[+-]?(infinity|inf)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
      // NaN is a value of float8 and numeric (PostgreSQL 14+); the lowering orders it above every number
      // as PostgreSQL does (see catalog/nan-values.ts). real stays refused: its own branch reads it
      // numeric's input reads NaN unsigned only; float8's signed too
      if (type === 'numeric' ? /^nan$/i.test(t) : /^[+-]?nan$/i.test(t)) {
        if (/^(real|float4)$/i.test(typeName)) throw unsupported('bind', `'NaN' as a ${typeName} value`, span);
        return NaN;
      }
      throw fail();
    }
    case 'real': {
      // read as PostgreSQL's float4in reads it: the nearest single; past the largest, or a non-zero value nearer 0 than to the smallest subnormal, is its error
      const outOfRange = () => new SqlEtlError('numeric-value-out-of-range', 'bind', `"${text}" is out of range for type real`, { span });
      let n: number;
      try {
        n = parseLiteral(text, 'float', typeName, span) as number;
      } catch (err) {
        throw err instanceof SqlEtlError && err.code === 'numeric-value-out-of-range' ? outOfRange() : err;
      }
      const f = Number.isFinite(n) ? float32OfDecimal(t) : n;
      if ((Number.isFinite(n) && !Number.isFinite(f)) || (f === 0 && n !== 0)) throw outOfRange();
      return f;
    }
    case 'bool': {
      const b = parseBool(t);
      if (b === undefined) throw fail();
      return b;
    }
    case 'date': {
      special(t, typeName, span);
      const d = parseTimestamp(t);
      if (!d) throw dateFail();
      earlyYear(d, text, typeName, span);
      return new Date(utcTime(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    }
    case 'timestamp': {
      special(t, typeName, span);
      const d = parseTimestamp(t);
      if (!d) throw dateFail();
      earlyYear(d, text, typeName, span);
      return d;
    }
    case 'time': {
      const read = readTime(t);
      if ('micros' in read) return formatTime(read.micros);
      if ('unsupported' in read) throw unsupported('bind', `reading "${text}" as time`, span, [TIME_FORMS]);
      if (read.error === 'out-of-range') throw new SqlEtlError('invalid-literal', 'bind', `date/time field value out of range: "${text}"`, { span });
      throw new SqlEtlError('invalid-literal', 'bind', `invalid input syntax for type time: "${text}"`, { span });
    }
    case 'interval': {
      const precision = { lost: false };
      const iv = parseInterval(t, precision);
      if (!iv) throw fail();
      // BSON dates hold milliseconds: a finer interval would be rounded wherever it is used
      if (precision.lost) throw unsupported('bind', `the interval '${text}' (finer than a millisecond: BSON dates hold milliseconds)`, span);
      return iv;
    }
    case 'json': {
      // '{"a": 1}'::jsonb is the document itself (an object, array, string, number, boolean)
      try {
        return JSON.parse(t) as Value;
      } catch {
        throw new SqlEtlError('invalid-literal', 'bind', `invalid input syntax for type json`, { span });
      }
    }
    case 'text':
    case 'array':
    case 'record':
    case 'unknown':
      return text;
    default:
      return assertNever(type, 'bind');
  }
}

/**
 * PostgreSQL's special date/time inputs: 'epoch' is 1970-01-01 (parseTimestamp reads
 * it); 'now', 'today', 'tomorrow', 'yesterday' in a typed literal or a comparison are
 * expressions over `$$NOW` (relative-dates.ts), here (a window offset, try_cast, a
 * constant fixed at compile time) they are refused by name rather than called
 * invalid, and so are the infinities, which MongoDB dates do not have.
 */
/**
 * Dates before the year 100 are refused, not computed: the embedded engine's date
 * operators build dates with JavaScript's Date.UTC, which reads a year 0–99 as
 * 1900–1999 (`DATE '0050-06-15' + INTERVAL '1 month'` would be 1950-07-15), and MongoDB
 * and the embedded engine must answer alike. So are PostgreSQL's BC dates (`'0044-03-15 BC'`).
 */
function earlyYear(d: Date, text: string, typeName: string, span?: SourceSpan): void {
  if (d.getUTCFullYear() < 100) throw unsupported('bind', `the ${typeName} '${text.trim()}', before the year 100,`, span, ['sqletl computes dates from the year 100 to 9999']);
}

function special(t: string, typeName: string, span?: SourceSpan): void {
  const word = t.toLowerCase();
  if (/\d\s*bc$/i.test(t.trim())) throw unsupported('bind', `the ${typeName} '${t.trim()}', before the year 1 (BC),`, span, ['sqletl computes dates from the year 100 to 9999']);
  if (['now', 'today', 'tomorrow', 'yesterday', 'infinity', '+infinity', '-infinity', 'allballs'].includes(word)) {
    const hints = word.includes('infinity') ? ['BSON dates have no infinite value; a far date (9999-12-31) can stand in where that means the same'] : word === 'allballs' ? [] : ["CURRENT_TIMESTAMP, NOW(), CURRENT_DATE and 'today' in a typed literal are supported"];
    throw unsupported('bind', `'${word}' as a ${typeName} value`, span, hints);
  }
}

export function parseBool(t: string): boolean | undefined {
  const s = t.trim().toLowerCase();
  if (['t', 'true', 'y', 'yes', 'on', '1'].includes(s)) return true;
  if (['f', 'false', 'n', 'no', 'off', '0'].includes(s)) return false;
  return undefined;
}

/** An integer literal sqletl cannot hold exactly (ir/types.ts, MAX_EXACT_INTEGER): refused where it is written. */
/** A decimal number's value as digits and a power of ten (`0.10` and `1e-1` alike), to compare texts by value. */
function decimalKey(text: string): string | undefined {
  const m = /^([+-]?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) return undefined;
  let digits = (m[2] + m[3]).replace(/^0+/, '');
  let exp = Number(m[4] ?? 0) - m[3].length;
  if (!digits) return '0';
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exp += trailing;
  return `${m[1] === '-' ? '-' : ''}${digits}e${exp}`;
}

/**
 * A numeric constant a double does not hold (`1.000000000000000000001`,
 * `123456789012345678.5`): PostgreSQL's numeric keeps every digit, sqletl computes
 * numeric values as doubles and would silently round it. Refused where it is written.
 */
export function isInexactDecimalText(text: string): boolean {
  const key = decimalKey(text);
  return key !== undefined && key !== decimalKey(String(Number(text)));
}

export function inexactInteger(text: string, span?: SourceSpan): SqlEtlError {
  return unsupported('bind', `the integer ${text.trim()}, beyond ${EXACT_INTEGER_LIMIT},`, span, [
    'sqletl computes integers as doubles, exact only up to 2^53; keep such values (large ids, hashes) as text',
  ]);
}
