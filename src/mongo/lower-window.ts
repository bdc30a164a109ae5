import { assertNever } from '../assert-never.js';
import { SqlEtlError, unsupported } from '../errors.js';
import { windowFunction, type WindowCallName } from '../catalog/functions.js';
import { isInterval, type Expr, type FrameBound, type WindowExpr } from '../ir/expr.js';
import type { PlanNode } from '../plan/logical-plan.js';
import { mayBeNull } from '../catalog/nullability.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { fromNaNMark, isNaNValue, nanRank, toNaNMark } from './nan-order.js';
import { raiseIf } from './raise.js';
import type { MqlDocument, SortSpec, Stage } from '../commands/mql-types.js';
import { cond, isNull, letIn, orNull, rowNumber, type Mql } from './mql.js';
import { excludesPeers, frameRows, overFrameValues, startsAfterEnd } from './lower-window-frame-rows.js';
import { excludeBySubtraction, subtractable } from './lower-window-exclude-sums.js';

/**
 * Window functions → `$setWindowFields`, with PostgreSQL's semantics:
 * - sort keys carry an explicit null rank (PostgreSQL sorts NULLs last ascending);
 * - MongoDB's ranking operators and range windows accept a single sort field, so
 *   ranks and RANGE frames ending or starting at CURRENT ROW (peers included) are
 *   computed from the row number (a running `$sum: 1`, see `rowNumber`) and a second
 *   `$setWindowFields` partitioned by the peer group (the partition plus the sort
 *   key values): a rank is the first row number of the peer group, a running
 *   total is the value at the peer group's last row;
 * - GROUPS frames are range windows over the peer-group number (a running count of
 *   the rows that start a peer group, its dense rank), which is one ascending number;
 * - EXCLUDE clauses take the excluded rows' part off the frame's total for counts and
 *   integer sums (`lower-window-exclude-sums.ts`); other functions under EXCLUDE, and
 *   value functions over GROUPS frames, gather the frame's rows (`lower-window-frame-rows.ts`);
 * - frames are always written out; nothing but such a frame's own rows is collected
 *   into one document.
 */
type Fn = { field: string; fn: WindowExpr };
type Lower = (e: Expr) => Mql;
type Node = Extract<PlanNode, { kind: 'window' }>;

