import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { col as columnExpr, lit, someExpr, type Expr } from '../ir/expr.js';
import type { Query, Source } from '../ir/query.js';
import { identityKey, type ColumnDef, type ConflictAction, type MergeClause, type Statement, type TableDef, type TableRef } from '../ir/statement.js';
import { intWidthOf, typeFromName, widthField } from '../ir/types.js';
import { spanOf, unwrap, type BindEnv, type ExprContext } from './bind-context.js';
import { charLengthOf } from './bind-bpchar.js';
import { bindExpr, requireBoolean, coerceTo, numericScaleOf, refuseUnsupportedType, stringsOf, typeNameOf, varcharLengthOf } from './bind-expr.js';
import { bindFromClause, bindQuery } from './bind-select.js';
import { refuseRowColumns, refuseRowWrite } from './bind-row.js';
import { OuterCapture, Scope, type Relation } from './scope.js';
import { sampledOf } from './bind-from.js';
import { timePrecisionOf } from './bind-time.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * Writing statements: CREATE TABLE (columns, NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE,
 * CHECK) and CREATE TABLE AS, DROP TABLE, TRUNCATE, CREATE INDEX, INSERT (VALUES or
 * SELECT, column lists, ON CONFLICT … DO NOTHING / DO UPDATE SET … WHERE), UPDATE
 * and DELETE. Declared tables live in the catalog; statements see the
 * declarations made before them.
 */
export function tableKey(t: { name: string; db?: string }): string {
  return t.db ? `${t.db}.${t.name}` : t.name;
}

function tableRef(rv: Any, ctx: ExprContext): TableRef {
  const span = spanOf(ctx, rv.location, (rv.schemaname ? rv.schemaname.length + 1 : 0) + String(rv.relname).length);
  return { name: rv.relname, db: rv.schemaname, span };
}

function exprCtx(env: BindEnv, relations: Relation[], clause: string): ExprContext {
  const scope = new Scope(relations, undefined, undefined);
  return {
    scope,
    param: env.param,
    toChar: env.toChar,
    allowAggregates: false,
    clause,
    bindSubquery: (node) => {
      const capture = new OuterCapture();
      return { query: bindQuery(unwrap(node)[1], { ...env, outer: scope, capture }), outer: capture.refs };
    },
  };
}

/**
 * The write target's columns. `stored`: its documents as they are (not a proposed row, which the
 * write conformed to the columns' types): a --schema table's real columns are read rounded (scope.ts).
 */
const relationOf = (def: TableDef | undefined, name: string, prefix: string[], stored = true): Relation => ({
  name,
  columns: def?.columns.map((c) => ({ name: c.name, field: c.name, type: c.type, ...(stored && def.fromSchema && c.type === 'real' ? { unroundedReal: true } : {}), ...widthField(c.type, intWidthOf(c.typeName)), ...(c.blankPadded ? { charLength: c.length, padded: true } : {}), ...(c.typeName === 'varchar' ? { varchar: true } : {}) })),
  prefix,
});

