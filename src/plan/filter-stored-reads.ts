import { mapExpr, someExpr, type Expr } from '../ir/expr.js';
import type { OutputColumn, Query, SelectQuery } from '../ir/query.js';
import { conjunctsOf } from './push-down-filters.js';

/**
 * A --schema table with real columns is read as a derived table that rounds its stored
 * reals (src/sql/bind-stored-reals.ts): `(SELECT a, round(r) AS r, … FROM t)`. WHERE
 * conjuncts of the reader that read none of the rounded columns move into that derived
 * table, ahead of its projection, with its columns' expressions in place of the names:
 * the filter runs first (a leading `$match` on the collection, in the query language
 * where it can be), and only the rows it keeps are rounded, so a row the query never
 * returns cannot fail the rounding either.
 *
 * Same rows: the derived table maps each document to one row (no aggregate, DISTINCT,
 * LIMIT, window or set-returning function in it), so a condition on a row's columns is
 * the same condition on the document with the columns' expressions substituted; NULLs
 * are the same values on both sides. Conjuncts with subqueries, windows or aggregates,
 * and those reading a rounded column (whose expression is large: it would be computed
 * twice), stay where they are.
 */
export function filterStoredReads(q: SelectQuery): SelectQuery {
  if (!q.where || q.source.kind !== 'subquery') return q;
  const inner = q.source.query;
  if (!isStoredRead(inner)) return q;
  const byField = new Map(inner.columns.map((c) => [c.field, c.expr]));
  const moved: Expr[] = [];
  const kept: Expr[] = [];
  for (const c of conjunctsOf(q.where)) {
    const substituted = movable(c) ? substitute(c, byField) : undefined;
    if (substituted) moved.push(substituted);
    else kept.push(c);
  }
  if (moved.length === 0) return q;
  const innerWhere = andOf([...(inner.where ? [inner.where] : []), ...moved]);
  return { ...q, source: { kind: 'subquery', query: { ...inner, where: innerWhere } }, where: kept.length ? andOf(kept) : undefined };
}

/** The derived table bind-stored-reals.ts builds: a projection of a collection's fields, some of them rounded. */
function isStoredRead(inner: Query): inner is SelectQuery {
  return (
    inner.kind === 'select' &&
    inner.source.kind === 'collection' &&
    !inner.aggregated &&
    !inner.distinct &&
    !inner.passthrough &&
    inner.groupBy.length === 0 &&
    inner.orderBy.length === 0 &&
    inner.limit === undefined &&
    inner.offset === undefined &&
    inner.columns.some((c) => rounded(c)) &&
    inner.columns.every((c) => rounded(c) || !someExpr(c.expr, (x) => x.kind !== 'column' && x.kind !== 'func' && x.kind !== 'literal'))
  );
}

const rounded = (c: OutputColumn): boolean => c.expr.kind === 'cast' && c.expr.storedColumn !== undefined;

const movable = (c: Expr): boolean => !someExpr(c, (x) => x.kind === 'subquery' || x.kind === 'window' || x.kind === 'agg');

/** The conjunct over the derived table's source: undefined when it reads a rounded column, a correlated variable, or a path into a computed column. */
function substitute(c: Expr, byField: Map<string, Expr>): Expr | undefined {
  let ok = true;
  const out = mapExpr(c, (x) => {
    if (x.kind !== 'column') return undefined;
    if (x.path[0].startsWith('$$')) {
      ok = false;
      return undefined;
    }
    const expr = byField.get(x.path[0]);
    if (!expr || (expr.kind === 'cast' && expr.storedColumn !== undefined)) {
      ok = false;
      return undefined;
    }
    if (x.path.length === 1) return { ...expr, ...(x.span ? { span: x.span } : {}) };
    if (expr.kind === 'column') return { ...x, path: [...expr.path, ...x.path.slice(1)] };
    ok = false;
    return undefined;
  });
  return ok ? out : undefined;
}

const andOf = (args: Expr[]): Expr => (args.length === 1 ? args[0] : { kind: 'and', args, type: 'bool' });
