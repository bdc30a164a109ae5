import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { someExpr, type Expr, type SortKey, type Value } from '../ir/expr.js';
import type { OutputColumn, SelectQuery, Source } from '../ir/query.js';
import type { ColumnDef } from '../ir/statement.js';
import { bindExpr, bindSortKey, spanOf, stringsOf, unwrap, type ExprContext } from './bind-expr.js';
import { defaultColumnName } from './column-names.js';
import { Scope, type Relation } from './scope.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/** Declared tables (CREATE TABLE in the job or --schema), by collection name. */
export type Catalog = Map<string, ColumnDef[]>;

export interface BindEnv {
  catalog: Catalog;
  ctes: Map<string, SelectQuery>;
  param: (n: number, span?: SourceSpan) => Value;
  toChar: (byte: number) => number;
  /** where a keyword (which the parse tree does not locate) first appears after a position */
  keywordSpan: (word: string, fromChar: number) => SourceSpan | undefined;
}

export function bindSelect(stmt: Any, env: BindEnv): SelectQuery {
  if (stmt.op && stmt.op !== 'SETOP_NONE') {
    const word = String(stmt.op).replace('SETOP_', '');
    const from = firstLocation(stmt.larg, env)?.start ?? 0;
    throw unsupported(`${word} (set operations)`, env.keywordSpan(word, from) ?? firstLocation(stmt, env));
  }
  let ctes = env.ctes;
  if (stmt.withClause) {
    if (stmt.withClause.recursive) throw unsupported('WITH RECURSIVE', spanOf(ctxFor(env), stmt.withClause.location));
    ctes = new Map(ctes);
    for (const c of stmt.withClause.ctes as Node[]) {
      const cte = unwrap(c)[1];
      const q = bindSelect(unwrap(cte.ctequery)[1], { ...env, ctes });
      const renamed = stringsOf(cte.aliascolnames);
      ctes.set(cte.ctename, renameColumns(q, renamed, spanOf(ctxFor(env), cte.location)));
    }
  }
  const scopedEnv: BindEnv = { ...env, ctes };
  if (stmt.valuesLists) return bindValues(stmt, scopedEnv);

  const { source, relation } = bindFrom(stmt.fromClause ?? [], scopedEnv);
  const scope = new Scope(relation ? [relation] : []);
  const base: ExprContext = {
    scope,
    param: env.param,
    toChar: env.toChar,
    allowAggregates: false,
    clause: 'WHERE',
    bindSubquery: (node) => bindSelect(unwrap(node)[1], scopedEnv),
  };

  const windows = new Map<string, Record<string, any>>();
  for (const w of (stmt.windowClause ?? []) as Node[]) {
    const def = unwrap(w)[1];
    windows.set(def.name, def);
  }
  base.windows = windows;
  const where = stmt.whereClause ? bindExpr(stmt.whereClause, base) : undefined;

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
      if (fields.length > 1 && relation && fields[0] !== relation.name) {
        throw new SqlEtlError('undefined-table', 'bind', `missing FROM-clause entry for table "${fields[0]}"`, { span: spanOf(base, body.location) });
      }
      if (!relation) throw new SqlEtlError('no-from', 'bind', 'SELECT * with no tables specified is not valid', { span: spanOf(base, body.location) });
      if (!relation.columns || relation.open) {
        if (columns.length > 0 || ((stmt.targetList as Node[]).length > 1)) {
          throw unsupported(`SELECT * next to other columns on "${relation.name}", whose columns are not declared`, spanOf(base, body.location), [
            `declare the collection's columns with CREATE TABLE ${relation.name} (…) (in the job or a --schema file)`,
          ]);
        }
        passthrough = true;
        continue;
      }
      for (const c of relation.columns) columns.push({ name: c.name, field: '', expr: { kind: 'column', path: [c.field], type: c.type } });
      continue;
    }
    const expr = bindExpr(val, selectCtx);
    columns.push({ name: rt.name ?? defaultColumnName(val), field: '', expr });
  }
  assignFields(columns);

  const aliasOf = (name: string): Expr | undefined => columns.find((c) => c.name === name)?.expr;
  const inputHas = (name: string) => !!relation?.columns?.some((c) => c.name === name) && !relation.open;

  // GROUP BY: ordinals and output aliases are allowed, input columns win over aliases
  const groupBy: Expr[] = [];
  for (const g of (stmt.groupClause ?? []) as Node[]) {
    const [tag, body] = unwrap(g);
    if (tag === 'GroupingSet') throw unsupported('GROUPING SETS / ROLLUP / CUBE', spanOf(base, body.location));
    const ordinal = ordinalOf(g);
    if (ordinal !== undefined) {
      const c = columns[ordinal - 1];
      if (!c) throw new SqlEtlError('bad-ordinal', 'bind', `GROUP BY position ${ordinal} is not in select list`, { span: spanOf(base, body.location) });
      groupBy.push(c.expr);
      continue;
    }
    const groupCtx: ExprContext = {
      ...base,
      clause: 'GROUP BY',
      aliasLookup: (name) => (inputHas(name) ? undefined : aliasOf(name)),
    };
    groupBy.push(bindExpr(g, groupCtx));
  }

  const having = stmt.havingClause ? bindExpr(stmt.havingClause, { ...base, allowAggregates: true, clause: 'HAVING' }) : undefined;
  // DISTINCT
  const distinctClause = stmt.distinctClause as Node[] | undefined;
  if (distinctClause && distinctClause.length > 0 && Object.keys(distinctClause[0]).length > 0) {
    throw unsupported('DISTINCT ON', firstLocation(stmt, env));
  }
  const distinct = !!distinctClause;
  if (distinct && passthrough) throw unsupported('SELECT DISTINCT * on a collection without declared columns', firstLocation(stmt, env));

  // ORDER BY: ordinals and output names first, then input expressions
  const orderBy: SortKey[] = [];
  for (const s of (stmt.sortClause ?? []) as Node[]) {
    const sb = unwrap(s)[1];
    const ordinal = ordinalOf(sb.node);
    if (ordinal !== undefined) {
      const c = columns[ordinal - 1];
      if (!c) throw new SqlEtlError('bad-ordinal', 'bind', `ORDER BY position ${ordinal} is not in select list`, { span: spanOf(base, unwrap(sb.node)[1].location) });
      const key = bindSortKey(s, { ...base, allowAggregates: true, clause: 'ORDER BY' });
      orderBy.push({ ...key, expr: c.expr });
      continue;
    }
    orderBy.push(bindSortKey(s, { ...base, allowAggregates: true, allowWindows: true, clause: 'ORDER BY', aliasLookup: aliasOf }));
  }

  const aggregated =
    groupBy.length > 0 || !!having || [...columns.map((c) => c.expr), ...orderBy.map((k) => k.expr)].some((e) => someExpr(e, (x) => x.kind === 'agg'));

  const limit = stmt.limitCount ? constInt(stmt.limitCount, base, 'LIMIT') : undefined;
  const offset = stmt.limitOffset ? constInt(stmt.limitOffset, base, 'OFFSET') : undefined;
  if (stmt.limitOption === 'LIMIT_OPTION_WITH_TIES') throw unsupported('FETCH … WITH TIES', spanOf(base, unwrap(stmt.limitCount)[1].location));

  return {
    kind: 'select',
    source,
    where,
    groupBy,
    aggregated: aggregated || false,
    having,
    passthrough,
    columns,
    distinct,
    orderBy,
    limit: limit ?? undefined,
    offset: offset ?? undefined,
  };
}

