import type { Expr } from '../ir/expr.js';
import type { JoinType } from '../ir/query.js';
import type { PlanNode } from './logical-plan.js';
import { splitJoinCondition, type SplitCondition } from './plan-join.js';
import { baseColumn } from './trace-column.js';

/**
 * A join to a derived table (a CTE, a subquery in FROM: `supplier JOIN revenue0 ON
 * s_suppkey = supplier_no`, TPC-H q15) on `left col = derived col`, where the derived
 * column comes unchanged from the collection the derived table reads first
 * (trace-column.ts: `supplier_no` is lineitem's `l_suppkey`, its GROUP BY key): the
 * join is keyed on that collection's documents (`$lookup` localField/foreignField), so
 * the derived table's pipeline runs on the documents with the row's key instead of on
 * all of them for every row, which made q15 quadratic. Inner and LEFT joins only (a
 * FULL join's unmatched right rows come from the whole derived table). Undefined when
 * the condition has no such pair: the join stays as it was.
 */
export function keyDerivedJoin(on: Expr | undefined, as: string, type: JoinType, right: PlanNode): SplitCondition | undefined {
  if (type !== 'inner' && type !== 'left') return undefined;
  const keyed = splitJoinCondition(on, as, true);
  if (!keyed.equi) return undefined;
  const base = baseColumn(right, keyed.equi.foreign);
  if (!base || !base.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return undefined;
  return { ...keyed, equi: { local: keyed.equi.local, foreign: base } };
}