export function lowerWindow(node: Node, lower: Lower, predicate: Lower): Stage[] {
  const j = node.id;
  const name = (s: string) => `__w${j}${s}`;
  const P = name('p');
  const SEQ = name('s');
  const CNT = name('c');
  const RANK = name('r');
  const LAST = name('l');
  const GROUP = name('g');
  const { partitionBy, orderBy } = node.spec;
  const temps = new Set<string>();
  const pre: MqlDocument = {};

  // partition key and null-ranked sort keys, as fields ($setWindowFields sorts by fields)
  if (partitionBy.length === 1) pre[P] = orNull(lower(partitionBy[0]));
  else if (partitionBy.length > 1) pre[P] = Object.fromEntries(partitionBy.map((p, i) => [`p${i}`, orNull(lower(p))]));
  const sortBy: SortSpec = {};
  const peerKey: MqlDocument = partitionBy.length ? { p: `$${P}` } : {};
  orderBy.forEach((k, i) => {
    pre[name(`n${i}`)] = cond(isNull(lower(k.expr)), k.nullsFirst ? 0 : 1, k.nullsFirst ? 1 : 0);
    pre[name(`k${i}`)] = orNull(lower(k.expr));
    sortBy[name(`n${i}`)] = 1;
    if (mayBeNaN(k.expr)) {
      // PostgreSQL's NaN is above every number, MongoDB's below (nan-order.ts); NaNs are peers ($eq)
      pre[name(`x${i}`)] = nanRank(lower(k.expr));
      sortBy[name(`x${i}`)] = k.desc ? -1 : 1;
    }
    sortBy[name(`k${i}`)] = k.desc ? -1 : 1;
    peerKey[`k${i}`] = `$${name(`k${i}`)}`;
  });
  Object.keys(pre).forEach((k) => temps.add(k));
  const partitionSpec = partitionBy.length ? { partitionBy: `$${P}` } : {};

  const main: MqlDocument = {};
  const peer: MqlDocument = {};
  // the same two passes in reverse row order: where a frame's last row is wanted, it is
  // the first row there (DocumentDB's backend crashes on a window $last, $bottom or $top)
  const peerMirror: MqlDocument = {};
  const mirror: MqlDocument = {};
  const dense: MqlDocument = {};
  const rangeStages: Stage[] = [];
  // frames read after the peer groups are numbered: GROUPS frames and EXCLUDE clauses
  const lateRows: MqlDocument = {};
  const lateGroups: MqlDocument = {};
  const latePeers: MqlDocument = {};
  const lateStages: Stage[] = [];
  const frameValues: MqlDocument = {};
  const finish: MqlDocument = {};
  const needSeq = () => {
    main[SEQ] = rowNumber();
    temps.add(SEQ);
  };
  const needCount = () => {
    main[CNT] = { $count: {}, window: { documents: ['unbounded', 'unbounded'] } };
    temps.add(CNT);
  };
  const needRank = () => {
    needSeq();
    peer[RANK] = { $first: `$${SEQ}`, window: { documents: ['unbounded', 'unbounded'] } };
    temps.add(RANK);
  };
  const needGroup = () => {
    needRank();
    // the peer group's number in its partition: its dense rank
    dense[GROUP] = { $sum: cond({ $eq: [`$${RANK}`, `$${SEQ}`] }, 1, 0), window: { documents: ['unbounded', 'current'] } };
    temps.add(GROUP);
  };

  // without ORDER BY every row is a peer of every other: ranks are constant (the
  // catalogue's `peers` value), and positional functions follow the partition's
  // (arbitrary) order, as in PostgreSQL ($first and the other positional window
  // operators need a sortBy: a constant key)
  const peers = (name: string): number | undefined => windowFunction(name)?.peers;
  const positional = (name: string): boolean => windowFunction(name) !== undefined && peers(name) === undefined;
  if (orderBy.length === 0 && node.functions.some((f) => positional(f.fn.name) || f.fn.spec.frame.mode === 'rows' || f.fn.spec.frame.exclude)) {
    pre[name('z')] = { $literal: 0 };
    sortBy[name('z')] = 1;
    temps.add(name('z'));
  }

  for (const { field, fn } of node.functions) {
    const constant = orderBy.length === 0 ? peers(fn.name) : undefined;
    if (constant !== undefined) {
      finish[field] = { $literal: constant };
      continue;
    }
    const arg = (i: number): Mql => lower(fn.args[i]);
    const constArg = (i: number): number | undefined => {
      const a = fn.args[i];
      return a?.kind === 'literal' && typeof a.value === 'number' ? a.value : undefined;
    };
    switch (fn.name as WindowCallName) {
      case 'row_number':
        main[field] = rowNumber();
        continue;
      case 'rank':
        needRank();
        finish[field] = `$${RANK}`;
        continue;
      case 'dense_rank':
        needRank();
        // a running count of peer groups: rows whose row number is their group's rank
        dense[field] = { $sum: cond({ $eq: [`$${RANK}`, `$${SEQ}`] }, 1, 0), window: { documents: ['unbounded', 'current'] } };
        continue;
      case 'percent_rank':
        needRank();
        needCount();
        // the divisor is never 0, even in the branch not taken (DocumentDB evaluates both)
        finish[field] = cond({ $gt: [`$${CNT}`, 1] }, { $divide: [{ $subtract: [`$${RANK}`, 1] }, { $max: [{ $subtract: [`$${CNT}`, 1] }, 1] }] }, 0);
        continue;
      case 'cume_dist':
        needSeq();
        needCount();
        peer[LAST] = { $max: `$${SEQ}`, window: { documents: ['unbounded', 'unbounded'] } };
        temps.add(LAST);
        finish[field] = { $divide: [`$${LAST}`, `$${CNT}`] };
        continue;
      case 'ntile': {
        needSeq();
        needCount();
        finish[field] = ntile(constArg(0)!, `$${SEQ}`, `$${CNT}`);
        continue;
      }
      case 'last_value': {
        const frame = fn.spec.frame;
        if (frame.mode === 'groups' || frame.exclude || startsAfterEnd(frame)) break; // below, with the other frames
        const x = { $ifNull: [arg(0), null] };
        const wholePartition = { documents: ['unbounded', 'unbounded'] };
        if (orderBy.length === 0 && frame.mode !== 'rows') {
          // every row is a peer, so SQL allows any row; PostgreSQL gives the partition's last in the
          // order rows arrive (a subquery's ORDER BY): the first of the reverse pass
          needSeq();
          mirror[field] = { $first: x, window: wholePartition };
          continue;
        }
        const offsets = frame.mode === 'range' && [frame.start, frame.end].some((b) => b.kind === 'preceding' || b.kind === 'following');
        if (offsets) break; // a RANGE frame with offsets: below, in the range window's own stage
        needSeq();
        if (frame.mode === 'rows') mirror[field] = { $first: x, window: { documents: [mirrored(documentsBound(frame.end)), mirrored(documentsBound(frame.start))] } };
        else if (frame.end.kind === 'current-row') peerMirror[field] = { $first: x, window: wholePartition }; // the last peer
        else mirror[field] = { $first: x, window: wholePartition }; // the partition's last row
        continue;
      }
      case 'lag':
      case 'lead': {
        const k = constArg(1) ?? 1;
        const def = fn.args[2] ? arg(2) : null;
        main[field] = { $shift: { output: { $ifNull: [arg(0), null] }, by: fn.name === 'lag' ? -k : k, default: def } };
        continue;
      }
      default:
        break;
    }
    // value functions and aggregates over the frame
    const frame = fn.spec.frame;
    const ordered = orderBy.length > 0;
    const hasOffset = (b: FrameBound) => b.kind === 'preceding' || b.kind === 'following';
    // the frame holds at least the current row: a ROWS frame (ordered or not) from at
    // or before it to at or after it, a RANGE frame without ORDER BY (the whole
    // partition) or bounded by peers (CURRENT ROW or unbounded)
    const aroundCurrentRow =
      !['following', 'unbounded-following'].includes(frame.start.kind) && !['preceding', 'unbounded-preceding'].includes(frame.end.kind);
    const holdsCurrentRow =
      frame.mode === 'rows' ? aroundCurrentRow : !ordered || (aroundCurrentRow && !(hasOffset(frame.start) || hasOffset(frame.end)));
    if (startsAfterEnd(frame)) {
      // no row's frame holds a row (a NULL RANGE key's frame would hold its peers)
      if (frame.mode === 'range') throw unsupported('lower', 'a RANGE frame that starts after it ends', fn.span);
      finish[field] = { $literal: fn.name === 'count' ? 0 : null };
      continue;
    }
    if (frame.mode === 'groups' || frame.exclude) {
      // a RANGE frame bounded by peers (or the whole partition) is the GROUPS frame of the same bounds
      const byGroup = frame.mode === 'groups' || !(hasOffset(frame.start) || hasOffset(frame.end));
      needSeq();
      const subtract = subtractable(fn);
      if (byGroup) needGroup();
      else if (excludesPeers(frame) && !subtract) needRank();
      let accumulators: Record<string, MqlDocument>;
      if (subtract) {
        const parts = excludeBySubtraction(fn, field, lower, predicate);
        accumulators = parts.frame;
        // the peers inside the frame: within a ROWS frame's offsets, or all of them
        const peerWindow = { documents: frame.mode === 'rows' ? [documentsBound(frame.start), documentsBound(frame.end)] : ['unbounded', 'unbounded'] };
        for (const [f, op] of Object.entries(parts.peers)) latePeers[f] = { ...op, window: peerWindow };
        [...Object.keys(parts.frame), ...Object.keys(parts.peers)].forEach((f) => temps.add(f));
        finish[field] = parts.result;
      } else if (frame.exclude || fn.name === 'first_value' || fn.name === 'last_value' || fn.name === 'nth_value') {
        const rows = frameRows(fn, field, lower, predicate, { seq: SEQ, rank: RANK }, frame.mode === 'rows');
        accumulators = { [field]: rows.accumulator };
        frameValues[field] = rows.values;
        finish[field] = overFrameValues(fn, field);
      } else {
        const ops = frameOperators(fn, field, lower, predicate, aroundCurrentRow, { key: GROUP, seq: SEQ });
        accumulators = ops.accumulators;
        Object.keys(accumulators).filter((f) => f !== field).forEach((f) => temps.add(f));
        if (ops.result !== undefined) finish[field] = ops.result;
      }
      if (frame.mode === 'rows') {
        for (const [f, op] of Object.entries(accumulators)) lateRows[f] = { ...op, window: { documents: [documentsBound(frame.start), documentsBound(frame.end)] } };
      } else if (byGroup) {
        for (const [f, op] of Object.entries(accumulators)) lateGroups[f] = { ...op, window: { range: [groupBound(frame.start), groupBound(frame.end)] } };
      } else {
        const { stages: range, keyField } = rangeWindow(node, fn, accumulators, lower, partitionSpec, j);
        lateStages.push(...range);
        temps.add(keyField);
      }
      continue;
    }
    // last_value over a RANGE frame with offsets: the frame's last row among tied keys is
    // the last in the window's own row order, as first_value's first row is the first there
    if (fn.name === 'last_value') needSeq();
    const ops = frameOperators(fn, field, lower, predicate, holdsCurrentRow, { key: `__w${j}x`, seq: SEQ });
    if (frame.mode === 'rows' || !ordered) {
      const window = { documents: ordered || frame.mode === 'rows' ? [documentsBound(frame.start), documentsBound(frame.end)] : ['unbounded', 'unbounded'] };
      for (const [f, op] of Object.entries(ops.accumulators)) main[f] = { ...op, window };
    } else if (hasOffset(frame.start) || hasOffset(frame.end)) {
      const { stages: range, keyField } = rangeWindow(node, fn, ops.accumulators, lower, partitionSpec, j);
      rangeStages.push(...range);
      temps.add(keyField);
    } else {
      // RANGE frames bounded by CURRENT ROW include the current row's peers
      const startsAtPeers = frame.start.kind === 'current-row';
      const endsAtPeers = frame.end.kind === 'current-row';
      needSeq();
      for (const [f, op] of Object.entries(ops.accumulators)) {
        if (startsAtPeers && endsAtPeers) {
          peer[f] = { ...op, window: { documents: ['unbounded', 'unbounded'] } };
          continue;
        }
        const raw = `${f}__raw`;
        temps.add(raw);
        main[raw] = { ...op, window: { documents: [documentsBound(frame.start), documentsBound(frame.end)] } };
        (endsAtPeers ? peerMirror : peer)[f] = { $first: `$${raw}`, window: { documents: ['unbounded', 'unbounded'] } };
      }
    }
    Object.keys(ops.accumulators).filter((f) => f !== field).forEach((f) => temps.add(f));
    if (ops.result !== undefined) finish[field] = ops.result;
  }

  const stages: Stage[] = [];
  if (Object.keys(pre).length) stages.push({ $set: pre });
  const sort = Object.keys(sortBy).length ? { sortBy } : {};
  if (Object.keys(main).length) stages.push({ $setWindowFields: { ...partitionSpec, ...sort, output: main } });
  stages.push(...rangeStages);
  // without PARTITION BY and ORDER BY every row is a peer of every other
  const peerPartition = Object.keys(peerKey).length ? { partitionBy: peerKey } : {};
  if (Object.keys(peer).length) {
    stages.push({ $setWindowFields: { ...peerPartition, sortBy: { [SEQ]: 1 }, output: peer } });
  }
  if (Object.keys(peerMirror).length) stages.push({ $setWindowFields: { ...peerPartition, sortBy: { [SEQ]: -1 }, output: peerMirror } });
  if (Object.keys(mirror).length) stages.push({ $setWindowFields: { ...partitionSpec, sortBy: { [SEQ]: -1 }, output: mirror } });
  if (Object.keys(dense).length) stages.push({ $setWindowFields: { ...partitionSpec, sortBy: { [SEQ]: 1 }, output: dense } });
  if (Object.keys(lateRows).length) stages.push({ $setWindowFields: { ...partitionSpec, sortBy: { [SEQ]: 1 }, output: lateRows } });
  if (Object.keys(lateGroups).length) stages.push({ $setWindowFields: { ...partitionSpec, sortBy: { [GROUP]: 1 }, output: lateGroups } });
  stages.push(...lateStages);
  if (Object.keys(latePeers).length) stages.push({ $setWindowFields: { ...peerPartition, sortBy: { [SEQ]: 1 }, output: latePeers } });
  if (Object.keys(frameValues).length) stages.push({ $set: frameValues });
  if (Object.keys(finish).length) stages.push({ $set: finish });
  if (temps.size) stages.push({ $unset: [...temps] });
  return stages;
}

