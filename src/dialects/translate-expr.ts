import type { Ast } from './parse-dialect.js';
import { pgString } from './pg-text.js';
import { pgType } from './data-types.js';
import type { Translator } from './translator.js';

/**
 * node-sql-parser expressions → PostgreSQL expression text. Each node is written
 * in PostgreSQL's spelling with the meaning it has in the dialect: dialect
 * functions go through the per-dialect tables (function-table.ts), division
 * follows the dialect's typing, and NULL ordering is spelled out where the
 * dialect sorts NULLs differently from PostgreSQL.
 */
export function expr(tx: Translator, e: Ast | null | undefined): void {
  if (e === null || e === undefined) throw tx.fail('an empty expression');
  if (e.ast) {
    // a subquery: { tableList, columnList, ast }
    tx.write('(');
    tx.translations.query(tx, e.ast);
    tx.write(')');
    return;
  }
  switch (e.type) {
    case 'column_ref':
      return columnRef(tx, e);
    case 'number':
      return number(tx, e);
    case 'single_quote_string':
    case 'natural_string':
    case 'var_string':
    case 'string':
      return string(tx, String(e.value));
    case 'double_quote_string':
      // a string in MySQL and BigQuery; an identifier elsewhere
      if (tx.dialect === 'mysql' || tx.dialect === 'bigquery') return string(tx, String(e.value));
      tx.ident(String(e.value));
      return;
    case 'backticks_quote_string':
      tx.ident(String(e.value));
      return;
    case 'date':
    case 'time':
    case 'timestamp':
    case 'datetime': {
      // typed literals: DATE '2024-01-31'
      const t = tx.findWord(String(e.type));
      tx.write(`${e.type === 'datetime' ? 'TIMESTAMP' : String(e.type).toUpperCase()} `, t?.start);
      string(tx, String(e.value));
      return;
    }
    case 'bool':
      tx.write(e.value ? 'TRUE' : 'FALSE', tx.findWord(e.value ? 'TRUE' : 'FALSE')?.start);
      return;
    case 'null':
      tx.write('NULL', tx.findWord('NULL')?.start);
      return;
    case 'param':
      tx.param(String(e.value));
      return;
    case 'star':
      tx.write('*');
      return;
    case 'binary_expr':
      return binary(tx, e);
    case 'unary_expr':
      return unary(tx, e);
    case 'expr_list':
      list(tx, e.value as Ast[], true);
      return;
    case 'case':
      return caseExpr(tx, e);
    case 'cast':
      return cast(tx, e);
    case 'interval':
      return interval(tx, e);
    case 'function':
    case 'aggr_func':
    case 'window_func':
      return call(tx, e);
    case 'extract': {
      tx.write('EXTRACT(');
      tx.write(String(e.args?.field ?? '').toUpperCase());
      tx.write(' FROM ');
      expr(tx, e.args?.source);
      tx.write(')');
      return;
    }
    case 'origin':
      tx.write(String(e.value).toUpperCase());
      return;
    case 'select':
      tx.write('(');
      tx.translations.query(tx, e);
      tx.write(')');
      return;
    default:
      throw tx.fail(`the expression ${describe(e)}`);
  }
}

function describe(e: Ast): string {
  return String(e.type ?? 'node').replace(/_/g, ' ');
}

export function list(tx: Translator, items: Ast[], parens: boolean): void {
  if (parens) tx.write('(');
  items.forEach((item, i) => {
    if (i > 0) tx.write(', ');
    expr(tx, item);
  });
  if (parens) tx.write(')');
}

/** The column part of a column_ref: a string, or `{ expr: { value } }` in some grammars. */
export function columnName(c: unknown): string {
  if (typeof c === 'string') return c;
  const v = (c as Ast | null)?.expr?.value ?? (c as Ast | null)?.value;
  return String(v ?? '');
}

