import type { OrderedSetName } from '../catalog/functions.js';
import type { AggExpr, Expr } from '../ir/expr.js';
import type { MqlDocument, Stage } from '../commands/mql-types.js';
import { cond, isNull, rowNumber, shared, type Mql } from './mql.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { isNaNValue, nanRank } from './nan-order.js';

/**
 * Ordered-set aggregates, exact as PostgreSQL computes them, without gathering a
 * group into one document: a `$setWindowFields` before the `$group`, partitioned
 * by the group key, numbers each row within its group in WITHIN GROUP order
 * (NULLs, and rows a FILTER rejects, last and uncounted) and counts the rows that
 * count. The `$group` then keeps only the values at the wanted positions with `$max`
 * (bounded state). MODE counts each value's frequency the same way and takes the
 * most frequent with `$top` (ties: the first in WITHIN GROUP order, as PostgreSQL).
 *
 * `approximate` swaps PERCENTILE_CONT/DISC for MongoDB's `$percentile` (method
 * 'approximate'), which is also what `approx_percentile(x, p)` always uses.
 */
export interface OrderedSetLowering {
  pre: Stage[];
  accumulators: Record<string, MqlDocument>;
  result: Mql;
  empty: MqlDocument;
  note: string;
}

/** How each ordered-set aggregate of the catalogue (src/catalog/functions.ts) is computed. */
const METHOD: Record<OrderedSetName, 'cont' | 'disc' | 'mode' | 'approximate'> = {
  percentile_cont: 'cont',
  percentile_disc: 'disc',
  mode: 'mode',
  approx_percentile: 'approximate',
};

export function lowerOrderedSet(
  agg: AggExpr,
  field: string,
  groupKey: Mql | undefined,
  lower: (e: Expr) => Mql,
  predicate: (e: Expr) => Mql,
  approximate: boolean,
): OrderedSetLowering {
  const x = lower(agg.args[0]);
  const fractionArg = agg.args[1];
  const fractions = fractionArg?.kind === 'literal' ? (Array.isArray(fractionArg.value) ? (fractionArg.value as number[]) : [fractionArg.value as number]) : [];
  const many = fractionArg?.kind === 'literal' && Array.isArray(fractionArg.value);
  const pick = (values: Mql[]): Mql => (many ? values : values[0]);
  const method = METHOD[agg.name as OrderedSetName];

  if (method === 'approximate' || (approximate && method !== 'mode')) {
    const input = agg.filter ? cond(predicate(agg.filter), x, null) : x;
    const acc = { $percentile: { input, p: fractions, method: 'approximate' } };
    const values = fractions.map((_, i) => ({ $arrayElemAt: [`$${field}`, i] }));
    return {
      pre: [],
      accumulators: { [field]: acc },
      result: pick(values),
      empty: { [field]: null },
      note: `${agg.name}: approximate ($percentile, method 'approximate')`,
    };
  }

  const N = `__${field}n`;
  const K = `__${field}k`;
  const S = `__${field}s`;
  const C = `__${field}c`;
  const F = `__${field}f`;
  const key = agg.orderBy[0];
  const skip = agg.filter ? { $or: [isNull(x), { $not: [predicate(agg.filter)] }] } : isNull(x);
  // a key that may be NaN: a rank puts NaN after every number (PostgreSQL's order, nan-order.ts), and
  // the sort value of a NaN row is null, so no engine's sort meets NaN (the rank orders those rows)
  const X = `__${field}x`;
  const KS = `__${field}ks`;
  const nan = mayBeNaN(agg.args[0]);
  const set = { $set: { [N]: cond(skip, 1, 0), [K]: x, ...(nan ? { [X]: nanRank(x), [KS]: shared([x], ([v]) => cond(isNaNValue(v), null, v)) } : {}) } };
  const dir: 1 | -1 = key.desc ? -1 : 1;
  const keyOrder = nan ? { [X]: dir, [KS]: dir } : { [K]: dir };
  const partition = groupKey === undefined ? {} : { partitionBy: groupKey };

  if (method === 'mode') {
    return {
      pre: [
        set,
        { $setWindowFields: { partitionBy: groupKey === undefined ? `$${K}` : { g: groupKey, k: `$${K}` }, output: { [F]: { $count: {}, window: { documents: ['unbounded', 'unbounded'] } } } } },
      ],
      accumulators: { [field]: { $top: { sortBy: { [N]: 1, [F]: -1, ...keyOrder }, output: cond({ $eq: [`$${N}`, 0] }, `$${K}`, null) } } },
      result: `$${field}`,
      empty: { [field]: null },
      note: 'mode: exact (value frequencies from $setWindowFields, then $top)',
    };
  }

  const pre: Stage[] = [
    set,
    {
      $setWindowFields: {
        ...partition,
        sortBy: { [N]: 1, ...keyOrder },
        output: {
          [S]: rowNumber(),
          [C]: { $sum: cond({ $eq: [`$${N}`, 0] }, 1, 0), window: { documents: ['unbounded', 'unbounded'] } },
        },
      },
    },
  ];
  const at = (position: Mql): MqlDocument => ({ $max: cond({ $and: [{ $eq: [`$${N}`, 0] }, { $eq: [`$${S}`, position] }] }, `$${K}`, null) });
  const accumulators: Record<string, MqlDocument> = { [`${field}c`]: { $max: `$${C}` } };
  const count = `$${field}c`;
  const values: Mql[] = [];
  fractions.forEach((p, i) => {
    if (method === 'disc') {
      accumulators[`${field}_${i}`] = at({ $max: [1, { $ceil: { $multiply: [p, `$${C}`] } }] });
      values.push(`$${field}_${i}`);
    } else {
      // linear interpolation between the rows at floor and ceil of p·(n−1)
      const pos = { $multiply: [p, { $subtract: [`$${C}`, 1] }] };
      accumulators[`${field}_${i}lo`] = at({ $add: [{ $floor: pos }, 1] });
      accumulators[`${field}_${i}hi`] = at({ $add: [{ $ceil: pos }, 1] });
      const lo = `$${field}_${i}lo`;
      const hi = `$${field}_${i}hi`;
      const frac = { $subtract: [{ $multiply: [p, { $subtract: [count, 1] }] }, { $floor: { $multiply: [p, { $subtract: [count, 1] }] } }] };
      values.push(cond(isNull(lo), null, { $add: [lo, { $multiply: [{ $subtract: [hi, lo] }, frac] }] }));
    }
  });
  const empty: MqlDocument = {};
  for (const f of Object.keys(accumulators)) empty[f] = null;
  return {
    pre,
    accumulators,
    result: cond({ $or: [isNull(count), { $eq: [count, 0] }] }, null, pick(values)),
    empty,
    note: `${agg.name}: exact (row positions from $setWindowFields before the $group)`,
  };
}
