import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, type CompareOp, type Expr, type OutputColumn, type Query, type SelectQuery, type SubqueryExpr } from '../ir/expr.js';

/**
 * Row constructors compared field by field, as PostgreSQL compares them (its "row
 * constructor comparison"), built from comparisons of single values so that every
 * later stage sees only the expressions it already knows:
 *
 * - `(a, b) = (c, d)` is `a = c AND b = d`: FALSE when some pair is unequal, else NULL
 *   when some pair holds a NULL (`(1, NULL) = (1, NULL)` is NULL); `<>` is its negation
 *   (`(1, NULL) <> (2, NULL)` is TRUE).
 * - `<`, `<=`, `>`, `>=` compare the pairs left to right and stop at the first pair that
 *   is not equal: that pair decides, NULL when it holds a NULL (`(1, NULL) < (2, 0)` is
 *   TRUE, `(NULL, 1) < (2, 0)` is NULL); all pairs equal: TRUE for `<=` and `>=`.
 * - `IS [NOT] DISTINCT FROM` compares pair by pair with NULLs equal to each other.
 */

/** Builds the comparison of two single values (binaryOp, with its type coercions). */
export type PairCompare = (op: CompareOp, left: Expr, right: Expr) => Expr;

export function rowCompare(op: CompareOp, left: Expr[], right: Expr[], compare: PairCompare, span?: SourceSpan): Expr {
  if (left.length !== right.length) throw new SqlEtlError('syntax-error', 'bind', 'unequal number of entries in row expressions', { span });
  if (op === '=' || op === '<>') {
    const pairs = left.map((l, i) => compare('=', l, right[i]));
    const equal: Expr = pairs.length === 1 ? pairs[0] : { kind: 'and', args: pairs, type: 'bool', span };
    return op === '=' ? equal : { kind: 'not', arg: equal, type: 'bool', span };
  }
  // from the last pair back: CASE WHEN l = r THEN <the next pairs decide> ELSE l op r END
  // (when l = r is NULL the ELSE branch's l op r is NULL too, as PostgreSQL's answer)
  const last = left.length - 1;
  let decided = compare(op, left[last], right[last]);
  for (let i = last - 1; i >= 0; i--) {
    decided = { kind: 'case', whens: [{ when: compare('=', left[i], right[i]), then: decided }], else: compare(op, left[i], right[i]), type: 'bool', span };
  }
  return decided;
}

/** `(a, b) IS [NOT] DISTINCT FROM (c, d)`: distinct when some pair is (NULL equal to NULL). */
export function rowDistinct(left: Expr[], right: Expr[], negated: boolean, distinct: (l: Expr, r: Expr, negated: boolean) => Expr, span?: SourceSpan): Expr {
  if (left.length !== right.length) throw new SqlEtlError('syntax-error', 'bind', 'unequal number of entries in row expressions', { span });
  const pairs = left.map((l, i) => distinct(l, right[i], negated));
  if (pairs.length === 1) return pairs[0];
  return { kind: negated ? 'and' : 'or', args: pairs, type: 'bool', span };
}

/**
 * `ROW(a, b) IS NULL`: every field is NULL; `IS NOT NULL`: every field is non-NULL (so
 * `ROW(1, NULL)` is neither), as PostgreSQL tests a row value.
 */
export function rowIsNull(fields: Expr[], negated: boolean, span?: SourceSpan): Expr {
  const tests: Expr[] = fields.map((f) => ({ kind: 'isnull', arg: f, negated, type: 'bool', span }));
  if (tests.length === 0) return lit(true, 'bool', span);
  return tests.length === 1 ? tests[0] : { kind: 'and', args: tests, type: 'bool', span };
}

/**
 * `(a, b) op (SELECT x, y …)`: the subquery's row (at most one: a second is PostgreSQL's
 * cardinality error, no row makes every field NULL) compared with the row, each field read
 * by a scalar subquery of its own column. Each one reads the same rows, so each raises
 * the error when there are two.
 */
export function subqueryFields(sub: Omit<SubqueryExpr, 'mode' | 'type'>, width: number, span?: SourceSpan): Expr[] {
  const query = sub.query;
  if (query.passthrough || query.columns.length !== width) {
    const message = query.passthrough ? 'subquery must list its columns' : query.columns.length > width ? 'subquery has too many columns' : 'subquery has too few columns';
    throw new SqlEtlError('subquery-columns', 'bind', message, { span });
  }
  return query.columns.map((c) => ({ ...sub, mode: 'scalar', query: oneColumn(query, c), type: c.expr.type, ...(c.expr.charLength !== undefined ? { charLength: c.expr.charLength } : {}) }));
}

/** A query over `q`'s rows (all of them, duplicates included) returning its column `c` alone. */
function oneColumn(q: Query, c: OutputColumn): SelectQuery {
  const ref: Expr = { kind: 'column', path: [c.field], type: c.expr.type, ...(c.expr.charLength !== undefined ? { charLength: c.expr.charLength } : {}), ...(c.expr.varchar ? { varchar: true } : {}) };
  return { kind: 'select', source: { kind: 'subquery', query: q }, groupBy: [], aggregated: false, passthrough: false, columns: [{ name: c.name, field: c.field, expr: ref }], distinct: false, orderBy: [] };
}

/** A row compared with a subquery's rows by an operator other than `= ANY` (IN) and `<> ALL` (NOT IN). */
export function refuseRowQuantifier(op: string, quantifier: string, span?: SourceSpan): never {
  throw unsupported('bind', `a row constructor compared by ${op} ${quantifier} (subquery) (only IN, NOT IN, = ANY and <> ALL)`, span);
}
