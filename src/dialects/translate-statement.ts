import type { Ast } from './parse-dialect.js';
import { pgIdent } from './pg-text.js';
import { pgType } from './data-types.js';
import { columnName, expr, list } from './translate-expr.js';
import { qualifiedName, query, tableName } from './translate-query.js';
import type { KnownTable, Translator } from './translator.js';

/**
 * Statements other than MERGE (merge.ts) → PostgreSQL text: SELECT, INSERT
 * (MySQL's ON DUPLICATE KEY UPDATE becomes ON CONFLICT on the table's key),
 * UPDATE, DELETE, CREATE TABLE [AS], DROP TABLE. `declare` records a created
 * table's columns and key for the statements after it.
 */
export function statement(tx: Translator, s: Ast, declare: (name: string, db: string | undefined, t: KnownTable) => void): void {
  switch (s.type) {
    case 'select':
      return query(tx, s);
    case 'insert':
      return insert(tx, s);
    case 'update':
      return update(tx, s);
    case 'delete':
      return remove(tx, s);
    case 'create':
      if (String(s.keyword).toLowerCase() !== 'table') throw tx.fail(`CREATE ${String(s.keyword).toUpperCase()}`, tx.base);
      return createTable(tx, s, declare);
    case 'drop': {
      if (String(s.keyword).toLowerCase() !== 'table') throw tx.fail(`DROP ${String(s.keyword).toUpperCase()}`, tx.base);
      tx.write('DROP TABLE ', tx.base);
      if (String(s.prefix ?? '').toLowerCase() === 'if exists') tx.write('IF EXISTS ');
      (s.name as Ast[]).forEach((t, i) => {
        if (i > 0) tx.write(', ');
        tableName(tx, t);
      });
      return;
    }
    default:
      throw tx.fail(`the ${String(s.type ?? 'unknown').toUpperCase()} statement`, tx.base);
  }
}

function target(tx: Translator, s: Ast): Ast {
  const tables = (s.table ?? []) as Ast[];
  if (tables.length !== 1) throw tx.fail('a statement writing several tables', tx.base);
  return tables[0];
}

function insert(tx: Translator, s: Ast): void {
  const prefix = String(s.prefix ?? '').toLowerCase();
  if (prefix.includes('ignore')) throw tx.fail('INSERT IGNORE', tx.findWord('IGNORE')?.start, ['write ON DUPLICATE KEY UPDATE, or filter the rows']);
  if (s.type === 'replace') throw tx.fail('REPLACE', tx.base);
  const t = target(tx, s);
  tx.write('INSERT INTO ', tx.base);
  tableName(tx, t);
  const columns = (s.columns ?? null) as unknown[] | null;
  if (columns?.length) {
    tx.write(' (');
    columns.forEach((c, i) => {
      if (i > 0) tx.write(', ');
      tx.ident(columnName(c));
    });
    tx.write(')');
  }
  tx.write(' ');
  const values = s.values as Ast;
  if (values?.type === 'values') {
    tx.write('VALUES ', tx.findWord('VALUES')?.start);
    (values.values as Ast[]).forEach((row, i) => {
      if (i > 0) tx.write(', ');
      list(tx, row.value as Ast[], true);
    });
  } else if (values?.type === 'select' || values?.ast) {
    query(tx, values.ast ?? values);
  } else if (Array.isArray(values)) {
    tx.write('VALUES ');
    values.forEach((row: Ast, i: number) => {
      if (i > 0) tx.write(', ');
      list(tx, row.value as Ast[], true);
    });
  } else {
    throw tx.fail('this INSERT source', tx.base);
  }
  const dup = s.on_duplicate_update as Ast | null | undefined;
  if (dup) onDuplicateKey(tx, t, dup);
  if (s.returning) throw tx.fail('RETURNING', tx.findWord('RETURNING')?.start);
}

/**
 * MySQL's `ON DUPLICATE KEY UPDATE a = VALUES(a)` is PostgreSQL's
 * `ON CONFLICT (key) DO UPDATE SET a = EXCLUDED.a` on the table's primary key
 * (sqletl's upserts are on the key, stored as _id; MySQL would also react to a
 * clash on another UNIQUE index).
 */
function onDuplicateKey(tx: Translator, t: Ast, dup: Ast): void {
  const at = tx.findWord('DUPLICATE')?.start ?? tx.here();
  if (tx.dialect !== 'mysql') throw tx.fail('ON DUPLICATE KEY UPDATE', at, ['write MERGE']);
  const parts = qualifiedName(tx, t).map((p) => tx.identName(p));
  const known = parts.length === 2 ? tx.tables(parts[1], parts[0]) : tx.tables(parts[0]);
  if (!known?.key.length) {
    throw tx.fail('ON DUPLICATE KEY UPDATE on a table without a declared PRIMARY KEY', at, ['declare the table (CREATE TABLE … PRIMARY KEY …) in the job or with --schema']);
  }
  tx.write(` ON CONFLICT (${known.key.map(pgIdent).join(', ')}) DO UPDATE SET `, at);
  tx.upsert = true;
  try {
    assignments(tx, dup.set as Ast[]);
  } finally {
    tx.upsert = false;
  }
}

