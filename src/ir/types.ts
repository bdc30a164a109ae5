import { unsupported, type SourceSpan, type SqlEtlError } from '../errors.js';

/**
 * SQL types as far as sqletl knows them statically. Documents carry no schema, so
 * `unknown` is common: lowering then emits run-time type checks where the answer
 * depends on the type (integer division, ROUND, casts).
 */
export type SqlType =
  | 'int' // int2/int4/int8: integer arithmetic truncates
  | 'numeric' // exact decimal in PostgreSQL, a double or Decimal128 in MongoDB
  | 'float' // float8 (double precision)
  | 'real' // float4: a double whose value is exactly an IEEE single (PostgreSQL's single-precision semantics)
  | 'text'
  | 'bool'
  | 'date'
  | 'timestamp'
  | 'time' // time without time zone: canonical text 'HH:MM:SS[.ffffff]' (src/ir/time-of-day.ts)
  | 'interval'
  | 'json' // jsonb/json: a nested document or array
  | 'array'
  | 'record' // a row value (ROW(a, b), a whole-row reference), held as the text PostgreSQL prints for it (src/sql/bind-row.ts)
  | 'unknown';

export const isNumericType = (t: SqlType): boolean => t === 'int' || t === 'numeric' || t === 'float' || t === 'real';
export const isDateType = (t: SqlType): boolean => t === 'date' || t === 'timestamp';

/** PostgreSQL type names (as the parser reports them) → our types. */
const TYPE_NAMES: Record<string, SqlType> = {
  int2: 'int', int4: 'int', int8: 'int', int: 'int', integer: 'int', smallint: 'int', bigint: 'int',
  serial: 'int', bigserial: 'int', serial4: 'int', serial8: 'int',
  numeric: 'numeric', decimal: 'numeric',
  float4: 'real', real: 'real', float8: 'float', float: 'float', 'double precision': 'float',
  text: 'text', varchar: 'text', bpchar: 'text', char: 'text', 'character varying': 'text', character: 'text', name: 'text', uuid: 'text',
  bool: 'bool', boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp', timestamptz: 'timestamp',
  time: 'time',
  interval: 'interval',
  json: 'json', jsonb: 'json',
};

export function typeFromName(name: string): SqlType | undefined {
  return TYPE_NAMES[name.toLowerCase()];
}

/**
 * The largest integer sqletl computes exactly, 2^53 − 1. The embedded engine's numbers
 * are doubles, which hold every integer only up to 2^53; PostgreSQL's bigint goes to
 * 2^63 − 1. So an integer beyond this, in a literal, a data file, a cast from text or
 * an arithmetic result, is refused rather than silently rounded (a wrong id is worse
 * than an error). The same rule holds on MongoDB, so a job answers the same on both.
 */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;
export const EXACT_INTEGER_LIMIT = '±9007199254740991 (2^53 − 1)';

/** Whether decimal digits (an optional sign, then digits) name an integer sqletl cannot hold exactly. */
export function isInexactIntegerText(digits: string): boolean {
  const t = digits.trim();
  if (!/^[+-]?\d+$/.test(t)) return false;
  const v = BigInt(t);
  return v > BigInt(MAX_EXACT_INTEGER) || v < -BigInt(MAX_EXACT_INTEGER);
}

/** PostgreSQL's integer types by the names a column or cast may use: their range and PostgreSQL's name for them. */
/** `min`/`max` as doubles (bigint's are rounded: every value past MAX_EXACT_INTEGER is refused before they matter), `exact` as BigInts */
export interface IntRange { min: number; max: number; exact: [bigint, bigint]; name: 'smallint' | 'integer' | 'bigint' }
const INT2_RANGE: IntRange = { min: -32768, max: 32767, exact: [-32768n, 32767n], name: 'smallint' };
const INT4_RANGE: IntRange = { min: -2147483648, max: 2147483647, exact: [-2147483648n, 2147483647n], name: 'integer' };
const INT8_RANGE: IntRange = { min: -9223372036854775808, max: 9223372036854775807, exact: [-9223372036854775808n, 9223372036854775807n], name: 'bigint' };
const INT_RANGE_BY_NAME: Record<string, IntRange> = {
  int2: INT2_RANGE, smallint: INT2_RANGE, smallserial: INT2_RANGE, serial2: INT2_RANGE,
  int4: INT4_RANGE, int: INT4_RANGE, integer: INT4_RANGE, serial: INT4_RANGE, serial4: INT4_RANGE,
  int8: INT8_RANGE, bigint: INT8_RANGE, bigserial: INT8_RANGE, serial8: INT8_RANGE,
};

/** int2, int4, int8 in bits: PostgreSQL's integer arithmetic overflows at its operands' width */
export type IntWidth = 16 | 32 | 64;
export function intWidthOf(typeName: string): IntWidth {
  const { name } = intRangeOf(typeName);
  return name === 'smallint' ? 16 : name === 'integer' ? 32 : 64;
}
/** The range of an integer width */
export function intRangeOfWidth(width: IntWidth): IntRange {
  return width === 16 ? INT2_RANGE : width === 32 ? INT4_RANGE : INT8_RANGE;
}
/** `{ intWidth }` when `type` is an integer type and the width is known (a spread: no field otherwise) */
export function widthField(type: SqlType, width: IntWidth | undefined): { intWidth?: IntWidth } {
  return type === 'int' && width !== undefined ? { intWidth: width } : {};
}

/** The range of an integer type name (`int4`, `bigint`, …); bigint's for a name it does not know. */
export function intRangeOf(typeName: string): IntRange {
  return INT_RANGE_BY_NAME[typeName.toLowerCase()] ?? INT8_RANGE;
}

/** The refusal of a numeric constant a double does not hold exactly (`1.000000000000000000001`): PostgreSQL's numeric keeps every digit. */
export function inexactDecimal(text: string, span?: SourceSpan): SqlEtlError {
  const t = text.trim();
  return unsupported('bind', `the numeric constant ${t.length > 40 ? `${t.slice(0, 40)}…` : t}, which a double cannot hold exactly,`, span, [
    'sqletl computes numeric values as doubles (15 to 17 significant digits); write fewer digits, or cast to double precision if rounding is intended',
  ]);
}