export function bindCreateTable(n: Any, env: BindEnv): TableDef {
  const ctx = exprCtx(env, [], 'CREATE TABLE');
  const rel = n.relation;
  const table: TableDef = { name: rel.relname, db: rel.schemaname, columns: [], unique: [], checks: [] };
  const checkExprs: { column?: string; node: Node }[] = [];
  for (const el of (n.tableElts ?? []) as Node[]) {
    const [tag, c] = unwrap(el);
    if (tag === 'ColumnDef') {
      const typeName = typeNameOf(c.typeName);
      refuseUnsupportedType(c.typeName, spanOf(ctx, c.typeName.location));
      const type = c.typeName.arrayBounds ? 'array' : typeFromName(typeName);
      if (!type) throw new SqlEtlError('unknown-type', 'bind', `type "${typeName}" is not supported`, { span: spanOf(ctx, c.typeName.location) });
      const scale = numericScaleOf(c.typeName);
      const charLength = charLengthOf(c.typeName, spanOf(ctx, c.typeName.location));
      if (charLength !== undefined && c.typeName.arrayBounds) throw unsupported('bind', 'arrays of character(n)', spanOf(ctx, c.typeName.location), ['use text[]']);
      const length = c.typeName.arrayBounds ? undefined : varcharLengthOf(c.typeName) ?? charLength;
      const timePrecision = type === 'time' ? timePrecisionOf(c.typeName, spanOf(ctx, c.typeName.location)) : undefined;
      const col: ColumnDef = { name: c.colname, type, typeName, notNull: false, ...(timePrecision !== undefined ? { timePrecision } : {}), ...(scale !== undefined ? { scale } : {}), ...(length !== undefined ? { length } : {}), ...(charLength !== undefined ? { blankPadded: true } : {}) };
      for (const k of (c.constraints ?? []) as Node[]) {
        const con = unwrap(k)[1];
        switch (con.contype) {
          case 'CONSTR_NOTNULL':
            col.notNull = true;
            break;
          case 'CONSTR_PRIMARY':
            col.notNull = true;
            table.primaryKey = [c.colname];
            break;
          case 'CONSTR_UNIQUE':
            table.unique.push([c.colname]);
            break;
          case 'CONSTR_CHECK':
            checkExprs.push({ column: c.colname, node: con.raw_expr });
            break;
          case 'CONSTR_DEFAULT':
            col.default = coerceTo(bindExpr(con.raw_expr, ctx), type);
            break;
          case 'CONSTR_NULL':
            break;
          default:
            throw unsupported('bind', `the column constraint ${constraintName(con.contype)}`, spanOf(ctx, con.location), constraintHints(con.contype));
        }
      }
      table.columns.push(col);
    } else if (tag === 'Constraint') {
      const keys = stringsOf(c.keys);
      switch (c.contype) {
        case 'CONSTR_PRIMARY':
          table.primaryKey = keys;
          break;
        case 'CONSTR_UNIQUE':
          table.unique.push(keys);
          break;
        case 'CONSTR_CHECK':
          checkExprs.push({ node: c.raw_expr });
          break;
        default:
          throw unsupported('bind', `the table constraint ${constraintName(c.contype)}`, spanOf(ctx, c.location), constraintHints(c.contype));
      }
    } else throw unsupported('bind', `${tag} in CREATE TABLE`, spanOf(ctx, c.location));
  }
  for (const k of table.primaryKey ?? []) {
    const col = table.columns.find((c) => c.name === k);
    if (!col) throw new SqlEtlError('undefined-column', 'bind', `column "${k}" named in key does not exist`, { params: { column: k }, span: spanOf(ctx, rel.location) });
    col.notNull = true;
  }
  // CHECK expressions see the row's columns; PostgreSQL's names: t_col_check, t_check, t_check1, …
  const rowCtx = exprCtx(env, [relationOf(table, table.name, [])], 'check constraints');
  let tableChecks = 0;
  for (const ch of checkExprs) {
    const name = ch.column ? `${table.name}_${ch.column}_check` : `${table.name}_check${tableChecks++ === 0 ? '' : tableChecks - 1}`;
    table.checks.push({ name, expr: bindExpr(ch.node, rowCtx) });
  }
  return table;
}

