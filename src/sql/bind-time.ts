import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, type Expr } from '../ir/expr.js';
import { isNumericType, type SqlType } from '../ir/types.js';
import { formatTime, readTime, roundTime, timePrecision } from '../ir/time-of-day.js';
import { parseLiteral } from './literals.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * The binder's part of the type `time` (src/ir/time-of-day.ts): casts to it, `time(p)`,
 * and which operators and functions take it. PostgreSQL casts a time implicitly to an
 * interval, so `time * 2`, `avg(time)` or `date_trunc('hour', time)` compute there over an
 * interval; sqletl refuses them at their position rather than computing over the text.
 */

const PG_NAMES: Partial<Record<SqlType, string>> = {
  int: 'integer', numeric: 'numeric', float: 'double precision', real: 'real', bool: 'boolean', date: 'date', json: 'jsonb', time: 'time without time zone',
};

/** The `p` of `time(p)` (undefined for a plain time); a negative one is PostgreSQL's error. */
export function timePrecisionOf(typeName: Any, span?: SourceSpan): number | undefined {
  const p = (typeName.typmods as Any[] | undefined)?.[0]?.A_Const?.ival;
  if (p === undefined) return undefined;
  const n = Number(p.ival ?? 0);
  if (n < 0) throw new SqlEtlError('invalid-argument', 'bind', `TIME(${n}) precision must not be negative`, { span });
  return timePrecision(n);
}

/** `x::time`, `x::time(p)`: a constant is read here; text, a field of no declared type, a timestamp or a time is cast when the row is read. */
export function castToTime(arg: Expr, precision: number | undefined, span?: SourceSpan): Expr {
  // NULL::time stays a cast: a literal NULL would not type COALESCE(NULL::time, '7:00') as PostgreSQL does (commonType skips NULL literals)
  if (arg.kind === 'literal' && arg.value === null) return { kind: 'cast', arg, to: 'time', typeName: 'time', type: 'time', span };
  if (arg.kind === 'literal' && typeof arg.value === 'string' && (arg.type === 'unknown' || arg.type === 'text' || arg.type === 'time')) {
    const text = arg.type === 'time' ? arg.value : (parseLiteral(arg.value, 'time', 'time', arg.span) as string);
    return lit(precision === undefined ? text : roundedText(text, precision), 'time', arg.span ?? span);
  }
  if (!['text', 'unknown', 'timestamp', 'time'].includes(arg.type)) {
    if (arg.type === 'interval') throw unsupported('bind', 'a cast of interval to time', span);
    const name = PG_NAMES[arg.type] ?? arg.type;
    throw new SqlEtlError('datatype-mismatch', 'bind', `cannot cast type ${name} to time without time zone`, { span });
  }
  return { kind: 'cast', arg, to: 'time', typeName: 'time', type: 'time', span, ...(precision !== undefined ? { precision } : {}) };
}

function roundedText(text: string, precision: number): string {
  const read = readTime(text);
  return 'micros' in read ? formatTime(roundTime(read.micros, precision)) : text;
}

/**
 * The result type of an arithmetic operator with a time operand, as PostgreSQL's
 * operators give it: time ± interval is a time (wrapped around midnight), time − time
 * an interval, date + time and date − time a timestamp. Undefined when neither operand is
 * a time; `noOperator` for a pair PostgreSQL has no operator for.
 */
export function timeArithType(op: string, a: Expr, b: Expr, noOperator: () => SqlEtlError, span?: SourceSpan): SqlType | undefined {
  if (a.type !== 'time' && b.type !== 'time') return undefined;
  const [l, r] = [a.type, b.type];
  if (op === '+' && ((l === 'time' && r === 'interval') || (l === 'interval' && r === 'time'))) return 'time';
  if (op === '-' && l === 'time' && r === 'interval') return 'time';
  if (op === '-' && l === 'time' && r === 'time') return 'interval';
  if (op === '+' && ((l === 'date' && r === 'time') || (l === 'time' && r === 'date'))) return 'timestamp';
  if (op === '-' && l === 'date' && r === 'time') return 'timestamp';
  // a NULL or a field of no declared type: which operator PostgreSQL would pick depends on a type sqletl does not know
  const untyped = [a, b].find((x) => x.type === 'unknown');
  if (untyped && !(op === '*' || op === '/')) throw unsupported('bind', `the operator ${op} between a time and a value of unknown type`, untyped.span ?? span, ['cast it: x::interval, x::time or x::date']);
  // PostgreSQL reads the time as an interval here (time → interval is an implicit cast there)
  if ((op === '*' || op === '/') && (isNumericType(l) || isNumericType(r) || l === 'unknown' || r === 'unknown')) {
    throw unsupported('bind', `time ${op} a number (PostgreSQL computes it over the time read as an interval)`, span, ['cast to interval is not supported either: extract(epoch from …) gives its seconds']);
  }
  throw noOperator();
}

/** PostgreSQL's type of an untyped literal beside a time operand of `op`: an interval after +, a time after − (`t - '00:01'` is time − time). */
export function literalTypeBesideTime(op: string): SqlType {
  return op === '+' ? 'interval' : 'time';
}

/** Functions that take a time as it is (its value, compared or passed through); any other is refused with a time argument. */
const TAKES_TIME = new Set(['coalesce', 'nullif', 'greatest', 'least', 'extract', 'date_part', 'num_nonnulls', 'num_nulls', '||', 'concat', 'concat_ws', 'grouping']);
/** Aggregates over a time that sqletl computes: its text orders as the times do. */
const AGGREGATES_OF_TIME = new Set(['count', 'min', 'max']);

/** Refuses a call of a function or aggregate that PostgreSQL computes over a time read as an interval, or that sqletl does not compute over a time. */
export function refuseTimeArgument(name: string, args: Expr[], aggregate: boolean, span?: SourceSpan): void {
  if (!args.some((a) => a.type === 'time')) return;
  if ((aggregate ? AGGREGATES_OF_TIME : TAKES_TIME).has(name)) return;
  throw unsupported('bind', `${name}(…) of a time value`, span);
}
