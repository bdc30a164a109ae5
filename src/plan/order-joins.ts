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
 * equality to a constant is the one filter that is selective as a rule. When no connected
 * relation is so restricted, one whose join connects a restricted relation comes first
 * (TPC-H q05: customer, then nation, which connects `r_name = 'ASIA'`'s region, before
 * orders and lineitem multiply its rows: four customers in five are dropped first). A
 * relation is connected also through a chain of column equalities (`c_nationkey = s_nationkey AND s_nationkey = n_nationkey`
 * connects nation to customer); such a relation comes before a directly connected one
 * only by the two rules above, and is joined on the equality the chain implies
 * (`c_nationkey = n_nationkey`), added to the WHERE. That conjunct holds on every row the
 * others keep (two equalities that are true make the third true; NULL makes none of them
 * true), so the rows stay the same; it is derived only between columns of one type whose
 * equality is transitive as MongoDB compares them (integers and dates: no blank-padded
 * text, no mixed numeric types). The
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
  const implied: Expr[] = [];
  const classes = equalityClasses(pool);
  const restricted = (r: JoinSource) => pool.some((c) => constantTestOf(c, r.as));
  /** how `r` joins the relations in `have`: 'direct', an implied equality, or undefined */
  const joinOf = (r: JoinSource, have: Set<string>): 'direct' | Expr | undefined =>
    pool.some((c) => connects(c, have, r.as)) ? 'direct' : impliedEquality(classes, have, r.as);
  while (remaining.length) {
    const connected = (r: JoinSource) => joinOf(r, provided) !== undefined;
    // joining `r` connects a restricted relation that was not connected before
    const opensRestricted = (r: JoinSource) => {
      const after = new Set([...provided, r.as]);
      return remaining.some((x) => x !== r && restricted(x) && !connected(x) && joinOf(x, after) !== undefined);
    };
    let i = remaining.findIndex((r) => connected(r) && restricted(r));
    if (i < 0) i = remaining.findIndex((r) => connected(r) && opensRestricted(r));
    // otherwise the first directly connected one, as written; an implied join only when none is
    if (i < 0) i = remaining.findIndex((r) => joinOf(r, provided) === 'direct');
    if (i < 0) i = remaining.findIndex(connected);
    const [next] = remaining.splice(i < 0 ? 0 : i, 1);
    const how = joinOf(next, provided);
    if (how !== undefined && how !== 'direct') implied.push(how);
    order.push(next);
    provided.add(next.as);
  }
  if (implied.length === 0 && order.every((r, i) => r === chain.rights[i])) return q;
  pool.push(...implied);
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

/** Equality classes of plain columns (`a = b AND b = c`: one class) over the conjuncts, by column. */
type ColumnExpr = Extract<Expr, { kind: 'column' }>;
function equalityClasses(pool: Expr[]): Map<string, ColumnExpr[]> {
  const classOf = new Map<string, ColumnExpr[]>();
  const keyOf = (c: ColumnExpr) => JSON.stringify(c.path);
  for (const c of pool) {
    if (c.kind !== 'compare' || c.op !== '=' || c.left.kind !== 'column' || c.right.kind !== 'column') continue;
    if (!transitiveColumn(c.left) || !transitiveColumn(c.right) || c.left.type !== c.right.type) continue;
    const a = classOf.get(keyOf(c.left)) ?? [c.left];
    const b = classOf.get(keyOf(c.right)) ?? [c.right];
    if (a === b) continue;
    const merged = [...a, ...b.filter((x) => !a.some((y) => keyOf(y) === keyOf(x)))];
    for (const m of merged) classOf.set(keyOf(m), merged);
  }
  return classOf;
}

/** An integer or date column of a relation (not a variable): its `=` is transitive as PostgreSQL's and MongoDB's. */
function transitiveColumn(c: ColumnExpr): boolean {
  return (c.type === 'int' || c.type === 'date') && !c.path[0].startsWith('$$');
}

const relationOf = (c: ColumnExpr) => (c.path[0].startsWith('__j') ? c.path[0] : '');

/** `r.x = p.y` for a column x of `as` and y of a relation in `have` that one equality class holds. */
function impliedEquality(classes: Map<string, ColumnExpr[]>, have: Set<string>, as: string): Expr | undefined {
  for (const members of new Set(classes.values())) {
    const mine = members.find((m) => relationOf(m) === as);
    const theirs = members.find((m) => have.has(relationOf(m)));
    if (mine && theirs) return { kind: 'compare', op: '=', left: theirs, right: mine, type: 'bool' };
  }
  return undefined;
}