function columnRef(tx: Translator, e: Ast): void {
  const column = columnName(e.column);
  if (tx.dialect === 'tsql' && column.startsWith('@')) {
    tx.param(column.slice(1));
    return;
  }
  if (column.includes('::')) throw tx.fail(`the :: cast`, undefined, ['write CAST(x AS type)']);
  const parts = [e.db, e.schema, e.table].filter((p) => p !== null && p !== undefined && p !== '').map((p) => columnName(p));
  for (const p of parts) {
    tx.ident(p);
    tx.write('.');
  }
  if (column === '*') tx.write('*');
  else tx.ident(column);
  for (const sub of (e.subFields as string[] | undefined) ?? []) {
    tx.write('.');
    tx.ident(sub);
  }
}

function number(tx: Translator, e: Ast): void {
  const text = String(e.value);
  const t = tx.find((x) => x.kind === 'number' && x.value === text);
  tx.write(text, t?.start);
}

function string(tx: Translator, value: string): void {
  const t = tx.find((x) => x.kind === 'string' && x.value === value);
  tx.write(pgString(value), t?.start);
}

const SAME_OPERATORS = new Set(['=', '<', '>', '<=', '>=', '<>', '+', '-', '*', '%', 'AND', 'OR', 'LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE', 'IN', 'NOT IN', 'IS', 'IS NOT', '||']);

function binary(tx: Translator, e: Ast): void {
  const op = String(e.operator).toUpperCase();
  const at = tx.here();
  tx.write('(', at);
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    expr(tx, e.left);
    tx.write(` ${op} `);
    expr(tx, e.right.value[0]);
    tx.write(' AND ');
    expr(tx, e.right.value[1]);
  } else if (op === '/') {
    division(tx, e);
  } else if (op === '+' && tx.dialect === 'tsql' && (isText(e.left) || isText(e.right))) {
    // T-SQL's + concatenates strings; known only when an operand is visibly text
    expr(tx, e.left);
    tx.write(' || ');
    expr(tx, e.right);
  } else if (op === '!=' || op === '<>') {
    expr(tx, e.left);
    tx.write(' <> ');
    expr(tx, e.right);
  } else if (op === '||' && tx.dialect === 'mysql') {
    // OR or concatenation depending on sql_mode, and node-sql-parser gives it concatenation's precedence
    throw tx.fail('|| (OR or concatenation, depending on sql_mode)', tx.find((t) => t.value === '||')?.start ?? at, ['write OR, or CONCAT(a, b)']);
  } else if (op === 'DIV' && tx.dialect === 'mysql') {
    tx.write('CAST(trunc(CAST(');
    expr(tx, e.left);
    tx.write(' AS numeric) / ');
    expr(tx, e.right);
    tx.write(') AS bigint)');
  } else if (op === 'XOR') {
    throw tx.fail('XOR');
  } else if (SAME_OPERATORS.has(op) || op === '!=') {
    expr(tx, e.left);
    tx.write(` ${op} `);
    if ((op === 'IN' || op === 'NOT IN') && e.right?.type === 'expr_list' && e.right.value.length === 1 && e.right.value[0].ast) {
      expr(tx, e.right.value[0]);
    } else expr(tx, e.right);
  } else {
    throw tx.fail(`the operator ${op}`, at);
  }
  tx.write(')');
}

/**
 * Division: T-SQL divides integers as PostgreSQL does (truncating); MySQL,
 * Snowflake and BigQuery always give a fractional result.
 */
function division(tx: Translator, e: Ast): void {
  if (tx.dialect === 'tsql') {
    expr(tx, e.left);
    tx.write(' / ');
    expr(tx, e.right);
    return;
  }
  tx.write('CAST(');
  expr(tx, e.left);
  tx.write(' AS numeric) / ');
  expr(tx, e.right);
}

/** A text-typed operand the translator can see: a string literal, or a function that returns text. */
function isText(e: Ast): boolean {
  if (['single_quote_string', 'natural_string', 'var_string', 'string'].includes(e?.type)) return true;
  if (e?.type === 'binary_expr' && e.operator === '+') return isText(e.left) || isText(e.right);
  if (e?.type === 'function') return ['CONCAT', 'UPPER', 'LOWER', 'LTRIM', 'RTRIM', 'TRIM', 'SUBSTRING', 'LEFT', 'RIGHT', 'REPLACE', 'FORMAT'].includes(functionName(e).toUpperCase());
  if (e?.type === 'cast') return /CHAR|TEXT|STRING/i.test(String(e.target?.[0]?.dataType ?? ''));
  return false;
}

