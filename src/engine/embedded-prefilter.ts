import type { Document } from '../commands/command-ir.js';
import type { ColumnView, RowFilter } from '../io/collection-cache.js';

/**
 * A necessary condition of a collection's leading `$match` stages, tested on the
 * collection's column cache (io/collection-cache.ts) before documents are built: TPC-H
 * q06 keeps 2% of lineitem, and building the other 98% was most of its time. The
 * `$match` stages still run on the documents built, so the test only has to be false
 * where they are certainly false; where it cannot tell, it lets the row through.
 *
 * What it reads: top-level fields compared with `$eq`, `$ne`, `$in`, `$nin` (a literal
 * of the column's own kind: numbers, dates, strings) and `$gt`, `$gte`, `$lt`, `$lte`
 * (numbers and dates; not strings, whose order is the engine's business), combined with
 * `$and`, `$or` and implicit AND. Anything else (`$expr`, dotted paths, `$regex`, a
 * literal of another type, a column of mixed types) counts as "maybe" and is left to
 * the `$match`: an AND drops such a part, an OR with such a branch is "maybe" whole. A
 * row that lacks the field, or holds NaN, is always let through.
 */
export interface Prefilter {
  /** what the test reads and compares, as text: two loads with the same key build the same rows */
  key: string;
  filter: RowFilter;
}

type Op = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin';
type Scalar = number | string | Date;
type Node = { and: Node[] } | { or: Node[] } | { field: string; op: Op; values: Scalar[] };

/** The prefilter of the `$match` stages that lead a pipeline (only those), or undefined when none helps. */
export function prefilterOf(pipeline: readonly Document[]): Prefilter | undefined {
  const parts: Node[] = [];
  for (const stage of pipeline) {
    if (Object.keys(stage).length !== 1 || !('$match' in stage)) break;
    const n = queryNode(stage.$match);
    if (n) parts.push(n);
  }
  if (parts.length === 0) return undefined;
  const root: Node = parts.length === 1 ? parts[0] : { and: parts };
  return { key: keyOf(root), filter: (column) => compile(root, column) };
}

/** A query document as a node, or undefined when nothing of it can be tested. */
function queryNode(q: unknown): Node | undefined {
  if (!isPlainObject(q)) return undefined;
  const and: Node[] = [];
  for (const [k, v] of Object.entries(q)) {
    let n: Node | undefined;
    if (k === '$and' && Array.isArray(v)) n = allOf(v.map(queryNode).filter((x): x is Node => x !== undefined));
    else if (k === '$or' && Array.isArray(v) && v.length > 0) {
      const branches = v.map(queryNode);
      n = branches.every((b): b is Node => b !== undefined) ? { or: branches } : undefined;
    } else if (!k.startsWith('$') && !k.includes('.')) n = fieldNode(k, v);
    if (n) and.push(n);
  }
  return allOf(and);
}

function fieldNode(field: string, cond: unknown): Node | undefined {
  // an implicit $eq, or an operator object
  if (!isPlainObject(cond) || !Object.keys(cond).every((k) => k.startsWith('$'))) return isScalar(cond) ? { field, op: '$eq', values: [cond] } : undefined;
  const and: Node[] = [];
  for (const [op, v] of Object.entries(cond)) {
    if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.every(isScalar)) and.push({ field, op, values: v });
    else if (['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'].includes(op) && isScalar(v)) and.push({ field, op: op as Op, values: [v] });
  }
  return allOf(and);
}

function allOf(nodes: Node[]): Node | undefined {
  return nodes.length === 0 ? undefined : nodes.length === 1 ? nodes[0] : { and: nodes };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isScalar = (v: unknown): v is Scalar => typeof v === 'number' || typeof v === 'string' || (v instanceof Date && !Number.isNaN(v.getTime()));

function keyOf(n: Node): string {
  if ('and' in n) return `and(${n.and.map(keyOf).join(',')})`;
  if ('or' in n) return `or(${n.or.map(keyOf).join(',')})`;
  const v = n.values.map((x) => (x instanceof Date ? `d${x.getTime()}` : JSON.stringify(x)));
  return `${JSON.stringify(n.field)}${n.op}[${v.join(',')}]`;
}

type Test = (i: number) => boolean;

/** The row test of a node; undefined means "maybe" for every row. */
function compile(n: Node, column: (name: string) => ColumnView | undefined): Test | undefined {
  if ('and' in n) {
    const tests = n.and.map((x) => compile(x, column)).filter((t): t is Test => t !== undefined);
    if (tests.length === 0) return undefined;
    if (tests.length === 1) return tests[0];
    return (i) => {
      for (const t of tests) if (!t(i)) return false;
      return true;
    };
  }
  if ('or' in n) {
    const tests = n.or.map((x) => compile(x, column));
    if (!tests.every((t): t is Test => t !== undefined)) return undefined;
    return (i) => {
      for (const t of tests) if (t(i)) return true;
      return false;
    };
  }
  const col = column(n.field);
  if (!col) return undefined;
  return col.kind === 'string' ? stringTest(col, n.op, n.values) : numberTest(col, n.op, n.values);
}

/** numbers, and dates as milliseconds: literals of the column's own kind only */
function numberTest(col: ColumnView, op: Op, values: Scalar[]): Test | undefined {
  const a = col.numbers!;
  const lits: number[] = [];
  for (const v of values) {
    if (col.kind === 'number' ? typeof v !== 'number' || Number.isNaN(v) : !(v instanceof Date)) return undefined;
    lits.push(typeof v === 'number' ? v : (v as Date).getTime());
  }
  const has = col.has;
  // a row without the field, or with NaN, is "maybe"
  const holds = (pred: (x: number) => boolean): Test => (i) => !has(i) || Number.isNaN(a[i]) || pred(a[i]);
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
function stringTest(col: ColumnView, op: Op, values: Scalar[]): Test | undefined {
  if (!values.every((v) => typeof v === 'string')) return undefined;
  const set = new Set(values as string[]);
  let pred: (s: string) => boolean;
  if (op === '$eq' || op === '$in') pred = (s) => set.has(s);
  else if (op === '$ne' || op === '$nin') pred = (s) => !set.has(s);
  else return undefined;
  const has = col.has;
  if (col.dict) {
    const { codes, values: strings } = col.dict;
    const answer = strings.map(pred);
    return (i) => !has(i) || answer[codes[i]];
  }
  const str = col.str!;
  return (i) => !has(i) || pred(str(i));
}
