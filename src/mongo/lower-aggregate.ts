import { roundToScale } from './lower-arith.js';
import { scaleBound } from '../ir/numeric-scale.js';
import { decimalsOfValue, roundToRuntimeScale, sumInputScale } from './runtime-scale.js';
import { SqlEtlError, unsupported } from '../errors.js';
import type { GroupAggregateName } from '../catalog/functions.js';
import type { AggExpr, Expr } from '../ir/expr.js';
import type { MqlDocument } from '../commands/mql-types.js';
import { cond, isNull, joinStrings, letIn, orNull, shared, type Mql } from './mql.js';
import { mayBeNull } from '../catalog/nullability.js';
import { lowerBitAggregate } from './lower-bit-aggregates.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { fromNaNMark, isNaNValue, nanAwareCompare, nanRank, toNaNMark } from './nan-order.js';

/**
 * An aggregate call → $group accumulators (bounded state, never the whole group's
 * documents) plus the expression that finishes it after the $group. PostgreSQL's
 * rules: COUNT(x) skips NULLs; SUM/AVG/MIN/MAX of no non-NULL input are NULL
 * (MongoDB's $sum gives 0); FILTER (WHERE …) drops rows before accumulating.
 */
export interface LoweredAggregate {
  accumulators: Record<string, MqlDocument>;
  /** reads the accumulator fields (`$<field>…`) after the $group */
  result: Mql;
  /** the accumulator values of a group with no rows (aggregates without GROUP BY over empty input) */
  empty: MqlDocument;
}

/** What a row left out by FILTER (WHERE …) adds to a DISTINCT aggregate's set. */
const FILTERED = '\u0000sqletl:filtered';