function unary(tx: Translator, e: Ast): void {
  const op = String(e.operator).toUpperCase();
  switch (op) {
    case '-':
    case '+':
      tx.write(`(${op}`);
      expr(tx, e.expr);
      tx.write(')');
      return;
    case 'NOT':
    case '!':
      tx.write('(NOT ', tx.findWord('NOT')?.start);
      expr(tx, e.expr);
      tx.write(')');
      return;
    case 'EXISTS':
    case 'NOT EXISTS':
      tx.write(`${op} `, tx.findWord(op === 'EXISTS' ? 'EXISTS' : 'NOT')?.start);
      expr(tx, e.expr);
      return;
    default:
      throw tx.fail(`the operator ${op}`);
  }
}

function caseExpr(tx: Translator, e: Ast): void {
  tx.write('CASE', tx.findWord('CASE')?.start);
  if (e.expr) {
    tx.write(' ');
    expr(tx, e.expr);
  }
  for (const arm of e.args as Ast[]) {
    if (arm.type === 'when') {
      tx.write(' WHEN ');
      expr(tx, arm.cond);
      tx.write(' THEN ');
      expr(tx, arm.result);
    } else {
      tx.write(' ELSE ');
      expr(tx, arm.result);
    }
  }
  tx.write(' END');
}

function cast(tx: Translator, e: Ast): void {
  const target = (Array.isArray(e.target) ? e.target[0] : e.target) as Ast;
  const keyword = String(e.keyword ?? 'cast').toUpperCase();
  if (keyword !== 'CAST') throw tx.fail(`${keyword}`, undefined, ['use CAST; a value that does not convert fails the statement']);
  tx.write('CAST(', tx.here());
  expr(tx, e.expr);
  tx.write(` AS ${pgType(tx, target)})`);
}

const INTERVAL_UNITS: Record<string, string> = {
  YEAR: 'years', QUARTER: 'quarter', MONTH: 'months', WEEK: 'weeks', DAY: 'days', HOUR: 'hours', MINUTE: 'minutes', SECOND: 'seconds', MILLISECOND: 'milliseconds',
};

/** `INTERVAL n unit` (MySQL, BigQuery): a constant PostgreSQL interval. */
function interval(tx: Translator, e: Ast): void {
  const unit = String(e.unit ?? '').toUpperCase();
  intervalOf(tx, e.expr, unit, tx.findWord('INTERVAL')?.start);
}

/** `n unit` as a PostgreSQL interval literal; `n` must be a constant (MongoDB's $dateAdd amounts come from the literal). */
export function intervalOf(tx: Translator, amount: Ast, unit: string, at?: number): void {
  const pgUnit = INTERVAL_UNITS[unit.toUpperCase()];
  if (!pgUnit) throw tx.fail(`the date part ${unit}`, at);
  const n = constantNumber(amount);
  if (n === undefined) throw tx.fail('a date amount that is not a constant number', at ?? tx.here(), ['the amount of DATEADD/DATE_ADD must be a number written in the SQL']);
  tx.write(pgUnit === 'quarter' ? `INTERVAL ${pgString(`${n * 3} months`)}` : `INTERVAL ${pgString(`${n} ${pgUnit}`)}`, at);
}

/** A literal number, also negated (`-7`). */
export function constantNumber(e: Ast | undefined): number | undefined {
  if (e?.type === 'number') return Number(e.value);
  if (e?.type === 'unary_expr' && e.operator === '-' && e.expr?.type === 'number') return -Number(e.expr.value);
  if (e?.type === 'single_quote_string' && /^-?\d+$/.test(String(e.value))) return Number(e.value);
  return undefined;
}

/** A function's name, whichever way the grammar spelled it. */
export function functionName(e: Ast): string {
  if (typeof e.name === 'string') return e.name;
  const parts = (e.name?.name as Ast[] | undefined) ?? [];
  const last = parts[parts.length - 1]?.value ?? e.name?.schema?.value;
  return String(last ?? '');
}

