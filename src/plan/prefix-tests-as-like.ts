import { mapExpr, type Expr } from '../ir/expr.js';
import type { SelectQuery } from '../ir/query.js';

/**
 * `substring(c from 1 for n) IN ('ab', …)` (or `left(c, n)`, or `= 'ab'`) in WHERE, every
 * constant n characters long → `c LIKE 'ab%' OR …` (TPC-H q22's country codes): a prefix
 * LIKE is a `$regex` query on the field, which the engines run without computing the
 * substring per row (an index can serve it on MongoDB; the embedded engine applies it while
 * reading), where the IN over a computed substring was an `$expr` per document.
 *
 * Same rows as PostgreSQL, NULLs included: the first n characters of c equal an
 * n-character string exactly when c starts with it (a shorter c is its own substring, and
 * shorter than the constant); a NULL c makes both NULL. Only for a text column that is not
 * character(n) (whose LIKE sees the blank padding), constants that are not NULL (a NULL in
 * the list makes a non-matching IN NULL, not false) and hold no LIKE wildcard or escape
 * (`%`, `_`, `\`), and n a positive integer constant.
 */
export function prefixTestsAsLike(q: SelectQuery): SelectQuery {
  if (!q.where) return q;
  let changed = false;
  const where = mapExpr(q.where, (e) => {
    const out = rewrite(e);
    if (out) changed = true;
    return out;
  });
  return changed ? { ...q, where } : q;
}

function rewrite(e: Expr): Expr | undefined {
  const test = e.kind === 'inlist' && !e.negated ? { arg: e.arg, list: e.list } : e.kind === 'compare' && e.op === '=' ? { arg: e.left, list: [e.right] } : undefined;
  if (!test) return undefined;
  const prefix = prefixOf(test.arg);
  if (!prefix) return undefined;
  const constants: string[] = [];
  for (const x of test.list) {
    if (x.kind !== 'literal' || typeof x.value !== 'string' || x.charLength !== undefined || /[%_\\]/.test(x.value) || [...x.value].length !== prefix.n) return undefined;
    constants.push(x.value);
  }
  const likes: Expr[] = [...new Set(constants)].map((s) => ({
    kind: 'like',
    arg: prefix.column,
    pattern: { kind: 'literal', value: `${s}%`, type: 'text' },
    syntax: 'like',
    caseInsensitive: false,
    negated: false,
    type: 'bool',
    ...(e.span ? { span: e.span } : {}),
  }));
  return likes.length === 1 ? likes[0] : { kind: 'or', args: likes, type: 'bool', ...(e.span ? { span: e.span } : {}) };
}

/** `substring(c from 1 for n)` / `left(c, n)` of a text column c (not character(n)), n > 0 constant. */
function prefixOf(e: Expr): { column: Expr; n: number } | undefined {
  if (e.kind !== 'func') return undefined;
  const [c, ...rest] = e.args;
  const intConst = (x: Expr | undefined) => (x && x.kind === 'literal' && typeof x.value === 'number' && Number.isInteger(x.value) ? x.value : undefined);
  let n: number | undefined;
  if (e.name === 'substring' && rest.length === 2 && intConst(rest[0]) === 1) n = intConst(rest[1]);
  else if (e.name === 'left' && rest.length === 1) n = intConst(rest[0]);
  if (n === undefined || n < 1 || !c || c.kind !== 'column' || c.type !== 'text' || c.charLength !== undefined) return undefined;
  return { column: c, n };
}
