import type { Node } from '@pgsql/types';
import { intWidthOf, widthField } from '../ir/types.js';
import { scaleField } from '../ir/numeric-scale.js';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { lit, mapExpr, someExpr, type Expr } from '../ir/expr.js';
import type { JoinType, Query, Source } from '../ir/query.js';
import { setReturning } from '../catalog/functions.js';
import { binaryOp, bindExpr, requireBoolean, stringsOf } from './bind-expr.js';
import { setReturningArray, setReturningValueType } from './bind-set-returning.js';
import { OuterCapture, readDeclared, Scope, visible, type Relation, type RelationColumn } from './scope.js';
import { commonCharLength } from './bind-bpchar.js';
import { storedRealsQuery } from './bind-stored-reals.js';
import { spanOf, unwrap, type BindEnv, type ExprContext } from './bind-context.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * The FROM clause → a Source tree and the relations it brings into scope, each at
 * the path where its fields sit in the joined row. Joins are left-deep: the left
 * side's documents stay where they are, the right side's are attached under a new
 * field `__jN`. RIGHT JOIN is bound as the mirrored LEFT JOIN (its right side
 * stays in place); `a, b` is a CROSS JOIN whose WHERE conditions the planner moves
 * into the join.
 *
 * PostgreSQL's scoping of a join: `JOIN … USING (k)` (and NATURAL JOIN, USING the
 * common names) makes one merged column k, listed first; an unqualified k (and
 * `SELECT *`) means it, `a.k` still reaches a's own. The merged columns are a relation
 * of their own, named by `USING (…) AS x` (else unnamed), whose columns are
 * expressions; the sides' relations list k as `hidden`. An aliased join
 * `(a JOIN b …) AS j` is one relation j whose columns are the join's output columns,
 * and a, b are out of scope.
 */
export interface BoundFrom {
  source: Source;
  /** relations in the order they are written (SELECT * order), with row paths */
  relations: Relation[];
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
  if (items.length === 0) return { source: { kind: 'none' }, relations: [] };
  const counter = { n: 0 };
  let acc = bindItem(items[0], b, counter, undefined).bound;
  for (const item of items.slice(1)) {
    const right = bindItem(item, b, counter, acc);
    if (right.lateralOf) {
      acc = right.bound;
      continue;
    }
    distinctNames(acc.relations, right.bound.relations, spanOf(b.ctx(new Scope([])), unwrap(item)[1].location));
    acc = join(acc, right.bound, 'cross', undefined, counter);
  }
  return acc;
}

/**
 * PostgreSQL's rule: the relations one FROM level brings into scope have distinct names
 * (an aliased join's insides are their own level); `a JOIN b a` is an error, not a
 * second `a` that qualified names cannot reach.
 */
function distinctNames(left: Relation[], right: Relation[], span?: SourceSpan): void {
  for (const r of right) {
    const twin = r.name !== '' && r.name !== 'unnamed_subquery' && left.find((l) => l.name === r.name && l.db === r.db);
    if (twin) throw new SqlEtlError('duplicate-alias', 'bind', `table name "${r.name}" specified more than once`, { span });
  }
}

function nextAs(counter: { n: number }): string {
  counter.n++;
  return `__j${counter.n}`;
}

function nest(relations: Relation[], as: string): Relation[] {
  return relations.map((r) => ({
    ...r,
    prefix: [as, ...r.prefix],
    ...(r.columns?.some((c) => c.expr) ? { columns: r.columns.map((c) => (c.expr ? { ...c, expr: underField(c.expr, as) } : c)) } : {}),
  }));
}

/** A computed column's expression once its relation's rows are attached under the field `as`. */
function underField(e: Expr, as: string): Expr {
  return mapExpr(e, (x) => (x.kind === 'column' && !x.path[0].startsWith('$$') ? { ...x, path: [as, ...x.path] } : undefined));
}

/** The relations on the NULL-extended side of an outer join: none of their columns is certain to be non-NULL. */
function nullExtended(relations: Relation[]): Relation[] {
  const mayBeNull = (e: Expr) => mapExpr(e, (x) => (x.kind === 'column' && x.notNull ? (({ notNull: _, ...rest }) => rest)(x) : undefined));
  return relations.map((r) =>
    r.columns?.some((c) => c.notNull || c.expr) ? { ...r, nullExtended: true, columns: r.columns.map(({ notNull: _, ...c }) => (c.expr ? { ...c, expr: mayBeNull(c.expr) } : c)) } : { ...r, nullExtended: true },
  );
}