export function lowerAggregate(agg: AggExpr, field: string, lower: (e: Expr) => Mql, predicate: (e: Expr) => Mql): LoweredAggregate {
  const filter = agg.filter ? predicate(agg.filter) : undefined;
  const when = (v: Mql, otherwise: Mql = null): Mql => (filter === undefined ? v : cond(filter, v, otherwise));
  // every aggregate but count(*) has its argument: the binder checks their arity
  const arg: Mql = agg.args[0] ? lower(agg.args[0]) : null;
  const value: Mql = agg.args[0] ? when(arg) : null;
  const ref = `$${field}`;
  const countOf = (v: Mql): MqlDocument => ({ $sum: cond(isNull(v), 0, 1) });
  const nonNull = (arr: Mql): Mql => ({ $filter: { input: arr, cond: { $ne: [{ $ifNull: ['$$this', null] }, null] } } });

  const distinctOk = ['count', 'sum', 'avg', 'array_agg', 'string_agg', 'min', 'max'];
  if (agg.distinct && !distinctOk.includes(agg.name)) throw unsupported('lower', `${agg.name}(DISTINCT …)`, agg.span);
  if (agg.distinct && agg.orderBy.length && agg.name !== 'array_agg' && agg.name !== 'string_agg') throw unsupported('lower', 'ORDER BY inside an aggregate with DISTINCT', agg.span);
  if (agg.distinct && agg.orderBy.some((k) => !sameExpr(k.expr, agg.args[0]))) {
    throw new SqlEtlError('invalid-aggregate', 'lower', 'in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list', { span: agg.orderBy.find((k) => !sameExpr(k.expr, agg.args[0]))?.expr.span ?? agg.span });
  }

  if (agg.distinct && agg.name !== 'min' && agg.name !== 'max') {
    // the distinct values of the group: bounded by the number of distinct values. A missing
    // field is NULL (MongoDB's $addToSet skips a missing value); a row FILTER drops adds a
    // marker, taken out after the $group (mingo would add $$REMOVE as null)
    const v = agg.name === 'array_agg' ? orNull(arg) : arg; // NULL is left out of the others anyway
    const set = { [field]: { $addToSet: filter === undefined ? v : cond(filter, v, FILTERED) } };
    const all = filter === undefined ? ref : { $filter: { input: ref, cond: { $ne: ['$$this', FILTERED] } } };
    const values = nonNull(all);
    const result: Record<string, Mql> = {
      count: { $size: values },
      sum: letIn({ v: values }, cond({ $eq: [{ $size: '$$v' }, 0] }, null, distinctSum(agg))),
      avg: { $avg: values },
      array_agg: letIn({ v: all }, cond({ $eq: [{ $size: '$$v' }, 0] }, null, sortDistinct('$$v', agg.orderBy[0], mayBeNaN(agg.args[0])))),
    };
    return { accumulators: set, result: agg.name === 'string_agg' ? distinctStrings(agg, values, lower) : result[agg.name], empty: { [field]: [] } };
  }

  // every aggregate of the catalogue (src/catalog/functions.ts) but the ordered-set ones (lower-ordered-set.ts)
  const name = agg.name as GroupAggregateName;
  switch (name) {
    case 'count':
      if (agg.star) return { accumulators: { [field]: { $sum: when(1, 0) } }, result: ref, empty: { [field]: 0 } };
      return { accumulators: { [field]: countOf(value) }, result: ref, empty: { [field]: 0 } };
    case 'sum': {
      // an argument that is never NULL needs no count of non-NULL inputs: a group has
      // rows, and the empty input's row (aggregates without GROUP BY) says NULL itself
      // a numeric sum of known scale rounded to it (numeric-scale.ts: 0.1 + 0.2 is 0.3, as in PostgreSQL)
      // one of at most a known number of decimals (a CASE of such branches: TPC-H q14) rounded to it; one of
      // unknown scale to the largest scale of its inputs, read from their values (runtime-scale.ts)
      const bound = agg.numericScale ?? (agg.type === 'numeric' && agg.args[0] ? scaleBound(agg.args[0]) : undefined);
      const scale = bound === undefined ? sumInputScale(agg.args[0], value) : undefined;
      const scaled: Pick<LoweredAggregate, 'accumulators' | 'empty'> = scale === undefined ? { accumulators: {}, empty: {} } : { accumulators: { [`${field}_s`]: { $max: scale } }, empty: { [`${field}_s`]: 0 } };
      const total = scale === undefined ? roundToScale({ type: agg.type, numericScale: bound }, ref) : roundToRuntimeScale(ref, `${ref}_s`, SUM_NAMES);
      if (!agg.filter && !mayBeNull(agg.args[0])) return { accumulators: { [field]: { $sum: value }, ...scaled.accumulators }, result: total, empty: { [field]: null, ...scaled.empty } };
      return {
        accumulators: { [field]: { $sum: value }, [`${field}_n`]: countOf(value), ...scaled.accumulators },
        result: cond({ $eq: [`${ref}_n`, 0] }, null, total),
        empty: { [field]: 0, [`${field}_n`]: 0, ...scaled.empty },
      };
    }
    case 'avg':
      return { accumulators: { [field]: { $avg: value } }, result: ref, empty: { [field]: null } };
    case 'min':
    case 'max':
    case 'bool_and':
    case 'bool_or': {
      // booleans order false < true, so bool_and is MIN and bool_or is MAX; both skip NULLs
      const op = agg.name === 'min' || agg.name === 'bool_and' ? '$min' : '$max';
      // NaN above every number, as PostgreSQL orders it (nan-order.ts)
      if (mayBeNaN(agg.args[0])) return { accumulators: { [field]: { [op]: toNaNMark(value) } }, result: fromNaNMark(ref), empty: { [field]: null } };
      return { accumulators: { [field]: { [op]: value } }, result: ref, empty: { [field]: null } };
    }
    case 'stddev_samp':
    case 'stddev_pop':
    case 'var_samp':
    case 'var_pop': {
      // NULL below the minimum count (2 for samples, 1 for populations), as PostgreSQL
      const sample = agg.name.endsWith('_samp');
      const sd = { $cond: [{ $lt: [`${ref}_n`, sample ? 2 : 1] }, null, ref] };
      return {
        accumulators: { [field]: { [sample ? '$stdDevSamp' : '$stdDevPop']: value }, [`${field}_n`]: countOf(value) },
        result: agg.name.startsWith('var') ? letIn({ sd }, cond(isNull('$$sd'), null, { $multiply: ['$$sd', '$$sd'] })) : sd,
        empty: { [field]: null, [`${field}_n`]: 0 },
      };
    }
    case 'bit_and':
    case 'bit_or':
      return lowerBitAggregate(agg, field, value);
    case 'array_agg':
    case 'json_agg':
    case 'string_agg':
    case 'json_object_agg':
      return orderedCollect(agg, field, lower, filter);
    case 'hypothetical_rank':
    case 'hypothetical_dense_rank':
    case 'hypothetical_percent_rank':
    case 'hypothetical_cume_dist':
      return hypothetical(agg, field, lower, filter);
    case 'corr':
    case 'covar_pop':
    case 'covar_samp':
    case 'regr_count':
    case 'regr_avgx':
    case 'regr_avgy':
    case 'regr_sxx':
    case 'regr_syy':
    case 'regr_sxy':
    case 'regr_slope':
    case 'regr_intercept':
    case 'regr_r2':
      return twoVariable(agg, field, lower, filter);
    default:
      name satisfies never;
      throw unsupported('lower', `the aggregate ${agg.name}`, agg.span);
  }
}

