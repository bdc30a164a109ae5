import { releasingTransform, type Pullable } from './lazy-release.js';
import { compileExpr } from './mingo-compiled.js';
import { partitionDocs } from './mingo-partition.js';
import { evalExpr, Lazy, pipelineOperators } from './mingo-runtime.js';
import { $sort, bsonCompare } from './mingo-sort.js';
import { NAN_ACCUMULATORS } from './mingo-nan-numbers.js';

/**
 * `$setWindowFields` for the embedded engine, linear where mingo's is quadratic.
 *
 * mingo evaluates every output of every document by calling the accumulator on the
 * document's whole window: a running total over a partition of n rows costs n²/2
 * additions, a whole-partition `$count` n², and its result is a spread of one
 * iterator per partition (a stack overflow past ~100k partitions). sqletl numbers
 * rows with a running `$sum: 1` (MongoDB's `$documentNumber` takes one sort field
 * only), so `ROW_NUMBER() OVER (ORDER BY v)` over 200k rows took 300 s.
 *
 * Same contract and results as mingo's stage: the documents are sorted by `sortBy`
 * (the embedded `$sort`, mingo-sort.ts), partitioned by `partitionBy` (mingo's `$group`), and each output
 * gets the accumulator's value over its window. What changes is how the value is
 * found: a window that is the whole partition is computed once; windows that start
 * at the partition's first row (running) or end at its last are accumulated
 * incrementally for `$sum`, `$count`, `$avg`, `$min`, `$max`, `$first`, `$last`;
 * range windows find their rows with two moving pointers. Anything else (other
 * accumulators over sliding windows, window operators such as `$shift`) calls
 * mingo's operator exactly as mingo does, on the same rows. Output fields with a
 * dot go to mingo's stage unchanged.
 *
 * Memory: the rows read are not kept once the outputs are computed, and each output
 * row is let go as it is handed on (lazy-release.ts); the partitions are found by
 * mingo-partition.ts (mingo's `$group` kept every row twice more and hashed a
 * document key such as `{p, k0}` per row).
 */
type Doc = Record<string, unknown>;
type Options = Parameters<typeof evalExpr>[2];
interface ComputeOptionsLike {
  constructor: { init(o: unknown): ComputeOptionsLike };
  update(locals: { root?: unknown }): ComputeOptionsLike;
  context: { getOperator(type: string, name: string): unknown };
}
type Accumulator = (coll: Doc[], expr: unknown, options: Options) => unknown;
type WindowOperator = (obj: Doc, coll: Doc[], expr: Doc, options: Options) => unknown;
interface LazyLike {
  transform(f: (items: unknown[]) => Iterable<unknown> | { next(): unknown }): unknown;
}
interface WindowSpec {
  documents?: [number | 'unbounded' | 'current', number | 'unbounded' | 'current'];
  range?: [number | 'unbounded' | 'current', number | 'unbounded' | 'current'];
  unit?: string;
}
interface Output {
  field: string;
  op: string;
  args: unknown;
  window?: WindowSpec;
  accumulator?: Accumulator;
  windowOperator?: WindowOperator;
}

const mingoPipeline = pipelineOperators as unknown as Record<string, (coll: unknown, expr: unknown, options: unknown) => LazyLike>;
const SORT_REQUIRED = new Set(['$denseRank', '$documentNumber', '$first', '$last', '$linearFill', '$rank', '$shift']);
const UNBOUNDED_ONLY = new Set(['$denseRank', '$expMovingAvg', '$linearFill', '$locf', '$rank', '$shift']);
/** accumulators this file computes incrementally (MongoDB's semantics, as mingo implements them) */
const INCREMENTAL = new Set(['$sum', '$count', '$avg', '$min', '$max', '$first', '$last']);
/** a number, NaN included: MongoDB's window $sum/$avg over a NaN is NaN */
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isNil = (v: unknown) => v === null || v === undefined;

function fail(message: string): never {
  throw new Error(`$setWindowFields ${message}`);
}

