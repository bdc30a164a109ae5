import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';

/**
 * The embedded engine's operator set: mingo's operators, plus MongoDB operators
 * mingo lacks, and replacements where mingo departs from MongoDB's documented
 * semantics. Each one follows MongoDB's documentation; nothing here exists only
 * for sqletl, so the embedded engine accepts exactly what a server would.
 */
type Options = Parameters<typeof evalExpr>[2];

/** `$indexOfCP: [string, substring, start?, end?]`: code-point index, -1 if absent, null for a null string. */
function $indexOfCP(obj: unknown, expr: unknown, options: Options): unknown {
  const args = evalExpr(obj, expr, options) as unknown[];
  const [str, sub, start = 0, end] = args;
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP requires a string as the first and second arguments');
  const cps = Array.from(str);
  const stop = end === undefined ? cps.length : (end as number);
  const hay = cps.slice(start as number, stop).join('');
  const at = hay.indexOf(sub);
  return at < 0 ? -1 : Array.from(hay.slice(0, at)).length + (start as number);
}

const FIXED_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/**
 * `$dateAdd`/`$dateSubtract` in UTC. Calendar units clamp to the month's last day
 * (MongoDB: 2021-01-31 plus one month is 2021-02-28); mingo overflows instead.
 */
function dateAdd(sign: 1 | -1) {
  return (obj: unknown, expr: unknown, options: Options): unknown => {
    const spec = evalExpr(obj, expr, options) as { startDate?: unknown; unit?: string; amount?: unknown; timezone?: unknown };
    const { startDate, unit, amount } = spec;
    if (startDate === null || startDate === undefined || amount === null || amount === undefined || unit === null || unit === undefined) return null;
    if (!(startDate instanceof Date)) throw new Error('$dateAdd requires startDate to be convertible to a date');
    if (typeof amount !== 'number' || !Number.isInteger(amount)) throw new Error("$dateAdd expects integer amount of time units");
    if (spec.timezone !== undefined && spec.timezone !== 'UTC') throw new Error('embedded engine: $dateAdd supports only UTC');
    const n = sign * amount;
    if (unit in FIXED_MS) return new Date(startDate.getTime() + n * FIXED_MS[unit]);
    const months = MONTHS[unit];
    if (!months) throw new Error(`$dateAdd: unknown time unit value: ${unit}`);
    const d = startDate;
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n * months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  };
}

export const EMBEDDED_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: { ...expressionOperators, $indexOfCP, $dateAdd: dateAdd(1), $dateSubtract: dateAdd(-1) },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
});