/** Names of the finished sum's rounding (runtime-scale.ts). */
const SUM_NAMES = { value: 'sumv', scale: 'sums' };

/** The sum of a DISTINCT aggregate's values `$$v`, rounded to its scale: known statically, or the largest of the values'. */
function distinctSum(agg: AggExpr): Mql {
  const total = { $sum: '$$v' };
  if (sumInputScale(agg.args[0], '$$this') === undefined) return roundToScale(agg, total);
  return roundToRuntimeScale(total, { $max: { $map: { input: '$$v', in: decimalsOfValue('$$this') } } }, SUM_NAMES);
}

/**
 * `string_agg(DISTINCT x, sep [ORDER BY x …])`: the distinct non-NULL values joined in
 * PostgreSQL's order (without ORDER BY PostgreSQL sorts them to find the distinct
 * ones: ascending). PostgreSQL's DISTINCT is over (x, sep); with a constant separator
 * that is x alone, so another separator is refused.
 */
function distinctStrings(agg: AggExpr, values: Mql, lower: (e: Expr) => Mql): Mql {
  const sepArg = agg.args[1];
  if (sepArg.kind !== 'literal') throw unsupported('lower', 'string_agg(DISTINCT …) with a separator that is not a constant', sepArg.span ?? agg.span);
  return letIn({ v: sortDistinct(values, agg.orderBy[0], mayBeNaN(agg.args[0])) }, cond({ $eq: [{ $size: '$$v' }, 0] }, null, joinStrings('$$v', { $ifNull: [lower(sepArg), ''] }, (x) => ({ $toString: x }))));
}

/**
 * The distinct values of `array_agg(DISTINCT x ORDER BY x …)` in PostgreSQL's order:
 * PostgreSQL allows only the argument itself as the key, so its direction and NULLS
 * FIRST/LAST decide (default ascending, NULLs last; descending puts NULLs first).
 */
function sortDistinct(arr: Mql, key: AggExpr['orderBy'][number] | undefined, nan: boolean): Mql {
  const desc = key?.desc ?? false;
  const nullsFirst = key?.nullsFirst ?? desc;
  // a NaN (at most one: the values are distinct) goes after every number, before them descending (nan-order.ts)
  const numbers = nan ? { $and: [{ $ne: ['$$this', null] }, { $ne: ['$$this', NaN] }] } : { $ne: ['$$this', null] };
  const values = { $sortArray: { input: { $filter: { input: arr, cond: numbers } }, sortBy: desc ? -1 : 1 } };
  const nans = { $filter: { input: arr, cond: isNaNValue('$$this') } };
  const ordered = nan ? { $concatArrays: desc ? [nans, values] : [values, nans] } : values;
  const nulls = { $filter: { input: arr, cond: { $eq: ['$$this', null] } } };
  return { $concatArrays: nullsFirst ? [nulls, ordered] : [ordered, nulls] };
}