export function $setWindowFields(coll: LazyLike, expr: { partitionBy?: unknown; sortBy?: Doc; output: Record<string, Doc> }, options: ComputeOptionsLike): unknown {
  const fields = Object.keys(expr.output);
  if (fields.some((f) => f.includes('.'))) return mingoPipeline.$setWindowFields(coll, expr, options);
  const outputs: Output[] = fields.map((field) => {
    const spec = expr.output[field];
    const keys = Object.keys(spec);
    const op = keys.find((k) => k.startsWith('$'));
    const accumulator = op ? (options.context.getOperator('accumulator', op) as Accumulator | undefined) : undefined;
    const windowOperator = op ? (options.context.getOperator('window', op) as WindowOperator | undefined) : undefined;
    if (!op || (!accumulator && !windowOperator)) fail(`'${op}' is not a valid window operator`);
    if (!(keys.length <= 2 && (keys.length === 1 || keys.includes('window')))) fail("'output' option should have a single window operator.");
    const window = spec.window as WindowSpec | undefined;
    if (window && !!window.documents === !!window.range) fail("'window' option supports only one of 'documents' or 'range'.");
    const unbounded = isWholePartition(window);
    if ((!unbounded || SORT_REQUIRED.has(op)) && !expr.sortBy) fail(`'sortBy' is required for ${unbounded ? `'${op}'` : 'bounded window operations'}.`);
    if (!unbounded && UNBOUNDED_ONLY.has(op)) fail(`cannot use bounded window for operator '${op}'.`);
    return { field, op, args: spec[op], window, accumulator, windowOperator };
  });
  // the partition key as mingo's $group computes an _id (mingo-compiled.ts compiles it alike where no root is set)
  const rooted = (options as unknown as { local?: { root?: unknown } }).local?.root;
  const keyOf = rooted !== undefined && rooted !== null ? (d: Doc) => evalExpr(d, expr.partitionBy, options as unknown as Options) : compileExprFor(expr.partitionBy, options);
  const allAccumulators = outputs.every((o) => o.accumulator);
  return releasingTransform(coll as unknown as Pullable, (input: Doc[]) => {
    const sorted = expr.sortBy ? ($sort(Lazy(input) as never, expr.sortBy as Record<string, 1 | -1>, options as never) as { collect(): Doc[] }).collect() : input;
    const out: Doc[] = [];
    for (const items of partitionDocs(sorted, keyOf)) {
      if (allAccumulators) {
        // accumulators read the input rows only: every output's values first, then each row
        // copied once with all of them (one pass over the rows instead of one per output)
        const columns = outputs.map((o) => computeOutput(o, items, items, expr, options));
        for (let i = 0; i < items.length; i++) {
          const r = { ...items[i] };
          for (let k = 0; k < outputs.length; k++) {
            const v = columns[k][i];
            if (v === undefined) delete r[outputs[k].field];
            else r[outputs[k].field] = v;
          }
          out.push(r);
        }
        continue;
      }
      // window operators ($shift, …) are handed the current row with the earlier outputs set, as mingo does
      const results = items.map((d) => ({ ...d }));
      for (const o of outputs) {
        const values = computeOutput(o, items, results, expr, options);
        for (let i = 0; i < items.length; i++) {
          if (values[i] === undefined) delete results[i][o.field];
          else results[i][o.field] = values[i];
        }
      }
      for (const r of results) out.push(r);
    }
    return out;
  });
}

function compileExprFor(expr: unknown, options: ComputeOptionsLike): (d: Doc) => unknown {
  const f = compileExpr(expr, options as never);
  return (d) => f(d, options as never);
}

function isWholePartition(w: WindowSpec | undefined): boolean {
  const b = w?.documents ?? w?.range;
  return !b || (b[0] === 'unbounded' && b[1] === 'unbounded');
}

