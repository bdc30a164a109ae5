import { assertNever } from '../assert-never.js';
import { someExpr, type Expr } from '../ir/expr.js';
import type { Source } from '../ir/query.js';

/**
 * WHERE conjuncts move down the FROM tree before the joins run:
 * - into the lowest CROSS/INNER join whose sides provide all their columns
 *   (`FROM a, b WHERE a.x = b.y` becomes an equi-join on x = y);
 * - onto the first relation, ahead of every join, when they read only its columns
 *   and no outer (FULL) join could bring that relation back as NULLs;
 * what stays is the WHERE applied after the joins. Conditions with subqueries or
 * window functions stay where they are.
 */
export function conjunctsOf(e: Expr): Expr[] {
  return e.kind === 'and' ? e.args.flatMap(conjunctsOf) : [e];
}

const joinFields = (e: Expr): Set<string> => {
  const out = new Set<string>();
  someExpr(e, (x) => {
    if (x.kind === 'column' && !x.path[0].startsWith('$$')) out.add(x.path[0].startsWith('__j') ? x.path[0] : '');
    return false;
  });
  return out;
};

export function pushDownFilters(source: Source, where: Expr | undefined): { source: Source; where?: Expr; rootFilter?: Expr } {
  if (!where || source.kind !== 'join') return { source, where };
  const movable = (c: Expr) => !someExpr(c, (x) => x.kind === 'subquery' || x.kind === 'window' || x.kind === 'agg');
  const remaining: Expr[] = [];
  const rootOnly: Expr[] = [];
  let tree: Source = source;
  const hasFull = (s: Source): boolean => s.kind === 'join' && (s.type === 'full' || hasFull(s.left));
  for (const c of conjunctsOf(where)) {
    if (!movable(c)) {
      remaining.push(c);
      continue;
    }
    const refs = joinFields(c);
    if (refs.size <= 1 && !refs.has('__j') && [...refs].every((r) => r === '') && !hasFull(tree)) {
      rootOnly.push(c);
      continue;
    }
    const placed = place(tree, c, refs);
    if (placed) tree = placed;
    else remaining.push(c);
  }
  return {
    source: tree,
    where: remaining.length === 0 ? undefined : remaining.length === 1 ? remaining[0] : { kind: 'and', args: remaining, type: 'bool' },
    rootFilter: rootOnly.length === 0 ? undefined : rootOnly.length === 1 ? rootOnly[0] : { kind: 'and', args: rootOnly, type: 'bool' },
  };
}

/** the `as` names a (left-deep) source provides, '' for the root relation */
function provided(s: Source): Set<string> {
  if (s.kind === 'join') return new Set([...provided(s.left), s.as]);
  if (s.kind === 'unnest') return new Set([...provided(s.left), s.as]);
  if (s.kind === 'collection' || s.kind === 'subquery' || s.kind === 'values' || s.kind === 'none') return new Set(['']);
  return assertNever(s, 'plan');
}

function place(s: Source, c: Expr, refs: Set<string>): Source | undefined {
  if (s.kind !== 'join') return undefined;
  const deeper = place(s.left, c, refs);
  if (deeper) return { ...s, left: deeper };
  const have = provided(s);
  if (![...refs].every((r) => have.has(r))) return undefined;
  if (s.type !== 'cross' && s.type !== 'inner') return undefined;
  const on = s.on && !(s.on.kind === 'literal' && s.on.value === true) ? { kind: 'and' as const, args: [s.on, c], type: 'bool' as const } : c;
  return { ...s, type: 'inner', on };
}
