import type { Ast } from './parse-dialect.js';
import { pgIdent } from './pg-text.js';
import { columnName, expr, orderBy, windowSpec } from './translate-expr.js';
import type { Translator } from './translator.js';

/**
 * SELECT (with WITH, set operations, TOP/LIMIT/OFFSET … FETCH, QUALIFY) and FROM
 * items → PostgreSQL text.
 */
export function query(tx: Translator, q: Ast): void {
  if (q.type && q.type !== 'select') throw tx.fail(`${String(q.type).toUpperCase()} as a query`);
  if (q.with?.length) withClause(tx, q.with as Ast[]);
  // set operations: node-sql-parser chains members through _next; a trailing ORDER BY/LIMIT sits on the last
  const members: Ast[] = [];
  const ops: string[] = [];
  for (let m: Ast | undefined = q; m; m = m._next) {
    members.push(m);
    if (m._next) ops.push(setOp(tx, String(m.set_op ?? 'union')));
  }
  if (members.length === 1) {
    select(tx, q, true);
    return;
  }
  members.forEach((m, i) => {
    if (i > 0) tx.write(` ${ops[i - 1]} `, tx.findWord(ops[i - 1].split(' ')[0])?.start);
    const last = i === members.length - 1;
    // a member's own TOP/LIMIT needs parentheses; the last one's ORDER BY/LIMIT belong to the whole
    const own = !last && (m.top || m.orderby || hasLimit(m.limit));
    if (own) tx.write('(');
    select(tx, m, own);
    if (own) tx.write(')');
  });
  tail(tx, members[members.length - 1]);
}

function setOp(tx: Translator, op: string): string {
  const o = op.toUpperCase().replace(/\s+/g, ' ').trim();
  if (o === 'MINUS') return 'EXCEPT';
  if (['UNION', 'UNION ALL', 'UNION DISTINCT', 'INTERSECT', 'INTERSECT DISTINCT', 'EXCEPT', 'EXCEPT DISTINCT', 'INTERSECT ALL', 'EXCEPT ALL'].includes(o)) return o.replace(' DISTINCT', '');
  throw tx.fail(o);
}

function withClause(tx: Translator, ctes: Ast[]): void {
  tx.write('WITH ', tx.findWord('WITH')?.start);
  ctes.forEach((c, i) => {
    if (i > 0) tx.write(', ');
    tx.ident(String(c.name?.value ?? c.name));
    if (c.columns?.length) {
      tx.write(' (');
      (c.columns as Ast[]).forEach((col, k) => {
        if (k > 0) tx.write(', ');
        tx.ident(columnName(col.column ?? col));
      });
      tx.write(')');
    }
    tx.write(' AS (');
    query(tx, c.stmt?.ast ?? c.stmt);
    tx.write(')');
  });
  tx.write(' ');
}

function hasLimit(limit: Ast | undefined | null): boolean {
  return !!limit && (!!limit.value?.length || !!limit.fetch || !!limit.offset);
}

/** One SELECT; `withTail` writes its ORDER BY / LIMIT too (not for the last member of a set operation). */
function select(tx: Translator, s: Ast, withTail: boolean): void {
  if (s.into?.position || s.into?.expr) throw tx.fail('SELECT … INTO', tx.findWord('INTO')?.start, ['write INSERT INTO … SELECT or CREATE TABLE … AS SELECT']);
  if (s.qualify) {
    qualified(tx, s, withTail);
    return;
  }
  tx.write('SELECT', tx.findWord('SELECT')?.start);
  const distinct = typeof s.distinct === 'string' ? s.distinct : s.distinct?.type;
  if (distinct) tx.write(' DISTINCT');
  if (s.top && !s.top.value) throw tx.fail('TOP without a row count');
  if (s.top?.percent) throw tx.fail('TOP … PERCENT', tx.findWord('PERCENT')?.start);
  if (s.top) tx.findWord('TOP');
  tx.write(' ');
  selectList(tx, s.columns);
  fromAndFilters(tx, s);
  if (withTail) tail(tx, s);
}