function documentsBound(b: FrameBound): number | 'unbounded' | 'current' {
  switch (b.kind) {
    case 'unbounded-preceding':
    case 'unbounded-following':
      return 'unbounded';
    case 'current-row':
      return 'current';
    case 'preceding':
      return -(b.offset as number);
    case 'following':
      return b.offset as number;
    default:
      return assertNever(b, 'lower');
  }
}

/** A GROUPS bound as a range-window bound over the peer-group number: offsets count groups, CURRENT ROW is the current group (0). */
function groupBound(b: FrameBound): number | 'unbounded' {
  const bound = documentsBound(b);
  return bound === 'current' ? 0 : bound;
}

/** PostgreSQL's ntile: the first (n mod k) buckets get one row more. (q is 0 only where the first branch is taken; the second never divides by it, for engines that evaluate both.) */
function ntile(k: number, seq: string, count: string): Mql {
  const idx = { $subtract: [seq, 1] };
  const q = { $floor: { $divide: [count, k] } };
  const rem = { $mod: [count, k] };
  const big = { $multiply: [rem, { $add: [q, 1] }] };
  return letIn(
    { i: idx, q, rem, big },
    cond(
      { $lt: ['$$i', '$$big'] },
      { $add: [{ $floor: { $divide: ['$$i', { $add: ['$$q', 1] }] } }, 1] },
      { $add: [{ $floor: { $divide: [{ $subtract: ['$$i', '$$big'] }, { $max: ['$$q', 1] }] } }, '$$rem', 1] },
    ),
  );
}

