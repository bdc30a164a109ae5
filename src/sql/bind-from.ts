import type { Node } from '@pgsql/types';
import { intWidthOf, widthField } from '../ir/types.js';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, someExpr, type Expr } from '../ir/expr.js';
import type { JoinType, Query, Source } from '../ir/query.js';
import { setReturning } from '../catalog/functions.js';
import { binaryOp, bindExpr, seriesArray, requireBoolean, stringsOf } from './bind-expr.js';
import { Scope, type Relation } from './scope.js';
import { spanOf, unwrap, type BindEnv, type ExprContext } from './bind-context.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * The FROM clause → a Source tree and the relations it brings into scope, each at
 * the path where its fields sit in the joined row. Joins are left-deep: the left
 * side's documents stay where they are, the right side's are attached under a new
 * field `__jN`. RIGHT JOIN is bound as the mirrored LEFT JOIN (its right side
 * stays in place); `a, b` is a CROSS JOIN whose WHERE conditions the planner moves
 * into the join.
 */
export interface BoundFrom {
  source: Source;
  /** relations in the order they are written (SELECT * order), with row paths */
  relations: Relation[];
  /** JOIN … USING columns: unqualified name → merged value */
  using: Map<string, Expr>;
}

export interface FromBinder {
  env: BindEnv;
  /** binds a sub-SELECT in FROM (a derived table) */
  bindQuery: (stmt: Any, env: BindEnv) => Query;
  /** the relation a bound query exposes under a name */
  relationOf: (name: string, q: Query) => Relation;
  renameColumns: (q: Query, names: string[], span?: SourceSpan) => Query;
  ctx: (scope: Scope) => ExprContext;
}

export function bindFrom(items: Node[], b: FromBinder): BoundFrom {
  if (items.length === 0) return { source: { kind: 'none' }, relations: [], using: new Map() };
  const counter = { n: 0 };
  let acc = bindItem(items[0], b, counter, undefined).bound;
  for (const item of items.slice(1)) {
    const right = bindItem(item, b, counter, acc);
    if (right.lateralOf) {
      acc = right.bound;
      continue;
    }
    acc = join(acc, right.bound, 'cross', undefined, counter);
  }
  return acc;
}

function nextAs(counter: { n: number }): string {
  counter.n++;
  return `__j${counter.n}`;
}

function nest(relations: Relation[], as: string): Relation[] {
  return relations.map((r) => ({ ...r, prefix: [as, ...r.prefix] }));
}

/** The relations on the NULL-extended side of an outer join: none of their columns is certain to be non-NULL. */
function nullExtended(relations: Relation[]): Relation[] {
  return relations.map((r) => (r.columns?.some((c) => c.notNull) ? { ...r, columns: r.columns.map(({ notNull: _, ...c }) => c) } : r));
}

function join(left: BoundFrom, right: BoundFrom, type: JoinType, on: Expr | undefined, counter: { n: number }, as = nextAs(counter)): BoundFrom {
  return {
    source: { kind: 'join', type, left: left.source, right: right.source, as, on },
    relations: [...left.relations, ...nest(right.relations, as)],
    using: new Map([...left.using, ...right.using]),
  };
}

/** One FROM item; `left` is what precedes it (for LATERAL functions such as unnest). */
function bindItem(node: Node, b: FromBinder, counter: { n: number }, left: BoundFrom | undefined): { bound: BoundFrom; lateralOf?: boolean } {
  const [tag, n] = unwrap(node);
  const span = spanOf(b.ctx(new Scope([])), n.location);
  const env = b.env;
  switch (tag) {
    case 'RangeVar': {
      const name = n.relname as string;
      const alias = n.alias?.aliasname as string | undefined;
      const cte = !n.schemaname ? env.ctes.get(name) : undefined;
      if (cte) {
        const renamed = b.renameColumns(cte, stringsOf(n.alias?.colnames), span);
        return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias ?? name, renamed)], using: new Map() } };
      }
      const key = n.schemaname ? `${n.schemaname}.${name}` : name;
      const declared = env.catalog.get(key);
      if (declared?.view) {
        // a view is its query, read in place (as PostgreSQL expands a view)
        const renamed = b.renameColumns(declared.view, stringsOf(n.alias?.colnames), span);
        return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias ?? name, renamed)], using: new Map() } };
      }
      if (n.alias?.colnames) throw unsupported('bind', 'column aliases on a table', span);
      return {
        bound: {
          source: { kind: 'collection', name, db: n.schemaname, span: span && { start: span.start, end: span.start + key.length } },
          relations: [{ name: alias ?? name, columns: declared?.columns.map((c) => ({ name: c.name, field: c.name, type: c.type, ...widthField(c.type, intWidthOf(c.typeName)) })), prefix: [], ...sampledOf(env, declared ? undefined : key) }],
          using: new Map(),
        },
      };
    }
    case 'RangeSubselect': {
      if (n.lateral) {
        // the parse tree does not locate the subquery: the last LATERAL before its select list
        const inner = unwrap(n.subquery)[1];
        const firstTarget = inner.targetList?.[0] ? spanOf(b.ctx(new Scope([])), unwrap(inner.targetList[0])[1].location)?.start : undefined;
        let at: SourceSpan | undefined;
        for (let k = env.keywordSpan('LATERAL', 0); k && (firstTarget === undefined || k.start < firstTarget); k = env.keywordSpan('LATERAL', k.end)) at = k;
        throw unsupported('bind', 'LATERAL subqueries', at ?? span, ['join a grouped subquery on the key instead, or use a correlated scalar subquery in the select list']);
      }
      const q = b.bindQuery(unwrap(n.subquery)[1], env);
      const alias = n.alias?.aliasname ?? 'unnamed_subquery';
      const renamed = b.renameColumns(q, stringsOf(n.alias?.colnames), span);
      return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias, renamed)], using: new Map() } };
    }
    case 'RangeFunction':
      return { bound: bindTableFunction(n, b, counter, left, false, span), lateralOf: true };
    case 'JoinExpr':
      return { bound: bindJoin(n, b, counter) };
    default:
      throw unsupported('bind', `${tag} in FROM`, span);
  }
}