/**
 * ARRAY_AGG / STRING_AGG (… ORDER BY …): each row pushes its value with its sort
 * keys (and a null rank per key, since PostgreSQL sorts NULLs last ascending);
 * the array is sorted with $sortArray after the $group.
 */
function orderedCollect(agg: AggExpr, field: string, lower: (e: Expr) => Mql, filter: Mql | undefined): LoweredAggregate {
  const item: Record<string, Mql> = { v: { $ifNull: [lower(agg.args[0]), null] } };
  const sortBy: Record<string, 1 | -1> = {};
  agg.orderBy.forEach((k, i) => {
    const key = lower(k.expr);
    item[`n${i}`] = cond(isNull(key), k.nullsFirst ? 0 : 1, k.nullsFirst ? 1 : 0);
    sortBy[`n${i}`] = 1;
    if (mayBeNaN(k.expr)) {
      // NaN after every number (PostgreSQL's order, nan-order.ts); its sort value is null, so no engine's sort meets NaN
      item[`x${i}`] = nanRank(key);
      sortBy[`x${i}`] = k.desc ? -1 : 1;
      item[`k${i}`] = shared([key], ([v]) => cond(isNaNValue(v), null, v));
    } else item[`k${i}`] = key;
    sortBy[`k${i}`] = k.desc ? -1 : 1;
  });
  if (filter !== undefined) item.p = filter;
  const ref = `$${field}`;
  let items: Mql = filter !== undefined ? { $filter: { input: ref, cond: '$$this.p' } } : ref;
  if (agg.orderBy.length) items = { $sortArray: { input: items, sortBy } };
  const values = { $map: { input: items, in: '$$this.v' } };
  if (agg.name === 'json_object_agg') {
    item.k = { $toString: lower(agg.args[0]) };
    item.v = { $ifNull: [lower(agg.args[1]), null] };
    return {
      accumulators: { [field]: { $push: item } },
      result: letIn({ kv: { $map: { input: items, in: { k: '$$this.k', v: '$$this.v' } } } }, cond({ $eq: [{ $size: '$$kv' }, 0] }, null, { $arrayToObject: ['$$kv'] })),
      empty: { [field]: [] },
    };
  }
  if (agg.name === 'array_agg' || agg.name === 'json_agg') {
    return {
      accumulators: { [field]: { $push: item } },
      result: letIn({ v: values }, cond({ $eq: [{ $size: '$$v' }, 0] }, null, '$$v')),
      empty: { [field]: [] },
    };
  }
  const sepArg = agg.args[1];
  const sep = lower(sepArg);
  return {
    accumulators: { [field]: { $push: item } },
    result: letIn(
      { v: { $filter: { input: values, cond: { $ne: ['$$this', null] } } } },
      cond(
        { $eq: [{ $size: '$$v' }, 0] },
        null,
        joinStrings('$$v', { $ifNull: [sep, ''] }, (x) => ({ $toString: x })),
      ),
    ),
    empty: { [field]: [] },
  };
}

/**
 * rank/dense_rank/percent_rank/cume_dist(x) WITHIN GROUP (ORDER BY k): the group's rows
 * before the hypothetical row k = x in the ORDER BY order (NULLs placed as the key says),
 * its peers, and the group's size, counted in the $group.
 */