export function callArgs(e: Ast): Ast[] {
  if (e.type === 'aggr_func') {
    const a = e.args?.expr;
    return a ? [a] : [];
  }
  const v = e.args?.value;
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** A function call: the dialect's table first, else the same name in PostgreSQL. Then FILTER/OVER. */
function call(tx: Translator, e: Ast): void {
  const name = functionName(e);
  const at = tx.seek(e.loc) ?? tx.findWord(name)?.start;
  const upper = name.toUpperCase();
  const rule = tx.translations.functions[tx.dialect][upper] ?? tx.translations.functions.common[upper];
  const args = callArgs(e);
  if (rule) {
    tx.out.mark(at ?? tx.here());
    rule(tx, args, e, at);
  } else {
    tx.write(`${name.toLowerCase()}(`, at);
    if (e.args?.distinct) tx.write('DISTINCT ');
    list(tx, args, false);
    if (e.args?.orderby) orderBy(tx, e.args.orderby, ' ORDER BY ');
    tx.write(')');
  }
  if (e.over) over(tx, e.over);
}

export function over(tx: Translator, o: Ast): void {
  tx.write(' OVER ', tx.findWord('OVER')?.start);
  const spec = o.as_window_specification;
  if (typeof spec === 'string') {
    tx.ident(spec);
    return;
  }
  windowSpec(tx, spec?.window_specification ?? spec);
}

export function windowSpec(tx: Translator, w: Ast | undefined): void {
  tx.write('(');
  let sep = '';
  if (w?.name) {
    tx.ident(String(w.name));
    sep = ' ';
  }
  if (w?.partitionby?.length) {
    tx.write(`${sep}PARTITION BY `);
    (w.partitionby as Ast[]).forEach((p, i) => {
      if (i > 0) tx.write(', ');
      expr(tx, p.expr ?? p);
    });
    sep = ' ';
  }
  if (w?.orderby?.length) {
    orderBy(tx, w.orderby, `${sep}ORDER BY `);
    sep = ' ';
  }
  if (w?.window_frame_clause) {
    tx.write(sep);
    frame(tx, w.window_frame_clause);
  }
  tx.write(')');
}

/** Frames arrive as text pieces (`rows`, `2 PRECEDING`, `current row`). */
function frame(tx: Translator, f: Ast): void {
  const words = (x: Ast): string => {
    const v = String(x?.value ?? x?.raw ?? '').toUpperCase().trim();
    if (!/^(UNBOUNDED|CURRENT|\d+)( (PRECEDING|FOLLOWING|ROW))?$/.test(v)) throw tx.fail(`the window frame bound ${v || describe(x)}`);
    return v;
  };
  if (f.type === 'binary_expr' && String(f.operator).toUpperCase() === 'BETWEEN') {
    const unit = String(f.left?.value ?? '').toUpperCase();
    if (unit !== 'ROWS' && unit !== 'RANGE') throw tx.fail(`${unit} frames`);
    tx.write(`${unit} BETWEEN ${words(f.right.value[0])} AND ${words(f.right.value[1])}`);
    return;
  }
  if (typeof f.raw === 'string') {
    tx.write(f.raw.toUpperCase());
    return;
  }
  throw tx.fail('this window frame');
}

/**
 * ORDER BY items. T-SQL, MySQL and BigQuery sort NULLs as the smallest value;
 * PostgreSQL (and Snowflake) as the largest: the dialect's order is written out.
 */
export function orderBy(tx: Translator, items: Ast[], keyword: string): void {
  tx.write(keyword);
  items.forEach((o, i) => {
    if (i > 0) tx.write(', ');
    expr(tx, o.expr);
    const desc = String(o.type ?? '').toUpperCase() === 'DESC';
    if (desc) tx.write(' DESC');
    const nulls = String(o.nulls ?? '').toUpperCase();
    if (nulls) tx.write(` ${nulls.startsWith('NULLS') ? nulls : `NULLS ${nulls}`}`);
    else if (tx.dialect !== 'snowflake') tx.write(desc ? ' NULLS LAST' : ' NULLS FIRST');
  });
}
