import { assertNever } from '../assert-never.js';
import { children, type Expr } from '../ir/expr.js';
import type { Query, SelectQuery, Source } from '../ir/query.js';

/**
 * Projection pruning: a derived table or CTE computes only the columns the query
 * reading it uses. Its rows stay the same (columns do not change how many rows a
 * plain SELECT returns), so it is skipped for DISTINCT and set operations, whose
 * row counts depend on every column, and when the reader passes rows through.
 */
export function pruneSource(q: SelectQuery): SelectQuery {
  if (q.passthrough || q.source.kind !== 'subquery') return q;
  const inner = q.source.query;
  if (inner.kind !== 'select' || inner.distinct || inner.passthrough) return q;
  const used = usedFields(q);
  const columns = inner.columns.filter((c) => used.has(c.field));
  if (columns.length === inner.columns.length) return q;
  return { ...q, source: { kind: 'subquery', query: { ...inner, columns } } };
}

/** The top-level fields of its input that a query reads. */
function usedFields(q: SelectQuery): Set<string> {
  const used = new Set<string>();
  const visit = (e: Expr | undefined) => {
    if (!e) return;
    if (e.kind === 'column') used.add(e.path[0]);
    if (e.kind === 'subquery') for (const o of e.outer) visit(o.expr);
    children(e).forEach(visit);
  };
  visit(q.where);
  visit(q.having);
  q.groupBy.forEach(visit);
  q.columns.forEach((c) => visit(c.expr));
  q.orderBy.forEach((k) => visit(k.expr));
  visitSource(q.source, visit);
  return used;
}

function visitSource(s: Source, visit: (e: Expr) => void): void {
  if (s.kind === 'join') {
    if (s.on) visit(s.on);
    visitSource(s.left, visit);
  } else if (s.kind === 'unnest') {
    visit(s.array);
    visitSource(s.left, visit);
  } else if (s.kind !== 'collection' && s.kind !== 'subquery' && s.kind !== 'values' && s.kind !== 'none') assertNever(s, 'plan');
}

export type { Query };
