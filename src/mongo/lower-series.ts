import type { FuncExpr } from '../ir/expr.js';
import { intervalTotalMs } from '../ir/datetime.js';
import { addInterval } from './lower-arith.js';
import { isNaNValue } from './nan-order.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/*
 * generate_series over numeric and timestamps, as the array of its values (the plan
 * unnests it). `$range` numbers the steps 0, 1, … up to a bound computed from the
 * distance between start and stop that is never too small; each value is computed from
 * its step number (or, for steps with months, from the previous value), and `$filter`
 * keeps those PostgreSQL returns: up to stop (down to it for a negative step). The values
 * only grow (or only shrink), so what the filter keeps is exactly PostgreSQL's series.
 */

const DAY_MS = 86_400_000;

/** `start + k × step` (k = 0, 1, …) while within stop, each value rounded to the decimals of PostgreSQL's exact sum. */
export function lowerNumericSeries([a, b, s]: Mql[], f: FuncExpr): Mql {
  // the fourth argument: the decimals of the values (the binder's, src/sql/bind-series.ts)
  const scaleArg = f.args[3];
  const scale = scaleArg.kind === 'literal' && typeof scaleArg.value === 'number' ? scaleArg.value : 0;
  // a finite constant needs no NaN or infinity check (nor a step constant other than 0 the zero check)
  const finite = f.args.slice(0, 3).map((e) => e.kind === 'literal' && typeof e.value === 'number' && Number.isFinite(e.value));
  const stepConstant = f.args[2].kind === 'literal' ? f.args[2].value : undefined;
  const nonFinite = (x: string, i: number): Mql[] => (finite[i] ? [] : [isNaNValue(x), { $eq: [{ $abs: x }, Infinity] }]);
  const zeroStep: Mql[] = finite[2] && stepConstant !== 0 ? [] : [{ $eq: ['$$s', 0] }];
  const unusable = [...nonFinite('$$a', 0), ...nonFinite('$$b', 1), ...nonFinite('$$s', 2), ...zeroStep];
  // (b − a) / s in doubles may fall just below the true count of steps: one more, and the filter decides
  const steps = { $floor: { $divide: [{ $subtract: ['$$b', '$$a'] }, '$$s'] } };
  const stepsBound = { $max: [0, { $add: [steps, 2] }] };
  const count = unusable.length > 0 ? cond({ $or: unusable }, 0, stepsBound) : stepsBound;
  const values = {
    $filter: {
      input: { $map: { input: { $range: [0, { $toInt: count }] }, as: 'k', in: { $round: [{ $add: ['$$a', { $multiply: ['$$k', '$$s'] }] }, scale] } } },
      as: 'v',
      cond: cond({ $gt: ['$$s', 0] }, { $lte: ['$$v', '$$b'] }, { $gte: ['$$v', '$$b'] }),
    },
  };
  // PostgreSQL's checks, in its order: start, stop, then the step
  const special = (x: string, i: number, what: string): [Mql, string][] =>
    finite[i] ? [] : [[isNaNValue(x), `${what} cannot be NaN`], [{ $eq: [{ $abs: x }, Infinity] }, `${what} cannot be infinity`]];
  const checks: [Mql, string][] = [
    ...special('$$a', 0, 'start value'),
    ...special('$$b', 1, 'stop value'),
    ...special('$$s', 2, 'step size'),
    ...zeroStep.map((when): [Mql, string] => [when, 'step size cannot equal zero']),
  ];
  const checked = checks.reduceRight<Mql>((value, [when, message]) => raiseIf(value, when, 'invalid-parameter-value', [message], f.span), values);
  return letIn({ a, b, s }, cond({ $or: [isNull('$$a'), isNull('$$b'), isNull('$$s')] }, [], checked));
}

/**
 * Timestamps by a constant interval (months, days, milliseconds, all one way: the
 * binder refuses mixed ones). PostgreSQL adds the step to the previous value each time,
 * months first (clamping the day to the month's end), then days, then time: Jan 31 +
 * 1 month is Feb 29 (2024), + 1 month Mar 29. Without months that is start + k × step;
 * with months each value is the previous one plus the step (`$reduce`).
 */
export function lowerTimestampSeries([a, b]: Mql[], f: FuncExpr): Mql {
  const [months, days, ms] = f.args.slice(2).map((x) => (x.kind === 'literal' && typeof x.value === 'number' ? x.value : 0));
  const step = { kind: 'interval' as const, months, days, ms };
  const nulls = { $or: [isNull('$$a'), isNull('$$b')] };
  // PostgreSQL's sign of an interval counts a month as 30 days: the binder's same-sign steps are zero only when all parts are
  const sign = Math.sign(intervalTotalMs(step));
  // (the error's condition is the bounds' presence, not a $cond around it: DocumentDB evaluates both branches of a $cond)
  if (sign === 0) return letIn({ a, b }, raiseIf([], { $not: [nulls] }, 'invalid-parameter-value', ['step size cannot equal zero'], f.span));
  const within = (v: Mql): Mql => ({ [sign > 0 ? '$lte' : '$gte']: [v, '$$b'] });
  // the fewest milliseconds one step moves (a month moves a date at least 28 days): the values
  // within stop are the first ⌊distance / that⌋ + 1 at most (the double quotient is never below the exact one)
  const fewestMs = Math.abs(months) * 28 * DAY_MS + Math.abs(days) * DAY_MS + Math.abs(ms);
  // ($ifNull: engines that evaluate both branches of the $cond see NULL bounds here)
  const count = cond(within('$$a'), { $ifNull: [{ $toInt: { $add: [{ $floor: { $divide: [{ $abs: { $subtract: ['$$b', '$$a'] } }, fewestMs] } }, 1] } }, 0] }, 0);
  const numbers = { $range: [0, count] };
  const repeated = {
    $reduce: {
      input: numbers,
      initialValue: [],
      in: { $concatArrays: ['$$value', [cond({ $eq: [{ $size: '$$value' }, 0] }, '$$a', addInterval({ $arrayElemAt: ['$$value', -1] }, step))]] },
    },
  };
  // a step of whole months from a day every month has (the 1st, a date_trunc('month')): no
  // value is ever clamped, so the k-th is start + k × months, one $dateAdd each, in linear
  // time (the $reduce above copies its array at every step: quadratic in the length)
  const monthly = { $map: { input: numbers, as: 'k', in: { $dateAdd: { startDate: '$$a', unit: 'month', amount: { $multiply: ['$$k', months] } } } } };
  const values =
    months === 0
      ? { $map: { input: numbers, as: 'k', in: scaledStep('$$a', '$$k', days, ms) } }
      : days === 0 && ms === 0
        ? cond({ $lte: [{ $dayOfMonth: '$$a' }, 28] }, monthly, repeated)
        : repeated;
  return letIn({ a, b }, cond(nulls, [], { $filter: { input: values, as: 'v', cond: within('$$v') } }));
}

/**
 * start + k × (days, milliseconds) as one `$dateAdd` of milliseconds: sqletl's timestamps
 * are UTC, where a day is 86 400 000 ms (and `$dateAdd` of milliseconds is exact before
 * 1970 too, where MongoDB 8.3 changed its calendar units by a second).
 */
function scaledStep(start: Mql, k: Mql, days: number, ms: number): Mql {
  return { $dateAdd: { startDate: start, unit: 'millisecond', amount: { $multiply: [k, days * DAY_MS + ms] } } };
}