/** The columns an unqualified `*` lists, in order, each with the expression that reads it. */
export function visibleColumns(relations: Relation[]): { name: string; expr: Expr; notNull?: boolean }[] {
  return relations.flatMap((r) =>
    (r.columns ?? [])
      .filter((c) => visible(r, c.name))
      .map((c) => ({ name: c.name, expr: c.expr ?? readDeclared({ kind: 'column' as const, path: [...r.prefix, c.field], type: c.type, ...widthField(c.type, c.intWidth), ...scaleField(c.numericScale), ...(c.notNull ? { notNull: true } : {}) }, c), ...(c.notNull ? { notNull: true } : {}) })),
  );
}

function join(left: BoundFrom, right: BoundFrom, type: JoinType, on: Expr | undefined, counter: { n: number }, as = nextAs(counter)): BoundFrom {
  return {
    source: { kind: 'join', type, left: left.source, right: right.source, as, on },
    relations: [...left.relations, ...nest(right.relations, as)],
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
        return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias ?? name, renamed)] } };
      }
      const key = n.schemaname ? `${n.schemaname}.${name}` : name;
      const declared = env.catalog.get(key);
      if (declared?.view) {
        // a view is its query, read in place (as PostgreSQL expands a view)
        const renamed = b.renameColumns(declared.view, stringsOf(n.alias?.colnames), span);
        return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias ?? name, renamed)] } };
      }
      // `orders AS o(a, b)` renames the first columns in the declared order, which an undeclared collection does not have
      const colnames = stringsOf(n.alias?.colnames);
      if (colnames.length > 0 && !declared) {
        throw unsupported('bind', `column aliases on "${key}", whose columns are not declared`, span, [`declare its columns with CREATE TABLE ${key} (…) (in the job or a --schema file)`]);
      }
      const sourceSpan = span && { start: span.start, end: span.start + key.length };
      const stored = declared && storedRealsQuery(declared, name, n.schemaname, sourceSpan);
      if (stored) {
        const renamed = b.renameColumns(stored, colnames, span);
        const relation = b.relationOf(alias ?? name, renamed);
        return { bound: { source: { kind: 'subquery', query: renamed }, relations: [{ ...relation, ...(alias === undefined && n.schemaname ? { db: n.schemaname as string } : {}), ...(declared.primaryKey ? { primaryKey: declared.primaryKey } : {}) }] } };
      }
      const columns = declared?.columns.map((c, i) => ({ name: colnames[i] ?? c.name, field: c.name, type: c.type, ...(declared.fromSchema && c.type === 'real' ? { unroundedReal: true } : {}), ...widthField(c.type, intWidthOf(c.typeName)), ...scaleField(c.type === 'numeric' ? c.scale : undefined), ...(c.blankPadded ? { charLength: c.length, padded: true } : {}), ...(c.typeName === 'varchar' ? { varchar: true } : {}) }));
      if (columns && colnames.length > columns.length) {
        throw new SqlEtlError('too-many-aliases', 'bind', `table "${alias ?? name}" has ${columns.length} columns available but ${colnames.length} columns specified`, { span });
      }
      return {
        bound: {
          source: { kind: 'collection', name, db: n.schemaname, span: sourceSpan },
          relations: [{ name: alias ?? name, columns, prefix: [], ...(alias === undefined && n.schemaname ? { db: n.schemaname as string } : {}), ...sampledOf(env, declared ? undefined : key), ...(declared?.primaryKey ? { primaryKey: declared.primaryKey } : {}) }],
        },
      };
    }
    case 'RangeSubselect': {
      // `a, LATERAL (SELECT … a.x …) s`: a join to the subquery, which reads each row of a
      if (n.lateral && left) return { bound: bindLateral(n, b, counter, left, 'cross'), lateralOf: true };
      const q = b.bindQuery(unwrap(n.subquery)[1], env);
      const alias = n.alias?.aliasname ?? 'unnamed_subquery';
      const renamed = b.renameColumns(q, stringsOf(n.alias?.colnames), span);
      return { bound: { source: { kind: 'subquery', query: renamed }, relations: [b.relationOf(alias, renamed)] } };
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

  const leftItem = bindItem(n.larg, b, counter, undefined).bound;
  // a LATERAL function on the right (`JOIN LATERAL unnest(…) ON true`) reads the left side
  const [rtag, rbody] = unwrap(n.rarg);
  if (rtag === 'RangeFunction') {
    if (kind !== 'inner' && kind !== 'left') throw unsupported('bind', `${kind.toUpperCase()} JOIN to a set-returning function`, keyword('JOIN'));
    if (n.isNatural || n.usingClause) throw unsupported('bind', `${n.isNatural ? 'NATURAL JOIN' : 'JOIN … USING'} to a set-returning function`, keyword(n.isNatural ? 'NATURAL' : 'USING'), ['join ON true and compare the columns in WHERE']);
    const on = n.quals ? bindExpr(n.quals, b.ctx(new Scope(leftItem.relations, b.env.outer, b.env.capture))) : undefined;
    if (on) checkJoinCondition(on);
    if (on && !(on.kind === 'literal' && on.value === true)) throw unsupported('bind', 'a join condition other than ON true for a set-returning function', on.span);
    return aliasedJoin(n, bindTableFunction(rbody, b, counter, leftItem, kind === 'left', spanOf(ctx0, rbody.location)), keyword);
  }
  if (rtag === 'RangeSubselect' && rbody.lateral && (kind === 'inner' || kind === 'left')) {
    return aliasedJoin(n, bindLateral(rbody, b, counter, leftItem, kind, n, keyword), keyword);
  }
  // (a LATERAL subquery on the right of a RIGHT/FULL JOIN cannot read the left side: a plain subquery)
  const rightItem = bindItem(n.rarg, b, counter, undefined).bound;
  distinctNames(leftItem.relations, rightItem.relations, spanOf(ctx0, rbody.location) ?? keyword('JOIN'));
  // RIGHT JOIN is the mirrored LEFT JOIN: the preserved side stays in place
  const [first, other] = kind === 'right' ? [rightItem, leftItem] : [leftItem, rightItem];
  const firstRelations = kind === 'full' ? nullExtended(first.relations) : first.relations;
  const as = nextAs(counter);
  const nested = nest(kind === 'inner' ? other.relations : nullExtended(other.relations), as);
  // the SQL left and right sides' relations, at their row paths
  const [lefts, rights] = kind === 'right' ? [nested, firstRelations] : [firstRelations, nested];
  let relations = [...lefts, ...rights];
  let on: Expr | undefined;
  if (n.usingClause || n.isNatural) {
    ({ on, relations } = mergeUsing(n, kind, lefts, rights, keyword));
  } else if (n.quals) {
    const ctx = { ...b.ctx(new Scope(relations, b.env.outer, b.env.capture)), clause: 'JOIN conditions' };
    on = bindExpr(n.quals, ctx);
    checkJoinCondition(on);
  }
  const type: JoinType = kind === 'right' ? 'left' : kind;
  if (!on) on = lit(true, 'bool');
  const bound: BoundFrom = { source: { kind: 'join', type, left: first.source, right: other.source, as, on, span: keyword('JOIN') }, relations };
  return aliasedJoin(n, bound, keyword);
}

