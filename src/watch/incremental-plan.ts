import { col, type Expr } from '../ir/expr.js';
import { inputOf, type PlanNode } from '../plan/logical-plan.js';
import type { CollectionRef } from '../engine/change-batch.js';

/**
 * The incremental planner: how a statement's target can follow changes to its
 * source without recomputing everything. It reads the logical plan (src/plan):
 *
 * - `rows`: scan → WHERE → select list (ORDER BY allowed): every output row comes
 *   from one source row, so a changed document is re-derived on its own and the
 *   derived row's `_id` is the source `_id`.
 * - `groups`: scan → WHERE → GROUP BY plain columns → HAVING → select list: a
 *   group depends only on the documents with its key values, so the touched
 *   groups (old and new key values) are recomputed with a leading `$match` on
 *   those values; a group's row has the group key as its `_id`.
 * - `partitions`: scan → WHERE → window functions whose PARTITION BY lists share
 *   plain columns: the touched partitions of those columns are recomputed the
 *   same way; a row's `_id` is its source `_id`.
 * - `full`: anything else (joins, subqueries, DISTINCT, LIMIT, set operations,
 *   unnest, keys that are expressions, aggregates without GROUP BY): the statement
 *   is recomputed from scratch whenever a collection it reads changes; the reason
 *   is shown in the progress lines.
 *
 * Why a leading `$match` on key values selects whole groups: whether a document
 * matches `{k: {$in: values}}` depends only on its own value of `k`, so all
 * documents sharing a key value match together — the recomputed rows are complete
 * groups (possibly a few untouched ones too, which are rewritten unchanged).
 */
export type Maintenance =
  | { kind: 'rows' }
  | { kind: 'groups'; keys: { field: string; path: string[] }[] }
  | { kind: 'partitions'; keys: string[][] }
  | { kind: 'full'; reason: string };

/** The field that carries a derived row's identity through the pipeline; it becomes `_id` when written. */
export const IDENTITY = '__sqletl_wid';

export interface IncrementalPlan {
  maintenance: Maintenance;
  /** every collection the statement reads (joined, subqueries, set operations included) */
  reads: CollectionRef[];
  /** the collection an incremental statement scans */
  source?: CollectionRef;
  /** the plan, with IDENTITY among its output fields unless maintenance is full */
  plan: PlanNode;
}

const NOT_ROW_LOCAL: Partial<Record<PlanNode['kind'], string>> = {
  join: 'it joins collections',
  attach: 'it has a subquery',
  unnest: 'it unnests arrays (several rows per source document)',
  setop: 'it combines queries (UNION / INTERSECT / EXCEPT)',
  distinct: 'DISTINCT compares rows across the whole result',
  skip: 'OFFSET depends on every row',
  limit: 'LIMIT depends on every row',
};

