import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import type { Value } from '../ir/expr.js';
import type { ColumnDef, Statement } from '../ir/statement.js';
import { typeFromName } from '../ir/types.js';
import { spanOf, typeNameOf, unwrap } from './bind-expr.js';
import { bindQuery, type Catalog } from './bind-select.js';
import type { ParsedScript } from './parse.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * Binds every statement of a parsed script, in order: CREATE TABLE declarations
 * enter the catalog and are visible to the statements after them.
 */
export function bindScript(script: ParsedScript, catalog: Catalog, vars: Record<string, Value>): Statement[] {
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
  const ctx = { scope: undefined as never, param, toChar: script.toChar, allowAggregates: false, clause: '', bindSubquery: () => { throw new Error('unreachable'); } };
  return script.statements.map((ps): Statement => {
    const [tag, n] = unwrap(ps.node);
    const span = { start: ps.start, end: ps.end };
    switch (tag) {
      case 'SelectStmt': {
        const query = bindQuery(n, { catalog, ctes: new Map(), param, toChar: script.toChar, keywordSpan: script.keywordSpan });
        return { kind: 'select', query, sql: ps.sql, span };
      }
      case 'CreateStmt': {
        const stmt = bindCreateTable(n, (loc) => spanOf(ctx, loc));
        const key = stmt.db ? `${stmt.db}.${stmt.name}` : stmt.name;
        if (!(stmt.ifNotExists && catalog.has(key))) catalog.set(key, stmt.columns);
        return { ...stmt, sql: ps.sql, span };
      }
      case 'CreateSchemaStmt':
        // a schema is a MongoDB database: nothing to declare
        return { kind: 'create-schema', name: n.schemaname, sql: ps.sql, span };
      default:
        throw unsupported(STATEMENT_NAMES[tag] ?? tag.replace(/Stmt$/, '').toUpperCase(), { start: ps.start, end: ps.start + 1 });
    }
  });
}

const STATEMENT_NAMES: Record<string, string> = {
  InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', MergeStmt: 'MERGE', CopyStmt: 'COPY',
  DropStmt: 'DROP', TruncateStmt: 'TRUNCATE', ViewStmt: 'CREATE VIEW', CreateTableAsStmt: 'CREATE TABLE AS',
  IndexStmt: 'CREATE INDEX', VariableSetStmt: 'SET', TransactionStmt: 'transactions (BEGIN/COMMIT)', ExplainStmt: 'EXPLAIN',
};

function bindCreateTable(n: Any, span: (loc?: number) => SourceSpan | undefined): Omit<Extract<Statement, { kind: 'create-table' }>, 'sql' | 'span'> {
  const rel = n.relation;
  const columns: ColumnDef[] = [];
  for (const el of (n.tableElts ?? []) as Node[]) {
    const [tag, c] = unwrap(el);
    if (tag !== 'ColumnDef') continue; // table constraints: enforced in the writing-data work
    const typeName = typeNameOf(c.typeName);
    const isArray = !!c.typeName.arrayBounds;
    const type = isArray ? 'array' : typeFromName(typeName);
    if (!type) throw new SqlEtlError('unknown-type', 'bind', `type "${typeName}" is not supported`, { span: span(c.typeName.location) });
    const notNull = ((c.constraints ?? []) as Node[]).some((k) => ['CONSTR_NOTNULL', 'CONSTR_PRIMARY'].includes(unwrap(k)[1].contype));
    columns.push({ name: c.colname, type, typeName, notNull });
  }
  return { kind: 'create-table', name: rel.relname, db: rel.schemaname, columns, ifNotExists: !!n.if_not_exists };
}
