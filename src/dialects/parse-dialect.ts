import { assertNever } from '../assert-never.js';
import { SqlEtlError } from '../errors.js';
import { DIALECT_TITLE, PARSER_DATABASE, type ForeignDialect } from './dialects.js';

/** node-sql-parser's trees are loosely typed JSON; the translator checks each node's `type`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ast = Record<string, any>;

interface NodeSqlParser {
  astify(sql: string, opts: { database: string; parseOptions?: { includeLocations?: boolean } }): Ast | Ast[];
}

const parsers = new Map<ForeignDialect, Promise<NodeSqlParser>>();

/**
 * node-sql-parser, one grammar per dialect: only the dialect's own build is
 * loaded (a quarter of a megabyte instead of every grammar), once, and only
 * when a script in that dialect is compiled.
 */
export function loadDialectParser(dialect: ForeignDialect): Promise<NodeSqlParser> {
  let p = parsers.get(dialect);
  if (!p) {
    p = loadBuild(dialect).then((m) => new m.Parser());
    parsers.set(dialect, p);
  }
  return p;
}

type ParserModule = { Parser: new () => NodeSqlParser };

async function loadBuild(dialect: ForeignDialect): Promise<ParserModule> {
  const load = async (path: string) => ((await import(path)) as { default: ParserModule }).default;
  switch (dialect) {
    case 'tsql':
      return load('node-sql-parser/build/transactsql.js');
    case 'snowflake':
      return load('node-sql-parser/build/snowflake.js');
    case 'bigquery':
      return load('node-sql-parser/build/bigquery.js');
    case 'mysql':
      return load('node-sql-parser/build/mysql.js');
    default:
      return assertNever(dialect, 'parse');
  }
}

/**
 * Parses one statement of the dialect. `offset` is where `sql` starts in the
 * script, so a syntax error points at the user's file, and the message names the
 * dialect and the token the grammar stopped at.
 */
export function parseDialectStatement(parser: NodeSqlParser, dialect: ForeignDialect, sql: string, offset: number): Ast {
  let ast: Ast | Ast[];
  try {
    ast = parser.astify(sql, { database: PARSER_DATABASE[dialect], parseOptions: { includeLocations: true } });
  } catch (err) {
    const e = err as { location?: { start?: { offset?: number } }; found?: string | null; message?: string };
    const at = offset + (e.location?.start?.offset ?? 0);
    if (e.location?.start?.offset === undefined) {
      // not a grammar error: node-sql-parser rejects some statements after parsing them
      throw new SqlEtlError('syntax-error', 'parse', `${DIALECT_TITLE[dialect]}: ${e.message ?? String(err)}`, { span: { start: at, end: at + 1 }, cause: err });
    }
    const near = e.found === null || e.found === undefined ? 'at end of input' : `at or near "${wordAt(sql, at - offset)}"`;
    throw new SqlEtlError('syntax-error', 'parse', `${DIALECT_TITLE[dialect]} syntax error ${near}`, {
      span: { start: at, end: at + 1 },
      hints: [...knownGaps(dialect, sql.slice(0, at - offset)), `parsed as ${DIALECT_TITLE[dialect]} (--dialect ${dialect}); node-sql-parser's ${DIALECT_TITLE[dialect]} grammar does not accept this here`],
      cause: err,
    });
  }
  const list = Array.isArray(ast) ? ast : [ast];
  if (list.length !== 1) {
    throw new SqlEtlError('syntax-error', 'parse', `${DIALECT_TITLE[dialect]}: expected one statement`, { span: { start: offset, end: offset + 1 } });
  }
  return list[0];
}

/** The word (or single character) at a position, for "at or near" messages. */
function wordAt(sql: string, at: number): string {
  const m = /^[A-Za-z0-9_$@#]+/.exec(sql.slice(at));
  return m ? m[0] : sql[at];
}

/** Hints for constructs a dialect does not have, recognised by the word before the error. */
function knownGaps(dialect: ForeignDialect, before: string): string[] {
  const word = /([A-Za-z_]+)\s*$/.exec(before)?.[1]?.toUpperCase();
  if (dialect === 'mysql' && (word === 'PIVOT' || word === 'UNPIVOT')) {
    return [`MySQL has no ${word}: write conditional aggregation, e.g. SUM(IF(status = 'shipped', 1, 0)) AS shipped … GROUP BY …`];
  }
  return [];
}
