import type { ColumnExpr, SubqueryExpr } from '../ir/expr.js';
import type { PlanNode } from './logical-plan.js';
import { baseColumn, plainPath } from './trace-column.js';

type Attach = Extract<PlanNode, { kind: 'attach' }>;

/**
 * `x IN (SELECT c FROM t …)` (or `x = ANY (…)`) as a WHERE conjunct (only TRUE is kept) → a semi-join:
 * `EXISTS (SELECT … FROM t WHERE t.c = x …)` attached with `$lookup` localField x,
 * foreignField c (see join-subqueries-by-key.ts for the NULL-key guard). Rows whose x
 * is NULL, or match no row, are dropped either way (IN is then NULL or FALSE, both
 * drop the row in WHERE); so NOT IN and IN elsewhere (a select list, under NOT or OR,
 * where NULL and FALSE differ) keep the summary of every comparison instead.
 *
 * The subquery's column must be a column of the collection its plan reads first,
 * carried up unchanged: through filters, joins that keep that collection's rows (inner,
 * cross, left), select lists, DISTINCT, ORDER BY, and a GROUP BY whose key it is
 * (filtering the rows by a grouping key before grouping keeps exactly the groups with
 * that key). LIMIT/OFFSET, window functions, set operations and FULL joins would see
 * other rows, so those subqueries stay as they are.
 */
export function semiJoinInSubqueries(node: Attach, { keepOnlyTrue }: { keepOnlyTrue: boolean }): Attach {
  const sub = node.sub;
  const isIn = sub.mode === 'in' || sub.mode === 'any';
  if (!keepOnlyTrue || node.key || !isIn || sub.negated || (sub.op && sub.op !== '=') || (sub.mode === 'any' && sub.op !== '=') || !sub.arg) return node;
  const arg = sub.arg;
  if (arg.kind !== 'column' || arg.path[0].startsWith('$$') || !plainPath(arg.path) || !scalar(arg)) return node;
  const column = sub.query.columns[0];
  if (!column) return node;
  const foreign = baseColumn(node.subplan, [column.field]);
  if (!foreign || !plainPath(foreign)) return node;
  const exists: SubqueryExpr = { ...sub, mode: 'exists', arg: undefined, op: undefined };
  return { ...node, sub: exists, key: { local: arg.path, foreign } };
}

const scalar = (c: ColumnExpr) => c.type !== 'array' && c.type !== 'json';
