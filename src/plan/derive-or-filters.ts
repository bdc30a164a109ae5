import { someExpr, type Expr } from '../ir/expr.js';
import type { SelectQuery, Source } from '../ir/query.js';
import { conjunctsOf } from './push-down-filters.js';

/**
 * A WHERE conjunct that is an OR over several joined relations implies, for each
 * relation R, the OR of each branch's conditions on R alone:
 * `(p.a = 1 AND l.x < 5) OR (p.a = 2 AND l.x > 9)` implies `p.a = 1 OR p.a = 2` and
 * `l.x < 5 OR l.x > 9`. Those implied conditions are added to WHERE beside the OR
 * (which stays), so that push-down-filters.ts can place each on its relation: on the
 * first one, the leading `$match`; on a joined one, the join's condition, which
 * build-plan.ts runs on the right side before the join (TPC-H q19: lineitem's quantity
 * ranges and part's brand/container/size lists, instead of the whole OR per joined row).
 * PostgreSQL derives the same restrictions (its planner's "OR clause" extraction).
 *
 * Exact in three-valued logic: a row is kept only when the WHERE is TRUE, so some
 * branch is TRUE, so every conjunct of that branch is TRUE, and the implied OR is TRUE.
 * Only a relation that every branch constrains gets one (otherwise the implied
 * condition is TRUE), and only conditions that cannot raise an error are copied
 * (comparisons, IN lists, LIKE with a constant pattern, IS [NOT] NULL, AND/OR/NOT of
 * columns and literals): the copy is evaluated on rows the OR itself might never see,
 * so no division, cast or function that could fail on such a row is duplicated.
 */
export function deriveOrFilters(q: SelectQuery): SelectQuery {
  if (!q.where || !joinChain(q.source)) return q;
  const conjuncts = conjunctsOf(q.where);
  const derived: Expr[] = [];
  for (const c of conjuncts) {
    if (c.kind !== 'or') continue;
    const branches = c.args.map(conjunctsOf);
    const perBranch = branches.map((b) => b.map((x) => ({ x, rel: safe(x) ? relationOf(x) : undefined })));
    const rels = new Set(perBranch.flatMap((b) => b.map((y) => y.rel)).filter((r): r is string => r !== undefined));
    // an OR over one relation is pushed down whole already
    if (rels.size < 2 && perBranch.every((b) => b.every((y) => y.rel !== undefined))) continue;
    for (const rel of rels) {
      const parts = perBranch.map((b) => b.filter((y) => y.rel === rel).map((y) => y.x));
      if (parts.some((p) => p.length === 0)) continue;
      derived.push({ kind: 'or', args: parts.map(andOf), type: 'bool' });
    }
  }
  if (derived.length === 0) return q;
  return { ...q, where: andOf([...conjuncts, ...derived]) };
}

/** A left-deep chain of joins (no unnest: its columns are not told apart by their `as`). */
function joinChain(s: Source): boolean {
  if (s.kind !== 'join') return false;
  let node: Source = s;
  while (node.kind === 'join') {
    if (!node.as.startsWith('__j') || node.right.kind === 'unnest' || node.right.kind === 'join') return false;
    node = node.left;
  }
  return node.kind !== 'unnest';
}

/** The one relation an expression reads ('' for the first), undefined when none or several (or an outer query's). */
function relationOf(e: Expr): string | undefined {
  const rels = new Set<string>();
  let outer = false;
  someExpr(e, (x) => {
    if (x.kind === 'column') {
      if (x.path[0].startsWith('$$')) outer = true;
      else rels.add(x.path[0].startsWith('__j') ? x.path[0] : '');
    }
    return false;
  });
  return !outer && rels.size === 1 ? [...rels][0] : undefined;
}

/** Conditions that evaluate without raising on any row. */
function safe(e: Expr): boolean {
  switch (e.kind) {
    case 'column':
    case 'literal':
      return true;
    case 'compare':
    case 'distinctfrom':
      return safe(e.left) && safe(e.right);
    case 'and':
    case 'or':
      return e.args.every(safe);
    case 'not':
    case 'isnull':
    case 'isbool':
      return safe(e.arg);
    case 'inlist':
      return safe(e.arg) && e.list.every(safe);
    case 'like':
      return safe(e.arg) && e.pattern.kind === 'literal';
    default:
      return false;
  }
}

function andOf(cs: Expr[]): Expr {
  return cs.length === 1 ? cs[0] : { kind: 'and', args: cs, type: 'bool' };
}
