import { accumulatorOperators, assert, evalExpr, expressionOperators } from './mingo-runtime.js';

/**
 * Arithmetic and numeric accumulators that take NaN as the number it is, as MongoDB does.
 *
 * mingo's number test excludes NaN, so its `$multiply`, `$divide` and `$pow` fail on a
 * NaN operand ("must resolve to array of number") and its `$sum`, `$avg`, `$stdDevPop`
 * and `$stdDevSamp` skip NaN inputs; MongoDB computes with NaN (`NaN * 2` is NaN, a sum
 * over a NaN is NaN). sqletl's float8 and numeric hold NaN (PostgreSQL's 'NaN', or
 * `inf - inf`), so the embedded engine computes these as the server does. Otherwise each
 * is mingo's operator: NULL in, NULL out; non-numbers are errors (`$multiply`, `$divide`,
 * `$pow`) or skipped (the accumulators); division by zero is an error. `$isNumber` and
 * `$type` say what MongoDB says of NaN (true, "double"), and `$toDouble` keeps it
 * (mingo fails "cannot convert 'NaN' to double").
 */
type Options = Parameters<typeof evalExpr>[2];
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;

const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
/** a number, NaN included (MongoDB's doubles) */
const isNumeric = (v: unknown): v is number => typeof v === 'number';

function numbersOf(name: string, obj: unknown, expr: unknown, options: Options, size?: number): number[] | null {
  assert(Array.isArray(expr) && (size === undefined || expr.length === size), `${name} expects array${size ? `(${size})` : ''}`);
  const args = evalExpr(obj, expr, options) as unknown[];
  if (args.some(isNil)) return null;
  assert(args.every(isNumeric), `${name} expression must resolve to array of number${size ? `(${size})` : ''}`);
  return args as number[];
}

const $multiply: Operator = (obj, expr, options) => {
  const n = numbersOf('$multiply', obj, expr, options);
  return n && n.reduce((a, b) => a * b, 1);
};

const $divide: Operator = (obj, expr, options) => {
  const n = numbersOf('$divide', obj, expr, options, 2);
  if (!n) return null;
  assert(n[1] !== 0, '$divide cannot divide by zero');
  return n[0] / n[1];
};

const $pow: Operator = (obj, expr, options) => {
  const n = numbersOf('$pow', obj, expr, options, 2);
  if (!n) return null;
  assert(!(n[0] === 0 && n[1] < 0), '$pow cannot raise 0 to a negative exponent');
  return Math.pow(n[0], n[1]);
};

const mingoExpression = expressionOperators as unknown as Record<string, Operator>;

const $isNumber: Operator = (obj, expr, options) => isNumeric(evalExpr(obj, expr, options));

const $type: Operator = (obj, expr, options) => {
  const v = evalExpr(obj, expr, options);
  return typeof v === 'number' && Number.isNaN(v) ? 'double' : mingoExpression.$type(obj, { $literal: v }, options);
};

const $toDouble: Operator = (obj, expr, options) => {
  const v = evalExpr(obj, expr, options);
  return typeof v === 'number' && Number.isNaN(v) ? v : mingoExpression.$toDouble(obj, { $literal: v }, options);
};

export const NAN_EXPRESSION_OPERATORS = { $multiply, $divide, $pow, $isNumber, $type, $toDouble };

type Accumulator = (coll: unknown[], expr: unknown, options: Options) => unknown;

const mingoPush = accumulatorOperators.$push as unknown as Accumulator;

/** the group's values of `expr` (evaluated as mingo's `$push` does) that are numbers, NaN included */
const numericValues = (coll: unknown[], expr: unknown, options: Options): number[] => (mingoPush(coll, expr, options) as unknown[]).filter(isNumeric);

const $sum: Accumulator = (coll, expr, options) => {
  if (isNumeric(expr)) return coll.length * expr;
  return numericValues(coll, expr, options).reduce((a, b) => a + b, 0);
};

const $avg: Accumulator = (coll, expr, options) => {
  const data = numericValues(coll, expr, options);
  return data.length === 0 ? null : data.reduce((a, b) => a + b, 0) / data.length;
};

/** too few numbers give NaN, as mingo's (MongoDB says null; sqletl's lowering counts the inputs itself) */
function stdDev(data: number[], sampled: boolean): number {
  const mean = data.reduce((a, b) => a + b, 0) / data.length;
  const squares = data.reduce((a, x) => a + (x - mean) * (x - mean), 0);
  return Math.sqrt(squares / (data.length - Number(sampled)));
}

const $stdDevPop: Accumulator = (coll, expr, options) => stdDev(numericValues(coll, expr, options), false);
const $stdDevSamp: Accumulator = (coll, expr, options) => stdDev(numericValues(coll, expr, options), true);

export const NAN_ACCUMULATORS = { $sum, $avg, $stdDevPop, $stdDevSamp };
