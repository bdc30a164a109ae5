import { sameExpr, type Expr } from '../ir/expr.js';
import { conjunctsOf } from './push-down-filters.js';

/**
 * `(A AND B) OR (A AND C)` → `A AND (B OR C)`: conjuncts common to every branch of an
 * OR are taken out of it, so that a join key written in each branch (TPC-H q19:
 * `p_partkey = l_partkey AND …` three times) becomes a join key, and a filter common
 * to the branches can go into the leading `$match`. Exact in SQL's three-valued logic
 * (AND and OR distribute over each other there too); a branch left with nothing is
 * TRUE, so the OR goes (absorption: `A OR (A AND B)` is `A`).
 */
export function factorOrConjuncts(e: Expr): Expr {
  if (e.kind === 'and') {
    const args = e.args.map(factorOrConjuncts).flatMap(conjunctsOf);
    return args.length === 1 ? args[0] : { ...e, args };
  }
  if (e.kind !== 'or' || e.args.length < 2) return e;
  const branches = e.args.map((b) => conjunctsOf(factorOrConjuncts(b)));
  const common = branches[0].filter((c) => branches.every((b) => b.some((x) => sameExpr(x, c))));
  if (common.length === 0) return e;
  const rests = branches.map((b) => b.filter((x) => !common.some((c) => sameExpr(x, c))));
  if (rests.some((r) => r.length === 0)) return and(common);
  const or: Expr = { ...e, args: rests.map(and) };
  return and([...common, or]);
}

function and(cs: Expr[]): Expr {
  return cs.length === 1 ? cs[0] : { kind: 'and', args: cs, type: 'bool' };
}