export function bindInsert(n: Any, env: BindEnv): Omit<Extract<Statement, { kind: 'insert' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], 'INSERT');
  if (n.returningList) throw unsupported('bind', 'RETURNING', spanOf(ctx0, n.relation.location));
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const listed = ((n.cols ?? []) as Node[]).map((c) => unwrap(c)[1]);
  // a VALUES list reads its quoted literals as the target columns' types (bindValues)
  const targetNames = listed.length ? listed.map((c) => c.name as string) : def?.columns.map((c) => c.name);
  const targetTypes = def && targetNames ? targetNames.map((name) => def.columns.find((c) => c.name === name)) : undefined;
  const valuesOnly = n.selectStmt && unwrap(n.selectStmt)[1].valuesLists;
  const source: Query = n.selectStmt ? refuseRowColumns(bindQuery(unwrap(n.selectStmt)[1], valuesOnly && targetTypes ? { ...env, valuesTargetTypes: targetTypes } : env)) : defaultValuesQuery();
  for (const c of listed) {
    if (c.indirection) throw unsupported('bind', 'assigning to a part of a column', spanOf(ctx0, c.location));
    if (def && !def.columns.some((d) => d.name === c.name)) {
      throw new SqlEtlError('undefined-column', 'bind', `column "${c.name}" of relation "${table.name}" does not exist`, { params: { column: c.name, relation: table.name }, span: spanOf(ctx0, c.location, c.name.length) });
    }
  }
  let columns = listed.map((c) => c.name as string);
  if (columns.length === 0) {
    if (def) columns = def.columns.slice(0, source.columns.length).map((c) => c.name);
    else if (source.passthrough) columns = [];
    else columns = source.columns.map((c) => c.name);
  }
  if (!source.passthrough && source.columns.length !== columns.length && (listed.length > 0 || def)) {
    const where = spanOf(ctx0, (listed[0] ?? n.relation).location);
    throw new SqlEtlError(
      'insert-columns',
      'bind',
      source.columns.length > columns.length ? 'INSERT has more expressions than target columns' : 'INSERT has more target columns than expressions',
      { span: where },
    );
  }
  let onConflict: ConflictAction | undefined;
  const oc = n.onConflictClause;
  if (oc) {
    const span = spanOf(ctx0, oc.location);
    const target = ((oc.infer?.indexElems ?? []) as Node[]).map((e) => unwrap(e)[1].name as string);
    if (oc.infer?.conname) throw unsupported('bind', 'ON CONFLICT ON CONSTRAINT', span);
    const identity = def ? identityKey(def) : undefined;
    if (oc.action === 'ONCONFLICT_UPDATE' && target.length === 0) {
      throw new SqlEtlError('conflict-target', 'bind', 'ON CONFLICT DO UPDATE requires inference specification or constraint name', { span });
    }
    if (target.length > 0) {
      if (!def) throw new SqlEtlError('conflict-undeclared', 'bind', `ON CONFLICT needs the columns of "${table.name}" declared (CREATE TABLE … PRIMARY KEY/UNIQUE)`, { span });
      if (!identity || !sameSet(identity, target)) {
        throw new SqlEtlError(
          'conflict-target',
          'bind',
          'there is no unique or exclusion constraint matching the ON CONFLICT specification',
          { span, hints: identity ? [`sqletl resolves conflicts on the table's key (${identity.join(', ')}), which MongoDB stores as _id`] : ['declare a PRIMARY KEY or UNIQUE constraint on these columns'] },
        );
      }
    }
    const key = target.length ? target : identity ?? [];
    if (oc.action === 'ONCONFLICT_NOTHING') onConflict = { target: key };
    else {
      // SET/WHERE see the existing row (table name or alias) and the proposed one (EXCLUDED)
      const alias = n.relation.alias?.aliasname ?? table.name;
      const bindBoth = (node: Node, forCount: boolean) =>
        bindWriteExpr(node, exprCtx(env, [relationOf(def, alias, forCount ? ['__old'] : []), relationOf(def, 'excluded', forCount ? [] : ['$$new'], false)], 'ON CONFLICT DO UPDATE'));
      const set = ((oc.targetList ?? []) as Node[]).map((t) => {
        const rt = unwrap(t)[1];
        const col = def!.columns.find((c) => c.name === rt.name);
        if (!col) throw new SqlEtlError('undefined-column', 'bind', `column "${rt.name}" of relation "${table.name}" does not exist`, { params: { column: rt.name, relation: table.name }, span: spanOf(ctx0, rt.location) });
        if (key.includes(rt.name)) throw unsupported('bind', `updating a key column ("${rt.name}") in ON CONFLICT DO UPDATE`, spanOf(ctx0, rt.location));
        return { column: rt.name as string, expr: coerceTo(bindBoth(rt.val, false), col.type) };
      });
      const where = oc.whereClause ? bindBoth(oc.whereClause, false) : undefined;
      const countWhere = oc.whereClause ? bindBoth(oc.whereClause, true) : undefined;
      onConflict = { target: key, update: { set, where, countWhere } };
    }
  }
  return { kind: 'insert', table, def, columns, source, onConflict };
}