/** The output's value for every row of one partition (rows in sort order). */
function computeOutput(o: Output, items: Doc[], current: Doc[], expr: { sortBy?: Doc }, options: ComputeOptionsLike): unknown[] {
  const n = items.length;
  const opts = options as unknown as Options;
  if (!o.accumulator) {
    // window operators ($shift, $rank, …): mingo's own, called as mingo calls them
    const bounds = isWholePartition(o.window) ? undefined : windowBounds(o.window!, items, expr.sortBy!, options);
    return current.map((obj, i) => {
      const coll = bounds ? rowsOf(items, bounds, i) : items;
      return o.windowOperator!(obj, coll, { parentExpr: expr, inputExpr: o.args, documentNumber: i + 1, field: o.field }, opts);
    });
  }
  const acc = o.accumulator;
  if (isWholePartition(o.window)) return new Array(n).fill(wholeSumOrAvg(o, items, options) ?? acc(items, o.args, opts));
  const bounds = windowBounds(o.window!, items, expr.sortBy!, options);
  if (INCREMENTAL.has(o.op) && 'start' in bounds) {
    if (bounds.start.every((s) => s === 0)) return running(o, items, bounds.end, options, 1);
    if (bounds.end.every((e) => e === n)) return running(o, items, bounds.start, options, -1);
    if (o.op === '$first' || o.op === '$last' || o.op === '$count') {
      return items.map((_, i) => {
        const [s, e] = [bounds.start[i], bounds.end[i]];
        if (s >= e) return acc([], o.args, opts);
        return o.op === '$count' ? e - s : acc([items[o.op === '$first' ? s : e - 1]], o.args, opts);
      });
    }
  }
  return items.map((_, i) => acc(rowsOf(items, bounds, i), o.args, opts));
}

/**
 * A whole partition's `$sum`/`$avg` of an expression, where the accumulator is the engine's
 * (mingo-nan-numbers.ts): the same fold over the same values (each row's value as mingo's
 * `$push` computes it, the numbers among them, NaN included, added in row order from 0),
 * with the expression compiled once instead of interpreted per row. Undefined where that
 * does not apply (another accumulator, a constant, options carrying a root).
 */
function wholeSumOrAvg(o: Output, items: Doc[], options: ComputeOptionsLike): number | null | undefined {
  if ((o.op !== '$sum' && o.op !== '$avg') || o.accumulator !== NAN_ACCUMULATORS[o.op] || isNumber(o.args) || isNil(o.args)) return undefined;
  const value = compiledValue(o.args, options);
  if (!value) return undefined;
  let sum = 0;
  let numbers = 0;
  for (const d of items) {
    const v = value(d);
    if (isNumber(v)) {
      sum += v;
      numbers++;
    }
  }
  return o.op === '$sum' ? sum : numbers === 0 ? null : sum / numbers;
}

/**
 * A row's value of an accumulator's expression as mingo's `$push` computes it (null for
 * missing), compiled (mingo-compiled.ts); undefined when the options carry a root, where
 * `$x` is mingo's to resolve against it.
 */
function compiledValue(args: unknown, options: ComputeOptionsLike): ((d: Doc) => unknown) | undefined {
  const root = (options as unknown as { local?: { root?: unknown } }).local?.root;
  if (!isNil(root)) return undefined;
  const f = compileExpr(args, options as never);
  return (d) => f(d, options as never) ?? null;
}

/** Each row's window as index ranges [start, end), or explicit rows where a range window's rows are not contiguous. */
type Bounds = { start: number[]; end: number[] } | { rows: Doc[][] };

function rowsOf(items: Doc[], b: Bounds, i: number): Doc[] {
  return 'rows' in b ? b.rows[i] : items.slice(b.start[i], Math.max(b.start[i], b.end[i]));
}

