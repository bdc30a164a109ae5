import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import type { Value } from '../ir/expr.js';
import type { Statement } from '../ir/statement.js';
import { unwrap, type BindEnv, type Catalog } from './bind-context.js';
import { stringsOf } from './bind-expr.js';
import { bindQuery, withCtes } from './bind-select.js';
import { refuseRowColumns } from './bind-row.js';
import type { Query } from '../ir/query.js';
import { bindCreateTable, bindDelete, bindFilteredWrite, bindInsert, bindJoinedWrite, bindMerge, bindTableList, bindUpdate, hasSubquery, spanOfLocation, tableKey } from './bind-write.js';
import type { ParsedScript } from './parse.js';
import { bindCopy } from './bind-copy.js';
import { printableIntervalColumns, refuseIntervalColumns } from './interval-columns.js';


/**
 * Binds every statement of a parsed script, in order: CREATE TABLE declarations
 * enter the catalog and are visible to the statements after them.
 */
/**
 * `declaresSchema`: the script is the `schema` option's (--schema): its tables are marked `fromSchema` as they are
 * declared, so that a view it declares over one reads that table as its other readers do (its stored reals rounded).
 */
export function bindScript(script: ParsedScript, catalog: Catalog, vars: Record<string, Value>, sampled?: Record<string, readonly string[]>, declaresSchema = false): Statement[] {
  const param = (n: number, span?: SourceSpan): Value => {
    const name = script.params.names.get(n);
    if (name === undefined) throw new SqlEtlError('positional-parameter', 'bind', `positional parameter $${n} is not supported; use :name with --var name=value`, { span });
    if (!(name in vars)) {
      throw new SqlEtlError('missing-variable', 'bind', `no value for :${name}`, {
        span: { start: script.params.offsets.get(n) ?? span?.start ?? 0, end: (script.params.offsets.get(n) ?? 0) + name.length + 1 },
        hints: [`pass it with --var ${name}=VALUE`],
      });
    }
    return vars[name];
  };
  const env: BindEnv = { catalog, ctes: new Map(), param, toChar: script.toChar, keywordSpan: script.keywordSpan, ...(sampled ? { sampled: new Map(Object.entries(sampled)) } : {}) };
  return script.statements.map((ps, i) => {
    try {
      const s = bindStatement(ps, i + 1);
      if (env.sampled) forgetWritten(s, env.sampled);
      return s;
    } catch (err) {
      throw placed(err, ps.start);
    }
  });

  function bindStatement(ps: ParsedScript['statements'][number], index: number): Statement {
    const [tag, n] = unwrap(ps.node);
    const span = { start: ps.start, end: ps.end };
    const base = { sql: ps.sql, span };
    switch (tag) {
      case 'SelectStmt': {
        // its WITH RECURSIVE queries are computed first, into collections named by `index`
        const recursive: NonNullable<BindEnv['recursive']> = { index, ctes: [] };
        const query = printableIntervalColumns(bindQuery(n, { ...env, recursive }));
        return { kind: 'select', query, ...(recursive.ctes.length ? { recursive: recursive.ctes } : {}), ...base };
      }
      case 'VariableSetStmt': {
        // a list of allowed words, or 'count' for a positive integer
        const settings: Record<string, string[] | 'count'> = { 'sqletl.on_error': ['stop', 'reject'], 'sqletl.batch_size': 'count', 'sqletl.max_recursion': 'count' };
        const name = String(n.name ?? '').toLowerCase();
        const arg = (n.args ?? [])[0] as Node | undefined;
        const raw = arg ? unwrap(arg)[1] : undefined;
        // an integer constant 0 arrives as an empty ival (protobuf leaves zero out)
        const value = String(raw?.sval?.sval ?? (raw?.ival ? (raw.ival.ival ?? 0) : '')).toLowerCase();
        const where = spanOfLocation(env, n.location);
        const allowed = settings[name];
        if (!allowed) throw unsupported('bind', `SET ${n.name}`, where ?? { start: ps.start, end: ps.start + 3 }, ['sqletl settings: sqletl.on_error = stop | reject, sqletl.batch_size = <rows per COPY batch>, sqletl.max_recursion = <iterations of a WITH RECURSIVE query>']);
        if (allowed === 'count' ? !/^[1-9][0-9]{0,8}$/.test(value) : !allowed.includes(value)) {
          const hint = allowed === 'count' ? 'a whole number from 1 to 999999999' : `one of: ${allowed.join(', ')}`;
          throw new SqlEtlError('invalid-setting', 'bind', `invalid value for ${name}: "${value}"`, { span: where, hints: [hint] });
        }
        return { kind: 'set', name, value, ...base };
      }
      case 'CreateSchemaStmt':
        // a schema is a MongoDB database: nothing to declare
        return { kind: 'create-schema', name: n.schemaname, ...base };
      case 'CreateStmt': {
        const table = bindCreateTable(n, env);
        const key = tableKey(table);
        if (!(n.if_not_exists && catalog.has(key))) catalog.set(key, declaresSchema ? { ...table, fromSchema: true } : table);
        return { kind: 'create-table', table, ifNotExists: !!n.if_not_exists, ...base };
      }
      case 'ViewStmt': {
        const query = refuseIntervalColumns(bindQuery(unwrap(n.query)[1], env));
        const rel = n.view;
        if (query.passthrough) throw unsupported('bind', 'a view over SELECT * of a collection without declared columns', spanOfLocation(env, rel.location));
        const names = stringsOf(n.aliases);
        const named = names.length ? { ...query, columns: query.columns.map((c, i) => ({ ...c, name: names[i] ?? c.name })) } : query;
        const table = { name: rel.relname, db: rel.schemaname, columns: named.columns.map((c) => ({ name: c.name, type: c.expr.type, typeName: c.expr.type, notNull: false })), unique: [], checks: [], view: named };
        catalog.set(tableKey(table), table);
        return { kind: 'create-view', table: { name: rel.relname, db: rel.schemaname, span: spanOfLocation(env, rel.location) }, query: named, replace: !!n.replace, ...base };
      }
      case 'RefreshMatViewStmt': {
        const t = bindTableList([{ RangeVar: n.relation } as Node], env)[0];
        const def = catalog.get(tableKey(t));
        if (!def?.materialized) {
          throw new SqlEtlError('unknown-view', 'bind', `materialized view "${t.name}" is not defined in this job`, {
            span: spanOfLocation(env, n.relation.location),
            hints: ['declare it with CREATE MATERIALIZED VIEW in the job or in the --schema file'],
          });
        }
        return { kind: 'refresh-view', table: t, query: def.materialized, ...base };
      }
      case 'CreateTableAsStmt': {
        // a materialized view keeps its query for REFRESH, which has no statement to compute WITH RECURSIVE in: refused there
        const recursive: NonNullable<BindEnv['recursive']> = { index, ctes: [] };
        const query = refuseRowColumns(refuseIntervalColumns(bindQuery(unwrap(n.query)[1], n.objtype === 'OBJECT_MATVIEW' ? env : { ...env, recursive })));
        const rel = n.into.rel;
        const names = stringsOf(n.into.colNames);
        if (query.passthrough) throw unsupported('bind', 'CREATE TABLE AS SELECT * of a collection without declared columns', spanOfLocation(env, rel.location));
        // a character(n) column stays one (stored padded, lower-write.ts), as PostgreSQL's table has it
        const columns = query.columns.map((c, i) => ({ name: names[i] ?? c.name, type: c.expr.type, typeName: c.expr.charLength !== undefined ? 'bpchar' : c.expr.type, notNull: false, ...(c.expr.charLength !== undefined ? { length: c.expr.charLength, blankPadded: true } : {}) }));
        const materialized = n.objtype === 'OBJECT_MATVIEW' ? query : undefined;
        const table = { name: rel.relname, db: rel.schemaname, columns, unique: [], checks: [], materialized };
        catalog.set(tableKey(table), table);
        return { kind: 'create-table', table, ifNotExists: !!n.if_not_exists, asQuery: query, ...(recursive.ctes.length ? { recursive: recursive.ctes } : {}), ...base };
      }
      // a leading WITH belongs to the write statement: its CTEs are in scope for the source
      // query, FROM/USING and subqueries, and hide tables of the same name (the target stays the table)
      case 'InsertStmt': {
        // its WITH RECURSIVE queries (in the leading WITH or the source query) are computed first
        const recursive: NonNullable<BindEnv['recursive']> = { index, ctes: [] };
        const withRecursive = { ...env, recursive };
        const insert = bindInsert(n, withCtes(n.withClause, withRecursive));
        return { ...insert, ...(recursive.ctes.length ? { recursive: recursive.ctes } : {}), ...base };
      }
      case 'UpdateStmt': {
        const scoped = withCtes(n.withClause, env);
        if (n.fromClause?.length) return { ...bindJoinedWrite(n, scoped, 'update'), ...base };
        // a subquery in the WHERE or SET: the joined form
        if (hasSubquery(n.whereClause) || hasSubquery(n.targetList)) return { ...bindFilteredWrite(n, scoped, 'update'), ...base };
        return { ...bindUpdate(n, scoped), ...base };
      }
      case 'DeleteStmt': {
        const scoped = withCtes(n.withClause, env);
        if (n.usingClause?.length) return { ...bindJoinedWrite(n, scoped, 'delete'), ...base };
        return hasSubquery(n.whereClause) ? { ...bindFilteredWrite(n, scoped, 'delete'), ...base } : { ...bindDelete(n, scoped), ...base };
      }
      case 'CopyStmt':
        return bindCopy(n, env, span, ps.sql);
      case 'MergeStmt':
        return { ...bindMerge(n, withCtes(n.withClause, env)), ...base };
      case 'TruncateStmt':
        return { kind: 'truncate', tables: bindTableList(n.relations, env), ...base };
      case 'DropStmt': {
        if (!['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(n.removeType)) throw unsupported('bind', `DROP ${String(n.removeType).replace('OBJECT_', '')}`, { start: ps.start, end: ps.start + 4 });
        const tables = bindTableList(n.objects, env);
        for (const t of tables) catalog.delete(tableKey(t));
        return { kind: 'drop-table', tables, ifExists: !!n.missing_ok, view: n.removeType === 'OBJECT_VIEW', ...base };
      }
      case 'IndexStmt': {
        const table = bindTableList([{ RangeVar: n.relation } as Node], env)[0];
        const columns = ((n.indexParams ?? []) as Node[]).map((p) => {
          const ie = unwrap(p)[1];
          if (!ie.name) throw unsupported('bind', 'an index on an expression', spanOfLocation(env, n.relation.location));
          return ie.name as string;
        });
        return { kind: 'create-index', table, name: n.idxname ?? `${table.name}_${columns.join('_')}_idx`, columns, unique: !!n.unique, ...base };
      }
      default:
        throw unsupported('bind', STATEMENT_NAMES[tag] ?? tag.replace(/Stmt$/, '').toUpperCase(), { start: ps.start, end: ps.start + 1 });
    }
  }
}

/**
 * Every error names a place: one the binder could not place points at its
 * statement, and a statement too deep for the binder's recursion is reported as such.
 */
export function placed(err: unknown, start: number): unknown {
  if (err instanceof SqlEtlError) {
    if (!err.span) err.span = { start, end: start + 1 };
    return err;
  }
  if (err instanceof RangeError) {
    return new SqlEtlError('statement-too-complex', 'bind', 'statement is nested too deeply to compile', {
      span: { start, end: start + 1 },
      hints: ['split a very long chain of operators or deeply nested expressions/subqueries into smaller parts (e.g. CTEs)'],
      cause: err,
    });
  }
  return err;
}

const STATEMENT_NAMES: Record<string, string> = {
VariableSetStmt: 'SET',
  TransactionStmt: 'transactions (BEGIN/COMMIT)', ExplainStmt: 'EXPLAIN',
};

/**
 * `--strict-columns`: after a statement that writes a collection (or creates, drops,
 * fills it), its sample no longer says which fields the documents have: the
 * statements after it read it unchecked.
 */
function forgetWritten(s: Statement, sampled: Map<string, readonly string[]>): void {
  if (s.kind === 'select' || s.kind === 'copy-to' || s.kind === 'set' || s.kind === 'create-schema') return;
  const tables = 'tables' in s ? s.tables : 'table' in s ? [s.table] : [];
  for (const t of tables) sampled.delete(tableKey(t));
}

