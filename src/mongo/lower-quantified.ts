import { SqlEtlError } from '../errors.js';
import type { CompareOp, Expr, Query, SubqueryExpr } from '../ir/expr.js';
import type { Stage } from '../commands/mql-types.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { mayBeNaN } from '../catalog/nan-values.js';
import { fromNaNMark, nanAwareCompare, toNaNMark } from './nan-order.js';

/**
 * Quantified subqueries — `x IN (…)`, `x op ANY (…)`, `x op ALL (…)` — in two halves:
 * what the subquery's `$lookup` reduces its rows to (one summary document, none
 * without rows), and the SQL three-valued answer the row computes from it.
 *
 * - An ordering comparison (`<`, `<=`, `>`, `>=`), `<> ANY` and `= ALL` need only the
 *   subquery's smallest and largest non-NULL value and whether some value is NULL:
 *   some s has `x < s` exactly when `x < max`, and so on (two groups: the non-NULL
 *   values' min and max, and the NULLs if any). That summary does not
 *   depend on x, so the lookup reads no `let` variable: MongoDB computes an
 *   uncorrelated one once (and a keyed one once per key in the embedded engine),
 *   where a summary of `x op s` for every s is computed again for every row —
 *   quadratic (`unique2 > ALL (SELECT unique1 FROM tenk1 …)`). `$min`, `$max` and the
 *   comparison operators use the same BSON order, so this holds for any type.
 * - `= ANY` (IN) and `<> ALL` (NOT IN) need membership: keyed on the column when
 *   key-in-subqueries.ts could (`keyed`: the matching rows, at most one, plus `{n}`
 *   in `summaryField`); otherwise the summary of `$$sqarg op s` over every row.
 */
export type SummaryPlan = { kind: 'rows' } | { kind: 'range' } | { kind: 'compare'; args: CompareArg[]; row: boolean };

/** A left operand of a membership test, bound as the `$lookup` variable `name`. */
export interface CompareArg {
  name: string;
  expr: Expr;
}

export function summaryPlan(sub: SubqueryExpr): SummaryPlan {
  if (sub.mode === 'exists' || sub.mode === 'scalar' || sub.summaryField) return { kind: 'rows' };
  const op = sub.op ?? '=';
  const membership = (sub.mode === 'all' && op === '<>') || (sub.mode !== 'all' && op === '=');
  // a row's ordering comparisons are bound as a refusal (bind-expr.ts): only = and <> reach here
  if (sub.row) return { kind: 'compare', args: sub.row.map((expr, i) => ({ name: `sqarg${i}`, expr })), row: true };
  if (!membership) return { kind: 'range' };
  if (!sub.arg) throw new SqlEtlError('internal', 'lower', `${sub.mode.toUpperCase()} (subquery) without a left operand`, { span: sub.span });
  return { kind: 'compare', args: [{ name: 'sqarg', expr: sub.arg }], row: false };
}

/** The stages that end the subquery's `$lookup` pipeline: its rows reduced to what the answer needs. */
export function summaryStages(sub: SubqueryExpr, plan: SummaryPlan): Stage[] {
  switch (plan.kind) {
    case 'rows':
      // (EXISTS (SELECT FROM …) has no column at all); a scalar subquery reads a second
      // row, to raise PostgreSQL's error when there is one
      return [{ $limit: sub.mode === 'scalar' && !atMostOneRow(sub.query) ? 2 : 1 }];
    case 'range': {
      const column = `$${sub.query.columns[0].field}`;
      // NaN above every number, as PostgreSQL orders it: marked for $min/$max, read back by `some` (nan-order.ts)
      const v = subqueryMayBeNaN(sub) ? toNaNMark(column) : column;
      // the NULLs in a group of their own (DocumentDB's $min does not skip them as MongoDB's does), after the rest
      return [{ $group: { _id: isNull(column), mn: { $min: v }, mx: { $max: v } } }, { $sort: { _id: 1 } }];
    }
    case 'compare': {
      const summary = (value: Mql): Stage => ({ $group: { _id: null, t: { $max: { $eq: [value, true] } }, f: { $max: { $eq: [value, false] } }, n: { $max: isNull(value) } } });
      if (!plan.row) return [summary(fieldComparison(sub.op ?? '=', '$$sqarg', `$${sub.query.columns[0].field}`))];
      // a row's comparison is computed once per subquery row, then summarised
      return [{ $project: { _id: 0, v: rowComparison(sub, plan.args) } }, summary('$v')];
    }
  }
}

const COMPARE_OPERATOR = { '=': '$eq', '<>': '$ne', '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' } as const;

/** `x op s` in three-valued logic: NULL when either side is NULL. */
function fieldComparison(op: CompareOp, x: Mql, s: Mql): Mql {
  return cond({ $or: [isNull(x), isNull(s)] }, null, { [COMPARE_OPERATOR[op]]: [x, s] });
}

/**
 * `(a, b) = (x, y)` for one subquery row, as PostgreSQL computes it: FALSE when some
 * pair is unequal, else NULL when some pair holds a NULL, else TRUE; `<>` is its negation.
 */
