import type { Expr, Frame, FrameBound, WindowExpr } from '../ir/expr.js';
import type { MqlDocument } from '../commands/mql-types.js';
import { cond, isNull, type Mql } from './mql.js';

/**
 * EXCLUDE for count, and for sum and avg of integers, by subtraction: the frame's
 * total less what the excluded rows add to it, so no frame is gathered into a
 * document (an UNBOUNDED frame would gather its whole partition into every row).
 *
 * Exact only where the subtraction is: counts, integer sums (a sum of doubles or
 * numerics less a large excluded value loses the small ones; those gather the
 * frame's rows instead, `lower-window-frame-rows.ts`). And only where the frame
 * always holds the current row, so what is excluded is known without looking:
 * - CURRENT ROW: the current row's part;
 * - GROUP: the part of its peers inside the frame: all of them in RANGE and GROUPS
 *   frames; in a ROWS frame the peers within the frame's row offsets, which are the
 *   same documents window over the peer group alone (peers are consecutive rows);
 * - TIES: GROUP's part less the current row's.
 * Sums keep a count of their non-NULL values beside them: none left is NULL.
 */
type Lower = (e: Expr) => Mql;

const offset = (b: FrameBound): number | undefined => ('offset' in b && typeof b.offset === 'number' ? b.offset : undefined);

/** The frame holds the current row (and, outside ROWS, its peers) whatever the row. */
function alwaysHoldsCurrentRow(frame: Frame): boolean {
  // an offset of 0 is the current row (ROWS) or its peers (RANGE, GROUPS)
  const startOk = frame.start.kind === 'unbounded-preceding' || frame.start.kind === 'current-row' || frame.start.kind === 'preceding' || offset(frame.start) === 0;
  const endOk = frame.end.kind === 'unbounded-following' || frame.end.kind === 'current-row' || frame.end.kind === 'following' || offset(frame.end) === 0;
  return startOk && endOk;
}

export function subtractable(fn: WindowExpr): boolean {
  if (!fn.spec.frame.exclude || !alwaysHoldsCurrentRow(fn.spec.frame)) return false;
  if (fn.name === 'count') return true;
  return (fn.name === 'sum' || fn.name === 'avg') && fn.args[0]?.type === 'int';
}

/**
 * The accumulators over the frame and over the current row's peers (each into its own
 * fields, named after `field`), and the result from them and the current row.
 */
export function excludeBySubtraction(
  fn: WindowExpr,
  field: string,
  lower: Lower,
  predicate: Lower,
): { frame: Record<string, MqlDocument>; peers: Record<string, MqlDocument>; result: Mql } {
  const filter = fn.filter ? predicate(fn.filter) : undefined;
  const x: Mql = fn.args[0] ? lower(fn.args[0]) : null;
  const counted: Mql = fn.star ? (filter === undefined ? 1 : cond(filter, 1, 0)) : cond(isNull(filter === undefined ? x : cond(filter, x, null)), 0, 1);
  const value: Mql = filter === undefined ? x : cond(filter, x, null);
  const exclude = fn.spec.frame.exclude;
  const n = { total: `${field}__n`, peers: `${field}__pn` };
  const s = { total: `${field}__s`, peers: `${field}__ps` };
  // what is left of a total: less the peers' part (GROUP, TIES), plus or less the current row's
  const left = (total: string, peers: string, current: Mql): Mql => {
    if (exclude === 'current-row') return { $subtract: [`$${total}`, current] };
    const lessPeers = { $subtract: [`$${total}`, `$${peers}`] };
    return exclude === 'ties' ? { $add: [lessPeers, current] } : lessPeers;
  };
  const byPeers = exclude !== 'current-row';
  const frame: Record<string, MqlDocument> = { [n.total]: { $sum: counted } };
  const peers: Record<string, MqlDocument> = byPeers ? { [n.peers]: { $sum: counted } } : {};
  const count = left(n.total, n.peers, counted);
  if (fn.name === 'count') return { frame, peers, result: count };
  frame[s.total] = { $sum: value };
  if (byPeers) peers[s.peers] = { $sum: value };
  // the current row's part of the sum: 0 for a NULL (the $sum skipped it)
  const sum = left(s.total, s.peers, { $ifNull: [value, 0] });
  // the divisor is never 0, even in the branch not taken (DocumentDB evaluates both)
  const result = cond({ $eq: [count, 0] }, null, fn.name === 'avg' ? { $divide: [sum, { $max: [count, 1] }] } : sum);
  return { frame, peers, result };
}