function defaultValuesQuery(): Query {
  return { kind: 'select', source: { kind: 'values', rows: [{}] }, groupBy: [], aggregated: false, passthrough: false, columns: [], distinct: false, orderBy: [] };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The rows of `source` LEFT JOIN the target table (under `__t`) on `on`, passed through as
 * they are; `where`: conditions on the joined rows that hold subqueries (planned as in any
 * query); `computed`: values with subqueries, computed beside the rows (`__vN`, `__wN`).
 */
function joinedToTarget(source: Source, table: TableRef, on: Expr, where?: Expr, computed: Computed[] = []): Query {
  return {
    kind: 'select',
    source: { kind: 'join', type: 'left', left: source, right: { kind: 'collection', name: table.name, db: table.db }, as: '__t', on },
    where,
    groupBy: [],
    aggregated: false,
    passthrough: true,
    columns: computed,
    distinct: false,
    orderBy: [],
  };
}

/** A value of a write that holds a subquery, computed as a column of the joined rows (a write's own expressions cannot run one). */
type Computed = { name: string; field: string; expr: Expr };

/**
 * `e` itself, or where it holds a subquery, a reference to the column `<prefix>N` of the
 * joined rows that computes it (appended to `computed`), typed as `e` is.
 */
function computedIfSubquery(e: Expr, computed: Computed[], prefix: '__v' | '__w'): Expr {
  if (!someExpr(e, (x) => x.kind === 'subquery')) return e;
  const field = `${prefix}${computed.filter((c) => c.field.startsWith(prefix)).length}`;
  computed.push({ name: field, field, expr: e });
  const typed = { ...(e.intWidth ? { intWidth: e.intWidth } : {}), ...(e.charLength !== undefined ? { charLength: e.charLength } : {}), ...(e.numericScale !== undefined ? { numericScale: e.numericScale } : {}) };
  return { ...columnExpr([field], e.type), ...typed, ...(e.span ? { span: e.span } : {}) };
}

const hasSubqueryExpr = (e: Expr) => someExpr(e, (x) => x.kind === 'subquery');
const conjunctsOf = (e: Expr): Expr[] => (e.kind === 'and' ? e.args.flatMap(conjunctsOf) : [e]);
const andOf = (cs: Expr[]): Expr => (cs.length === 1 ? cs[0] : { kind: 'and', args: cs, type: 'bool' });

/**
 * UPDATE … FROM / DELETE … USING: the joined form is a MERGE (the FROM/USING
 * relations joined to the target on the WHERE condition, WHEN MATCHED THEN
 * UPDATE/DELETE), so it runs on the server with `$lookup` and `$merge`. WHERE
 * conjuncts holding subqueries filter the joined rows (the others are the join's
 * condition); SET values holding subqueries are computed beside them (`__vN`).
 */
export function bindJoinedWrite(n: Any, env: BindEnv, action: 'update' | 'delete'): Omit<Extract<Statement, { kind: 'merge' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], action.toUpperCase());
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const src = bindFromClause((action === 'update' ? n.fromClause : n.usingClause) as Node[], env);
  const target = relationOf(def, n.relation.alias?.aliasname ?? table.name, ['__t']);
  const both = exprCtx(env, [...src.relations, target], action === 'update' ? 'UPDATE … FROM' : 'DELETE … USING');
  if (!n.whereClause) throw unsupported('bind', `${action.toUpperCase()} with ${action === 'update' ? 'FROM' : 'USING'} but no WHERE condition`, table.span);
  const where = bindExpr(n.whereClause, { ...both, clause: 'WHERE' });
  requireBoolean(where, 'WHERE');
  const withSubqueries = conjunctsOf(where).filter(hasSubqueryExpr);
  const plain = conjunctsOf(where).filter((c) => !hasSubqueryExpr(c));
  const computed: Computed[] = [];
  const values = action === 'delete' ? [] : ((n.targetList ?? []) as Node[]).map((t) => {
    const { rt, col } = setTarget(t, table, def, ctx0);
    const e = refuseRowWrite(bindExpr(rt.val, { ...both, clause: 'UPDATE … SET' }));
    return { column: rt.name as string, expr: computedIfSubquery(col ? coerceTo(e, col.type) : e, computed, '__v') };
  });
  const on = plain.length ? andOf(plain) : lit(true, 'bool');
  const joined = joinedToTarget(src.source, table, on, withSubqueries.length ? andOf(withSubqueries) : undefined, computed);
  return { kind: 'merge', table, def, joined, clauses: [{ matched: true, action, values }] };
}