/**
 * JOIN … USING (k, …) / NATURAL JOIN (USING the common names): the condition
 * `left.k = right.k` for each, and the merged columns, a relation of their own ahead
 * of both sides' (which no longer show k to an unqualified name or `*`).
 */
function mergeUsing(n: Any, kind: 'inner' | 'left' | 'right' | 'full', lefts: Relation[], rights: Relation[], keyword: (word: string) => SourceSpan | undefined): { on?: Expr; relations: Relation[] } {
  const at = keyword(n.isNatural ? 'NATURAL' : 'USING');
  const names = n.isNatural ? commonColumnNames(lefts, rights, at) : stringsOf(n.usingClause);
  const conds: Expr[] = [];
  const merged: RelationColumn[] = [];
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) throw new SqlEtlError('ambiguous-column', 'bind', `column name "${name}" appears more than once in USING clause`, { span: at, params: { column: name } });
    const l = usingSide(lefts, name, 'left', at);
    const r = usingSide(rights, name, 'right', at);
    conds.push(binaryOp('=', l, r));
    // the merged column: the preserved side's value (the first non-NULL of both for FULL)
    const value: Expr = kind === 'full' ? { kind: 'func', name: 'coalesce', args: [l, r], type: l.type, span: undefined, ...commonCharLength([l, r], 'a FULL JOIN … USING column', at) } : kind === 'right' ? r : l;
    merged.push({ name, field: '', type: value.type, expr: value });
  });
  const on: Expr | undefined = conds.length === 0 ? undefined : conds.length === 1 ? conds[0] : { kind: 'and', args: conds, type: 'bool' };
  const alias = n.join_using_alias?.aliasname as string | undefined;
  if (alias !== undefined) distinctNames([...lefts, ...rights], [{ name: alias, prefix: [] }], at);
  const relations = [{ name: alias ?? '', columns: merged, prefix: [] }, ...[...lefts, ...rights].map((r) => ({ ...r, hidden: [...(r.hidden ?? []), ...names] }))];
  return { on, relations };
}

