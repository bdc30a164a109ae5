import { mapExpr, someExpr, type Expr } from '../ir/expr.js';
import type { Source } from '../ir/query.js';
import { conjunctsOf } from './push-down-filters.js';

type JoinSource = Extract<Source, { kind: 'join' }>;

/**
 * The conjuncts of an INNER or LEFT join's condition that read only the joined
 * collection (`JOIN part p ON p.k = l.k AND p.size < 5`) become a filter on that
 * collection, run before the join: in the `$lookup` pipeline they come first, without
 * any `let` variable, so MongoDB can serve them from an index and the embedded engine
 * runs them once over the collection instead of once per joined row with the rest of
 * the condition (TPC-H q19, whose part conditions reach the join through
 * derive-or-filters.ts). PostgreSQL does the same with such restrictions.
 *
 * Exact: for each pair of rows, `C_right AND rest` is TRUE exactly when the right row
 * passes C_right and the pair passes the rest; a right row that fails C_right matches
 * no left row, and for a LEFT join the left row is kept with NULLs either way. Not for
 * FULL (an unmatched right row is itself a result row) nor LATERAL (its right side is
 * not a plain collection), nor for conditions with subqueries, aggregates or windows.
 * Returns the condition left for the join and the filter, its columns as the
 * collection's own fields.
 */
export function rightSideJoinFilters(join: JoinSource): { on?: Expr; rightFilter?: Expr } {
  if ((join.type !== 'inner' && join.type !== 'left') || join.lateral || join.right.kind !== 'collection' || !join.on) return { on: join.on };
  const keep: Expr[] = [];
  const moved: Expr[] = [];
  for (const c of conjunctsOf(join.on)) (readsOnlyRight(c, join.as) ? moved : keep).push(c);
  if (moved.length === 0) return { on: join.on };
  const rightFilter = andOf(moved.map((c) => mapExpr(c, (x) => (x.kind === 'column' ? { ...x, path: x.path.slice(1) } : undefined))));
  return { on: keep.length === 0 ? undefined : andOf(keep), rightFilter };
}

function readsOnlyRight(c: Expr, as: string): boolean {
  if (c.kind === 'literal') return false;
  if (someExpr(c, (x) => x.kind === 'subquery' || x.kind === 'window' || x.kind === 'agg')) return false;
  let right = false;
  const other = someExpr(c, (x) => {
    if (x.kind !== 'column') return false;
    if (x.path[0] === as && x.path.length > 1) {
      right = true;
      return false;
    }
    return true;
  });
  return right && !other;
}

function andOf(cs: Expr[]): Expr {
  return cs.length === 1 ? cs[0] : { kind: 'and', args: cs, type: 'bool' };
}
