import { conjunctsOf } from './push-down-filters.js';
import { mapExpr, someExpr, type ColumnExpr, type Expr } from '../ir/expr.js';

/**
 * A join condition, split for `$lookup`: the first `left column = right column`
 * conjunct becomes the index-friendly localField/foreignField pair (when the right
 * side is a plain collection); everything else is a residual evaluated inside the
 * lookup pipeline on the right document, where left values arrive as `$$lN`
 * variables through `let`.
 */
export interface SplitCondition {
  equi?: { local: string[]; foreign: string[] };
  let: { name: string; expr: Expr }[];
  residual?: Expr;
}

const isRight = (c: ColumnExpr, as: string) => c.path[0] === as;
const isVariable = (c: ColumnExpr) => c.path[0].startsWith('$$');

export function splitJoinCondition(on: Expr | undefined, as: string, allowEqui: boolean): SplitCondition {
  const parts = on ? conjunctsOf(on).filter((c) => !(c.kind === 'literal' && c.value === true)) : [];
  let equi: SplitCondition['equi'];
  const rest: Expr[] = [];
  for (const c of parts) {
    if (!equi && allowEqui && c.kind === 'compare' && c.op === '=' && c.left.kind === 'column' && c.right.kind === 'column') {
      const [l, r] = isRight(c.right, as) && !isRight(c.left, as) ? [c.left, c.right] : isRight(c.left, as) && !isRight(c.right, as) ? [c.right, c.left] : [];
      if (l && r && !isVariable(l) && safePath(l.path) && safePath(r.path.slice(1))) {
        equi = { local: l.path, foreign: r.path.slice(1) };
        continue;
      }
    }
    rest.push(c);
  }
  const { expr, lets } = asSeenFromRight(rest.length === 0 ? undefined : rest.length === 1 ? rest[0] : { kind: 'and', args: rest, type: 'bool' }, as, 'l');
  return { equi, let: lets, residual: expr };
}

/**
 * Rewrites a condition to be evaluated on the document of the side under `as`:
 * its columns lose the `as` prefix, columns of the other side become `$$<p>N`.
 */
export function asSeenFromRight(e: Expr | undefined, as: string, prefix: string): { expr?: Expr; lets: { name: string; expr: Expr }[] } {
  const lets: { name: string; expr: Expr }[] = [];
  if (!e) return { lets };
  const expr = mapExpr(e, (x) => {
    if (x.kind !== 'column' || isVariable(x)) return undefined;
    if (isRight(x, as)) return { ...x, path: x.path.slice(1) };
    const key = JSON.stringify(x.path);
    let found = lets.find((l) => JSON.stringify((l.expr as ColumnExpr).path) === key);
    if (!found) {
      found = { name: `${prefix}${lets.length}`, expr: x };
      lets.push(found);
    }
    return { ...x, path: [`$$${found.name}`] };
  });
  return { expr, lets };
}

/** The same condition seen from the left side (for FULL JOIN's anti-join from the right). */
export function asSeenFromLeft(e: Expr | undefined, as: string): { expr?: Expr; lets: { name: string; expr: Expr }[] } {
  const lets: { name: string; expr: Expr }[] = [];
  if (!e) return { lets };
  const expr = mapExpr(e, (x) => {
    if (x.kind !== 'column' || isVariable(x) || !isRight(x, as)) return undefined;
    const inner = { ...x, path: x.path.slice(1) };
    const key = JSON.stringify(inner.path);
    let found = lets.find((l) => JSON.stringify((l.expr as ColumnExpr).path) === key);
    if (!found) {
      found = { name: `r${lets.length}`, expr: inner };
      lets.push(found);
    }
    return { ...x, path: [`$$${found.name}`] };
  });
  return { expr, lets };
}

function safePath(path: string[]): boolean {
  return path.length > 0 && path.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
}

export const mentionsSide = (e: Expr, as: string): boolean => someExpr(e, (x) => x.kind === 'column' && x.path[0] === as);
