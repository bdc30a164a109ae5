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
 * Row numbers by value for a column of non-negative integers not much larger than the
 * row count (the ids a join key holds), in one pass: `head[v]` is the first row holding v,
 * `next[i]` the row after row i with the same value (a Map of 600,000 numbers cost more
 * than the documents it saved). Undefined for other columns.
 */
function integerIndex(a: Float64Array, has: ((i: number) => boolean) | undefined, n: number, missing: number[]): ((k: unknown) => ArrayLike<number> | undefined) | undefined {
  // `has` undefined: every row has the field (the loop stays tight)
  const limit = Math.min(Math.max(4 * n, 1024), 1 << 26);
  let head = new Int32Array(Math.min(limit, 1024)).fill(-1);
  const next = new Int32Array(n);
  // from the last row back, so that each chain lists its rows in collection order
  for (let i = n - 1; i >= 0; i--) {
    if (has && !has(i)) {
      missing.push(i);
      continue;
    }
    const v = a[i];
    if (v >>> 0 !== v || v >= limit) return undefined;
    if (v >= head.length) {
      const grown = new Int32Array(Math.min(limit, Math.max(2 * head.length, v + 1))).fill(-1);
      grown.set(head);
      head = grown;
    }
    next[i] = head[v];
    head[v] = i;
  }
  missing.reverse();
  return (k) => {
    if (typeof k !== 'number' || k >>> 0 !== k || k >= head.length) return undefined;
    const rows: number[] = [];
    for (let i = head[k]; i >= 0; i = next[i]) rows.push(i);
    return rows;
  };
}