export function planIncrementally(plan: PlanNode): IncrementalPlan {
  const reads = readsOf(plan);
  const full = (reason: string): IncrementalPlan => ({ maintenance: { kind: 'full', reason }, reads, plan });
  const chain: PlanNode[] = [];
  for (let n: PlanNode | undefined = plan; n; n = inputOf(n)) chain.push(n);
  const bottom = chain[chain.length - 1];
  if (bottom.kind !== 'scan') return full('it reads no collection');
  const blocking = chain.find((n) => NOT_ROW_LOCAL[n.kind]);
  if (blocking) return full(NOT_ROW_LOCAL[blocking.kind]!);
  const source = { name: bottom.collection, ...(bottom.db ? { db: bottom.db } : {}) };
  // between the scan and a group / window: WHERE filters, the select lists of subqueries, CTEs and
  // views (their keys are traced back to source columns), and under a window other windows
  const below = (node: PlanNode) => chain.slice(chain.indexOf(node) + 1, -1);

  const groups = chain.filter((n): n is Extract<PlanNode, { kind: 'group' }> => n.kind === 'group');
  const windows = chain.filter((n): n is Extract<PlanNode, { kind: 'window' }> => n.kind === 'window');
  if (groups.length > 0) {
    const g = groups[0];
    if (groups.length > 1 || !below(g).every((n) => n.kind === 'filter' || n.kind === 'project')) return full('it groups rows that are already derived');
    if (g.global) return full('an aggregate without GROUP BY summarises the whole collection');
    if (g.sets) return full('GROUPING SETS / ROLLUP / CUBE');
    if (windows.length > 0) return full('window functions over grouped rows');
    const keys: { field: string; path: string[] }[] = [];
    for (const k of g.keys) {
      const path = sourceColumn(k.expr, below(g));
      if (!path) return full(`a GROUP BY key is an expression, not a plain column`);
      keys.push({ field: k.field, path });
    }
    return { maintenance: { kind: 'groups', keys }, reads, source, plan: withIdentity(plan) };
  }
  if (windows.length > 0) {
    if (!windows.every((w) => below(w).every((n) => n.kind === 'filter' || n.kind === 'window' || n.kind === 'project'))) return full('window functions over derived rows');
    let common: string[][] | undefined;
    for (const w of windows) {
      const paths = w.spec.partitionBy.map((e) => sourceColumn(e, below(w))).filter((p): p is string[] => p !== undefined);
      common = common === undefined ? paths : common.filter((c) => paths.some((p) => p.join('.') === c.join('.')));
    }
    if (!common?.length) return full('the window functions share no PARTITION BY column');
    return { maintenance: { kind: 'partitions', keys: common }, reads, source, plan: withIdentity(plan) };
  }
  return { maintenance: { kind: 'rows' }, reads, source, plan: withIdentity(plan) };
}

/**
 * The source column an expression reads, traced down through the select lists of
 * subqueries (`nodes`: the operators under the expression's, top-down); undefined
 * when it is computed.
 */
function sourceColumn(e: Expr, nodes: PlanNode[]): string[] | undefined {
  let path = plainColumn(e);
  for (const n of nodes) {
    if (!path || n.kind !== 'project') continue;
    const f = n.fields.find((x) => x.field === path![0]);
    if (f) {
      const inner = plainColumn(f.expr);
      path = inner && [...inner, ...path.slice(1)];
    } else if (!n.keepInput) return undefined;
  }
  return path;
}

/** A column of the scanned documents (a top-level field or a nested path), or undefined. */
function plainColumn(e: Expr): string[] | undefined {
  if (e.kind !== 'column' || e.path.some((p) => p.startsWith('$') || p === '')) return undefined;
  return e.path;
}

/**
 * The plan with IDENTITY among the fields of every select list: the scanned
 * document's `_id` at the first one (or, above a GROUP BY, the group key document
 * `_id`), carried up through the select lists of subqueries to the output.
 */
function withIdentity(plan: PlanNode): PlanNode {
  let carried = false;
  const rebuild = (node: PlanNode): PlanNode => {
    const input = inputOf(node);
    const inner = input ? rebuild(input) : undefined;
    if (node.kind === 'group') carried = false;
    let out = inner ? ({ ...node, input: inner } as PlanNode) : node;
    if (out.kind === 'project') {
      out = { ...out, fields: [...out.fields, { field: IDENTITY, expr: col(carried ? [IDENTITY] : ['_id']) }] };
      carried = true;
    }
    return out;
  };
  const rebuilt = rebuild(plan);
  return carried ? rebuilt : { kind: 'project', input: rebuilt, fields: [{ field: IDENTITY, expr: col(['_id']) }], keepInput: true };
}

/** Every collection a plan reads, joined and subquery sides included. */
export function readsOf(plan: PlanNode): CollectionRef[] {
  const out = new Map<string, CollectionRef>();
  const visit = (n: PlanNode): void => {
    if (n.kind === 'scan') out.set(`${n.db ?? ''}.${n.collection}`, { name: n.collection, ...(n.db ? { db: n.db } : {}) });
    if (n.kind === 'join' || n.kind === 'setop') visit(n.right);
    if (n.kind === 'attach') visit(n.subplan);
    const input = inputOf(n);
    if (input) visit(input);
  };
  visit(plan);
  return [...out.values()];
}
