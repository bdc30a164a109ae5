import { unsupported } from '../errors.js';
import type { WindowCallName } from '../catalog/functions.js';
import type { Expr, Frame, FrameBound, WindowExpr } from '../ir/expr.js';
import type { MqlDocument } from '../commands/mql-types.js';
import { cond, letIn, type Mql } from './mql.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { nanMaxOf, nanMinOf } from './nan-order.js';

/**
 * Window functions over a frame's rows gathered as an array, for what MongoDB's
 * windows cannot leave out by themselves: PostgreSQL's `EXCLUDE CURRENT ROW | GROUP |
 * TIES`, and the value functions (`first_value`, `last_value`, `nth_value`) over a
 * GROUPS frame, whose window is sorted by the peer-group number only (the rows of one
 * group come in no set order there, PostgreSQL's come in row order).
 *
 * The window `$push`es each frame row's number, peer group and value; a `$set` keeps
 * the rows the EXCLUDE clause leaves in, in row order, as the array of their values;
 * the function is then computed on that array with MongoDB's array forms of `$sum`,
 * `$avg`, `$min`, `$max` (which skip NULLs, as aggregates do) and `$arrayElemAt`.
 * A frame that holds no row gives NULL (count: 0).
 *
 * The array is one frame's rows, never more: the cost of a wide frame (UNBOUNDED) is
 * its size per row, as PostgreSQL re-aggregates such a frame for each row. Counts
 * and integer sums are not gathered (`lower-window-exclude-sums.ts`).
 */
type Lower = (e: Expr) => Mql;

/** Where the frame rows' numbers and peer groups are: the row number and the rank field of `lowerWindow`. */
export interface RowFields {
  seq: string;
  rank: string;
}

/** The frame's rows kept by an EXCLUDE clause (all of them without one). */
function kept(exclude: Frame['exclude'], f: RowFields): Mql | undefined {
  const self = { $eq: ['$$this.s', `$${f.seq}`] };
  const peer = { $eq: ['$$this.r', `$${f.rank}`] };
  switch (exclude) {
    case undefined:
      return undefined;
    case 'current-row':
      return { $not: [self] };
    case 'group':
      return { $not: [peer] };
    case 'ties':
      return { $or: [{ $not: [peer] }, self] };
  }
}

/** Does the EXCLUDE clause read the rows' peer groups? */
export const excludesPeers = (frame: Frame): boolean => frame.exclude === 'group' || frame.exclude === 'ties';

/**
 * The accumulator that gathers the frame's rows, and the `$set` expression that turns
 * them into the kept values in row order. `inRowOrder`: the window is sorted by row
 * number, so `$push` already gathers them in order.
 */
export function frameRows(
  fn: WindowExpr,
  field: string,
  lower: Lower,
  predicate: Lower,
  f: RowFields,
  inRowOrder: boolean,
): { accumulator: MqlDocument; values: Mql } {
  const filter = fn.filter ? predicate(fn.filter) : undefined;
  const x: Mql = fn.args[0] ? { $ifNull: [lower(fn.args[0]), null] } : 1; // count(*): one per row
  const v: Mql = filter === undefined ? x : cond(filter, x, null);
  const row: MqlDocument = { s: `$${f.seq}`, v };
  if (excludesPeers(fn.spec.frame)) row.r = `$${f.rank}`;
  const keep = kept(fn.spec.frame.exclude, f);
  let rows: Mql = `$${field}`;
  if (keep !== undefined) rows = { $filter: { input: rows, cond: keep } };
  // only the value functions read the order; other windows gather rows in their sort key's order
  const positional = fn.name === 'first_value' || fn.name === 'last_value' || fn.name === 'nth_value';
  if (!inRowOrder && positional) rows = { $sortArray: { input: rows, sortBy: { s: 1 } } };
  return { accumulator: { $push: row }, values: { $map: { input: rows, in: '$$this.v' } } };
}

/** The function's value from the array of the kept rows' values (`values`: a field holding it). */
export function overFrameValues(fn: WindowExpr, values: string): Mql {
  const all = `$${values}`;
  const nonNull = { $filter: { input: all, cond: { $ne: ['$$this', null] } } };
  const countNonNull = { $size: nonNull };
  // every window function and window aggregate of the catalogue (src/catalog/functions.ts)
  const name = fn.name as WindowCallName;
  switch (name) {
    case 'first_value':
      return { $ifNull: [{ $arrayElemAt: [all, 0] }, null] };
    case 'last_value':
      return { $ifNull: [{ $arrayElemAt: [all, -1] }, null] };
    case 'nth_value': {
      const k = (fn.args[1] as { value: number }).value;
      return { $ifNull: [{ $arrayElemAt: [all, k - 1] }, null] };
    }
    case 'count':
      // count(*) gathered 1 per row (NULL where its FILTER fails)
      return fn.star && !fn.filter ? { $size: all } : countNonNull;
    case 'sum':
      return cond({ $eq: [countNonNull, 0] }, null, { $sum: all });
    case 'avg':
      return { $avg: all };
    // NaN above every number, as PostgreSQL orders it (nan-order.ts)
    case 'min':
    case 'bool_and':
      return mayBeNaN(fn.args[0]) ? nanMinOf(all) : { $min: all };
    case 'max':
    case 'bool_or':
      return mayBeNaN(fn.args[0]) ? nanMaxOf(all) : { $max: all };
    case 'stddev_samp':
    case 'stddev_pop':
    case 'var_samp':
    case 'var_pop': {
      // two passes over the values (their mean, then the squared deviations from it):
      // DocumentDB has no array form of $stdDevSamp/$stdDevPop
      const sample = fn.name.endsWith('_samp');
      const squares = letIn({ m: { $avg: all } }, { $sum: { $map: { input: nonNull, in: { $pow: [{ $subtract: ['$$this', '$$m'] }, 2] } } } });
      // the divisor is never 0, even in the branch not taken (DocumentDB evaluates both)
      const variance = { $divide: [squares, { $max: [sample ? { $subtract: [countNonNull, 1] } : countNonNull, 1] }] };
      const value = fn.name.startsWith('var') ? variance : { $sqrt: variance };
      return cond({ $lt: [countNonNull, sample ? 2 : 1] }, null, value);
    }
    case 'row_number':
    case 'rank':
    case 'dense_rank':
    case 'percent_rank':
    case 'cume_dist':
    case 'ntile':
    case 'lag':
    case 'lead':
      throw unsupported('lower', `${fn.name}(…) over a window frame`, fn.span);
    default:
      name satisfies never;
      throw unsupported('lower', `${fn.name}(…) over a window frame`, fn.span);
  }
}

/** A bound's place in rows (ROWS) or peer groups (GROUPS) from the current one. */
function position(b: FrameBound): number | undefined {
  switch (b.kind) {
    case 'current-row':
      return 0;
    case 'preceding':
      return typeof b.offset === 'number' ? -b.offset : undefined;
    case 'following':
      return typeof b.offset === 'number' ? b.offset : undefined;
    default:
      return undefined;
  }
}

/**
 * A frame that starts after it ends (`ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING`),
 * which PostgreSQL accepts and finds empty for every row; MongoDB refuses a window
 * whose lower bound is above its upper bound. (RANGE: true when its offsets are numbers.)
 */
export function startsAfterEnd(frame: Frame): boolean {
  const a = position(frame.start);
  const b = position(frame.end);
  return a !== undefined && b !== undefined && a > b;
}
