import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import type { Query, SelectQuery } from '../ir/query.js';
import { children, type Expr } from '../ir/expr.js';
import type { CopyOptions, Statement } from '../ir/statement.js';
import { spanOf, unwrap, type BindEnv, type ExprContext } from './bind-context.js';
import { stringsOf } from './bind-expr.js';
import { bindQuery } from './bind-select.js';
import { printableIntervalColumns } from './interval-columns.js';
import { Scope } from './scope.js';
import { tableKey } from './bind-write.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * COPY, PostgreSQL's syntax: `COPY t [(cols)] FROM 'file' | STDIN [WITH (…)]` and
 * `COPY t | (query) TO 'file' | STDOUT [WITH (…)]`. Options: FORMAT csv | 'json' |
 * ndjson | text | parquet, HEADER, DELIMITER, NULL, QUOTE (`json` must be quoted: it
 * is a reserved word in PostgreSQL's grammar); a source may be an http(s) URL, with
 * ROWS, NEXT, PAGINATE and TIMEOUT. A COPY FROM is an INSERT whose source rows
 * arrive from the file.
 */
export function bindCopy(n: Any, env: BindEnv, span: SourceSpan, sql: string): Statement {
  const ctx: ExprContext = { scope: new Scope([]), param: env.param, toChar: env.toChar, allowAggregates: false, clause: 'COPY', bindSubquery: () => { throw new Error('unreachable'); } };
  if (n.is_program) throw unsupported('bind', 'COPY … PROGRAM', spanOf(ctx, n.relation?.location) ?? span);
  if (n.whereClause) throw unsupported('bind', 'COPY … WHERE', span);
  const options = copyOptions((n.options ?? []) as Node[], ctx);
  const file = (n.filename as string | undefined) ?? undefined;
  checkSource(file, !!n.is_from, options, copyOptionSpans((n.options ?? []) as Node[], ctx), span);
  if (n.is_from) {
    const rel = n.relation;
    const table = { name: rel.relname as string, db: rel.schemaname as string | undefined, span: spanOf(ctx, rel.location, String(rel.relname).length) };
    const def = env.catalog.get(tableKey(table));
    const listed = stringsOf(n.attlist);
    const columns = listed.length ? listed : def?.columns.map((c) => c.name) ?? [];
    if (columns.length === 0 && options.format === 'csv' && !options.header) {
      throw new SqlEtlError('copy-columns', 'bind', `COPY ${table.name} FROM a CSV file needs the table's columns: list them, declare the table, or use HEADER`, { span: table.span });
    }
    for (const c of listed) {
      if (def && !def.columns.some((d) => d.name === c)) throw new SqlEtlError('undefined-column', 'bind', `column "${c}" of relation "${table.name}" does not exist`, { params: { column: c, relation: table.name }, span: table.span });
    }
    // the source: one document per row, fields named after the target columns (typed by the table on insert)
    const source: Query = {
      kind: 'select',
      source: { kind: 'values', rows: [] },
      groupBy: [],
      aggregated: false,
      passthrough: columns.length === 0,
      columns: [
        ...columns.map((c) => ({ name: c, field: c, expr: { kind: 'column' as const, path: [c], type: options.format === 'csv' || options.format === 'text' ? ('text' as const) : ('unknown' as const) } })),
        // the row's line in the file, carried to the rejects
        { name: '__line', field: '__line', expr: { kind: 'column' as const, path: ['__line'], type: 'int' as const } },
      ],
      distinct: false,
      orderBy: [],
    };
    const insert = { kind: 'insert' as const, table, def, columns, source, sql, span };
    return { kind: 'copy-from', table, file, options, insert, sql, span };
  }
  let query: Query;
  if (n.query) query = bindQuery(unwrap(n.query)[1], env);
  else {
    const rel = n.relation;
    const cols = stringsOf(n.attlist);
    const name = rel.schemaname ? `${rel.schemaname}.${rel.relname}` : rel.relname;
    query = bindQuery(unwrap(selectAll(name, cols))[1], env);
  }
  query = printableIntervalColumns(query);
  // PostgreSQL prints a real as its shortest decimal in float4out's layout (1e+10, not 10000000000), which COPY's printer does not know
  if (query.columns.some((c) => c.expr.type === 'real')) throw unsupported('bind', 'COPY … TO of a real column', span, ['cast it to double precision or numeric']);
  options.types = outputTypes(query, env);
  return { kind: 'copy-to', query, file, options, sql, span };
}

/**
 * The type names of a COPY TO's output columns, so that values print as PostgreSQL
 * prints them: a cast's type, a declared column's type (`timestamptz` stays apart
 * from `timestamp` there), else the expression's type.
 */
function outputTypes(query: Query, env: BindEnv): (string | undefined)[] | undefined {
  if (query.kind !== 'select' || query.passthrough) return undefined;
  const declared = new Map<string, string>();
  const collect = (src: SelectQuery['source']): void => {
    if (src.kind === 'collection') {
      for (const c of env.catalog.get(tableKey(src))?.columns ?? []) declared.set(c.name, declared.has(c.name) ? '' : c.typeName.toLowerCase());
    } else if (src.kind === 'join') {
      collect(src.left);
      collect(src.right);
    }
  };
  collect(query.source);
  const declaredType = (e: Expr): string | undefined => (e.kind === 'column' ? declared.get(e.path[e.path.length - 1]) || undefined : undefined);
  // the IR has one timestamp type; an expression over a timestamptz (date_trunc, + interval, COALESCE) is one too, up to a cast
  const withZone = (e: Expr): boolean => (e.kind === 'cast' ? /^timestamptz$|with time zone/.test(e.typeName.toLowerCase()) : declaredType(e) === 'timestamptz' || children(e).some(withZone));
  return query.columns.map(({ expr }) => {
    if (expr.kind === 'cast') return expr.typeName.toLowerCase();
    const t = declaredType(expr);
    if (t) return t;
    if (expr.type === 'timestamp' && withZone(expr)) return 'timestamptz';
    return expr.type === 'unknown' ? undefined : expr.type;
  });
}

/** Options that only make sense for some sources: said at bind time rather than ignored. */
function checkSource(file: string | undefined, from: boolean, o: CopyOptions, at: Map<string, SourceSpan | undefined>, span: SourceSpan): void {
  const url = file !== undefined && /^https?:\/\//i.test(file);
  const httpOption = ['rows', 'next', 'paginate', 'timeout'].find((k) => at.has(k));
  if (httpOption && !(url && from)) {
    throw new SqlEtlError('copy-option', 'bind', `COPY option ${httpOption.toUpperCase()} is for an http(s) source (COPY … FROM 'https://…')`, { span: at.get(httpOption) ?? span });
  }
  if (o.format === 'parquet' && (url || file === undefined)) span = at.get('format') ?? span;
  if (url && !from) throw unsupported('bind', 'COPY … TO an http(s) URL', span);
  if (url && o.format === 'parquet') throw unsupported('bind', 'COPY … FROM an http(s) URL in FORMAT parquet', span, ['download the file first, or serve JSON']);
  if (file === undefined && o.format === 'parquet') throw unsupported('bind', `COPY … ${from ? 'FROM STDIN' : 'TO STDOUT'} in FORMAT parquet`, span, ['parquet needs a file']);
}

/** `SELECT cols | * FROM t`, as the parse tree PostgreSQL would produce. */
function selectAll(name: string, cols: string[]): Node {
  const [schema, rel] = name.includes('.') ? name.split('.') : [undefined, name];
  const targets = (cols.length ? cols : ['*']).map((c) => ({
    ResTarget: { val: { ColumnRef: { fields: [c === '*' ? { A_Star: {} } : { String: { sval: c } }] } } },
  }));
  return { SelectStmt: { targetList: targets, fromClause: [{ RangeVar: { relname: rel, schemaname: schema, inh: true } }], op: 'SETOP_NONE' } } as unknown as Node;
}

/** Where each option is written, to point at it. */
function copyOptionSpans(nodes: Node[], ctx: ExprContext): Map<string, SourceSpan | undefined> {
  return new Map(nodes.map((node) => [String(unwrap(node)[1].defname), spanOf(ctx, unwrap(node)[1].location)]));
}

function copyOptions(nodes: Node[], ctx: ExprContext): CopyOptions {
  const o: CopyOptions = { format: 'text', header: false, delimiter: '\t', null: '\\N', quote: '"' };
  let delimiterSet = false;
  let nullSet = false;
  for (const node of nodes) {
    const d = unwrap(node)[1];
    const value = d.arg ? String(unwrap(d.arg)[1].sval ?? unwrap(d.arg)[1].ival ?? unwrap(d.arg)[1].fval ?? unwrap(d.arg)[1].boolval ?? '') : undefined;
    const where = spanOf(ctx, d.location);
    switch (d.defname as string) {
      case 'format': {
        const f = (value ?? '').toLowerCase();
        if (!['csv', 'json', 'ndjson', 'text', 'parquet'].includes(f)) throw unsupported('bind', `COPY FORMAT ${f}`, where, ['formats: csv, \'json\' (an array or one document per line), ndjson, text, parquet']);
        o.format = f as CopyOptions['format'];
        break;
      }
      // an http(s) source's options (src/io/copy-http.ts)
      case 'rows':
      case 'next':
        if (!value) throw new SqlEtlError('copy-option', 'bind', `COPY option ${String(d.defname).toUpperCase()} needs a dotted path, e.g. 'data.items'`, { span: where });
        o[d.defname as 'rows' | 'next'] = value;
        break;
      case 'paginate':
        if ((value ?? '').toLowerCase() !== 'link') throw new SqlEtlError('copy-option', 'bind', `COPY option PAGINATE takes 'link' (follow Link: rel="next" headers); for a next-page URL inside the response, use NEXT 'path'`, { span: where });
        o.paginate = 'link';
        break;
      case 'timeout': {
        const seconds = Number(value);
        if (!(seconds > 0)) throw new SqlEtlError('copy-option', 'bind', `COPY option TIMEOUT takes a number of seconds greater than 0`, { span: where });
        o.timeout = seconds;
        break;
      }
      case 'header':
        o.header = value === undefined || ['true', 'on', '1', 't', 'yes'].includes(value.toLowerCase());
        break;
      case 'delimiter':
        o.delimiter = value ?? ',';
        delimiterSet = true;
        break;
      case 'null':
        o.null = value ?? '';
        nullSet = true;
        break;
      case 'quote':
        o.quote = value ?? '"';
        break;
      default:
        throw unsupported('bind', `the COPY option ${String(d.defname).toUpperCase()}`, where);
    }
  }
  if (o.next && o.paginate) throw new SqlEtlError('copy-option', 'bind', 'COPY options NEXT and PAGINATE both say where the next page is: give one', { span: copyOptionSpans(nodes, ctx).get('paginate') });
  if (o.format === 'csv') {
    if (!delimiterSet) o.delimiter = ',';
    if (!nullSet) o.null = '';
  }
  return o;
}
