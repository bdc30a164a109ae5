import type { Document } from '../commands/command-ir.js';
import { DROP, MAYBE, type ColumnTable } from '../io/collection-cache.js';

/**
 * A collection's rows by the value of one field, built per key when a key is asked for:
 * the foreign side of a keyed `$lookup` inside another lookup's pipeline
 * (mingo-extensions.ts keyedLookup). Such a lookup cannot know its keys ahead (it runs per
 * outer row), so it hashed its whole foreign collection once per command: TPC-H q20 built
 * 90,000 lineitem documents to probe the parts of about forty partsupp rows. Here only the
 * key column is read whole (row numbers by value), and a key's documents are built when a
 * row first asks for it: the rows of that key, in collection order, that the leading
 * `$match` stages' column test (embedded-prefilter.ts) does not drop.
 *
 * The keys are compared as the hash of the whole build compares them (its `keyOf`): a
 * number by value (NaN equal to NaN, −0 to 0), a date by its milliseconds, a string by its
 * text; a row without the field has the key null, as a missing field pairs with null and
 * missing in `$lookup`. A column of one scalar kind holds no nulls, arrays or documents
 * (collection-cache.ts keeps those in `any` columns, which are not offered): a value of
 * another type than the column's matches only the rows without the field when it is null,
 * else nothing.
 */
export interface KeyedRows {
  /** the documents of the rows whose key equals `value`; `allKept`: each one certainly passes the leading stages */
  rowsFor(value: unknown): { docs: Document[]; allKept: boolean };
}

export function keyedRows(table: ColumnTable, field: string): KeyedRows | undefined {
  const column = table.column(field);
  if (!column) return undefined;
  const { has } = column;
  const missing: number[] = [];
  let rowsOf: (k: unknown) => ArrayLike<number> | undefined;
  const ints = column.kind === 'number' && column.numbers ? integerIndex(column.numbers, column.everyRow ? undefined : has, table.rows, missing) : undefined;
  if (ints) rowsOf = ints;
  else {
    missing.length = 0;
    const index = new Map<unknown, number[]>();
    const add = (k: unknown, i: number) => {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    };
    if (column.numbers) {
      const a = column.numbers;
      for (let i = 0; i < table.rows; i++) has(i) ? add(a[i], i) : missing.push(i);
    } else if (column.dict) {
      const { codes, values } = column.dict;
      for (let i = 0; i < table.rows; i++) has(i) ? add(values[codes[i]], i) : missing.push(i);
    } else if (column.str) {
      const str = column.str;
      for (let i = 0; i < table.rows; i++) has(i) ? add(str(i), i) : missing.push(i);
    } else return undefined;
    rowsOf = (k) => index.get(k);
  }
  const kind = column.kind;
  const keyOf = (v: unknown): unknown =>
    v === null || v === undefined
      ? null
      : kind === 'number'
        ? typeof v === 'number'
          ? v
          : undefined
        : kind === 'date'
          ? v instanceof Date
            ? v.getTime()
            : undefined
          : typeof v === 'string'
            ? v
            : undefined;
  const built = new Map<unknown, { docs: Document[]; allKept: boolean }>();
  const none = { docs: [], allKept: true };
  return {
    rowsFor(value) {
      const k = keyOf(value);
      if (k === undefined) return none;
      let out = built.get(k);
      if (out) return out;
      const rows = k === null ? missing : (rowsOf(k) ?? []);
      const docs: Document[] = [];
      let allKept = true;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r];
        const v = table.verdict ? table.verdict(i) : MAYBE;
        if (v === DROP) continue;
        if (v === MAYBE) allKept = false;
        docs.push(table.build(i));
      }
      out = { docs, allKept };
      built.set(k, out);
      return out;
    },
  };
}

/**
 * Row numbers by value for a column of integers in a range not much wider than the rows
 * (the ids a join key holds): a counting sort into typed arrays, where a Map of 600,000
 * numbers cost more than the documents it saved. Undefined for other columns.
 */
function integerIndex(a: Float64Array, has: ((i: number) => boolean) | undefined, n: number, missing: number[]): ((k: unknown) => ArrayLike<number> | undefined) | undefined {
  // `has` undefined: every row has the field (the loops stay tight)
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (has && !has(i)) continue;
    const v = a[i];
    if (!Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) min = max = 0; // no row has the field
  const width = max - min + 1;
  if (!(width <= Math.max(4 * n, 1024)) || width > 1 << 26) return undefined;
  const start = new Int32Array(width + 1);
  for (let i = 0; i < n; i++) if (!has || has(i)) start[a[i] - min + 1]++;
  for (let b = 0; b < width; b++) start[b + 1] += start[b];
  const order = new Uint32Array(start[width]);
  const next = start.slice(0, width);
  for (let i = 0; i < n; i++) {
    if (!has || has(i)) order[next[a[i] - min]++] = i;
    else missing.push(i);
  }
  return (k) => {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < min || k > max) return undefined;
    return order.subarray(start[k - min], start[k - min + 1]);
  };
}