export function selectList(tx: Translator, columns: Ast[] | string): void {
  if (columns === '*') {
    tx.write('*', tx.find((t) => t.value === '*')?.start);
    return;
  }
  (columns as Ast[]).forEach((c, i) => {
    if (i > 0) tx.write(', ');
    if (c.expr?.type === 'star' || (c.expr?.type === 'column_ref' && columnName(c.expr.column) === '*' && !c.expr.table)) {
      tx.write('*', tx.find((t) => t.value === '*')?.start);
      return;
    }
    expr(tx, c.expr);
    const alias = aliasName(c.as);
    if (alias) {
      tx.write(' AS ');
      tx.ident(alias);
    }
  });
}

export function aliasName(as: unknown): string | undefined {
  if (as === null || as === undefined || as === '') return undefined;
  if (typeof as === 'string') return as;
  return columnName(as);
}

function fromAndFilters(tx: Translator, s: Ast): void {
  if (s.from?.length) {
    tx.write(' FROM ', tx.findWord('FROM')?.start);
    from(tx, s.from as Ast[]);
  }
  if (s.where) {
    tx.write(' WHERE ', tx.findWord('WHERE')?.start);
    expr(tx, s.where);
  }
  const groups = Array.isArray(s.groupby) ? s.groupby : s.groupby?.columns;
  if (groups?.length) {
    if (s.groupby?.modifiers?.some((m: unknown) => m)) throw tx.fail('WITH ROLLUP');
    tx.write(' GROUP BY ', tx.findWord('GROUP')?.start);
    (groups as Ast[]).forEach((g, i) => {
      if (i > 0) tx.write(', ');
      expr(tx, g);
    });
  }
  if (s.having) {
    tx.write(' HAVING ', tx.findWord('HAVING')?.start);
    expr(tx, s.having);
  }
  const windows = (s.window?.expr as Ast[] | undefined) ?? [];
  if (windows.length) {
    tx.write(' WINDOW ', tx.findWord('WINDOW')?.start);
    windows.forEach((w, i) => {
      if (i > 0) tx.write(', ');
      tx.ident(String(w.name));
      tx.write(' AS ');
      windowSpec(tx, w.as_window_specification?.window_specification);
    });
  }
}

/** ORDER BY, then TOP n / LIMIT / OFFSET … FETCH as PostgreSQL's LIMIT … OFFSET … */
function tail(tx: Translator, s: Ast): void {
  if (s.orderby?.length) orderBy(tx, s.orderby, ' ORDER BY ');
  const { limit, offset } = limits(tx, s);
  if (limit) {
    tx.write(' LIMIT ');
    expr(tx, limit);
  }
  if (offset) {
    tx.write(' OFFSET ');
    expr(tx, offset);
  }
}

function limits(tx: Translator, s: Ast): { limit?: Ast; offset?: Ast } {
  const l = s.limit;
  let limit: Ast | undefined;
  let offset: Ast | undefined;
  if (l?.fetch || l?.offset) {
    offset = l.offset?.value;
    limit = l.fetch?.value;
  } else if (l?.value?.length) {
    const v = l.value as Ast[];
    if (v.length === 2 && l.seperator === ',') [offset, limit] = v;
    else [limit, offset] = v;
  }
  if (s.top) {
    if (limit) throw tx.fail('TOP together with OFFSET … FETCH');
    limit = typeof s.top.value === 'object' ? s.top.value : { type: 'number', value: s.top.value };
  }
  return { limit, offset };
}

/**
 * QUALIFY (Snowflake, BigQuery) filters on window functions after they are
 * computed: the SELECT becomes a derived table that also computes the condition,
 * and the outer query keeps the rows where it holds, with the original columns.
 */
