import type { Document } from '../commands/command-ir.js';
import { DROP, KEEP, MAYBE, type ColumnView, type RowFilter, type RowVerdict } from '../io/collection-cache.js';

/**
 * A collection's leading `$match` stages, tested on its column cache
 * (io/collection-cache.ts) before documents are built: TPC-H q06 keeps 2% of lineitem,
 * and building the other 98% was most of its time. Each row gets a verdict: DROP (the
 * `$match` is certainly false: not built), KEEP (certainly true) or MAYBE (built, and the
 * `$match` decides). When every row built was a KEEP, the stages are left out
 * (`alreadyApplied`); otherwise they run on the rows built, as before.
 *
 * What it reads: top-level fields compared with `$eq`, `$ne`, `$in`, `$nin` (literals of
 * the column's own kind — numbers, dates, strings — and null) and `$gt`, `$gte`, `$lt`,
 * `$lte` (numbers and dates; not strings, whose order is the engine's business), a `$regex`
 * that is a literal prefix (`^abc`, as LIKE 'abc%' lowers: strings that start with it), combined
 * with `$and`, `$or` and implicit AND. Everything else (`$expr`, dotted paths, other `$regex`es, a
 * literal of another kind, a column of mixed types) is MAYBE for every row. A row that
 * lacks the field, or holds NaN, is MAYBE too. On a present value of a column of one
 * kind, the comparisons are the engine's: numbers and dates (as milliseconds) by value,
 * strings by equality, and a present value is never null.
 */
export interface Prefilter {
  /** what the test reads and compares, as text: two loads with the same key build the same rows */
  key: string;
  filter: RowFilter;
  /** how many leading `$match` stages it stands for */
  stages: number;
}

type Op = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin' | '$prefix';
type Literal = number | string | Date | null;
type Node = { and: Node[] } | { or: Node[] } | { field: string; op: Op; values: Literal[] } | { maybe: true };
const UNKNOWN: Node = { maybe: true };

/** The prefilter of the `$match` stages that lead a pipeline, or undefined when there are none. */
export function prefilterOf(pipeline: readonly Document[]): Prefilter | undefined {
  const parts: Node[] = [];
  for (const stage of pipeline) {
    if (Object.keys(stage).length !== 1 || !('$match' in stage)) break;
    parts.push(queryNode(stage.$match));
  }
  if (parts.length === 0 || parts.every((p) => 'maybe' in p)) return undefined;
  const root: Node = parts.length === 1 ? parts[0] : { and: parts };
  return { key: keyOf(root), filter: (column) => compile(root, column), stages: parts.length };
}

/**
 * Docs arrays a load built with a prefilter whose every row was a KEEP, by prefilter
 * key: the reader of such an array may skip those `$match` stages. An array is never
 * changed once built (the engine copies before any stage writes).
 */
const applied = new WeakMap<object, string>();

export function markApplied(docs: Document[], prefilter: Prefilter): void {
  applied.set(docs, prefilter.key);
}

/** Whether `docs` went through exactly `pipeline`'s leading `$match` stages already: how many to skip (0: none). */
export function alreadyApplied(docs: readonly Document[], pipeline: readonly Document[]): number {
  const key = applied.get(docs);
  if (key === undefined) return 0;
  const p = prefilterOf(pipeline);
  return p && p.key === key ? p.stages : 0;
}

function queryNode(q: unknown): Node {
  if (!isPlainObject(q)) return UNKNOWN;
  const and: Node[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (k === '$and' && Array.isArray(v) && v.length > 0) and.push(allOf(v.map(queryNode)));
    else if (k === '$or' && Array.isArray(v) && v.length > 0) and.push({ or: v.map(queryNode) });
    else if (!k.startsWith('$') && !k.includes('.')) and.push(fieldNode(k, v));
    else and.push(UNKNOWN);
  }
  return and.length === 0 ? UNKNOWN : allOf(and);
}

function fieldNode(field: string, cond: unknown): Node {
  // an implicit $eq, or an operator object
  if (!isPlainObject(cond) || !Object.keys(cond).every((k) => k.startsWith('$'))) return isLiteral(cond) ? { field, op: '$eq', values: [cond] } : UNKNOWN;
  const prefix = literalPrefix(cond);
  if (prefix !== undefined) return { field, op: '$prefix', values: [prefix] };
  const and: Node[] = [];
  for (const [op, v] of Object.entries(cond)) {
    if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.every(isLiteral)) and.push({ field, op, values: v });
    else if (['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'].includes(op) && isLiteral(v)) and.push({ field, op: op as Op, values: [v] });
    else and.push(UNKNOWN);
  }
  return and.length === 0 ? UNKNOWN : allOf(and);
}

/**
 * `{$regex: "^abc"}` (options none or `s`) whose pattern after the `^` has no character
 * special to PCRE: a string matches it when it starts with that text (LIKE 'abc%' and
 * TPC-H q22's phone prefixes lower to it: src/plan/prefix-tests-as-like.ts). The text
 * itself, or undefined for any other condition.
 */
function literalPrefix(cond: Record<string, unknown>): string | undefined {
  const keys = Object.keys(cond);
  if (!keys.every((k) => k === '$regex' || k === '$options') || typeof cond.$regex !== 'string') return undefined;
  const options = cond.$options ?? '';
  if (options !== '' && options !== 's') return undefined;
  const m = /^\^([^\\^$.|?*+()[\]{}]*)$/.exec(cond.$regex);
  return m ? m[1] : undefined;
}

