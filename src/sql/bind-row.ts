import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { children, lit, type CompareOp, type Expr, type OutputColumn, type Query, type SelectQuery, type SortKey, type SubqueryExpr } from '../ir/expr.js';

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

/**
 * A row as a value — `ROW(a, b)`, `(a, b)` in a select list, a whole-row reference `t`
 * or `t.*` — is PostgreSQL's record. sqletl computes it as the text PostgreSQL prints
 * for it (`(1,abc)`, lower-record.ts), which is what a result column shows, and which is
 * equal for equal rows: grouping, DISTINCT and `count(DISTINCT (a, b))` read it as
 * PostgreSQL reads the record. It is not a record everywhere: it sorts as text and
 * compares as text, so the binder lets it appear only where that is the record's
 * answer (refuseRowOperand); ORDER BY a row is its fields (orderByRow).
 */
export function rowValue(fields: Expr[], span?: SourceSpan): Expr {
  return { kind: 'func', name: 'row', args: fields, type: 'record', span };
}

/** A whole-row reference of a relation on the NULL-extended side of an outer join: NULL where the join added no row. */
export function nullableRow(fields: Expr[], nullWhen: Expr, span?: SourceSpan): Expr {
  return { kind: 'case', whens: [{ when: nullWhen, then: lit(null, 'text', span) }], else: rowValue(fields, span), type: 'record', span };
}

/** The fields of a row value (rowValue, nullableRow), or undefined for another expression. */
export function rowFields(e: Expr): Expr[] | undefined {
  if (e.type !== 'record') return undefined;
  if (e.kind === 'func' && e.name === 'row') return e.args;
  if (e.kind === 'case' && e.whens.length === 1 && e.else.kind === 'func' && e.else.name === 'row' && e.whens[0].then.kind === 'literal' && e.whens[0].then.value === null) return e.else.args;
  return undefined;
}

/**
 * Where a row value may be an operand: counted (`count(t.*)`, `count(DISTINCT (a, b))`:
 * a row is never NULL unless it is a whole-row reference the join NULL-extended), inside
 * another row, cast to text or concatenated with text (its printed form, as in
 * PostgreSQL). Anywhere else (an ordering, an aggregate reading its value, a function)
 * the text would not be the record's answer: refused at the row's position.
 */
export function refuseRowOperand(parent: Expr): void {
  const allowed = (child: Expr): boolean => {
    switch (parent.kind) {
      case 'agg':
        return parent.name === 'count' && parent.filter !== child && !parent.orderBy.some((k) => k.expr === child);
      case 'func':
        return parent.name === 'row';
      case 'case':
        // the NULL-extended whole row's own CASE (nullableRow)
        return parent.else === child && parent.whens.length === 1 && parent.whens[0].then.kind === 'literal' && parent.whens[0].then.value === null;
      default:
        return false;
    }
  };
  for (const child of children(parent)) {
    if (child.type === 'record' && !allowed(child)) {
      throw unsupported('bind', 'a row value here (sqletl computes a row as the text PostgreSQL prints for it: it may be a result column, grouped, counted, compared with another row constructor, or cast to text)', child.span ?? parent.span);
    }
  }
}

/**
 * ORDER BY a row: by its fields in order, each in the key's direction, NULL fields after
 * the others ascending and before them descending (PostgreSQL's record comparison puts
 * a NULL field above every value). A whole-row reference that may be NULL is refused.
 */
export function orderByRow(key: SortKey): SortKey[] | undefined {
  if (key.expr.type !== 'record') return undefined;
  if (key.expr.kind !== 'func') throw unsupported('bind', 'ORDER BY a row value other than a row constructor or a whole-row reference of a relation that is never NULL', key.expr.span);
  return key.expr.args.map((f) => ({ expr: f, desc: key.desc, nullsFirst: key.desc }));
}

/**
 * `count(t.*)`, `count((a, b))`: counting reads only whether the row is NULL, never its
 * text (so the row of a table with array columns is counted too): TRUE, or NULL where an
 * outer join NULL-extended the relation.
 */
export function rowPresence(e: Expr): Expr {
  if (e.type !== 'record') return e;
  if (e.kind === 'case' && rowFields(e)) return { ...e, whens: e.whens.map((w) => ({ ...w, then: lit(null, 'bool', w.then.span) })), else: lit(true, 'bool', e.span), type: 'bool' };
  return lit(true, 'bool', e.span);
}

/**
 * A row value written into a collection (INSERT, CREATE TABLE … AS, UPDATE/MERGE SET):
 * PostgreSQL stores a composite, sqletl would store its text. Refused at the row.
 */
export function refuseRowWrite(e: Expr): Expr {
  if (e.type === 'record') throw unsupported('bind', 'a row value written into a collection (sqletl holds a row as its printed text, not as a composite)', e.span, ['write its fields as columns, or cast it to text']);
  return e;
}

export function refuseRowColumns<Q extends Query>(q: Q): Q {
  for (const c of q.columns) refuseRowWrite(c.expr);
  return q;
}
