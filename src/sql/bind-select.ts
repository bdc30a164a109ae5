import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { children, sameExpr, someExpr, type Expr, type SortKey, type Value } from '../ir/expr.js';
import type { OutputColumn, Query, SelectQuery, SetOpQuery } from '../ir/query.js';
import { inexactDecimal, widthField, type IntWidth, type SqlType } from '../ir/types.js';
import { scaleField, scaleOf } from '../ir/numeric-scale.js';
import { setReturning } from '../catalog/functions.js';
import { spanOf, unwrap, type BindEnv, type ExprContext } from './bind-context.js';
import { commonCharLength } from './bind-bpchar.js';
import { setReturningArray, setReturningValueType } from './bind-set-returning.js';
import { bindExpr, bindSortKey, sortIsDescending, requireBoolean, coerceTo, coerceToCommon, commonType, stringsOf } from './bind-expr.js';
import { bindFrom, visibleColumns, type BoundFrom, type FromBinder } from './bind-from.js';
import { bindRecursiveCte, isSelfReferencing, recursiveOrder } from './bind-recursive.js';
import { defaultColumnName } from './column-names.js';
import { mayBeNull } from '../catalog/nullability.js';
import { OuterCapture, Scope, type Relation } from './scope.js';
import { orderByRow } from './bind-row.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * VALUES rows with computed expressions (`VALUES (1 + x), (length('ab'))`): each row a
 * SELECT without FROM, the rows joined by UNION ALL (in order).
 */
function valuesOfExpressions(lists: Expr[][], columns: OutputColumn[]): Query {
  const rowQuery = (r: Expr[]): SelectQuery => ({
    kind: 'select', source: { kind: 'none' }, groupBy: [], aggregated: false, passthrough: false,
    columns: r.map((e, i) => ({ name: columns[i].name, field: columns[i].field, expr: e })), distinct: false, orderBy: [],
  });
  let q: Query = rowQuery(lists[0]);
  for (const r of lists.slice(1)) {
    q = { kind: 'setop', op: 'union', all: true, left: q, right: rowQuery(r), columns: q.columns, passthrough: false, orderBy: [] };
  }
  return q;
}

/** A query expression: SELECT, VALUES, or a set operation, with its WITH clause. */
export function bindQuery(stmt: Any, env: BindEnv): Query {
  if (stmt.lockingClause?.length) {
    // FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE lock rows in PostgreSQL (and it refuses them with set operations): nothing to lock here
    let at: SourceSpan | undefined;
    for (let k = env.keywordSpan('FOR', 0); k; k = env.keywordSpan('FOR', k.end)) at = k;
    throw unsupported('bind', 'row locking clauses (FOR UPDATE, FOR SHARE, …)', at);
  }
  const scopedEnv = withCtes(stmt.withClause, env);
  if (stmt.op && stmt.op !== 'SETOP_NONE') return bindSetOp(stmt, scopedEnv);
  if (stmt.valuesLists) return bindValues(stmt, scopedEnv);
  return bindSelect(stmt, scopedEnv);
}

/**
 * `env` with the CTEs of a WITH clause (of a query, or of an INSERT/UPDATE/DELETE/MERGE,
 * where PostgreSQL's parser puts a leading WITH) in scope: they hide tables of the same name.
 */
export function withCtes(withClause: Any, env: BindEnv): BindEnv {
  if (!withClause) return env;
  const ctes = new Map(env.ctes);
  const span = (location: number | undefined) => spanOf(ctxFor(env), location);
  const items = (withClause.ctes as Node[]).map((c) => unwrap(c)[1]);
  // WITH RECURSIVE: an item may read a later one, and itself (bind-recursive.ts)
  const recursive = !!withClause.recursive;
  for (const cte of recursive ? recursiveOrder(items, span) : items) {
    const inner = unwrap(cte.ctequery);
    if (inner[0] !== 'SelectStmt') throw unsupported('bind', `a data-modifying statement in WITH`, span(cte.location));
    // a CTE is computed once, so it cannot read the enclosing query's row (PostgreSQL recomputes it per row)
    let correlated: { span?: SourceSpan } | undefined;
    const capture = env.capture && Object.assign(Object.create(env.capture) as OuterCapture, {
      capture: (e: Parameters<OuterCapture['capture']>[0]) => ((correlated ??= { span: e.span }), env.capture!.capture(e)),
    });
    const scoped = { ...env, ctes, capture };
    const q = recursive && isSelfReferencing(cte)
      ? bindRecursiveCte(cte, scoped, { bindQuery, withCtes, renameColumns, coerceColumn: coerceSetOpColumn, span })
      : renameColumns(bindQuery(inner[1], scoped), stringsOf(cte.aliascolnames), span(cte.location));
    if (correlated) throw unsupported('bind', 'a WITH query that reads a column of the enclosing query', correlated.span ?? span(cte.location), ['move the WITH query into the FROM clause of the enclosing query, or write the subquery without WITH']);
    ctes.set(cte.ctename, q);
  }
  return { ...env, ctes };
}