/**
 * `left [LEFT] JOIN LATERAL (subquery) s ON …` (a comma or CROSS JOIN: ON true): the
 * subquery is bound with the left side's relations as its enclosing scope, so the
 * columns it reads there become `$$oN` variables, as in a correlated subquery; the
 * join's `$lookup` binds them (`let`) and runs the subquery per left row. An inner
 * join drops the rows for which it returns nothing; LEFT keeps them with NULLs. An
 * aggregate without GROUP BY gives its one row per left row (count 0 on no input).
 */
function bindLateral(n: Any, b: FromBinder, counter: { n: number }, left: BoundFrom, kind: 'inner' | 'left' | 'cross', joinNode?: Any, keyword?: (word: string) => SourceSpan | undefined): BoundFrom {
  const capture = new OuterCapture();
  const q = b.bindQuery(unwrap(n.subquery)[1], { ...b.env, outer: new Scope(left.relations, b.env.outer, b.env.capture), capture });
  const renamed = b.renameColumns(q, stringsOf(n.alias?.colnames), spanOf(b.ctx(new Scope([])), n.location));
  const as = nextAs(counter);
  const relation = b.relationOf(n.alias?.aliasname ?? 'unnamed_subquery', renamed);
  distinctNames(left.relations, [relation], lateralSpan(n, b));
  const rights = nest(kind === 'left' ? nullExtended([relation]) : [relation], as);
  let relations = [...left.relations, ...rights];
  let on: Expr | undefined;
  if (joinNode && keyword && kind !== 'cross' && (joinNode.usingClause || joinNode.isNatural)) {
    ({ on, relations } = mergeUsing(joinNode, kind, left.relations, rights, keyword));
  } else if (joinNode?.quals) {
    on = bindExpr(joinNode.quals, { ...b.ctx(new Scope(relations, b.env.outer, b.env.capture)), clause: 'JOIN conditions' });
    checkJoinCondition(on);
  }
  const type: JoinType = kind === 'cross' && !on ? 'cross' : kind === 'cross' ? 'inner' : kind;
  return {
    source: { kind: 'join', type, left: left.source, right: { kind: 'subquery', query: renamed }, as, on: on ?? lit(true, 'bool'), span: keyword?.('JOIN'), lateral: capture.refs },
    relations,
  };
}

/** Where a LATERAL subquery is (the parse tree does not locate it): the last LATERAL before its select list. */
function lateralSpan(n: Any, b: FromBinder): SourceSpan | undefined {
  const inner = unwrap(n.subquery)[1];
  const firstTarget = inner.targetList?.[0] ? spanOf(b.ctx(new Scope([])), unwrap(inner.targetList[0])[1].location)?.start : undefined;
  let at: SourceSpan | undefined;
  for (let k = b.env.keywordSpan('LATERAL', 0); k && (firstTarget === undefined || k.start < firstTarget); k = b.env.keywordSpan('LATERAL', k.end)) at = k;
  return at;
}

/** NATURAL JOIN: the column names both sides have (in the left side's order), which needs both sides' columns. */
function commonColumnNames(lefts: Relation[], rights: Relation[], at?: SourceSpan): string[] {
  const open = [...lefts, ...rights].find((r) => !r.columns || r.open);
  if (open) {
    throw unsupported('bind', `NATURAL JOIN of "${open.name}", whose columns are not declared`, at, [`declare the collection's columns with CREATE TABLE ${open.name} (…), or spell the condition out with USING or ON`]);
  }
  const rightNames = new Set(visibleColumns(rights).map((c) => c.name));
  return [...new Set(visibleColumns(lefts).map((c) => c.name).filter((name) => rightNames.has(name)))];
}

/** One side's column of a USING name: it must be there once (PostgreSQL's rule), an unqualified name of that side. */
function usingSide(relations: Relation[], name: string, side: 'left' | 'right', at?: SourceSpan): Expr {
  const count = visibleColumns(relations).filter((c) => c.name === name).length;
  if (count > 1) throw new SqlEtlError('ambiguous-column', 'bind', `common column name "${name}" appears more than once in ${side} table`, { span: at, params: { column: name } });
  if (count === 0 && relations.every((r) => r.columns && !r.open)) {
    throw new SqlEtlError('undefined-column', 'bind', `column "${name}" specified in USING clause does not exist in ${side} table`, { span: at, params: { column: name } });
  }
  return new Scope(relations).resolve([name], at);
}

/**
 * `(a JOIN b …) AS j [(x, y)]`: the join is one relation j whose columns are the join's
 * output columns (what `SELECT *` lists), renamed by the column aliases; a and b are
 * out of scope above it, as in PostgreSQL.
 */
