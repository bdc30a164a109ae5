import type { SubqueryExpr } from '../ir/expr.js';
import type { SqlType } from '../ir/types.js';
import type { PlanNode } from './logical-plan.js';
import { baseColumn, plainPath } from './trace-column.js';

type Attach = Extract<PlanNode, { kind: 'attach' }>;

/**
 * `x IN (SELECT c FROM t …)` (or `x = ANY (…)`) where NULL and FALSE differ — under NOT
 * (`x NOT IN (…)`), in a select list, under OR — and the subquery reads no outer
 * column: two `$lookup`s instead of one that compares x with every row of the
 * subquery for every outer row (quadratic: 10k × 5k comparisons for
 * `unique1 NOT IN (SELECT unique2 FROM tenk1 WHERE two = 0)`):
 * - the rows whose c equals x, by localField/foreignField (keyed, so MongoDB uses an
 *   index on c and the embedded engine a hash; SQL's `=` never matches a NULL key, see
 *   the guard in lower-plan.ts), at most one;
 * - a summary of the whole subquery, computed once (it reads no `let` variable):
 *   one document `{n}` saying whether some c is NULL, none when the subquery is empty.
 * With those, IN is exactly SQL's three-valued answer: FALSE without rows; NULL when x
 * is NULL; TRUE on a match; else NULL if some c is NULL, else FALSE (lower-expr.ts).
 *
 * As in semi-join-in-subqueries.ts, c must be a column of the collection the
 * subquery reads first, carried up unchanged (trace-column.ts), so that filtering
 * that collection by c = x first keeps exactly the subquery's rows with c = x. The
 * key types must compare in MongoDB as in SQL: not arrays or documents (MongoDB
 * matches their elements), not numeric (a Decimal128 key and a double key that are
 * equal in SQL do not hash alike in the embedded engine).
 */
export function keyInSubqueries(node: Attach): Attach {
  const sub = node.sub;
  const isIn = sub.mode === 'in' || (sub.mode === 'any' && sub.op === '=');
  if (node.key || node.summaryField || !isIn || sub.negated || (sub.op && sub.op !== '=') || !sub.arg || node.outer.length > 0) return node;
  const arg = sub.arg;
  const column = sub.query.columns[0];
  if (arg.kind !== 'column' || arg.path[0].startsWith('$$') || !plainPath(arg.path) || !column || !keyType(arg.type, column.expr.type)) return node;
  const foreign = baseColumn(node.subplan, [column.field]);
  if (!foreign || !plainPath(foreign)) return node;
  const summaryField = `${node.field}_s`;
  const keyed: SubqueryExpr = { ...sub, summaryField };
  return { ...node, sub: keyed, key: { local: arg.path, foreign }, summaryField };
}


// not 'unknown': a column without a declared type may hold arrays or Decimal128 values
const KEY_TYPES: SqlType[] = ['int', 'float', 'text', 'bool', 'date', 'timestamp'];
const keyType = (a: SqlType, b: SqlType) => KEY_TYPES.includes(a) && KEY_TYPES.includes(b);