function bindSetOp(stmt: Any, env: BindEnv): SetOpQuery {
  const op = String(stmt.op).replace('SETOP_', '').toLowerCase() as SetOpQuery['op'];
  let left = bindQuery(stmt.larg, env);
  let right = bindQuery(stmt.rarg, env);
  const keyword = env.keywordSpan(op.toUpperCase(), firstLocation(stmt.larg, env)?.start ?? 0);
  if (left.passthrough || right.passthrough) {
    throw unsupported('bind', `${op.toUpperCase()} of SELECT * over collections without declared columns`, keyword, ['list the columns, or declare them with CREATE TABLE']);
  }
  if (left.columns.length !== right.columns.length) {
    throw new SqlEtlError('setop-columns', 'bind', `each ${op.toUpperCase()} query must have the same number of columns`, { span: keyword });
  }
  // character(n): PostgreSQL's column type is the first known one's (bind-bpchar.ts), read before the literals are typed
  const chars = left.columns.map((c, i) => commonCharLength([c.expr, right.columns[i].expr], op.toUpperCase(), keyword));
  // a quoted literal of one side takes the other side's type, as PostgreSQL resolves a UNION column (`SELECT 1 UNION SELECT '1'` is one row)
  for (let i = 0; i < left.columns.length; i++) {
    const typed = [left.columns[i].expr, right.columns[i].expr].filter((e) => e.type !== 'unknown');
    if (typed.length !== 1) continue;
    const t = typed[0].type;
    left = coerceSetOpColumn(left, i, t);
    right = coerceSetOpColumn(right, i, t);
  }
  left.columns.forEach((c, i) => {
    const sides = [c.expr, right.columns[i].expr];
    // PostgreSQL casts the other side's integers or numerics to real (rounding them to single precision), which the
    // sides' own pipelines do not do
    if (commonType(sides) === 'real' && sides.some((e) => e.type !== 'real' && !(e.kind === 'literal' && e.value === null))) {
      throw unsupported('bind', `${op.toUpperCase()} of a real column with integers or numerics`, keyword, ['cast the other side to real, or both to double precision']);
    }
  });
  const columns: OutputColumn[] = left.columns.map((c, i) => ({
    name: c.name,
    field: c.field,
    expr: { kind: 'column', path: [c.field], type: commonType([c.expr, right.columns[i].expr]), ...chars[i] },
  }));
  // ORDER BY of a set operation names output columns (or their positions)
  const orderBy: SortKey[] = ((stmt.sortClause ?? []) as Node[]).map((s) => {
    const sb = unwrap(s)[1];
    const ordinal = ordinalOf(sb.node);
    const [tag, body] = unwrap(sb.node);
    const name = tag === 'ColumnRef' ? stringsOf(body.fields) : [];
    const col = ordinal !== undefined ? columns[ordinal - 1] : name.length === 1 ? columns.find((c) => c.name === name[0]) : undefined;
    if (!col) throw unsupported('bind', `ORDER BY of ${op.toUpperCase()} on anything but an output column`, spanOf(ctxFor(env), body.location));
    // a row value would sort as its text (bind-row.ts)
    if (rowColumn(left, columns.indexOf(col)) || rowColumn(right, columns.indexOf(col))) throw unsupported('bind', `ORDER BY a row-valued column of ${op.toUpperCase()}`, spanOf(ctxFor(env), body.location));
    const desc = sortIsDescending(sb, ctxFor(env));
    const nullsFirst = sb.sortby_nulls === 'SORTBY_NULLS_FIRST' ? true : sb.sortby_nulls === 'SORTBY_NULLS_LAST' ? false : desc;
    return { expr: col.expr, desc, nullsFirst };
  });
  const base = ctxFor(env);
  const limit = stmt.limitCount ? constInt(stmt.limitCount, base, 'LIMIT') : undefined;
  const offset = stmt.limitOffset ? constInt(stmt.limitOffset, base, 'OFFSET') : undefined;
  return { kind: 'setop', op, all: !!stmt.all, left, right, columns, passthrough: false, orderBy, limit, offset, span: keyword };
}

/** Whether column i of a query is a row value (bind-row.ts), on either side of a set operation. */
function rowColumn(q: Query, i: number): boolean {
  return q.kind === 'select' ? q.columns[i].expr.type === 'record' : rowColumn(q.left, i) || rowColumn(q.right, i);
}

/** Column `i` of a set operation's side: an untyped quoted literal there (or in its own sides) read as type `t`. */
function coerceSetOpColumn(q: Query, i: number, t: SqlType): Query {
  const c = q.columns[i];
  if (q.kind === 'select') {
    if (c.expr.kind !== 'literal' || c.expr.type !== 'unknown') return q;
    return { ...q, columns: q.columns.map((x, j) => (j === i ? { ...x, expr: coerceTo(x.expr, t) } : x)) };
  }
  const left = coerceSetOpColumn(q.left, i, t);
  const right = coerceSetOpColumn(q.right, i, t);
  const type = commonType([left.columns[i].expr, right.columns[i].expr]);
  return { ...q, left, right, columns: q.columns.map((x, j) => (j === i ? { ...x, expr: { ...x.expr, type } } : x)) };
}