function hypothetical(agg: AggExpr, field: string, lower: (e: Expr) => Mql, filter: Mql | undefined): LoweredAggregate {
  const key = agg.orderBy[0];
  const k = lower(agg.args[0]);
  const x = lower(agg.args[1]);
  // a null rank per side: NULLs after the values ascending (NULLS LAST), before them with NULLS FIRST
  const rank = (v: Mql) => cond(isNull(v), key.nullsFirst ? 0 : 1, key.nullsFirst ? 1 : 0);
  // k before x in the key's direction, NaN above every number (nan-order.ts)
  const [nanK, nanX] = [mayBeNaN(agg.args[0]), mayBeNaN(agg.args[1])];
  const keyBefore = nanK || nanX ? nanAwareCompare(key.desc ? '>' : '<', k, x, nanK, nanX) : { [key.desc ? '$gt' : '$lt']: [k, x] };
  const before = letIn(
    { rk: rank(k), rx: rank(x) },
    { $or: [{ $lt: ['$$rk', '$$rx'] }, { $and: [{ $eq: ['$$rk', '$$rx'] }, { $not: [isNull(x)] }, { $not: [isNull(k)] }, keyBefore] }] },
  );
  const peer = { $or: [{ $and: [isNull(k), isNull(x)] }, { $and: [{ $not: [isNull(k)] }, { $not: [isNull(x)] }, { $eq: [k, x] }] }] };
  const only = (c: Mql): Mql => (filter === undefined ? c : { $and: [filter, c] });
  const f = (s: string) => `${field}_${s}`;
  const accumulators: Record<string, MqlDocument> = {
    [f('b')]: { $sum: cond(only(before), 1, 0) },
    [f('p')]: { $sum: cond(only(peer), 1, 0) },
    [f('n')]: { $sum: filter === undefined ? 1 : cond(filter, 1, 0) },
  };
  const empty: MqlDocument = { [f('b')]: 0, [f('p')]: 0, [f('n')]: 0 };
  if (agg.name === 'hypothetical_dense_rank') {
    // rows not before add a marker, taken out after (the embedded engine adds $$REMOVE as null)
    accumulators[f('d')] = { $addToSet: cond(only(before), { $ifNull: [k, null] }, FILTERED) };
    empty[f('d')] = [];
  }
  const b = `$${f('b')}`;
  const results: Record<string, Mql> = {
    hypothetical_rank: { $add: [b, 1] },
    hypothetical_dense_rank: { $add: [{ $size: { $filter: { input: `$${f('d')}`, cond: { $ne: ['$$this', FILTERED] } } } }, 1] },
    hypothetical_percent_rank: cond({ $eq: [`$${f('n')}`, 0] }, 0, { $divide: [b, { $max: [`$${f('n')}`, 1] }] }),
    hypothetical_cume_dist: { $divide: [{ $add: [b, `$${f('p')}`, 1] }, { $add: [`$${f('n')}`, 1] }] },
  };
  return { accumulators, result: results[agg.name], empty };
}

/**
 * corr, covar_*, regr_* (Y, X) over the rows where both are non-NULL: sums of x, y,
 * x², y², xy and the count in the $group, then PostgreSQL's formulas on
 * Sxx = Σx² − (Σx)²/N (PostgreSQL accumulates the same quantities with the
 * Youngs-Cramer updates: equal within rounding). A column whose values are all equal
 * (min = max) has Sxx exactly 0, as PostgreSQL's, so the NULL cases agree.
 */
