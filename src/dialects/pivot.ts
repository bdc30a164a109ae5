import type { Ast } from './parse-dialect.js';
import { pgIdent, pgString } from './pg-text.js';
import { columnName, expr, functionName } from './translate-expr.js';
import { aliasName, plainItem, qualifiedName } from './translate-query.js';
import type { Translator } from './translator.js';

/**
 * PIVOT and UNPIVOT as derived tables PostgreSQL (and so sqletl's binder) reads:
 *
 *   src PIVOT (agg(x) FOR k IN (v1, v2)) AS p
 *     → (SELECT g…, agg(x) FILTER (WHERE k = v1) AS "v1", … FROM src GROUP BY g…) AS p
 *   src UNPIVOT (val FOR name IN (a, b)) AS u
 *     → (SELECT * FROM (SELECT o…, n AS name, CASE n WHEN 'a' THEN a WHEN 'b' THEN b END AS val
 *          FROM src CROSS JOIN unnest(ARRAY['a', 'b']) AS n) WHERE val IS NOT NULL) AS u
 *
 * The grouping columns g… (every source column but the key and the aggregated
 * ones) and the kept columns o… need the source's columns: a derived table's
 * select list, or a table declared with CREATE TABLE (in the job or --schema).
 * The pivot becomes conditional aggregation (one $group), the unpivot an
 * $unwind of the column names and a $switch — neither gathers rows.
 */
export function pivotSource(tx: Translator, item: Ast, op: Ast): void {
  const at = tx.findWord('PIVOT')?.start ?? tx.here();
  // BigQuery's grammar allows several aggregates (an expr_list); sqletl reads one
  const aggs = op.expr?.type === 'expr_list' ? (op.expr.value as Ast[]) : [op.expr as Ast];
  if (aggs.length !== 1) throw tx.fail('PIVOT with several aggregates', at);
  const agg = aggs[0];
  if (agg?.type !== 'aggr_func' && agg?.type !== 'function') throw tx.fail('PIVOT without an aggregate', at);
  const key = columnName(op.column?.column ?? op.column);
  const aggregated = new Set<string>();
  collectColumns(agg, (name) => aggregated.add(tx.identName(name)));
  const values = (op.in_expr?.right?.value ?? []) as Ast[];
  if (!values.length) throw tx.fail('PIVOT without values', at);
  const columns = sourceColumns(tx, item, at, 'PIVOT');
  const keyName = tx.identName(key);
  const groups = columns.filter((c) => c !== keyName && !aggregated.has(c));
  tx.write('(SELECT ', at);
  tx.write(groups.map((g) => `${pgIdent(g)}, `).join(''));
  values.forEach((v, i) => {
    if (i > 0) tx.write(', ');
    const { literal, name } = pivotValue(tx, v);
    tx.write(`${functionName(agg).toLowerCase()}(`);
    if (agg.args?.distinct) tx.write('DISTINCT ');
    const arg = agg.args?.expr ?? agg.args?.value?.[0];
    if (!arg || arg.type === 'star') tx.write('*');
    else expr(tx, arg);
    tx.write(`) FILTER (WHERE ${pgIdent(keyName)} = `);
    tx.write(literal);
    tx.write(`) AS ${pgIdent(name)}`);
  });
  tx.write(' FROM ');
  plainItem(tx, { ...item, operator: null, as: aliasName(item.as) ?? '__sqletl_pivot_source' });
  if (groups.length) tx.write(` GROUP BY ${groups.map(pgIdent).join(', ')}`);
  tx.write(')');
  pivotAlias(tx, op, '__sqletl_pivot');
}

/**
 * A PIVOT value: the literal compared with the key, and the output column's name
 * as the dialect names it — T-SQL's `[shipped]` is a column "shipped", Snowflake
 * names a column after the value's SQL text (`'shipped'`, quotes included),
 * BigQuery after the value (`shipped`).
 */
function pivotValue(tx: Translator, v: Ast): { literal: string; name: string } {
  if (v.type === 'column_ref') {
    const name = columnName(v.column);
    tx.find((t) => (t.kind === 'quoted' || t.kind === 'word') && t.value === name);
    return { literal: pgString(name), name };
  }
  if (v.type === 'number') return { literal: String(v.value), name: String(v.value) };
  if (['single_quote_string', 'string', 'double_quote_string', 'natural_string', 'var_string'].includes(v.type)) {
    const value = String(v.value);
    tx.find((t) => t.kind === 'string' && t.value === value);
    return { literal: pgString(value), name: tx.dialect === 'snowflake' ? `'${value}'` : value };
  }
  throw tx.fail(`a PIVOT value of kind ${String(v.type)}`);
}

