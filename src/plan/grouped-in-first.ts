import { mapExpr, sameExpr, someExpr, type Expr, type SubqueryExpr } from '../ir/expr.js';
import type { SelectQuery, Source } from '../ir/query.js';
import { conjunctsOf } from './push-down-filters.js';
import { flattenJoinChain } from './join-chain.js';


/**
 * `WHERE … AND x IN (SELECT k FROM … GROUP BY k HAVING …)` → the subquery's groups as
 * the query's first relation, inner-joined on `x = k`; the FROM list's relations follow
 * (order-joins.ts then joins them by connectivity from the groups).
 *
 * Why: the semi-join (semi-join-in-subqueries.ts) tests each outer row against its
 * key's group, after every join of the FROM list: TPC-H q18 joined customer × orders ×
 * lineitem (600,572 rows at SF 0.1) and then grouped each order's lineitems to keep 57
 * orders. Grouping the subquery once and starting from its few groups is PostgreSQL's
 * plan too (a hash aggregate joined to orders). A HAVING is what makes the groups few;
 * without one the subquery keeps every key and the semi-join stays.
 *
 * Same rows: the subquery's rows are unique on k (its one GROUP BY key, no grouping
 * sets), so each outer row joins at most one group, as IN keeps it at most once; a NULL
 * x or k matches nothing in either form, and IN as a whole WHERE conjunct drops NULL
 * and FALSE alike. Only for inner/cross joins (no LATERAL, no outer join), an
 * uncorrelated subquery, a query that reads no outer variable itself (a correlated
 * subquery keeps its first collection for join-subqueries-by-key.ts), no `SELECT *`
 * passthrough (the row's own fields would change), and no LIMIT/OFFSET without ORDER BY
 * (the rows would come in another order, so others would be kept).
 *
 * The first relation's columns are the row's own fields and a joined one's sit under
 * its `as`: the old first relation's column paths move under a fresh `__jN`, the
 * groups' column becomes a top-level field.
 *
 * A statement pass (passes.ts' STATEMENT_PASSES): a derived table or subquery rewritten
 * so would no longer read its old first collection first, and the joins and lookups
 * keyed on that collection (key-derived-joins.ts, join-subqueries-by-key.ts) would turn
 * into per-row pipelines.
 */
export function groupedInFirst(q: SelectQuery): SelectQuery {
  if (!q.where || q.passthrough || ((q.limit !== undefined || q.offset) && q.orderBy.length === 0)) return q;
  const chain = flattenJoinChain(q.source);
  if (!chain || (chain.root.kind !== 'collection' && chain.root.kind !== 'subquery')) return q;
  const conjuncts = conjunctsOf(q.where);
  const index = conjuncts.findIndex((c) => c.kind === 'subquery' && groupedIn(c) !== undefined);
  if (index < 0) return q;
  const sub = conjuncts[index] as SubqueryExpr;
  const key = groupedIn(sub)!;
  if (readsOuterVariable(q)) return q;

  const used = chain.rights.map((r) => Number(r.as.slice(3))).filter(Number.isInteger);
  const as = `__j${Math.max(0, ...used) + 1}`;
  const move = (e: Expr): Expr =>
    mapExpr(e, (x) => {
      if (x.kind === 'column' && !x.path[0].startsWith('$$') && !x.path[0].startsWith('__j')) return { ...x, path: [as, ...x.path] };
      // a correlated subquery reads the row through its `outer` expressions
      if (x.kind === 'subquery') return { ...x, arg: x.arg && move(x.arg), outer: x.outer.map((o) => ({ ...o, expr: move(o.expr) })) };
      return undefined;
    });

  let source: Source = { kind: 'subquery', query: sub.query };
  source = { kind: 'join', type: 'cross', left: source, right: chain.root, as };
  for (const r of chain.rights) source = { ...r, left: source, on: r.on && move(r.on) };
  const joinKey: Expr = { kind: 'compare', op: '=', left: move(sub.arg!), right: { kind: 'column', path: [key], type: sub.query.columns[0].expr.type }, type: 'bool', span: sub.span };
  const where = [...conjuncts.slice(0, index).map(move), joinKey, ...conjuncts.slice(index + 1).map(move)];
  return {
    ...q,
    source,
    where: { kind: 'and', args: where, type: 'bool' },
    columns: q.columns.map((c) => ({ ...c, expr: move(c.expr) })),
    groupBy: q.groupBy.map(move),
    having: q.having && move(q.having),
    orderBy: q.orderBy.map((k) => ({ ...k, expr: move(k.expr) })),
  };
}

/** `x IN (SELECT k … GROUP BY k HAVING …)`, x a column, uncorrelated: the groups' field k; undefined otherwise. */
function groupedIn(e: SubqueryExpr): string | undefined {
  const isIn = e.mode === 'in' || (e.mode === 'any' && e.op === '=');
  if (!isIn || e.negated || (e.op && e.op !== '=') || e.outer.length > 0) return undefined;
  const arg = e.arg;
  if (!arg || arg.kind !== 'column' || arg.path[0].startsWith('$$') || arg.type === 'array' || arg.type === 'json') return undefined;
  const s = e.query;
  if (s.kind !== 'select' || !s.having || s.groupingSets || s.groupBy.length !== 1 || s.columns.length !== 1 || s.passthrough) return undefined;
  const out = s.columns[0];
  if (!sameExpr(out.expr, s.groupBy[0]) || out.field.startsWith('__j') || out.field.startsWith('$')) return undefined;
  return out.field;
}

/** any `$$` variable read by the query's own expressions (it is a correlated subquery) */
function readsOuterVariable(q: SelectQuery): boolean {
  const reads = (e: Expr | undefined): boolean =>
    e !== undefined &&
    someExpr(e, (x): boolean => (x.kind === 'column' && x.path[0].startsWith('$$')) || (x.kind === 'subquery' && x.outer.some((o) => reads(o.expr))));
  const ons: Expr[] = [];
  for (let s: Source = q.source; s.kind === 'join'; s = s.left) if (s.on) ons.push(s.on);
  return [q.where, q.having, ...ons, ...q.groupBy, ...q.columns.map((c) => c.expr), ...q.orderBy.map((k) => k.expr)].some(reads);
}