/**
 * UPDATE/DELETE whose WHERE holds a subquery (`WHERE id IN (SELECT …)`, `NOT EXISTS
 * (…)`): a write's filter cannot run a subquery's pipeline, so the statement takes the
 * joined form (a MERGE, as UPDATE … FROM): the target's documents (under `__t`) that
 * the WHERE keeps are a SELECT (`SELECT * FROM target WHERE …`, its documents as they
 * are), where subqueries are planned as in any query, and each is matched once (joined
 * to the single row of an empty VALUES, under `__t`, where SET reads them).
 */
export function bindFilteredWrite(n: Any, env: BindEnv, action: 'update' | 'delete'): Omit<Extract<Statement, { kind: 'merge' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], action.toUpperCase());
  if (n.returningList) throw unsupported('bind', 'RETURNING', spanOf(ctx0, n.relation.location));
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const alias = n.relation.alias?.aliasname ?? table.name;
  const sampled = sampledOf(env, def ? undefined : tableKey(table));
  const ctx = exprCtx(env, [{ ...relationOf(def, alias, ['__t']), ...sampled }], action.toUpperCase());
  const where = n.whereClause ? bindExpr(n.whereClause, exprCtx(env, [{ ...relationOf(def, alias, []), ...sampled }], 'WHERE')) : undefined;
  if (where) requireBoolean(where, 'WHERE');
  // a SET value holding a subquery is computed by the joined query (a column `__vN`, where
  // its subqueries are planned as in any select list) and assigned from there
  const computed: Computed[] = [];
  const values = action === 'delete' ? [] : ((n.targetList ?? []) as Node[]).map((t) => {
    const { rt, col } = setTarget(t, table, def, ctx0);
    const bound = refuseRowWrite(bindExpr(rt.val, { ...ctx, clause: 'UPDATE … SET' }));
    return { column: rt.name as string, expr: computedIfSubquery(col ? coerceTo(bound, col.type) : bound, computed, '__v') };
  });
  const kept: Query = { kind: 'select', source: { kind: 'collection', name: table.name, db: table.db }, where, groupBy: [], aggregated: false, passthrough: true, columns: [], distinct: false, orderBy: [] };
  const joined: Query = {
    kind: 'select',
    source: { kind: 'join', type: 'cross', left: { kind: 'values', rows: [{}] }, right: { kind: 'subquery', query: kept }, as: '__t' },
    groupBy: [],
    aggregated: false,
    passthrough: computed.length === 0,
    columns: computed.length ? [{ name: '__t', field: '__t', expr: columnExpr(['__t']) }, ...computed] : [],
    distinct: false,
    orderBy: [],
  };
  return { kind: 'merge', table, def, joined, clauses: [{ matched: true, action, values }] };
}

/** An UPDATE's `SET column = …` target: the assignment and its declared column, after PostgreSQL's checks (and sqletl's: the key is `_id`). */
function setTarget(t: Node, table: TableRef, def: TableDef | undefined, ctx0: ExprContext): { rt: Any; col?: ColumnDef } {
  const rt = unwrap(t)[1];
  if (rt.indirection) throw unsupported('bind', 'assigning to a part of a column', spanOf(ctx0, rt.location));
  const col = def?.columns.find((c) => c.name === rt.name);
  if (def && !col) throw new SqlEtlError('undefined-column', 'bind', `column "${rt.name}" of relation "${table.name}" does not exist`, { params: { column: rt.name, relation: table.name }, span: spanOf(ctx0, rt.location) });
  if (def && (def.primaryKey ?? []).includes(rt.name)) throw unsupported('bind', `updating a primary key column ("${rt.name}"), which is the documents' _id`, spanOf(ctx0, rt.location));
  return { rt, col };
}

/** Whether a parse tree holds a subquery (a SubLink) anywhere. */
export const hasSubquery = (node: unknown): boolean => node !== undefined && JSON.stringify(node).includes('"SubLink"');

export function bindUpdate(n: Any, env: BindEnv): Omit<Extract<Statement, { kind: 'update' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], 'UPDATE');
  if (n.returningList) throw unsupported('bind', 'RETURNING', spanOf(ctx0, n.relation.location));
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const ctx = exprCtx(env, [{ ...relationOf(def, n.relation.alias?.aliasname ?? table.name, []), ...sampledOf(env, def ? undefined : tableKey(table)) }], 'UPDATE');
  const set = ((n.targetList ?? []) as Node[]).map((t) => {
    const { rt, col } = setTarget(t, table, def, ctx0);
    const expr = refuseRowWrite(bindWriteExpr(rt.val, { ...ctx, clause: 'UPDATE … SET' }));
    return { column: rt.name as string, expr: col ? coerceTo(expr, col.type) : expr };
  });
  const where = n.whereClause ? bindWriteExpr(n.whereClause, { ...ctx, clause: 'WHERE' }) : undefined;
  if (where) requireBoolean(where, 'WHERE');
  return { kind: 'update', table, def, set, where };
}

