import type { SourceSpan } from '../errors.js';
import type { Query } from '../ir/query.js';
import type { TableDef } from '../ir/statement.js';
import { intWidthOf, widthField } from '../ir/types.js';
import { readDeclared } from './scope.js';

/** Declared names that are document fields as they are, in a projection too (no paths, no sqletl-internal `__` fields). */
const PLAIN_FIELD = /^(?!__)[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A table declared in --schema with real columns, read in FROM, as the derived table
 * `(SELECT col, … FROM t)` whose select list rounds each stored real to the single
 * PostgreSQL would hold (scope.ts `readDeclared`, lower-stored-real.ts). The rounding is
 * a large expression: computed once per row in the derived table's projection, the
 * query reads it as a plain field however often it names the column (an aggregate such
 * as regr_slope reads its arguments a dozen times); the planner prunes the columns the
 * query does not read, so a query that reads no real column pays nothing.
 *
 * undefined when the table has no real column, or a column name that is not a plain
 * field: such columns are rounded where they are read instead.
 */
export function storedRealsQuery(declared: TableDef, name: string, db: string | undefined, span: SourceSpan | undefined): Query | undefined {
  if (!declared.fromSchema || declared.view || !declared.columns.some((c) => c.type === 'real')) return undefined;
  if (!declared.columns.every((c) => PLAIN_FIELD.test(c.name))) return undefined;
  const columns = declared.columns.map((c) => {
    // its errors (a value PostgreSQL could not have stored) point at the table in FROM
    const read = { kind: 'column' as const, path: [c.name], type: c.type, span, ...widthField(c.type, intWidthOf(c.typeName)) };
    const column = { field: c.name, unroundedReal: c.type === 'real', ...(c.blankPadded ? { charLength: c.length, padded: true } : {}), ...(c.typeName === 'varchar' ? { varchar: true } : {}) };
    return { name: c.name, field: c.name, expr: readDeclared(read, column) };
  });
  return { kind: 'select', source: { kind: 'collection', name, ...(db ? { db } : {}), span }, groupBy: [], aggregated: false, passthrough: false, columns, distinct: false, orderBy: [] };
}