function aliasedJoin(n: Any, bound: BoundFrom, keyword: (word: string) => SourceSpan | undefined): BoundFrom {
  if (!n.alias) return bound;
  const name = n.alias.aliasname as string;
  const open = bound.relations.find((r) => !r.columns || r.open);
  if (open) throw unsupported('bind', `an alias on a join of "${open.name}", whose columns are not declared`, keyword('JOIN'), [`declare the collection's columns with CREATE TABLE ${open.name} (…), or leave the join unaliased`]);
  const colnames = stringsOf(n.alias.colnames);
  const output = visibleColumns(bound.relations);
  if (colnames.length > output.length) {
    throw new SqlEtlError('too-many-aliases', 'bind', `table "${name}" has ${output.length} columns available but ${colnames.length} columns specified`, { span: keyword('JOIN') });
  }
  const columns: RelationColumn[] = output.map((c, i) => ({ name: colnames[i] ?? c.name, field: '', type: c.expr.type, expr: c.expr, ...(c.notNull ? { notNull: true } : {}) }));
  const hides = bound.relations.flatMap((r) => [r.name, ...(r.hides ?? [])]).filter((x) => x !== '');
  return { source: bound.source, relations: [{ name, columns, prefix: [], hides }] };
}

/** `unnest(array) [WITH ORDINALITY] AS t(value, n)`, `jsonb_array_elements[_text](json)`, `jsonb_each[_text](json)`, `jsonb_object_keys(json)`. */
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
  const base = left ?? { source: { kind: 'none' } as Source, relations: [] };
  const scope = new Scope(base.relations, b.env.outer, b.env.capture);
  const args = ((fn.args ?? []) as Node[]).map((a) => bindExpr(a, b.ctx(scope)));
  const fnSpan = span ?? spanOf(b.ctx(scope), fn.location);
  const array = setReturningArray(name, srf, args, fnSpan);
  const as = nextAs(counter);
  const alias = n.alias?.aliasname as string | undefined;
  const colnames = stringsOf(n.alias?.colnames);
  if (srf.pairs) return bindPairs(name, srf.pairs, { base, array, as, alias, colnames, ordinality: !!n.ordinality, outer, span: fnSpan });
  const valueName = colnames[0] ?? (alias ?? srf.column ?? 'value');
  const columns: RelationColumn[] = [{ name: valueName, field: as, ...setReturningValueType(srf, array) }];
  if (n.ordinality) columns.push({ name: colnames[1] ?? 'ordinality', field: `${as}_n`, type: 'int' });
  // (an outer unnest's NULL-extended row has its columns NULL at the top level: its whole row is refused, scope.ts)
  const relation: Relation = { name: alias ?? name, columns, prefix: [], ...(outer ? { nullExtended: true } : {}) };
  if (!alias && colnames.length === 0) relation.name = name;
  distinctNames(base.relations, [relation], fnSpan);
  return {
    source: { kind: 'unnest', left: base.source, array, as, ordinality: !!n.ordinality, outer },
    relations: [...base.relations, relation],
  };
}

/**
 * `jsonb_each[_text](x) [AS e(key, value)]`: two columns, read from the `{k, v}` pair each
 * row of the unnest holds at `as` (the relation's prefix). WITH ORDINALITY is refused:
 * its numbers follow PostgreSQL's jsonb key order (shortest first), not the stored one.
 */
function bindPairs(
  name: string,
  valueType: 'json' | 'text',
  p: { base: BoundFrom; array: Expr; as: string; alias?: string; colnames: string[]; ordinality: boolean; outer: boolean; span?: SourceSpan },
): BoundFrom {
  if (p.ordinality) throw unsupported('bind', `${name}(…) WITH ORDINALITY`, p.span, ['its numbers follow PostgreSQL\'s jsonb key order (shortest key first, then bytewise): number the rows with row_number() OVER (ORDER BY …) in the order you need']);
  if (p.colnames.length > 2) throw new SqlEtlError('too-many-aliases', 'bind', `too many column aliases specified for function ${name}`, { span: p.span });
  const columns = [
    { name: p.colnames[0] ?? 'key', field: 'k', type: 'text' as const },
    { name: p.colnames[1] ?? 'value', field: 'v', type: valueType },
  ];
  const relation: Relation = { name: p.alias ?? name, columns, prefix: [p.as], ...(p.outer ? { nullExtended: true } : {}) };
  distinctNames(p.base.relations, [relation], p.span);
  return {
    source: { kind: 'unnest', left: p.base.source, array: p.array, as: p.as, ordinality: false, outer: p.outer },
    relations: [...p.base.relations, relation],
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