export function bindDelete(n: Any, env: BindEnv): Omit<Extract<Statement, { kind: 'delete' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], 'DELETE');
  if (n.returningList) throw unsupported('bind', 'RETURNING', spanOf(ctx0, n.relation.location));
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const ctx = exprCtx(env, [{ ...relationOf(def, n.relation.alias?.aliasname ?? table.name, []), ...sampledOf(env, def ? undefined : tableKey(table)) }], 'WHERE');
  const where = n.whereClause ? bindWriteExpr(n.whereClause, ctx) : undefined;
  if (where) requireBoolean(where, 'WHERE');
  return { kind: 'delete', table, where };
}

export function bindTableList(nodes: Node[], env: BindEnv): TableRef[] {
  const ctx = exprCtx(env, [], '');
  return nodes.map((node) => {
    const [tag, body] = unwrap(node);
    if (tag === 'RangeVar') return tableRef(body, ctx);
    // DROP TABLE: lists of name parts
    const parts = stringsOf(body.items);
    return parts.length > 1 ? { name: parts[1], db: parts[0] } : { name: parts[0] };
  });
}

export function spanOfLocation(env: BindEnv, location?: number): SourceSpan | undefined {
  return spanOf(exprCtx(env, [], ''), location);
}

export { lit };

/**
 * MERGE INTO t USING s ON … WHEN [NOT] MATCHED [AND …] THEN UPDATE SET … | DELETE |
 * INSERT (…) VALUES (…) | DO NOTHING: the source LEFT JOIN the target, target
 * documents under `__t`; each WHEN clause is bound over both. A WHEN condition or a
 * value holding a subquery is computed beside the joined rows (`__wN`, `__vN`); an
 * INSERT's unlisted columns get their DEFAULTs.
 */