function windowBounds(w: WindowSpec, items: Doc[], sortBy: Doc, options: ComputeOptionsLike): Bounds {
  const n = items.length;
  const [lo, hi] = (w.documents ?? w.range)!;
  if (w.documents || (typeof lo === 'string' && typeof hi === 'string')) {
    const start = items.map((_, i) => (lo === 'current' ? i : lo === 'unbounded' ? 0 : Math.max((lo as number) + i, 0)));
    const end = items.map((_, i) => (hi === 'current' ? i + 1 : hi === 'unbounded' ? n : Math.min((hi as number) + i + 1, n)));
    return { start, end };
  }
  // a range window: rows whose sort value lies within the bounds around the current row's
  const key = Object.keys(sortBy)[0];
  const limit = (value: unknown, bound: unknown, dflt: number): number => {
    if (typeof bound !== 'number') return dflt;
    if (!w.unit) return (value as number) + bound;
    const d = evalExpr(null, { $dateAdd: { startDate: { $literal: new Date(value as Date) }, unit: w.unit, amount: bound } }, options as unknown as Options) as Date;
    return d.getTime();
  };
  const keys = items.map((d) => +(d[key] as number));
  const lower = items.map((d) => limit(d[key], lo, -Infinity));
  const upper = items.map((d) => limit(d[key], hi, Infinity));
  const ascending = keys.every((k, i) => Number.isFinite(k) && (i === 0 || keys[i - 1] <= k));
  if (!ascending) {
    // mingo's scan, for keys that are not finite numbers in order (its rows need not be contiguous)
    return {
      rows: items.map((_, i) => {
        const rows: Doc[] = [];
        for (let j = lo === 'current' ? i : 0; j < (hi === 'current' ? i + 1 : items.length); j++) {
          if (keys[j] >= lower[i] && keys[j] <= upper[i]) rows.push(items[j]);
        }
        return rows;
      }),
    };
  }
  // sorted finite keys: each bound moves forward only
  const start: number[] = [];
  const end: number[] = [];
  let s = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    while (s < n && keys[s] < lower[i]) s++;
    while (e < n && keys[e] <= upper[i]) e++;
    start.push(lo === 'current' ? Math.max(i, s) : s);
    end.push(hi === 'current' ? Math.min(i + 1, e) : e);
  }
  return { start, end };
}

/**
 * Windows anchored at one end of the partition: `dir` 1 for windows from the first
 * row to `edge[i]` (exclusive), -1 for windows from `edge[i]` to the last row. The
 * edges move monotonically, so each row is added once. Sums add in row order from
 * the anchored end (mingo adds from the window's first row).
 */
function running(o: Output, items: Doc[], edge: number[], options: ComputeOptionsLike, dir: 1 | -1): unknown[] {
  const n = items.length;
  const copts = options.constructor.init(options);
  const evaluated = o.op !== '$count' && o.op !== '$first' && o.op !== '$last' && !isNumber(o.args);
  const value = (evaluated ? compiledValue(o.args, options) : undefined) ?? ((d: Doc) => (evalExpr(d, o.args, copts.update({ root: d }) as unknown as Options) ?? null) as unknown);
  const literal = isNumber(o.args) ? o.args : undefined;
  const out = new Array<unknown>(n);
  let count = 0;
  let sum = 0;
  let numbers = 0;
  let best: unknown = null;
  let first: unknown;
  let taken = dir === 1 ? 0 : n; // rows [0, taken) or [taken, n) are in the accumulator
  const order = dir === 1 ? [...Array(n).keys()] : [...Array(n).keys()].reverse();
  for (const i of order) {
    const target = edge[i];
    while (dir === 1 ? taken < target : taken > target) {
      const d = items[dir === 1 ? taken : taken - 1];
      taken += dir;
      count++;
      if (o.op === '$count' || o.op === '$last' || o.op === '$first') {
        if (count === 1) first = d;
        continue;
      }
      const v = literal ?? value(d);
      if (o.op === '$sum' || o.op === '$avg') {
        if (isNumber(v)) {
          sum += v;
          numbers++;
        }
      } else if (!isNil(v) && (isNil(best) || bsonCompare(v, best) * (o.op === '$min' ? 1 : -1) < 0)) best = v;
    }
    if (count === 0) {
      out[i] = o.accumulator!([], o.args, options as unknown as Options);
      continue;
    }
    switch (o.op) {
      case '$count':
        out[i] = count;
        break;
      case '$sum':
        out[i] = sum;
        break;
      case '$avg':
        out[i] = numbers === 0 ? null : sum / numbers;
        break;
      case '$min':
      case '$max':
        out[i] = best;
        break;
      default: {
        // the anchored end's row is fixed; the moving end's row is the last one added
        const anchored = first as Doc;
        const moving = items[dir === 1 ? taken - 1 : taken];
        const row = (o.op === '$first') === (dir === 1) ? anchored : moving;
        out[i] = o.accumulator!([row], o.args, options as unknown as Options);
      }
    }
  }
  return out;
}