export function unpivotSource(tx: Translator, item: Ast, op: Ast): void {
  const at = tx.findWord('UNPIVOT')?.start ?? tx.here();
  const valueName = tx.identName(columnName(op.expr?.column ?? op.expr));
  const nameName = tx.identName(columnName(op.column?.column ?? op.column));
  const listed = ((op.in_expr?.right?.value ?? []) as Ast[]).map((c) => {
    if (c.type !== 'column_ref') throw tx.fail('an UNPIVOT list item that is not a column', at);
    return tx.identName(columnName(c.column));
  });
  if (!listed.length) throw tx.fail('UNPIVOT without columns', at);
  const columns = sourceColumns(tx, item, at, 'UNPIVOT');
  for (const c of listed) {
    if (!columns.includes(c)) throw tx.fail(`UNPIVOT of "${c}", which the source does not have,`, at);
  }
  const kept = columns.filter((c) => !listed.includes(c));
  const src = pgIdent('__sqletl_unpivot_source');
  const n = pgIdent('__sqletl_unpivot_name');
  tx.write('(SELECT * FROM (SELECT ', at);
  tx.write(kept.map((c) => `${src}.${pgIdent(c)}, `).join(''));
  tx.write(`${n} AS ${pgIdent(nameName)}, CASE ${n}`);
  for (const c of listed) tx.write(` WHEN ${pgString(c)} THEN ${src}.${pgIdent(c)}`);
  tx.write(` END AS ${pgIdent(valueName)} FROM `);
  plainItem(tx, { ...item, operator: null, as: '__sqletl_unpivot_source' });
  // NULL values are dropped unless BigQuery's INCLUDE NULLS asks for them
  const filter = op.includeNulls ? '' : ` WHERE ${pgIdent(valueName)} IS NOT NULL`;
  tx.write(` CROSS JOIN unnest(ARRAY[${listed.map(pgString).join(', ')}]) AS ${n}) AS "__sqletl_unpivot"${filter})`);
  pivotAlias(tx, op, '__sqletl_unpivot');
}

function pivotAlias(tx: Translator, op: Ast, fallback: string): void {
  const alias = aliasName(op.as);
  tx.write(' AS ');
  if (alias) tx.ident(alias);
  else tx.write(pgIdent(fallback));
}

function collectColumns(e: unknown, add: (name: string) => void): void {
  if (!e || typeof e !== 'object') return;
  const n = e as Ast;
  if (n.type === 'column_ref') add(columnName(n.column));
  for (const v of Object.values(n)) collectColumns(v, add);
}

/** The columns a PIVOT/UNPIVOT source has, as the binder will name them. */
function sourceColumns(tx: Translator, item: Ast, at: number, what: string): string[] {
  const hint = [`write the source as a derived table listing its columns: (SELECT a, b, … FROM t) AS s ${what} (…)`, 'or declare the table with CREATE TABLE (in the job or with --schema)'];
  if (item.expr?.ast) {
    const q = item.expr.ast as Ast;
    const cols = q.columns as Ast[] | string;
    const fromTable = () => {
      const t = q.from?.length === 1 && !q.from[0].expr ? tx.tables(...tableKey(tx, q.from[0])) : undefined;
      if (!t) throw tx.fail(`${what} over SELECT * of a table whose columns are not declared`, at, hint);
      return t.columns;
    };
    if (cols === '*') return fromTable();
    return (cols as Ast[]).flatMap((c) => {
      const alias = aliasName(c.as);
      if (alias) return [tx.identName(alias)];
      if (c.expr?.type === 'column_ref') {
        const name = columnName(c.expr.column);
        return name === '*' ? fromTable() : [tx.identName(name)];
      }
      throw tx.fail(`${what} over a derived table whose column has no name`, at, ['give every column of the source an alias']);
    });
  }
  const t = tx.tables(...tableKey(tx, item));
  if (!t) throw tx.fail(`${what} over a table whose columns are not declared`, at, hint);
  return t.columns;
}

function tableKey(tx: Translator, item: Ast): [string, string | undefined] {
  const parts = qualifiedName(tx, item).map((p) => tx.identName(p));
  return parts.length === 2 ? [parts[1], parts[0]] : [parts[0], undefined];
}
