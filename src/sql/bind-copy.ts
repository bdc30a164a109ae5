import type { Node } from '@pgsql/types';
import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import type { Query } from '../ir/query.js';
import type { CopyOptions, Statement } from '../ir/statement.js';
import { spanOf, stringsOf, unwrap, type ExprContext } from './bind-expr.js';
import { bindQuery, type BindEnv } from './bind-select.js';
import { Scope } from './scope.js';
import { tableKey } from './bind-write.js';

type Any = Record<string, any>; // raw parse-tree node bodies

/**
 * COPY, PostgreSQL's syntax: `COPY t [(cols)] FROM 'file' | STDIN [WITH (…)]` and
 * `COPY t | (query) TO 'file' | STDOUT [WITH (…)]`. Options: FORMAT csv | 'json' |
 * ndjson | text, HEADER, DELIMITER, NULL, QUOTE (`json` must be quoted: it is a
 * reserved word in PostgreSQL's grammar). A COPY FROM is an INSERT whose source rows
 * arrive from the file.
 */
export function bindCopy(n: Any, env: BindEnv, span: SourceSpan, sql: string): Statement {
  const ctx: ExprContext = { scope: new Scope([]), param: env.param, toChar: env.toChar, allowAggregates: false, clause: 'COPY', bindSubquery: () => { throw new Error('unreachable'); } };
  if (n.is_program) throw unsupported('COPY … PROGRAM', spanOf(ctx, n.relation?.location) ?? span);
  if (n.whereClause) throw unsupported('COPY … WHERE', span);
  const options = copyOptions((n.options ?? []) as Node[], ctx);
  const file = (n.filename as string | undefined) ?? undefined;
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
      if (def && !def.columns.some((d) => d.name === c)) throw new SqlEtlError('undefined-column', 'bind', `column "${c}" of relation "${table.name}" does not exist`, { span: table.span });
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
  return { kind: 'copy-to', query, file, options, sql, span };
}

/** `SELECT cols | * FROM t`, as the parse tree PostgreSQL would produce. */
function selectAll(name: string, cols: string[]): Node {
  const [schema, rel] = name.includes('.') ? name.split('.') : [undefined, name];
  const targets = (cols.length ? cols : ['*']).map((c) => ({
    ResTarget: { val: { ColumnRef: { fields: [c === '*' ? { A_Star: {} } : { String: { sval: c } }] } } },
  }));
  return { SelectStmt: { targetList: targets, fromClause: [{ RangeVar: { relname: rel, schemaname: schema, inh: true } }], op: 'SETOP_NONE' } } as unknown as Node;
}

function copyOptions(nodes: Node[], ctx: ExprContext): CopyOptions {
  const o: CopyOptions = { format: 'text', header: false, delimiter: '\t', null: '\\N', quote: '"' };
  let delimiterSet = false;
  let nullSet = false;
  for (const node of nodes) {
    const d = unwrap(node)[1];
    const value = d.arg ? String(unwrap(d.arg)[1].sval ?? unwrap(d.arg)[1].ival ?? unwrap(d.arg)[1].boolval ?? '') : undefined;
    const where = spanOf(ctx, d.location);
    switch (d.defname as string) {
      case 'format': {
        const f = (value ?? '').toLowerCase();
        if (!['csv', 'json', 'ndjson', 'text'].includes(f)) throw unsupported(`COPY FORMAT ${f}`, where, ['formats: csv, \'json\' (an array or one document per line), ndjson, text']);
        o.format = f as CopyOptions['format'];
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
        throw unsupported(`the COPY option ${String(d.defname).toUpperCase()}`, where);
    }
  }
  if (o.format === 'csv') {
    if (!delimiterSet) o.delimiter = ',';
    if (!nullSet) o.null = '';
  }
  return o;
}