export function bindMerge(n: Any, env: BindEnv): Omit<Extract<Statement, { kind: 'merge' }>, 'sql' | 'span'> {
  const ctx0 = exprCtx(env, [], 'MERGE');
  if (n.returningList) throw unsupported('bind', 'RETURNING', spanOf(ctx0, n.relation.location));
  const table = tableRef(n.relation, ctx0);
  const def = env.catalog.get(tableKey(table));
  const src = bindFromClause([n.sourceRelation], env);
  const target = relationOf(def, n.relation.alias?.aliasname ?? table.name, ['__t']);
  const both = exprCtx(env, [...src.relations, target], 'MERGE');
  const sourceOnly = exprCtx(env, src.relations, 'MERGE … INSERT');
  const on = bindWriteExpr(n.joinCondition, { ...both, clause: 'MERGE … ON' });
  const computed: Computed[] = [];
  const clauses = ((n.mergeWhenClauses ?? []) as Node[]).map((w): MergeClause => {
    const c = unwrap(w)[1];
    const matched = c.matchKind === 'MERGE_WHEN_MATCHED';
    if (c.matchKind === 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE') throw unsupported('bind', 'WHEN NOT MATCHED BY SOURCE', spanOf(ctx0, n.relation.location));
    const ctx = matched ? both : sourceOnly;
    const bound = c.condition ? bindExpr(c.condition, { ...ctx, clause: 'MERGE … WHEN' }) : undefined;
    if (bound) requireBoolean(bound, 'WHEN');
    const condition = bound && computedIfSubquery(bound, computed, '__w');
    const colOf = (name: string) => def?.columns.find((d) => d.name === name);
    const assigned = (column: string, e: Expr) => {
      const col = colOf(column);
      return { column, expr: computedIfSubquery(col ? coerceTo(e, col.type) : e, computed, '__v') };
    };
    switch (c.commandType as string) {
      case 'CMD_DELETE':
        return { matched, condition, action: 'delete', values: [] };
      case 'CMD_NOTHING':
        return { matched, condition, action: 'nothing', values: [] };
      case 'CMD_UPDATE': {
        const values = ((c.targetList ?? []) as Node[]).map((t) => {
          const { rt } = setTarget(t, table, def, ctx0);
          return assigned(rt.name as string, refuseRowWrite(bindExpr(rt.val, { ...both, clause: 'MERGE … UPDATE SET' })));
        });
        return { matched, condition, action: 'update', values };
      }
      case 'CMD_INSERT': {
        const listed = ((c.targetList ?? []) as Node[]).map((t) => unwrap(t)[1]);
        for (const rt of listed) {
          if (def && !colOf(rt.name)) throw new SqlEtlError('undefined-column', 'bind', `column "${rt.name}" of relation "${table.name}" does not exist`, { params: { column: rt.name, relation: table.name }, span: spanOf(ctx0, rt.location, String(rt.name).length) });
        }
        const names = listed.length ? listed.map((rt) => rt.name as string) : def?.columns.map((d) => d.name) ?? [];
        const vals = ((c.values ?? []) as Node[]).map((v) => refuseRowWrite(bindExpr(v, { ...sourceOnly, clause: 'MERGE … INSERT' })));
        if (vals.length > names.length) throw new SqlEtlError('insert-columns', 'bind', 'INSERT has more expressions than target columns', { span: spanOf(ctx0, n.relation.location) });
        // without a column list, VALUES may name fewer columns than the table has: the rest get their DEFAULTs, as listed columns' others do
        if (vals.length < names.length && listed.length) throw new SqlEtlError('insert-columns', 'bind', 'INSERT has more target columns than expressions', { span: spanOf(ctx0, n.relation.location) });
        const given = names.slice(0, vals.length);
        const defaults = (def?.columns ?? []).filter((d) => !given.includes(d.name) && d.default).map((d) => ({ column: d.name, expr: d.default! }));
        return { matched, condition, action: 'insert', values: [...given.map((column, i) => assigned(column, vals[i])), ...defaults] };
      }
      default:
        throw unsupported('bind', `MERGE ${String(c.commandType)}`, spanOf(ctx0, n.relation.location));
    }
  });
  const joined = joinedToTarget(src.source, table, on, undefined, computed);
  return { kind: 'merge', table, def, joined, clauses, strict: true };
}

/** PostgreSQL's words for a constraint kind (`CONSTR_FOREIGN` → FOREIGN KEY). */
function constraintName(contype: unknown): string {
  const names: Record<string, string> = { CONSTR_FOREIGN: 'FOREIGN KEY (REFERENCES)', CONSTR_IDENTITY: 'GENERATED … AS IDENTITY', CONSTR_GENERATED: 'GENERATED ALWAYS AS (…) STORED', CONSTR_EXCLUSION: 'EXCLUDE' };
  return names[String(contype)] ?? String(contype).replace('CONSTR_', '');
}

function constraintHints(contype: unknown): string[] {
  if (contype === 'CONSTR_FOREIGN') return ['sqletl would not check it: drop the constraint, and check the references with an anti-join (NOT EXISTS) if needed'];
  if (contype === 'CONSTR_IDENTITY') return ['insert the values explicitly, e.g. with row_number() OVER (…)'];
  return [];
}

/**
 * An expression of an UPDATE, DELETE, MERGE or ON CONFLICT clause. The write lowerings
 * run these as filters and updates of the target's documents, with no stage that could
 * run a subquery's pipeline: a subquery there is refused at its position (it reached the
 * lowering as an internal "subquery was not planned").
 */
function bindWriteExpr(node: Node, ctx: ExprContext): Expr {
  const e = bindExpr(node, ctx);
  let sub: Expr | undefined;
  someExpr(e, (x) => {
    if (x.kind === 'subquery' && !sub) sub = x;
    return false;
  });
  if (sub) {
    throw unsupported('bind', `a subquery in ${ctx.clause === 'WHERE' ? 'the WHERE of UPDATE or DELETE' : ctx.clause}`, sub.span ?? e.span, [
      'write the rows the subquery reads to a table or CTE first and join it (UPDATE … FROM, DELETE … USING, MERGE … USING), or build the new rows with CREATE TABLE … AS SELECT',
    ]);
  }
  return e;
}