/**
 * The window operators of a value function or aggregate, and how its result is
 * finished after the stages (SUM of no non-NULL input is NULL; STDDEV needs 2 rows).
 */
/** A documents-window bound seen in reverse row order. */
function mirrored(b: number | 'unbounded' | 'current'): number | 'unbounded' | 'current' {
  return typeof b === 'number' ? -b : b;
}

function frameOperators(
  fn: WindowExpr,
  field: string,
  lower: Lower,
  predicate: Lower,
  holdsCurrentRow: boolean,
  /** the range window's sort field and the row number (last_value over a RANGE frame with offsets: the `$top` of their reversed order) */
  rangeKey: { key: string; seq: string },
): { accumulators: Record<string, MqlDocument>; result?: Mql } {
  const filter = fn.filter ? predicate(fn.filter) : undefined;
  // every window aggregate but count(*) has its argument: the binder checks their arity
  const x: Mql = fn.args[0] ? lower(fn.args[0]) : null;
  const v: Mql = !fn.args[0] ? null : filter === undefined ? x : cond(filter, x, null);
  const nonNull = (e: Mql) => ({ $sum: cond(isNull(e), 0, 1) });
  const n = `${field}_n`;
  // every window function and window aggregate of the catalogue (src/catalog/functions.ts)
  const name = fn.name as WindowCallName;
  switch (name) {
    case 'first_value':
      return { accumulators: { [field]: { $first: { $ifNull: [x, null] } } } };
    case 'last_value':
      // DocumentDB's backend crashes on this; MongoDB computes it as documented
      return { accumulators: { [field]: { $top: { sortBy: { [rangeKey.key]: -1, [rangeKey.seq]: -1 }, output: { $ifNull: [x, null] } } } } };
    case 'nth_value': {
      const k = (fn.args[1] as { value: number }).value;
      const arr = `$${field}`;
      return {
        accumulators: { [field]: { $firstN: { input: { $ifNull: [x, null] }, n: k } } },
        result: cond({ $gte: [{ $size: arr }, k] }, { $arrayElemAt: [arr, k - 1] }, null),
      };
    }
    case 'count':
      return { accumulators: { [field]: fn.star ? { $sum: filter === undefined ? 1 : cond(filter, 1, 0) } : nonNull(v) } };
    case 'sum':
      // a never-NULL argument over a frame that holds the current row always has a
      // non-NULL input: no count of them is needed to tell an all-NULL frame
      if (holdsCurrentRow && filter === undefined && !mayBeNull(fn.args[0])) return { accumulators: { [field]: { $sum: v } } };
      return { accumulators: { [field]: { $sum: v }, [n]: nonNull(v) }, result: cond({ $eq: [`$${n}`, 0] }, null, `$${field}`) };
    case 'avg':
      return { accumulators: { [field]: { $avg: v } } };
    case 'min':
    case 'bool_and':
    case 'max':
    case 'bool_or': {
      const op = fn.name === 'min' || fn.name === 'bool_and' ? '$min' : '$max';
      // NaN above every number, as PostgreSQL orders it (nan-order.ts)
      if (mayBeNaN(fn.args[0])) return { accumulators: { [field]: { [op]: toNaNMark(v) } }, result: fromNaNMark(`$${field}`) };
      return { accumulators: { [field]: { [op]: v } } };
    }
    case 'stddev_samp':
    case 'stddev_pop':
    case 'var_samp':
    case 'var_pop': {
      const sample = fn.name.endsWith('_samp');
      const sd = cond({ $lt: [`$${n}`, sample ? 2 : 1] }, null, `$${field}`);
      return {
        accumulators: { [field]: { [sample ? '$stdDevSamp' : '$stdDevPop']: v }, [n]: nonNull(v) },
        result: fn.name.startsWith('var') ? { $let: { vars: { sd }, in: cond(isNull('$$sd'), null, { $multiply: ['$$sd', '$$sd'] }) } } : sd,
      };
    }
    // computed by lowerWindow itself, never over a frame
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

/**
 * RANGE frames with offsets (`RANGE BETWEEN INTERVAL '7 days' PRECEDING AND CURRENT
 * ROW`): MongoDB's range windows, which need exactly one ascending numeric or date
 * sort field. A descending key is negated (dates as milliseconds).
 */
function rangeWindow(node: Node, fn: WindowExpr, accumulators: Record<string, MqlDocument>, lower: Lower, partitionSpec: { partitionBy?: Mql }, j: number): { stages: Stage[]; keyField: string } {
  const { orderBy } = node.spec;
  if (orderBy.length !== 1) {
    throw new SqlEtlError('invalid-frame', 'lower', 'RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column', { span: fn.span });
  }
  const key = orderBy[0];
  // PostgreSQL's frame of a NULL key holds its peers (the NULL rows) and, past an UNBOUNDED
  // bound on the other side, every non-NULL row; past an UNBOUNDED bound on the NULLs'
  // side, a non-NULL key's frame holds the NULL rows. The NULL rows' own partition below
  // is exact only without UNBOUNDED bounds.
  const unbounded = [fn.spec.frame.start, fn.spec.frame.end].some((b) => b.kind === 'unbounded-preceding' || b.kind === 'unbounded-following');
  if (unbounded && mayBeNull(key.expr)) {
    throw unsupported('lower', 'a RANGE frame with an offset and an UNBOUNDED bound over an ORDER BY key that may be NULL', fn.span);
  }
  const offsets = [fn.spec.frame.start, fn.spec.frame.end];
  const intervals = offsets.filter((b): b is Extract<FrameBound, { offset: unknown }> => 'offset' in b).map((b) => b.offset);
  // a key of no declared type under an interval offset is a date: the interval says so
  const isDate = key.expr.type === 'date' || key.expr.type === 'timestamp' || (key.expr.type === 'unknown' && intervals.some(isInterval));
  const number = intervals.find((v) => typeof v === 'number');
  if ((key.expr.type === 'date' || key.expr.type === 'timestamp') && number !== undefined) {
    const column = key.expr.type === 'date' ? 'date' : 'timestamp without time zone';
    const offset = Number.isInteger(number) ? 'integer' : 'numeric';
    throw new SqlEtlError('invalid-frame', 'lower', `RANGE with offset PRECEDING/FOLLOWING is not supported for column type ${column} and offset type ${offset}`, { span: fn.span });
  }
  let unit: string | undefined;
  let toNumber = (v: unknown): number => v as number;
  if (intervals.some(isInterval)) {
    if (!isDate) throw unsupported('lower', 'an interval frame offset over a non-date ORDER BY key', fn.span);
    const ivs = intervals.filter(isInterval);
    if (ivs.every((iv) => iv.days === 0 && iv.ms === 0) && !key.desc) {
      unit = 'month';
      toNumber = (v) => (isInterval(v) ? v.months : 0);
    } else if (ivs.every((iv) => iv.months === 0 && iv.ms === 0) && !key.desc) {
      unit = 'day';
      toNumber = (v) => (isInterval(v) ? v.days : 0);
    } else if (ivs.every((iv) => iv.months === 0)) {
      unit = key.desc ? undefined : 'millisecond';
      toNumber = (v) => (isInterval(v) ? v.days * 86_400_000 + v.ms : 0);
    } else if (key.desc && ivs.some((iv) => iv.months !== 0)) {
      // months are counted on the calendar: a negated (descending) key has none
      throw unsupported('lower', 'a RANGE frame offset in months or years over a descending ORDER BY key', fn.span, ['for an aggregate, order ascending and swap PRECEDING and FOLLOWING: the frame holds the same rows']);
    } else throw unsupported('lower', 'a frame offset mixing months with days or time', fn.span);
  }
  // with a negated (descending) key, PRECEDING still means smaller sort values
  const bound = (b: FrameBound): number | 'unbounded' => {
    switch (b.kind) {
      case 'unbounded-preceding':
      case 'unbounded-following':
        return 'unbounded';
      case 'current-row':
        return 0; // the current value: peers included
      // an infinite offset reaches every number, ±Infinity included (PostgreSQL's in_range has
      // `inf - inf` so; MongoDB would compute a NaN bound): an unbounded end (NaN keys apart, above)
      case 'preceding':
        return toNumber(b.offset) === Infinity ? 'unbounded' : -toNumber(b.offset);
      case 'following':
        return toNumber(b.offset) === Infinity ? 'unbounded' : toNumber(b.offset);
      default:
        return assertNever(b, 'lower');
    }
  };
  const keyField = `__w${j}x`;
  const raw = lower(key.expr);
  // a NULL key: PostgreSQL's offset frame of a NULL row holds the NULL rows (its peers) and
  // no other row's frame holds one, so they get a partition of their own and one key value
  // (MongoDB refuses a range window over a null sort value; mingo read it as 0)
  const plainKey = cond(isNull(raw), isDate && unit ? new Date(0) : 0, key.desc ? { $multiply: [-1, isDate ? { $toLong: raw } : raw] } : raw);
  // a NaN key: PostgreSQL's offset frames (in_range_float8_float8) hold NaN equal to NaN and
  // above every number, whatever the offset: a NaN row's frame between two bounded ends holds
  // the NaN rows, and no other row's frame holds one. So, as NULLs, they get a partition of
  // their own and one key value. With an UNBOUNDED end a NaN row's frame reaches the numbers
  // (or a number's frame the NaN rows): refused when a row holds one
  const nanKey = mayBeNaN(key.expr);
  const bounded = fn.spec.frame.start.kind !== 'unbounded-preceding' && fn.spec.frame.end.kind !== 'unbounded-following';
  const keyValue = !nanKey
    ? plainKey
    : bounded
      ? cond(isNaNValue(raw), 0, plainKey)
      : raiseIf(plainKey, isNaNValue(raw), 'feature-not-supported', ['a RANGE frame with an UNBOUNDED end and an offset over an ORDER BY key holding NaN is not supported yet'], fn.span);
  const partition = { partitionBy: { ...('partitionBy' in partitionSpec ? { p: partitionSpec.partitionBy } : {}), n: isNull(raw), ...(nanKey && bounded ? { nan: isNaNValue(raw) } : {}) } };
  const window: MqlDocument = { range: [bound(fn.spec.frame.start), bound(fn.spec.frame.end)], ...(unit ? { unit } : {}) };
  const output: MqlDocument = {};
  for (const [f, op] of Object.entries(accumulators)) output[f] = { ...op, window };
  return {
    stages: [{ $set: { [keyField]: keyValue } }, { $setWindowFields: { ...partition, sortBy: { [keyField]: 1 }, output } }],
    keyField,
  };
}