const JOIN_TYPES: Record<string, 'inner' | 'left' | 'right' | 'full'> = { JOIN_INNER: 'inner', JOIN_LEFT: 'left', JOIN_RIGHT: 'right', JOIN_FULL: 'full' };

function bindJoin(n: Any, b: FromBinder, counter: { n: number }): BoundFrom {
  const ctx0 = b.ctx(new Scope([]));
  const keyword = (word: string) => b.env.keywordSpan(word, spanOf(ctx0, unwrap(n.larg)[1].location)?.start ?? 0);
  const kind = JOIN_TYPES[n.jointype as string];
  if (!kind) throw unsupported('bind', `${String(n.jointype).replace('JOIN_', '')} joins`, keyword('JOIN'));
  if (n.isNatural) throw unsupported('bind', 'NATURAL JOIN', keyword('NATURAL'), ['spell the condition out with ON or USING']);
  if (n.alias) throw unsupported('bind', 'an alias on a join', keyword('JOIN'));
  if (n.join_using_alias) throw unsupported('bind', 'an alias on JOIN … USING (USING (…) AS name)', keyword('USING'), ['qualify the merged columns with either table instead']);

  const leftItem = bindItem(n.larg, b, counter, undefined).bound;
  // a LATERAL function on the right (`JOIN LATERAL unnest(…) ON true`) reads the left side
  const [rtag, rbody] = unwrap(n.rarg);
  if (rtag === 'RangeFunction') {
    if (kind !== 'inner' && kind !== 'left') throw unsupported('bind', `${kind.toUpperCase()} JOIN to a set-returning function`, keyword('JOIN'));
    const on = n.quals ? bindExpr(n.quals, b.ctx(new Scope(leftItem.relations, b.env.outer, b.env.capture))) : undefined;
    if (on) checkJoinCondition(on);
    if (on && !(on.kind === 'literal' && on.value === true)) throw unsupported('bind', 'a join condition other than ON true for a set-returning function', on.span);
    return bindTableFunction(rbody, b, counter, leftItem, kind === 'left', spanOf(ctx0, rbody.location));
  }
  const rightItem = bindItem(n.rarg, b, counter, undefined).bound;
  // RIGHT JOIN is the mirrored LEFT JOIN: the preserved side stays in place
  const [first, preservedOrNot] = kind === 'right' ? [rightItem, leftItem] : [leftItem, rightItem];
  if (kind === 'full') first.relations = nullExtended(first.relations);
  const second = kind === 'inner' ? preservedOrNot : { ...preservedOrNot, relations: nullExtended(preservedOrNot.relations) };
  const as = nextAs(counter);
  const nested = nest(second.relations, as);
  const relations = kind === 'right' ? [...nested, ...first.relations] : [...first.relations, ...nested];
  const scope = new Scope([...first.relations, ...nested], b.env.outer, b.env.capture);
  const ctx = { ...b.ctx(scope), clause: 'JOIN conditions' };
  const using = new Map([...leftItem.using, ...rightItem.using]);
  let on: Expr | undefined;
  if (n.usingClause) {
    const names = stringsOf(n.usingClause);
    const conds: Expr[] = [];
    // a chain `a JOIN b USING (k) JOIN c USING (k)`: the left side's k is its own merged column
    const firstUsing = (kind === 'right' ? rightItem : leftItem).using;
    const at = keyword('USING');
    for (const name of names) {
      const l = firstUsing.get(name) ?? new Scope(first.relations).resolve([name], at);
      const r = new Scope(nested).resolve([name], at);
      conds.push(binaryOp('=', l, r));
      // the merged column: the preserved side's value (either side's for FULL)
      using.set(name, kind === 'full' ? { kind: 'func', name: 'coalesce', args: [l, r], type: l.type, span: undefined } : l);
    }
    on = conds.length === 1 ? conds[0] : { kind: 'and', args: conds, type: 'bool' };
  } else if (n.quals) {
    on = bindExpr(n.quals, ctx);
    checkJoinCondition(on);
  }
  const type: JoinType = kind === 'right' ? 'left' : kind;
  if (!on) on = lit(true, 'bool');
  const bound: BoundFrom = { source: { kind: 'join', type, left: first.source, right: second.source, as, on, span: keyword('JOIN') }, relations, using };
  return bound;
}

