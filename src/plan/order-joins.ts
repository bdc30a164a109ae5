import { someExpr, type Expr } from '../ir/expr.js';
import type { SelectQuery, Source } from '../ir/query.js';
import { conjunctsOf } from './push-down-filters.js';
import { flattenJoinChain, type JoinSource } from './join-chain.js';

/**
 * Join order by connectivity: in a FROM list of inner/cross joins, each next relation
 * is the first one (in FROM order) that an equality connects to the relations already
 * joined, so that no cross product is built where a join key exists (TPC-H q09:
 * `FROM part, supplier, lineitem, …` joined part × supplier first; q02 the same).
 * Among the connected ones, a relation that the WHERE restricts to constants of its own
 * (`n_name = 'SAUDI ARABIA'`, `n_name IN (…)`, an OR of such) comes first: joined early,
 * it drops rows before the other joins multiply them (TPC-H q21 joined supplier ×
 * lineitem × orders and only then kept the suppliers of one nation in 25; q07 the same
 * with two nations). Ranges and other filters do not count: without statistics, an
 * equality to a constant is the one filter that is selective as a rule. The
 * first relation stays first (the pipeline reads it, and its columns are the row's
 * own fields); the others keep their `as` fields, so every column reference stays
 * valid. The ON conditions of the reordered inner joins join the WHERE conjuncts;
 * push-down-filters.ts then places each at the lowest join that provides its columns.
 * Inner joins commute, so the rows are the same.
 */
export function orderJoins(q: SelectQuery): SelectQuery {
  const chain = flattenJoinChain(q.source);
  if (!chain || chain.rights.length < 2) return q;
  const pool = [...chain.rights.flatMap((r) => (r.on ? conjunctsOf(r.on) : [])), ...(q.where ? conjunctsOf(q.where) : [])].filter(
    (c) => !(c.kind === 'literal' && c.value === true),
  );
  const provided = new Set(['']);
  const remaining = [...chain.rights];
  const order: typeof remaining = [];
  while (remaining.length) {
    const connected = (r: JoinSource) => pool.some((c) => connects(c, provided, r.as));
    const restricted = remaining.findIndex((r) => connected(r) && pool.some((c) => constantTestOf(c, r.as)));
    const i = restricted >= 0 ? restricted : remaining.findIndex(connected);
    const [next] = remaining.splice(i < 0 ? 0 : i, 1);
    order.push(next);
    provided.add(next.as);
  }
  if (order.every((r, i) => r === chain.rights[i])) return q;
  let source: Source = chain.root;
  for (const r of order) source = { kind: 'join', type: 'cross', left: source, right: r.right, as: r.as, span: r.span };
  return { ...q, source, where: pool.length === 0 ? undefined : pool.length === 1 ? pool[0] : { kind: 'and', args: pool, type: 'bool' } };
}

/** `x = y` between the relation `as` and the relations already joined. */
function connects(c: Expr, provided: Set<string>, as: string): boolean {
  if (c.kind !== 'compare' || c.op !== '=') return false;
  const l = relations(c.left);
  const r = relations(c.right);
  if (!l || !r) return false;
  const one = (a: Set<string>, b: Set<string>) => a.size === 1 && a.has(as) && b.size > 0 && [...b].every((x) => provided.has(x));
  return one(l, r) || one(r, l);
}

/** The relations an expression reads ('' for the first one); undefined when it has a subquery. */
function relations(e: Expr): Set<string> | undefined {
  if (someExpr(e, (x) => x.kind === 'subquery' || x.kind === 'window' || x.kind === 'agg')) return undefined;
  const out = new Set<string>();
  someExpr(e, (x) => {
    if (x.kind === 'column' && !x.path[0].startsWith('$$')) out.add(x.path[0].startsWith('__j') ? x.path[0] : '');
    return false;
  });
  return out;
}

/** `c` reads only the relation `as` and compares its columns with constants: `=`, IN (…), AND/OR of such. */
function constantTestOf(c: Expr, as: string): boolean {
  const rels = relations(c);
  return rels !== undefined && rels.size === 1 && rels.has(as) && constantTest(c);
}
function constantTest(e: Expr): boolean {
  const constant = (x: Expr) => x.kind === 'literal' && x.value !== null;
  switch (e.kind) {
    case 'compare':
      return e.op === '=' && ((e.left.kind === 'column' && constant(e.right)) || (e.right.kind === 'column' && constant(e.left)));
    case 'inlist':
      return !e.negated && e.arg.kind === 'column' && e.list.every(constant);
    case 'and':
    case 'or':
      return e.args.every(constantTest);
    default:
      return false;
  }
}