function twoVariable(agg: AggExpr, field: string, lower: (e: Expr) => Mql, filter: Mql | undefined): LoweredAggregate {
  const y = { $toDouble: lower(agg.args[0]) };
  const x = { $toDouble: lower(agg.args[1]) };
  const both: Mql = { $and: [{ $ne: [{ $ifNull: [lower(agg.args[0]), null] }, null] }, { $ne: [{ $ifNull: [lower(agg.args[1]), null] }, null] }] };
  const pair = filter === undefined ? both : { $and: [filter, both] };
  const f = (k: string) => `${field}_${k}`;
  const sum = (v: Mql): MqlDocument => ({ $sum: cond(pair, v, 0) });
  const accumulators: Record<string, MqlDocument> = {
    [f('n')]: sum(1),
    [f('sx')]: sum(x),
    [f('sy')]: sum(y),
    [f('sxx')]: sum({ $multiply: [x, x] }),
    [f('syy')]: sum({ $multiply: [y, y] }),
    [f('sxy')]: sum({ $multiply: [x, y] }),
    [f('x0')]: { $min: cond(pair, x, null) },
    [f('x1')]: { $max: cond(pair, x, null) },
    [f('y0')]: { $min: cond(pair, y, null) },
    [f('y1')]: { $max: cond(pair, y, null) },
  };
  const empty: MqlDocument = Object.fromEntries(Object.keys(accumulators).map((k) => [k, k.endsWith('0') || k.endsWith('1') ? null : 0]));
  // N > 0 inside: the divisors are never 0, even in branches not taken
  const n = { $max: [`$${f('n')}`, 1] };
  const sq = (s2: string, s: string, lo: string, hi: string) =>
    cond({ $eq: [`$${f(lo)}`, `$${f(hi)}`] }, 0, { $max: [0, { $subtract: [`$${f(s2)}`, { $divide: [{ $multiply: [`$${f(s)}`, `$${f(s)}`] }, n] }] }] });
  const vars = {
    n: `$${f('n')}`,
    sx: `$${f('sx')}`,
    sy: `$${f('sy')}`,
    dxx: sq('sxx', 'sx', 'x0', 'x1'),
    dyy: sq('syy', 'sy', 'y0', 'y1'),
    dxy: { $subtract: [`$${f('sxy')}`, { $divide: [{ $multiply: [`$${f('sx')}`, `$${f('sy')}`] }, n] }] },
  };
  const safe = (v: string) => cond({ $eq: [v, 0] }, 1, v);
  const formulas: Record<string, Mql> = {
    regr_count: '$$n',
    regr_avgx: { $divide: ['$$sx', safe('$$n')] },
    regr_avgy: { $divide: ['$$sy', safe('$$n')] },
    regr_sxx: '$$dxx',
    regr_syy: '$$dyy',
    regr_sxy: '$$dxy',
    covar_pop: { $divide: ['$$dxy', safe('$$n')] },
    covar_samp: cond({ $lt: ['$$n', 2] }, null, { $divide: ['$$dxy', { $max: [{ $subtract: ['$$n', 1] }, 1] }] }),
    corr: cond({ $or: [{ $eq: ['$$dxx', 0] }, { $eq: ['$$dyy', 0] }] }, null, { $divide: ['$$dxy', { $sqrt: { $multiply: [safe('$$dxx'), safe('$$dyy')] } }] }),
    regr_slope: cond({ $eq: ['$$dxx', 0] }, null, { $divide: ['$$dxy', safe('$$dxx')] }),
    regr_intercept: cond(
      { $eq: ['$$dxx', 0] },
      null,
      { $divide: [{ $subtract: ['$$sy', { $divide: [{ $multiply: ['$$sx', '$$dxy'] }, safe('$$dxx')] }] }, safe('$$n')] },
    ),
    regr_r2: cond(
      { $eq: ['$$dxx', 0] },
      null,
      cond({ $eq: ['$$dyy', 0] }, 1, { $divide: [{ $multiply: ['$$dxy', '$$dxy'] }, { $multiply: [safe('$$dxx'), safe('$$dyy')] }] }),
    ),
  };
  const body = formulas[agg.name];
  const result = agg.name === 'regr_count' ? `$${f('n')}` : letIn(vars, cond({ $eq: ['$$n', 0] }, null, body));
  return { accumulators, result, empty };
}

/** The same expression, wherever it was written (spans aside). */
function sameExpr(a: Expr, b: Expr | undefined): boolean {
  const plain = (e: unknown) => JSON.stringify(e, (k, v) => (k === 'span' ? undefined : v));
  return b !== undefined && plain(a) === plain(b);
}
