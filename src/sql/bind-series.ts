import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { isInterval, lit, type Expr, type Interval } from '../ir/expr.js';
import { formatInterval } from '../ir/datetime.js';
import { MAX_SCALE, scaleOf } from '../ir/numeric-scale.js';
import { isDateType, type SqlType } from '../ir/types.js';
import { coerceTo } from './bind-expr.js';

/**
 * `generate_series(start, stop [, step])` as the array its rows unnest, by PostgreSQL's
 * signatures (the lowering is src/mongo/lower-series.ts):
 * - integers → integers (`generate_series`, built with `$range`);
 * - numeric (any argument numeric, the others integers) → numeric (`generate_series_numeric`);
 * - timestamp or date bounds with an interval step → timestamp (`generate_series_timestamp`):
 *   PostgreSQL resolves date arguments to its timestamptz signature (timestamptz is the
 *   preferred date/time type), so the values are timestamps, not dates; sqletl's one
 *   timestamp type holds both.
 */
export function seriesArray(args: Expr[], span?: SourceSpan): Expr {
  if (args.length < 2 || args.length > 3) {
    throw new SqlEtlError('wrong-arguments', 'bind', `function generate_series takes 2 or 3 arguments, got ${args.length}`, { span });
  }
  if (isTemporalCall(args)) return timestampSeries(args, span);
  if (args.some((a) => isDateType(a.type) || a.type === 'interval')) throw noSuchSignature(args, span);
  if (args.some((a) => a.type === 'numeric')) return numericSeries(args, span);
  const typed = args.map((a) => coerceTo(a, 'int'));
  const bad = typed.find((a) => a.type !== 'int' && !isNullConstant(a));
  if (bad) throw unsupported('bind', `generate_series over ${bad.type === 'unknown' ? 'values of unknown type' : typeName(bad.type)} (integers, numeric, dates and timestamps only)`, bad.span ?? span, ['cast the arguments to int or numeric']);
  return { kind: 'func', name: 'generate_series', args: typed, type: 'array', span };
}

/** generate_series_numeric's fourth argument: the decimals of its values. */
export function seriesScale(args: Expr[]): number {
  const scale = args[3];
  return scale.kind === 'literal' && typeof scale.value === 'number' ? scale.value : 0;
}

const isNullConstant = (e: Expr): boolean => e.kind === 'literal' && e.value === null;

/**
 * The timestamp signature applies when the step is an interval, or when a bound is a
 * date or timestamp and the step an untyped constant (PostgreSQL reads it as interval).
 */
function isTemporalCall(args: Expr[]): boolean {
  const step = args[2];
  if (!step) return false;
  if (step.type === 'interval' || (step.kind === 'literal' && isInterval(step.value))) return true;
  return args.slice(0, 2).some((a) => isDateType(a.type)) && step.kind === 'literal' && step.type === 'unknown' && typeof step.value === 'string';
}

/**
 * The step must be a constant interval whose months, days and time go the same way:
 * the lowering then knows the direction and the fewest milliseconds one step moves,
 * which bound the count of values. (A step such as `1 month -29 days` can even cycle
 * in PostgreSQL: Jan 31 + 1 month − 29 days is Jan 31 again.)
 */
function timestampSeries(args: Expr[], span?: SourceSpan): Expr {
  const [start, stop] = args.slice(0, 2).map((a) => coerceTo(a, 'timestamp'));
  for (const bound of [start, stop]) {
    if (!isDateType(bound.type) && !isNullConstant(bound)) throw noSuchSignature(args, span);
  }
  const step = coerceTo(args[2], 'interval');
  if (step.kind !== 'literal') {
    throw unsupported('bind', 'generate_series with a step that is not a constant interval', step.span ?? span, ["write the step as a constant, e.g. interval '1 day'"]);
  }
  // a NULL step: no rows (the function is strict), as a NULL bound gives
  if (step.value === null) return timestampFunc(start, lit(null, 'timestamp', stop.span), { kind: 'interval', months: 0, days: 0, ms: 0 }, span);
  if (!isInterval(step.value)) throw noSuchSignature(args, span);
  const iv = step.value;
  const parts = [iv.months, iv.days, iv.ms];
  if (parts.some((p) => p > 0) && parts.some((p) => p < 0)) {
    throw unsupported('bind', `generate_series with a step whose months, days and time go different ways (interval '${formatInterval(iv)}')`, step.span ?? span, ['use a step whose months, days and time are all positive or all negative']);
  }
  return timestampFunc(start, stop, iv, span);
}

function timestampFunc(start: Expr, stop: Expr, iv: Interval, span?: SourceSpan): Expr {
  // the step travels as three integer constants: an interval value has no expression of its own in a pipeline
  const step = [lit(iv.months, 'int'), lit(iv.days, 'int'), lit(iv.ms, 'int')];
  return { kind: 'func', name: 'generate_series_timestamp', args: [start, stop, ...step], type: 'array', span };
}

/**
 * numeric: sqletl computes numeric values as doubles, so each value start + k × step is
 * rounded to the decimals PostgreSQL's exact sum has (the larger of start's and step's),
 * which must be known: a constant's, a numeric(p, s) column's.
 */
function numericSeries(args: Expr[], span?: SourceSpan): Expr {
  const typed = args.map((a) => coerceTo(a, 'numeric'));
  const bad = typed.find((a) => a.type !== 'numeric' && a.type !== 'int' && !isNullConstant(a));
  if (bad) throw noSuchSignature(args, span);
  const [start, stop, step = lit(1, 'int', span)] = typed;
  let scale = 0;
  for (const e of [start, step]) {
    if (isNullConstant(e)) continue;
    const s = scaleOf(e);
    if (s === undefined || s > MAX_SCALE) {
      throw unsupported('bind', 'generate_series over numeric values whose decimals sqletl does not know', e.span ?? span, ['cast start and step to numeric(p, s), or write them as constants']);
    }
    scale = Math.max(scale, s);
  }
  return { kind: 'func', name: 'generate_series_numeric', args: [start, stop, step, lit(scale, 'int')], type: 'array', span };
}

function noSuchSignature(args: Expr[], span?: SourceSpan): SqlEtlError {
  const signature = `generate_series(${args.map((a) => typeName(a.type)).join(', ')})`;
  return new SqlEtlError('undefined-function', 'bind', `function ${signature} does not exist`, { span, params: { function: 'generate_series' } });
}

function typeName(t: SqlType): string {
  const names: Partial<Record<SqlType, string>> = { int: 'integer', float: 'double precision', bool: 'boolean', timestamp: 'timestamp without time zone' };
  return names[t] ?? t;
}