function ctxFor(env: BindEnv): ExprContext {
  return { scope: new Scope([]), param: env.param, toChar: env.toChar, allowAggregates: false, clause: '', bindSubquery: () => { throw new Error('unreachable'); } };
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
  if (typeof v !== 'number' || !Number.isInteger(v)) throw unsupported(`${clause} with a non-constant value`, e.span);
  if (v < 0) throw new SqlEtlError('negative-limit', 'bind', `${clause} must not be negative`, { span: e.span });
  return v;
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

function renameColumns(q: SelectQuery, names: string[], span?: SourceSpan): SelectQuery {
  if (names.length === 0) return q;
  if (q.passthrough) throw unsupported('column aliases on a SELECT * of an undeclared collection', span);
  if (names.length > q.columns.length) throw new SqlEtlError('too-many-aliases', 'bind', `has ${q.columns.length} columns available but ${names.length} columns specified`, { span });
  const columns = q.columns.map((c, i) => ({ ...c, name: names[i] ?? c.name }));
  return { ...q, columns };
}

function bindFrom(from: Node[], env: BindEnv): { source: Source; relation?: Relation } {
  if (from.length === 0) return { source: { kind: 'none' } };
  if (from.length > 1) throw unsupported('several relations in FROM (joins)', spanOf(ctxFor(env), unwrap(from[1])[1].location));
  const [tag, n] = unwrap(from[0]);
  const span = spanOf(ctxFor(env), n.location);
  if (tag === 'RangeVar') {
    const name = n.relname as string;
    const alias = n.alias?.aliasname as string | undefined;
    const cte = !n.schemaname ? env.ctes.get(name) : undefined;
    if (cte) {
      const renamed = renameColumns(cte, stringsOf(n.alias?.colnames), span);
      return { source: { kind: 'subquery', query: renamed }, relation: relationOf(alias ?? name, renamed) };
    }
    const key = n.schemaname ? `${n.schemaname}.${name}` : name;
    const declared = env.catalog.get(key);
    if (n.alias?.colnames) throw unsupported('column aliases on a table', span);
    return {
      source: { kind: 'collection', name, db: n.schemaname, span: span && { start: span.start, end: span.start + key.length } },
      relation: { name: alias ?? name, columns: declared?.map((c) => ({ name: c.name, field: c.name, type: c.type })) },
    };
  }
  if (tag === 'RangeSubselect') {
    if (n.lateral) throw unsupported('LATERAL', span);
    const q = bindSelect(unwrap(n.subquery)[1], env);
    const alias = n.alias?.aliasname ?? 'unnamed_subquery';
    const renamed = renameColumns(q, stringsOf(n.alias?.colnames), span);
    return { source: { kind: 'subquery', query: renamed }, relation: relationOf(alias, renamed) };
  }
  if (tag === 'JoinExpr') {
    const left = spanOf(ctxFor(env), n.larg ? unwrap(n.larg)[1].location : undefined);
    const right = spanOf(ctxFor(env), n.rarg ? unwrap(n.rarg)[1].location : undefined);
    throw unsupported('JOIN', env.keywordSpan('JOIN', left?.start ?? 0) ?? right);
  }
  if (tag === 'RangeFunction') throw unsupported('functions in FROM', span);
  throw unsupported(`${tag} in FROM`, span);
}

function relationOf(name: string, q: SelectQuery): Relation {
  return {
    name,
    open: q.passthrough,
    columns: q.columns.map((c) => ({ name: c.name, field: c.field, type: c.expr.type })),
  };
}

function bindValues(stmt: Any, env: BindEnv): SelectQuery {
  const ctx = ctxFor(env);
  const lists = (stmt.valuesLists as Node[]).map((l) => (unwrap(l)[1].items as Node[]).map((i) => bindExpr(i, ctx)));
  const width = lists[0].length;
  const columns: OutputColumn[] = Array.from({ length: width }, (_, i) => {
    const first = lists.map((r) => r[i]).find((e) => !(e.kind === 'literal' && e.value === null)) ?? lists[0][i];
    const type = first.type === 'unknown' && first.kind === 'literal' ? 'text' : first.type;
    return { name: `column${i + 1}`, field: `column${i + 1}`, expr: { kind: 'column', path: [`column${i + 1}`], type } };
  });
  const rows = lists.map((r) => {
    if (r.length !== width) throw new SqlEtlError('values-width', 'bind', 'VALUES lists must all be the same length', { span: r[0]?.span });
    const row: Record<string, Value> = {};
    r.forEach((e, i) => {
      if (e.kind !== 'literal') throw unsupported('non-constant expressions in VALUES', e.span);
      row[`column${i + 1}`] = e.value;
    });
    return row;
  });
  return {
    kind: 'select', source: { kind: 'values', rows }, groupBy: [], aggregated: false, passthrough: false,
    columns, distinct: false, orderBy: [],
  };
}