function allOf(nodes: Node[]): Node {
  return nodes.length === 1 ? nodes[0] : { and: nodes };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isLiteral = (v: unknown): v is Literal => v === null || typeof v === 'number' || typeof v === 'string' || (v instanceof Date && !Number.isNaN(v.getTime()));

function keyOf(n: Node): string {
  if ('maybe' in n) return '?';
  if ('and' in n) return `and(${n.and.map(keyOf).join(',')})`;
  if ('or' in n) return `or(${n.or.map(keyOf).join(',')})`;
  const v = n.values.map((x) => (x instanceof Date ? `d${x.getTime()}` : JSON.stringify(x)));
  return `${JSON.stringify(n.field)}${n.op}[${v.join(',')}]`;
}

type Test = (i: number) => RowVerdict;
const always = (v: RowVerdict): Test => () => v;

/** The verdict of a node on row i. */
function compile(n: Node, column: (name: string) => ColumnView | undefined): Test {
  if ('maybe' in n) return always(MAYBE);
  if ('and' in n) {
    const tests = n.and.map((x) => compile(x, column));
    // FALSE if any part is FALSE, else MAYBE if any part is, else TRUE
    return (i) => {
      let out: RowVerdict = KEEP;
      for (const t of tests) {
        const v = t(i);
        if (v === DROP) return DROP;
        if (v === MAYBE) out = MAYBE;
      }
      return out;
    };
  }
  if ('or' in n) {
    const tests = n.or.map((x) => compile(x, column));
    return (i) => {
      let out: RowVerdict = DROP;
      for (const t of tests) {
        const v = t(i);
        if (v === KEEP) return KEEP;
        if (v === MAYBE) out = MAYBE;
      }
      return out;
    };
  }
  const col = column(n.field);
  if (!col) return always(MAYBE);
  return (col.kind === 'string' ? stringTest(col, n.op, n.values) : numberTest(col, n.op, n.values)) ?? always(MAYBE);
}

const verdict = (b: boolean): RowVerdict => (b ? KEEP : DROP);

/** A comparison with null: a present value of a column of one kind is never null. */
function nullTest(col: ColumnView, op: Op): Test | undefined {
  const has = col.has;
  if (op === '$eq') return (i) => (has(i) ? DROP : MAYBE);
  if (op === '$ne') return (i) => (has(i) ? KEEP : MAYBE);
  return undefined;
}

/** numbers, and dates as milliseconds: literals of the column's own kind (or null) only */
function numberTest(col: ColumnView, op: Op, values: Literal[]): Test | undefined {
  if (op === '$prefix') return undefined; // a $regex never matches a number or a date: MAYBE, the $match says no
  if (values.length === 1 && values[0] === null) return nullTest(col, op);
  const a = col.numbers!;
  // `{f: NaN}` / `{f: {$ne: NaN}}`: the NaN terms of NaN-aware comparisons (src/mongo/nan-order.ts), NaN equal to NaN
  // as in MongoDB's query language; a row without the field stays MAYBE
  if (col.kind === 'number' && values.length === 1 && typeof values[0] === 'number' && Number.isNaN(values[0]) && (op === '$eq' || op === '$ne')) {
    const nanHas = col.has;
    return (i) => (!nanHas(i) ? MAYBE : verdict(Number.isNaN(a[i]) === (op === '$eq')));
  }
  const lits: number[] = [];
  for (const v of values) {
    if (v === null && (op === '$in' || op === '$nin')) continue; // never equal to a present value
    if (col.kind === 'number' ? typeof v !== 'number' || Number.isNaN(v) : !(v instanceof Date)) return undefined;
    lits.push(typeof v === 'number' ? v : (v as Date).getTime());
  }
  const has = col.has;
  // a row without the field, or with NaN, is MAYBE
  const holds = (pred: (x: number) => boolean): Test => (i) => (!has(i) || Number.isNaN(a[i]) ? MAYBE : verdict(pred(a[i])));
  const [v] = lits;
  switch (op) {
    case '$eq':
      return holds((x) => x === v);
    case '$ne':
      return holds((x) => x !== v);
    case '$gt':
      return holds((x) => x > v);
    case '$gte':
      return holds((x) => x >= v);
    case '$lt':
      return holds((x) => x < v);
    case '$lte':
      return holds((x) => x <= v);
    case '$in': {
      const set = new Set(lits);
      return holds((x) => set.has(x));
    }
    case '$nin': {
      const set = new Set(lits);
      return holds((x) => !set.has(x));
    }
  }
}

/** strings: equality only; a dictionary column answers once per distinct string */
function stringTest(col: ColumnView, op: Op, values: Literal[]): Test | undefined {
  if (values.length === 1 && values[0] === null) return nullTest(col, op);
  const strs = values.filter((v) => v !== null || (op !== '$in' && op !== '$nin'));
  if (!strs.every((v) => typeof v === 'string')) return undefined;
  const set = new Set(strs as string[]);
  const [first] = strs as string[];
  let pred: (s: string) => boolean;
  if (op === '$prefix') pred = (s) => s.startsWith(first);
  else if (op === '$eq' || op === '$in') pred = (s) => set.has(s);
  else if (op === '$ne' || op === '$nin') pred = (s) => !set.has(s);
  else return undefined;
  const has = col.has;
  if (col.dict) {
    const { codes, values: strings } = col.dict;
    const answer = strings.map((s) => verdict(pred(s)));
    return (i) => (has(i) ? answer[codes[i]] : MAYBE);
  }
  const str = col.str!;
  return (i) => (has(i) ? verdict(pred(str(i))) : MAYBE);
}