function assignments(tx: Translator, set: Ast[]): void {
  set.forEach((a, i) => {
    if (i > 0) tx.write(', ');
    tx.ident(columnName(a.column));
    tx.write(' = ');
    expr(tx, a.value?.type === 'expr' ? a.value.expr : a.value);
  });
}

function update(tx: Translator, s: Ast): void {
  const t = target(tx, s);
  if (s.from?.length) throw tx.fail('UPDATE … FROM', tx.findWord('FROM')?.start, ['write MERGE']);
  if (s.orderby?.length || s.limit?.value?.length) throw tx.fail('UPDATE with ORDER BY/LIMIT', tx.base);
  tx.write('UPDATE ', tx.base);
  tableName(tx, t);
  if (t.as) {
    tx.write(' AS ');
    tx.ident(String(t.as));
  }
  tx.write(' SET ', tx.findWord('SET')?.start);
  assignments(tx, s.set as Ast[]);
  if (s.where) {
    tx.write(' WHERE ', tx.findWord('WHERE')?.start);
    expr(tx, s.where);
  }
}

function remove(tx: Translator, s: Ast): void {
  const from = (s.from ?? []) as Ast[];
  if (from.length !== 1 || from[0].join) throw tx.fail('DELETE from several tables', tx.base, ['write MERGE … WHEN MATCHED THEN DELETE']);
  if (s.orderby?.length || s.limit?.value?.length) throw tx.fail('DELETE with ORDER BY/LIMIT', tx.base);
  tx.write('DELETE FROM ', tx.base);
  tableName(tx, from[0]);
  if (from[0].as) {
    tx.write(' AS ');
    tx.ident(String(from[0].as));
  }
  if (s.where) {
    tx.write(' WHERE ', tx.findWord('WHERE')?.start);
    expr(tx, s.where);
  }
}

function createTable(tx: Translator, s: Ast, declare: (name: string, db: string | undefined, t: KnownTable) => void): void {
  const t = target(tx, s);
  tx.write('CREATE TABLE ', tx.base);
  if (s.if_not_exists) tx.write('IF NOT EXISTS ');
  tableName(tx, t);
  const parts = qualifiedName(tx, t).map((p) => tx.identName(p));
  const [name, db] = parts.length === 2 ? [parts[1], parts[0]] : [parts[0], undefined];
  const q = s.query_expr ?? (s.as && typeof s.as === 'object' ? s.as : undefined);
  if (q) {
    tx.write(' AS ');
    query(tx, q.ast ?? q);
    return;
  }
  const columns: string[] = [];
  const key: string[] = [];
  tx.write(' (');
  ((s.create_definitions ?? []) as Ast[]).forEach((d, i) => {
    if (i > 0) tx.write(', ');
    if (d.resource === 'column') {
      const col = columnName(d.column?.column ?? d.column);
      tx.ident(col);
      columns.push(tx.identName(col));
      tx.write(` ${pgType(tx, d.definition)}`);
      if (String(d.nullable?.type ?? '').toLowerCase() === 'not null') tx.write(' NOT NULL');
      if (d.default_val) {
        tx.write(' DEFAULT ');
        expr(tx, d.default_val.value ?? d.default_val);
      }
      if (d.primary_key) {
        tx.write(' PRIMARY KEY');
        key.push(tx.identName(col));
      } else if (d.unique || d.unique_or_primary === 'unique') tx.write(' UNIQUE');
      return;
    }
    if (d.resource === 'constraint') {
      const kind = String(d.constraint_type ?? '').toLowerCase();
      const cols = ((d.definition ?? []) as Ast[]).map((c) => columnName(c.column ?? c));
      if (kind !== 'primary key' && kind !== 'unique' && kind !== 'unique key' && kind !== 'unique index') throw tx.fail(`the ${kind.toUpperCase()} constraint`, tx.base);
      tx.write(kind === 'primary key' ? 'PRIMARY KEY (' : 'UNIQUE (');
      cols.forEach((c, k) => {
        if (k > 0) tx.write(', ');
        tx.ident(c);
      });
      tx.write(')');
      if (kind === 'primary key') key.push(...cols.map((c) => tx.identName(c)));
      return;
    }
    throw tx.fail(`the table element ${String(d.resource ?? '')}`, tx.base);
  });
  tx.write(')');
  declare(name, db, { columns, key });
}
