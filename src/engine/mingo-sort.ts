import { releasingTransform, type Pullable } from './lazy-release.js';
import { compare, pipelineOperators, resolve } from './mingo-runtime.js';

/**
 * `$sort` for the embedded engine: mingo's order of values, with NaN where MongoDB
 * puts it (BSON order: below every other number, above null; NaNs equal).
 *
 * mingo compares NaN with a number as neither smaller nor greater, and sorts a
 * multi-key spec as one stable pass per key from the last: a NaN among the values of
 * any key makes that pass's comparator inconsistent, and rows sorted by the earlier
 * keys come out scrambled (sqletl's NaN rank keys then cannot help). Here the keys of
 * each document are read once and one stable sort compares them in order, which is
 * the order mingo's passes give whenever its comparator is consistent. A collation
 * spec is left to mingo (sqletl emits none). The rows read are not kept once sorted
 * (lazy-release.ts).
 */
type Doc = Record<string, unknown>;
type Coll = Pullable;
type Options = { collation?: unknown };
type SortOperator = (coll: unknown, sortKeys: Record<string, 1 | -1>, options: Options) => unknown;

const mingoSort = (pipelineOperators as unknown as Record<string, SortOperator>).$sort;

/** MongoDB's order of two values: mingo's, but NaN below every other number, and null equal to missing */
export function bsonCompare(a: unknown, b: unknown): number {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return 0;
  if (typeof a === 'number' && typeof b === 'number') {
    const nanA = Number.isNaN(a);
    const nanB = Number.isNaN(b);
    if (nanA || nanB) return nanA && nanB ? 0 : nanA ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return compare(a, b);
}

export function $sort(coll: Coll, sortKeys: Record<string, 1 | -1>, options: Options): unknown {
  if (options.collation !== undefined) return mingoSort(coll, sortKeys, options);
  const keys = Object.keys(sortKeys);
  const directions = keys.map((k) => (sortKeys[k] === -1 ? -1 : 1));
  return releasingTransform(coll, (items: Doc[]) => {
    const columns = numberColumns(items, keys);
    if (columns) return sortByNumbers(items, columns, directions);
    const rows = items.map((doc, i) => ({ doc, i, values: keys.map((k) => resolve(doc, k)) }));
    rows.sort((x, y) => {
      for (let k = 0; k < keys.length; k++) {
        const c = bsonCompare(x.values[k], y.values[k]);
        if (c !== 0) return c * directions[k];
      }
      return x.i - y.i;
    });
    return rows.map((r) => r.doc);
  });
}

/**
 * Each sort key's values as a Float64Array when every document holds a number other than
 * NaN under every key (what sqletl's percentile and window plans sort by: a 0/1 NULL rank
 * and a numeric column), else undefined. On such values bsonCompare is the numbers' order,
 * so the rows can be sorted by their index over flat arrays of doubles instead of a row
 * object and a values array per document (p2 at 400k rows, bench/README.md).
 */
function numberColumns(items: readonly Doc[], keys: readonly string[]): Float64Array[] | undefined {
  const columns: Float64Array[] = [];
  for (const key of keys) {
    const column = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const v = resolve(items[i], key);
      if (typeof v !== 'number' || v !== v) return undefined;
      column[i] = v;
    }
    columns.push(column);
  }
  return columns;
}

/** the documents in the order of their keys' numbers (`directions[k]` -1: descending), ties in input order: what the general sort gives */
function sortByNumbers(items: readonly Doc[], columns: readonly Float64Array[], directions: readonly number[]): Doc[] {
  const order = new Uint32Array(items.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => {
    for (let k = 0; k < columns.length; k++) {
      const a = columns[k][x];
      const b = columns[k][y];
      if (a !== b) return a < b ? -directions[k] : directions[k];
    }
    return x - y;
  });
  const out = new Array<Doc>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = items[order[i]];
  return out;
}