function rowComparison(sub: SubqueryExpr, args: CompareArg[]): Mql {
  const pairs = args.map((a, i) => fieldComparison('=', `$$${a.name}`, `$${sub.query.columns[i].field}`));
  const op = sub.op ?? '=';
  if (op !== '=' && op !== '<>') throw new SqlEtlError('internal', 'lower', `a row compared by ${op} with a subquery's rows`, { span: sub.span });
  return letIn({ p: pairs }, cond({ $in: [false, '$$p'] }, op !== '=', cond({ $in: [null, '$$p'] }, null, op === '=')));
}

/**
 * A query that never returns two rows: an aggregate without GROUP BY (one row, none
 * under a false HAVING) or one with LIMIT 0 or 1. Its scalar subquery needs no check.
 */
export function atMostOneRow(q: Query): boolean {
  if (q.kind !== 'select') return false;
  return (q.aggregated && q.groupBy.length === 0 && !q.groupingSets) || (q.limit !== undefined && q.limit <= 1);
}

/** A keyed IN's summary of the whole subquery (its own `$lookup`): `{n}`, none without rows. */
export function keyedNullSummary(sub: SubqueryExpr): Stage[] {
  return [{ $group: { _id: null, n: { $max: isNull(`$${sub.query.columns[0].field}`) } } }];
}

/** The row's answer, from the attached summary (`rows`: `$__sqN`). */
export function quantifiedValue(e: SubqueryExpr, rows: string, lowerExpr: (e: Expr) => Mql): Mql {
  const all = e.mode === 'all';
  const empty = { $eq: [{ $size: rows }, 0] };
  const first = { $arrayElemAt: [rows, 0] };
  if (e.summaryField && e.arg) {
    // FALSE without rows; NULL for a NULL x; TRUE on a match; else NULL if some value is NULL
    const summary = `$${e.summaryField}`;
    return cond(
      { $eq: [{ $size: summary }, 0] },
      false,
      cond(isNull(lowerExpr(e.arg)), null, cond({ $gt: [{ $size: rows }, 0] }, true, cond({ $arrayElemAt: [`${summary}.n`, 0] }, null, false))),
    );
  }
  const plan = summaryPlan(e);
  if (plan.kind === 'range' && e.arg) {
    // ANY: TRUE if some s compares TRUE; ALL: FALSE if some s compares FALSE; then NULL if x or some s is NULL
    const decisive = some(all ? negate(e.op ?? '=') : (e.op ?? '='), mayBeNaN(e.arg), subqueryMayBeNaN(e));
    // the first group holds the non-NULL values if there are any (else its mx is NULL); the last is the NULLs' if any
    const someNull = { $eq: [{ $arrayElemAt: [`${rows}._id`, -1] }, true] };
    return cond(empty, all, letIn({ s: first }, letIn({ x: lowerExpr(e.arg) }, cond(isNull('$$x'), null, cond(decisive, !all, cond(someNull, null, all))))));
  }
  // t/f/n: some comparison TRUE / FALSE / NULL (IN is `= ANY`)
  if (all) return cond(empty, true, letIn({ s: first }, cond('$$s.f', false, cond('$$s.n', null, true))));
  return cond(empty, false, letIn({ s: first }, cond('$$s.t', true, cond('$$s.n', null, false))));
}

/** May the subquery's (only) column hold NaN? */
const subqueryMayBeNaN = (sub: SubqueryExpr): boolean => mayBeNaN(sub.query.columns[0].expr);

/**
 * Is there a non-NULL s (between `$$s.mn` and `$$s.mx`, both NULL when there is none) with `$$x op s`?
 * Where x or s may be NaN, in PostgreSQL's order (NaN above every number; the summary's NaN is marked).
 */
function some(op: CompareOp, nanX: boolean, nanS: boolean): Mql {
  const none = isNull('$$s.mx');
  const mn = nanS ? fromNaNMark('$$s.mn') : '$$s.mn';
  const mx = nanS ? fromNaNMark('$$s.mx') : '$$s.mx';
  const compare = (o: '<' | '<=' | '>' | '>=', s: Mql): Mql => (nanX || nanS ? nanAwareCompare(o, '$$x', s, nanX, nanS) : { [{ '<': '$lt', '<=': '$lte', '>': '$gt', '>=': '$gte' }[o]]: ['$$x', s] });
  switch (op) {
    case '<':
    case '<=':
      return cond(none, false, compare(op, mx));
    case '>':
    case '>=':
      return cond(none, false, compare(op, mn));
    case '<>':
      return cond(none, false, { $or: [{ $ne: ['$$x', mn] }, { $ne: ['$$x', mx] }] });
    case '=':
      throw new SqlEtlError('internal', 'lower', '= ANY and <> ALL are membership tests (summaryPlan)');
  }
}

const NEGATED: Record<CompareOp, CompareOp> = { '=': '<>', '<>': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const negate = (op: CompareOp): CompareOp => NEGATED[op];