function qualified(tx: Translator, s: Ast, withTail: boolean): void {
  const columns = s.columns as Ast[] | string;
  if (columns === '*' || (columns as Ast[]).some((c) => c.expr?.type === 'star' || columnName(c.expr?.column) === '*')) {
    throw tx.fail('QUALIFY with SELECT *', tx.findWord('QUALIFY')?.start, ['list the columns']);
  }
  const names = (columns as Ast[]).map((c, i) => aliasName(c.as) ?? (c.expr?.type === 'column_ref' ? columnName(c.expr.column) : `__col${i + 1}`));
  const outer = names.map((n) => pgIdent(tx.identName(n))).join(', ');
  tx.write(`SELECT ${outer} FROM (`, tx.findWord('SELECT')?.start);
  const kept = (columns as Ast[]).map((c, i) => ({ ...c, as: c.as ?? (c.expr?.type === 'column_ref' ? null : names[i]) }));
  const condition = { expr: s.qualify, as: '__sqletl_qualify' };
  select(tx, { ...s, qualify: null, orderby: null, limit: null, top: null, columns: [...kept, condition] }, false);
  tx.write(') AS "__sqletl_q" WHERE "__sqletl_qualify"');
  if (withTail) tail(tx, s);
}

/** FROM items: tables, derived tables, joins, PIVOT/UNPIVOT. */
export function from(tx: Translator, items: Ast[]): void {
  items.forEach((item, i) => {
    if (i > 0) {
      const join = item.join ? String(item.join).toUpperCase() : undefined;
      if (join) {
        if (join.includes('APPLY') || join.includes('NATURAL')) throw tx.fail(join);
        tx.write(` ${join} `, tx.findWord(join.split(' ')[0])?.start);
      } else tx.write(', ');
    }
    fromItem(tx, item);
    if (item.on) {
      tx.write(' ON ', tx.findWord('ON')?.start);
      expr(tx, item.on);
    } else if (item.using?.length) {
      tx.write(' USING (');
      (item.using as unknown[]).forEach((u, k) => {
        if (k > 0) tx.write(', ');
        tx.ident(columnName(u));
      });
      tx.write(')');
    } else if (item.join && !String(item.join).toUpperCase().includes('CROSS')) {
      throw tx.fail(`${String(item.join).toUpperCase()} without ON`);
    }
  });
}

function fromItem(tx: Translator, item: Ast): void {
  const op = item.operator as Ast | null | undefined;
  if (op?.type === 'pivot') return tx.translations.pivotSource(tx, item, op);
  if (op?.type === 'unpivot') return tx.translations.unpivotSource(tx, item, op);
  if (op) throw tx.fail(String(op.type ?? 'this FROM item').toUpperCase());
  plainItem(tx, item);
}

/** A table or a derived table, with its alias. */
export function plainItem(tx: Translator, item: Ast): void {
  if (item.expr?.ast) {
    tx.write('(', tx.find((t) => t.value === '(')?.start);
    query(tx, item.expr.ast);
    tx.write(')');
  } else if (item.expr) {
    throw tx.fail(`${String(item.expr.type ?? 'this').toUpperCase()} in FROM`);
  } else if (item.type === 'unnest' || item.type === 'values') {
    throw tx.fail(`${String(item.type).toUpperCase()} in FROM`);
  } else {
    tableName(tx, item);
  }
  const alias = aliasName(item.as);
  if (alias) {
    tx.write(' AS ');
    tx.ident(alias);
  } else if (item.expr?.ast) {
    tx.write(' AS "unnamed_subquery"');
  }
}

/**
 * A table name. A database-qualified name is `db.table`; T-SQL's schema part is
 * dropped (`dbo.t` and `db.dbo.t` name `t` and `db.t`: MongoDB has no schemas
 * inside a database); a BigQuery `project.dataset.table` is `dataset.table`.
 */
export function tableName(tx: Translator, item: Ast): void {
  const parts = qualifiedName(tx, item);
  parts.forEach((p, i) => {
    if (i > 0) tx.write('.');
    tx.ident(p);
  });
}

export function qualifiedName(tx: Translator, item: Ast): string[] {
  let parts = [item.db, item.schema, item.table].filter((p) => p !== null && p !== undefined && p !== '').map((p) => columnName(p));
  parts = parts.flatMap((p) => (p.includes('.') ? p.split('.') : [p]));
  if (tx.dialect === 'tsql') {
    if (parts.length === 3) parts = [parts[0], parts[2]];
    else if (parts.length === 2 && parts[0].toLowerCase() === 'dbo') parts = [parts[1]];
  }
  if (parts.length > 2) parts = parts.slice(-2);
  return parts;
}