/** A FROM list on its own (for statements such as MERGE … USING). */
export function bindFromClause(items: Node[], env: BindEnv): BoundFrom {
  const binder: FromBinder = { env, bindQuery, relationOf, renameColumns, ctx: (scope) => ({ ...ctxFor(env), scope }) };
  return bindFrom(items, binder);
}

function bindSelect(stmt: Any, scopedEnv: BindEnv): SelectQuery {
  const env = scopedEnv;
  const from = bindFromClause(stmt.fromClause ?? [], scopedEnv);
  const scope = new Scope(from.relations, env.outer, env.capture);
  const base: ExprContext = {
    scope,
    param: env.param,
    toChar: env.toChar,
    allowAggregates: false,
    clause: 'WHERE',
    bindSubquery: (node) => {
      const capture = new OuterCapture();
      const query = bindQuery(unwrap(node)[1], { ...scopedEnv, outer: scope, capture });
      return { query, outer: capture.refs };
    },
  };
  let source = from.source;
  const relations = from.relations;

  // a set-returning unnest(…) in the select list: one row per element, as a lateral unnest
  const unnestTargets = new Map<Node, Expr>();
  let unnestSpan: SourceSpan | undefined;
  for (const t of (stmt.targetList ?? []) as Node[]) {
    const val = unwrap(t)[1].val as Node;
    const [vtag, vbody] = unwrap(val);
    const fname = vtag === 'FuncCall' ? stringsOf(vbody.funcname).at(-1)?.toLowerCase() : undefined;
    const srf = fname ? setReturning(fname) : undefined;
    if (!fname || !srf?.selectList || vbody.over) continue;
    const fnSpan = spanOf(base, vbody.location);
    if (unnestTargets.size > 0) throw unsupported('bind', 'several set-returning functions (unnest, generate_series, …) in one select list', fnSpan);
    const args = ((vbody.args ?? []) as Node[]).map((a) => bindExpr(a, base));
    if (fname === 'unnest' && args.length !== 1) throw unsupported('bind', 'unnest with several arrays', fnSpan);
    const array = setReturningArray(fname, srf, args, fnSpan);
    unnestSpan = fnSpan;
    const as = '__u1';
    source = { kind: 'unnest', left: source, array, as, ordinality: false, outer: false };
    unnestTargets.set(val, { kind: 'column', path: [as], ...setReturningValueType(srf, array) });
  }

  const windows = new Map<string, Record<string, any>>();
  for (const w of (stmt.windowClause ?? []) as Node[]) {
    const def = unwrap(w)[1];
    windows.set(def.name, def);
  }
  base.windows = windows;
  const where = stmt.whereClause ? bindExpr(stmt.whereClause, base) : undefined;
  if (where) requireBoolean(where, 'WHERE');

  // select list
  const selectCtx: ExprContext = { ...base, allowAggregates: true, allowWindows: true, clause: 'SELECT' };
  const columns: OutputColumn[] = [];
  let passthrough = false;
  for (const t of (stmt.targetList ?? []) as Node[]) {
    const rt = unwrap(t)[1];
    const val = rt.val as Node;
    const [tag, body] = unwrap(val);
    if (tag === 'ColumnRef' && stringsOf(body.fields).at(-1) === '*') {
      const fields = stringsOf(body.fields);
      const starSpan = spanOf(base, body.location);
      if (relations.length === 0) throw new SqlEtlError('no-from', 'bind', 'SELECT * with no tables specified is not valid', { span: starSpan });
      const chosen = fields.length > 1 ? relations.filter((r) => r.name === fields[0]) : relations;
      if (chosen.length === 0) scope.refuseHidden(fields, starSpan);
      if (chosen.length === 0) throw new SqlEtlError('undefined-table', 'bind', `missing FROM-clause entry for table "${fields[0]}"`, { span: starSpan, params: { table: fields[0] } });
      const open = chosen.filter((r) => !r.columns || r.open);
      if (open.length) {
        if (relations.length === 1 && (stmt.targetList as Node[]).length === 1 && source.kind !== 'join') {
          passthrough = true;
          continue;
        }
        throw unsupported('bind', `* over "${open[0].name}", whose columns are not declared, next to other columns or relations`, starSpan, [
          `declare the collection's columns with CREATE TABLE ${open[0].name} (…) (in the job or a --schema file)`,
        ]);
      }
      // FROM order; a USING join's merged columns stand once, first, for its sides' (`a.*` lists a's own)
      for (const c of fields.length === 1 ? visibleColumns(chosen) : chosen.flatMap((r) => visibleColumns([{ ...r, hidden: [] }]))) {
        columns.push({ name: c.name, field: '', expr: c.expr });
      }
      continue;
    }
    const expr = unnestTargets.get(val) ?? bindExpr(val, selectCtx);
    columns.push({ name: rt.name ?? defaultColumnName(val), field: '', expr });
  }
  assignFields(columns);
  // the rows are unnested before grouping, where PostgreSQL expands a select-list set-returning function after it (once per group)
  if (unnestSpan && (stmt.groupClause?.length || stmt.havingClause || columns.some((c) => someExpr(c.expr, (x) => x.kind === 'agg')))) {
    throw unsupported('bind', 'a set-returning function (unnest, generate_series, …) in the select list of a grouped or aggregating query', unnestSpan, [
      'group in a subquery or CTE, and call the function in the select list of a query over it',
    ]);
  }

  const aliasOf = (name: string): Expr | undefined => columns.find((c) => c.name === name)?.expr;
  const inputHas = (name: string) => relations.some((r) => r.columns?.some((c) => c.name === name) && !r.open);

  // GROUP BY: ordinals and output aliases are allowed, input columns win over aliases
  const groupBy: Expr[] = [];
  // the select-list column each key stands for (PostgreSQL groups by target-list entries: two
  // output columns with the same expression are two keys, which grouping sets null apart)
  const keyColumn: number[] = [];
  let twoColumnsOneKey: SourceSpan | undefined;
  const groupCtx: ExprContext = { ...base, clause: 'GROUP BY', aliasLookup: (name) => (inputHas(name) ? undefined : aliasOf(name)) };
  const keyIndex = (g: Node): number => {
    const ordinal = ordinalOf(g);
    let e: Expr;
    let column: number | undefined;
    if (ordinal !== undefined) {
      column = ordinal - 1;
      const c = columns[ordinal - 1];
      if (!c) throw new SqlEtlError('bad-ordinal', 'bind', `GROUP BY position ${ordinal} is not in select list`, { span: spanOf(base, unwrap(g)[1].location) });
      e = c.expr;
    } else {
      // only a bare name may be an output alias (PostgreSQL's rule): in `upper(x)`, x is an input column
      const [tag, body] = unwrap(g);
      const bare = tag === 'ColumnRef' && ((body.fields ?? []) as Node[]).length === 1;
      e = bindExpr(g, bare ? groupCtx : { ...base, clause: 'GROUP BY' });
      const name = bare ? String(unwrap(((body.fields ?? []) as Node[])[0])[1].sval ?? '') : undefined;
      if (name !== undefined && !inputHas(name) && aliasOf(name)) column = columns.findIndex((c) => c.name === name);
    }
    column ??= columns.findIndex((c) => sameExpr(c.expr, e));
    if (someExpr(e, (x) => x.kind === 'agg' || x.kind === 'window')) {
      throw new SqlEtlError('aggregate-not-allowed', 'bind', 'aggregate functions are not allowed in GROUP BY', { span: e.span ?? spanOf(base, unwrap(g)[1].location) });
    }
    const found = groupBy.findIndex((k) => sameExpr(k, e));
    if (found >= 0) {
      if (keyColumn[found] !== column) twoColumnsOneKey ??= spanOf(base, unwrap(g)[1].location) ?? e.span;
      return found;
    }
    keyColumn.push(column);
    groupBy.push(e);
    return groupBy.length - 1;
  };
  // each GROUP BY element stands for a list of grouping sets; the query's sets are their cross product
  let usesSets = false;
  const setsOf = (g: Node): number[][] => {
    const [tag, body] = unwrap(g);
    // `GROUP BY (a, b)` (a row without ROW) is PostgreSQL's list of keys a, b, as in a grouping set;
    // `GROUP BY ROW(a, b)` groups by the row value, which makes the same groups (NULL fields are
    // equal in grouping): by its fields too, so that the row and its fields may be read after grouping
    if (tag === 'RowExpr') return [((body.args ?? []) as Node[]).map(keyIndex)];
    if (tag !== 'GroupingSet') return [[keyIndex(g)]];
    usesSets = true;
    const content = (body.content ?? []) as Node[];
    const part = (c: Node): number[] => {
      const [ctag, cbody] = unwrap(c);
      if (ctag === 'RowExpr') return ((cbody.args ?? []) as Node[]).map(keyIndex);
      if (ctag === 'GroupingSet' && cbody.kind === 'GROUPING_SET_SIMPLE') return ((cbody.content ?? []) as Node[]).map(keyIndex);
      if (ctag === 'GroupingSet' && cbody.kind === 'GROUPING_SET_EMPTY') return [];
      return [keyIndex(c)];
    };
    switch (body.kind as string) {
      case 'GROUPING_SET_EMPTY':
        return [[]];
      case 'GROUPING_SET_SIMPLE':
        return [content.map(keyIndex)];
      case 'GROUPING_SET_ROLLUP': {
        const parts = content.map(part);
        return parts.map((_, i) => parts.slice(0, parts.length - i).flat()).concat([[]]);
      }
      case 'GROUPING_SET_CUBE': {
        const parts = content.map(part);
        const out: number[][] = [];
        for (let mask = (1 << parts.length) - 1; mask >= 0; mask--) out.push(parts.filter((_, i) => mask & (1 << (parts.length - 1 - i))).flat());
        return out;
      }
      case 'GROUPING_SET_SETS':
        return content.flatMap((c) => (unwrap(c)[0] === 'GroupingSet' ? setsOf(c) : [part(c)]));
      default:
        throw unsupported('bind', `grouping set ${String(body.kind)}`, spanOf(base, body.location));
    }
  };
  let sets: number[][] = [[]];
  for (const g of (stmt.groupClause ?? []) as Node[]) {
    const mine = setsOf(g);
    sets = sets.flatMap((a) => mine.map((b) => [...new Set([...a, ...b])]));
  }
  // GROUP BY DISTINCT: a grouping set that the cross product yields twice is computed once
  if (stmt.groupDistinct) {
    const seen = new Set<string>();
    sets = sets.filter((set) => {
      const key = [...set].sort((a, b) => a - b).join(',');
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  if (usesSets && twoColumnsOneKey) {
    throw unsupported('bind', 'one expression grouped under two output columns in GROUPING SETS, ROLLUP or CUBE (PostgreSQL keeps them apart)', twoColumnsOneKey, ['group by one of the columns, and repeat it in the select list']);
  }
  const groupingSets = usesSets ? sets : undefined;

  const having = stmt.havingClause ? bindExpr(stmt.havingClause, { ...base, allowAggregates: true, clause: 'HAVING' }) : undefined;
  if (having) requireBoolean(having, 'HAVING');
  // DISTINCT
  const distinctClause = stmt.distinctClause as Node[] | undefined;
  const distinctOn = distinctClause && distinctClause.length > 0 && Object.keys(distinctClause[0]).length > 0 ? distinctClause : undefined;
  const distinct = !!distinctClause && !distinctOn;
  if (distinct && passthrough) throw unsupported('bind', 'SELECT DISTINCT * on a collection without declared columns', firstLocation(stmt, env));
  void relations;

  // ORDER BY: ordinals and output names first, then input expressions
  const orderBy: SortKey[] = [];
  for (const s of (stmt.sortClause ?? []) as Node[]) {
    const sb = unwrap(s)[1];
    const ordinal = ordinalOf(sb.node);
    if (ordinal !== undefined) {
      const c = columns[ordinal - 1];
      if (!c) throw new SqlEtlError('bad-ordinal', 'bind', `ORDER BY position ${ordinal} is not in select list`, { span: spanOf(base, unwrap(sb.node)[1].location) });
      const key = bindSortKey(s, { ...base, allowAggregates: true, clause: 'ORDER BY' });
      orderBy.push(...sortKeys({ ...key, expr: c.expr }));
      continue;
    }
    orderBy.push(...sortKeys(bindSortKey(s, { ...base, allowAggregates: true, allowWindows: true, clause: 'ORDER BY', aliasLookup: aliasOf })));
  }

  // columns functionally dependent on a grouped PRIMARY KEY are grouped too (PostgreSQL's rule)
  if (!usesSets && groupBy.length > 0) addDependentKeys(groupBy, relations, [...columns.map((c) => c.expr), ...(having ? [having] : []), ...orderBy.map((k) => k.expr)]);

  const aggregated =
    groupBy.length > 0 || !!groupingSets || !!having || [...columns.map((c) => c.expr), ...orderBy.map((k) => k.expr)].some((e) => someExpr(e, (x) => x.kind === 'agg'));

  // HAVING without GROUP BY or any aggregate: one group whose every value is constant. PostgreSQL
  // then never reads the input (its "degenerate grouping"): the one row stands or falls with HAVING,
  // and WHERE is never evaluated (`WHERE 1/a = 1 HAVING 1 < 2` is one row even where a is 0)
  const degenerate = !!having && groupBy.length === 0 && !groupingSets && !someExpr(having, (x) => x.kind === 'agg') && !columns.some((c) => someExpr(c.expr, (x) => x.kind === 'agg')) && !orderBy.some((k) => someExpr(k.expr, (x) => x.kind === 'agg'));

  const limit = stmt.limitCount ? constInt(stmt.limitCount, base, 'LIMIT') : undefined;
  const offset = stmt.limitOffset ? constInt(stmt.limitOffset, base, 'OFFSET') : undefined;
  const withTies = stmt.limitOption === 'LIMIT_OPTION_WITH_TIES';
  if (withTies && orderBy.length === 0) throw new SqlEtlError('syntax-error', 'bind', 'WITH TIES cannot be specified without ORDER BY clause', { span: spanOf(base, unwrap(stmt.limitCount)[1].location) });

  const query: SelectQuery = {
    kind: 'select',
    source,
    where: degenerate ? undefined : where,
    groupBy,
    groupingSets,
    aggregated: aggregated || false,
    having,
    passthrough,
    columns,
    distinct,
    orderBy,
    limit: limit ?? undefined,
    offset: offset ?? undefined,
  };
  if (withTies) {
    if (distinctOn) throw unsupported('bind', 'DISTINCT ON with FETCH … WITH TIES', spanOf(base, unwrap(stmt.limitCount)[1].location));
    return withTiesQuery(query);
  }
  if (!distinctOn) return query;
  if (passthrough) throw unsupported('bind', 'DISTINCT ON with SELECT * on a collection without declared columns', firstLocation(stmt, env));
  const keys = distinctOn.map((d) => {
    const ordinal = ordinalOf(d);
    if (ordinal === undefined) return bindExpr(d, { ...base, allowAggregates: true, clause: 'DISTINCT ON', aliasLookup: aliasOf });
    const c = columns[ordinal - 1];
    if (!c) throw new SqlEtlError('bad-ordinal', 'bind', `SELECT DISTINCT ON position ${ordinal} is not in select list`, { span: spanOf(base, unwrap(d)[1].location) });
    return c.expr;
  });
  return distinctOnQuery(query, keys, spanOf(base, unwrap(distinctOn[0])[1].location));
}

/**
 * `ORDER BY … OFFSET m FETCH FIRST n ROWS WITH TIES`: the first m + n rows and the
 * peers of the last of them are the rows whose rank() in the ORDER BY order is at most
 * m + n; OFFSET then skips m of them, in the same order.
 */
function withTiesQuery(q: SelectQuery): SelectQuery {
  if (q.limit === undefined) return q;
  const rank: Expr = {
    kind: 'window',
    name: 'rank',
    args: [],
    star: false,
    spec: { partitionBy: [], orderBy: q.orderBy, frame: { mode: 'range', start: { kind: 'unbounded-preceding' }, end: { kind: 'current-row' } } },
    type: 'int',
  };
  return wrapNumbered(q, rank, '<=', (q.offset ?? 0) + q.limit, undefined, q.offset);
}

/** `q` with a numbering window and its ORDER BY keys as extra columns, inside a query keeping the rows where the number `op` `bound`. */
function wrapNumbered(q: SelectQuery, numbering: Expr, op: '=' | '<=', bound: number, limit: number | undefined, offset: number | undefined): SelectQuery {
  const extra: OutputColumn[] = [{ name: '__number', field: '', expr: numbering }, ...q.orderBy.map((k, i) => ({ name: `__order_k${i}`, field: '', expr: k.expr }))];
  const inner: SelectQuery = { ...q, columns: [...q.columns, ...extra], orderBy: [], limit: undefined, offset: undefined };
  assignFields(inner.columns);
  // (a character(n) or varchar column stays one for the enclosing query: bind-bpchar.ts)
  const ref = (c: OutputColumn): Expr => ({ kind: 'column', path: [c.field], type: c.expr.type, ...(c.expr.charLength !== undefined ? { charLength: c.expr.charLength } : {}), ...(c.expr.varchar ? { varchar: true } : {}) });
  const n = inner.columns[q.columns.length];
  return {
    kind: 'select',
    source: { kind: 'subquery', query: inner },
    where: { kind: 'compare', op, left: ref(n), right: { kind: 'literal', value: bound, type: 'int' }, type: 'bool' },
    groupBy: [],
    aggregated: false,
    passthrough: false,
    columns: q.columns.map((c, i) => ({ name: c.name, field: c.field, expr: ref(inner.columns[i]) })),
    distinct: false,
    orderBy: q.orderBy.map((k, i) => ({ ...k, expr: ref(inner.columns[q.columns.length + 1 + i]) })),
    limit,
    offset,
  };
}

/**
 * `SELECT DISTINCT ON (k…) … ORDER BY k…, rest`: the first row of each k in the ORDER BY
 * order. The query computes `row_number() OVER (PARTITION BY k… ORDER BY …)` and the ORDER BY
 * keys as extra columns; an enclosing query keeps the rows numbered 1, in the ORDER BY
 * order, with the original columns (then LIMIT/OFFSET). PostgreSQL requires the
 * DISTINCT ON expressions to be the ORDER BY's leading keys.
 */
function distinctOnQuery(q: SelectQuery, keys: Expr[], span?: SourceSpan): SelectQuery {
  const leading = q.orderBy.slice(0, keys.length);
  if (q.orderBy.length > 0 && (leading.length < keys.length ? leading.some((k) => !keys.some((e) => sameExpr(e, k.expr))) : !leading.every((k) => keys.some((e) => sameExpr(e, k.expr))) || !keys.every((e) => leading.some((k) => sameExpr(e, k.expr))))) {
    throw new SqlEtlError('invalid-distinct-on', 'bind', 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions', { span });
  }
  const rowNumber: Expr = {
    kind: 'window',
    name: 'row_number',
    args: [],
    star: false,
    spec: { partitionBy: keys, orderBy: q.orderBy, frame: { mode: 'range', start: { kind: 'unbounded-preceding' }, end: { kind: 'current-row' } } },
    type: 'int',
  };
  return wrapNumbered(q, rowNumber, '=', 1, q.limit, q.offset);
}

function ctxFor(env: BindEnv): ExprContext {
  return {
    scope: new Scope([], env.outer, env.capture),
    param: env.param,
    toChar: env.toChar,
    allowAggregates: false,
    clause: 'JOIN conditions',
    bindSubquery: (node) => {
      const capture = new OuterCapture();
      return { query: bindQuery(unwrap(node)[1], { ...env, capture }), outer: capture.refs };
    },
  };
}

function firstLocation(stmt: Any, env: BindEnv): SourceSpan | undefined {
  const t = (stmt.targetList?.[0] as Node | undefined) ?? stmt.larg?.targetList?.[0];
  return t ? spanOf(ctxFor(env), unwrap(t)[1].location) : undefined;
}

function ordinalOf(node: Node): number | undefined {
  const [tag, body] = unwrap(node);
  if (tag === 'A_Const' && body.ival !== undefined) return body.ival.ival ?? 0;
  return undefined;
}

function constInt(node: Node, ctx: ExprContext, clause: string): number | undefined {
  const e = foldConstant(bindExpr(node, { ...ctx, clause }));
  if (e.kind === 'literal' && e.value === null) return undefined;
  const v = e.kind === 'literal' ? (typeof e.value === 'string' ? Number(e.value) : e.value) : NaN;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw unsupported('bind', `${clause} with a non-constant value`, e.span);
  if (v < 0) throw new SqlEtlError('negative-limit', 'bind', `${clause} must not be negative`, { span: e.span });
  return v;
}

/**
 * PostgreSQL's functional dependency: grouped by every PRIMARY KEY column of a declared
 * table, a query may read that table's other columns outside aggregates (one value per
 * group). Each such column read ungrouped becomes a GROUP BY key too, which leaves the
 * groups as they are (a grouping set, where it would not, keeps PostgreSQL's error).
 */
function addDependentKeys(groupBy: Expr[], relations: Relation[], uses: Expr[]): void {
  const isKey = (path: string[]) => groupBy.some((g) => g.kind === 'column' && g.path.length === path.length && g.path.every((p, i) => p === path[i]));
  const dependent = relations.filter((r) => r.primaryKey?.length && r.columns && r.primaryKey.every((k) => isKey([...r.prefix, k])));
  if (dependent.length === 0) return;
  const visit = (e: Expr): void => {
    if (e.kind === 'agg') return;
    if (e.kind === 'subquery') e.outer.forEach((o) => visit(o.expr));
    if (e.kind === 'column' && !isKey(e.path)) {
      const owner = dependent.find((r) => e.path.length === r.prefix.length + 1 && r.prefix.every((p, i) => p === e.path[i]) && r.columns!.some((c) => c.field === e.path[e.path.length - 1] && !c.expr));
      if (owner) groupBy.push({ ...e, span: undefined });
    }
    children(e).forEach(visit);
  };
  uses.forEach(visit);
}

/** Folds integer arithmetic on constants (`LIMIT 2 + 1`), with SQL's truncating division. */
function foldConstant(e: Expr): Expr {
  if (e.kind === 'negate') {
    const a = foldConstant(e.arg);
    return a.kind === 'literal' && typeof a.value === 'number' ? { ...a, value: -a.value } : e;
  }
  if (e.kind !== 'arith') return e;
  const l = foldConstant(e.left);
  const r = foldConstant(e.right);
  if (l.kind !== 'literal' || r.kind !== 'literal' || typeof l.value !== 'number' || typeof r.value !== 'number') return e;
  const a = l.value;
  const b = r.value;
  const ints = l.type === 'int' && r.type === 'int';
  const value = { '+': a + b, '-': a - b, '*': a * b, '/': ints ? Math.trunc(a / b) : a / b, '%': a % b, '^': a ** b }[e.op];
  return { kind: 'literal', value, type: e.type, span: e.span };
}

const SAFE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Give each output column a unique field name that is safe in a document. */
export function assignFields(columns: OutputColumn[]): void {
  const used = new Set<string>();
  columns.forEach((c, i) => {
    let f = SAFE_FIELD.test(c.name) && !c.name.startsWith('__') ? c.name : `c${i + 1}`;
    if (used.has(f)) f = `${f}_${i + 1}`;
    while (used.has(f)) f = `${f}_`;
    used.add(f);
    c.field = f;
  });
}

function renameColumns(q: Query, names: string[], span?: SourceSpan): Query {
  if (names.length === 0) return q;
  if (q.passthrough) throw unsupported('bind', 'column aliases on a SELECT * of an undeclared collection', span);
  if (names.length > q.columns.length) throw new SqlEtlError('too-many-aliases', 'bind', `has ${q.columns.length} columns available but ${names.length} columns specified`, { span });
  const columns = q.columns.map((c, i) => ({ ...c, name: names[i] ?? c.name }));
  return { ...q, columns };
}

/** An ORDER BY key; a row value sorts by its fields (bind-row.ts). */
const sortKeys = (key: SortKey): SortKey[] => orderByRow(key) ?? [key];

function relationOf(name: string, q: Query): Relation {
  // a numeric column of a SELECT keeps its expression's scale (ir/numeric-scale.ts: `price * (1 - discount) AS volume`);
  // not a set operation's or VALUES' (their later rows may have other scales than the first's)
  // and one computed with a scale sqletl does not know (a quotient, an average, a run-time
  // scale) says so, so that its text is refused as it is in the SELECT itself
  const numericScaleOf = (e: Expr) => {
    if (e.type !== 'numeric') return {};
    const known = q.kind === 'select' ? scaleField(scaleOf(e)) : {};
    if ('numericScale' in known) return known;
    const asRead = (e.kind === 'column' && !e.computedNumeric) || (e.kind === 'agg' && (e.name === 'min' || e.name === 'max') && e.args[0]?.kind === 'column' && !e.args[0].computedNumeric) || e.kind === 'literal';
    return asRead ? {} : { computedNumeric: true as const };
  };
  // a column whose expression is never NULL stays so for the reader (GROUPING SETS
  // null the keys of their subtotal rows, so nothing is promised there)
  const neverNull = (e: Expr) => !(q.kind === 'select' && q.groupingSets) && !mayBeNull(e);
  return {
    name,
    open: q.passthrough,
    columns: q.columns.map((c) => ({ name: c.name, field: c.field, type: c.expr.type, ...widthField(c.expr.type, c.expr.intWidth), ...(c.expr.charLength !== undefined ? { charLength: c.expr.charLength } : {}), ...(c.expr.varchar ? { varchar: true } : {}), ...numericScaleOf(c.expr), ...(neverNull(c.expr) ? { notNull: true } : {}) })),
    prefix: [],
  };
}

function bindValues(stmt: Any, outerEnv: BindEnv): Query {
  const { valuesTargetTypes: targets, ...env } = outerEnv;
  const ctx = ctxFor(env);
  const lists = (stmt.valuesLists as Node[]).map((l) => (unwrap(l)[1].items as Node[]).map((i) => bindExpr(i, ctx)));
  // INSERT … VALUES: a quoted literal beside numbers is read as its number target column's type (PostgreSQL's rule)
  if (targets) {
    const untyped = (e: Expr | undefined) => e?.kind === 'literal' && e.type === 'unknown' && typeof e.value === 'string';
    lists.forEach((r) => r.forEach((e, i) => {
      const t = targets[i];
      if (t && (t.type === 'int' || t.type === 'numeric' || t.type === 'float') && untyped(e) && lists.some((o) => o[i] && !untyped(o[i]))) r[i] = coerceTo(e, t.type, t.typeName);
    }));
  }
  const width = lists[0].length;
  // each column has the common type of its values; untyped literals are read as that type (as PostgreSQL does)
  const types = Array.from({ length: width }, (_, i) => {
    const t = commonType(lists.map((r) => r[i]).filter((e) => e !== undefined));
    return t === 'unknown' && lists.every((r) => r[i]?.kind === 'literal') ? 'text' : t;
  });
  // an integer constant beyond int4 makes PostgreSQL's column bigint, so its quoted values are read as bigint
  const bigint = types.map((t, i) => t === 'int' && lists.some((r) => r[i]?.kind === 'literal' && typeof r[i].value === 'number' && Math.abs(r[i].value as number) > 2147483647));
  // an integer column's width: the widest of its values (a NULL or a quoted literal takes the column's own type)
  const widths = types.map((t, i) => {
    if (t !== 'int') return undefined;
    const known = lists.map((r) => (r[i]?.kind === 'literal' && (r[i].value === null || typeof r[i].value === 'string') ? 32 : r[i]?.intWidth));
    return bigint[i] ? 64 : known.every((w) => w !== undefined) ? (Math.max(...known) as IntWidth) : undefined;
  });
  const chars = types.map((_, i) => commonCharLength(lists.map((r) => r[i]).filter((e) => e !== undefined), 'VALUES', lists[0][i]?.span));
  lists.forEach((r) => r.forEach((e, i) => (r[i] = bigint[i] ? coerceTo(e, 'int', 'bigint') : coerceToCommon(e, types[i]))));
  const columns: OutputColumn[] = Array.from({ length: width }, (_, i) => ({
    name: `column${i + 1}`,
    field: `column${i + 1}`,
    expr: { kind: 'column', path: [`column${i + 1}`], type: types[i], ...widthField(types[i], widths[i]), ...chars[i] },
  }));
  for (const r of lists) {
    if (r.length !== width) throw new SqlEtlError('values-width', 'bind', 'VALUES lists must all be the same length', { span: r[0]?.span });
  }
  if (lists.some((r) => r.some((e) => e.kind !== 'literal'))) return valuesOfExpressions(lists, columns);
  const rows = lists.map((r) => {
    const row: Record<string, Value> = {};
    r.forEach((e, i) => {
      if (e.kind === 'literal' && e.inexact && e.type === 'numeric') throw inexactDecimal(e.inexact, e.span);
      row[`column${i + 1}`] = (e as { value: Value }).value;
    });
    return row;
  });
  return {
    kind: 'select', source: { kind: 'values', rows }, groupBy: [], aggregated: false, passthrough: false,
    columns, distinct: false, orderBy: [],
  };
}
