/**
 * The SQL dialects sqletl reads. `postgres` is parsed by PostgreSQL's own parser
 * (src/sql/parse.ts); the others go through node-sql-parser and are translated
 * into PostgreSQL text here (src/dialects/), so binding, planning and lowering
 * are shared by every dialect.
 */
export type Dialect = 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';
export type ForeignDialect = Exclude<Dialect, 'postgres'>;

export const DIALECTS: readonly Dialect[] = ['postgres', 'tsql', 'snowflake', 'bigquery', 'mysql'];

/** node-sql-parser's name for each dialect's grammar. */
export const PARSER_DATABASE: Record<ForeignDialect, string> = {
  tsql: 'transactsql',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  mysql: 'mysql',
};

/** How messages name a dialect. */
export const DIALECT_TITLE: Record<ForeignDialect, string> = {
  tsql: 'T-SQL',
  snowflake: 'Snowflake',
  bigquery: 'BigQuery',
  mysql: 'MySQL',
};

export function isDialect(s: string): s is Dialect {
  return (DIALECTS as readonly string[]).includes(s);
}