/** `unnest(array) [WITH ORDINALITY] AS t(value, n)` and `jsonb_array_elements[_text](json)`. */
function bindTableFunction(n: Any, b: FromBinder, counter: { n: number }, left: BoundFrom | undefined, outer: boolean, span?: SourceSpan): BoundFrom {
  // functions: [List [FuncCall, column definitions]]
  const first = (n.functions as Node[])[0] as Node | Node[];
  const call = Array.isArray(first) ? first[0] : (unwrap(first)[1].items as Node[])[0];
  if ((n.functions as Node[]).length > 1) throw unsupported('bind', 'ROWS FROM with several functions', span);
  const [callTag, fn] = unwrap(call);
  if (callTag !== 'FuncCall') throw unsupported('bind', `${callTag} in FROM`, span);
  const names = stringsOf(fn.funcname);
  const name = names[names.length - 1].toLowerCase();
  const srf = setReturning(name);
  if (!srf) {
    throw unsupported('bind', `the function ${name}(…) in FROM`, span ?? spanOf(b.ctx(new Scope([])), fn.location));
  }
  const base = left ?? { source: { kind: 'none' } as Source, relations: [], using: new Map() };
  const scope = new Scope(base.relations, b.env.outer, b.env.capture);
  const args = ((fn.args ?? []) as Node[]).map((a) => bindExpr(a, b.ctx(scope)));
  const fnSpan = span ?? spanOf(b.ctx(scope), fn.location);
  if (name === 'generate_series') args.splice(0, args.length, seriesArray(args, fnSpan));
  else if (args.length !== 1) throw new SqlEtlError('wrong-arguments', 'bind', `function ${name} takes 1 argument, got ${args.length}`, { span: fnSpan });
  const as = nextAs(counter);
  const alias = n.alias?.aliasname as string | undefined;
  const colnames = stringsOf(n.alias?.colnames);
  const valueName = colnames[0] ?? (alias ?? srf.column ?? 'value');
  const columns = [{ name: valueName, field: as, type: srf.element }];
  if (n.ordinality) columns.push({ name: colnames[1] ?? 'ordinality', field: `${as}_n`, type: 'int' });
  const relation: Relation = { name: alias ?? name, columns, prefix: [] };
  if (!alias && colnames.length === 0) relation.name = name;
  return {
    source: { kind: 'unnest', left: base.source, array: args[0], as, ordinality: !!n.ordinality, outer },
    relations: [...base.relations, relation],
    using: base.using,
  };
}

export { SqlEtlError };

/** `--strict-columns`: the sampled field names of an undeclared collection, when it was sampled. */
export function sampledOf(env: { sampled?: Map<string, readonly string[]> }, key: string | undefined): { sampled?: readonly string[] } {
  const names = key === undefined ? undefined : env.sampled?.get(key);
  return names ? { sampled: names } : {};
}

/**
 * A JOIN's ON condition is evaluated inside the `$lookup` on the right side's
 * documents; subqueries are planned as `$lookup`s of the row being built, which the
 * join does not have yet. Refuse them here, at their position, with the rewrite.
 */
function checkJoinCondition(on: Expr): void {
  requireBoolean(on, 'JOIN/ON');
  let sub: Expr | undefined;
  someExpr(on, (x) => {
    if (x.kind === 'subquery' && !sub) sub = x;
    return false;
  });
  if (sub) {
    throw unsupported('bind', 'a subquery in a JOIN … ON condition', sub.span, ['compute it in a CTE or a derived table and join that, or move the condition to WHERE (for an inner join)']);
  }
}
