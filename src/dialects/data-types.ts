import type { Ast } from './parse-dialect.js';
import type { Translator } from './translator.js';

/**
 * Dialect type names → PostgreSQL type names (CAST targets and CREATE TABLE
 * columns). Length and precision are dropped except for numeric's, which rounds
 * as in the dialect.
 */
const TYPES: Record<string, string> = {
  TINYINT: 'smallint', SMALLINT: 'smallint', MEDIUMINT: 'integer', INT: 'integer', INTEGER: 'integer', SIGNED: 'bigint', UNSIGNED: 'bigint',
  BIGINT: 'bigint', INT64: 'bigint', BYTEINT: 'smallint',
  DECIMAL: 'numeric', NUMERIC: 'numeric', NUMBER: 'numeric', MONEY: 'numeric', SMALLMONEY: 'numeric', BIGNUMERIC: 'numeric', DEC: 'numeric',
  FLOAT: 'double precision', FLOAT64: 'double precision', DOUBLE: 'double precision', REAL: 'double precision', FLOAT4: 'double precision', FLOAT8: 'double precision',
  VARCHAR: 'text', NVARCHAR: 'text', CHAR: 'text', NCHAR: 'text', TEXT: 'text', NTEXT: 'text', STRING: 'text', CHARACTER: 'text', TINYTEXT: 'text', MEDIUMTEXT: 'text', LONGTEXT: 'text', UNIQUEIDENTIFIER: 'text',
  DATE: 'date',
  DATETIME: 'timestamp', DATETIME2: 'timestamp', SMALLDATETIME: 'timestamp', TIMESTAMP: 'timestamp', TIMESTAMP_NTZ: 'timestamp',
  DATETIMEOFFSET: 'timestamptz', TIMESTAMP_TZ: 'timestamptz', TIMESTAMP_LTZ: 'timestamptz', TIMESTAMPTZ: 'timestamptz',
  BIT: 'boolean', BOOL: 'boolean', BOOLEAN: 'boolean',
  JSON: 'jsonb', VARIANT: 'jsonb', OBJECT: 'jsonb',
};

export function pgType(tx: Translator, t: Ast | undefined): string {
  const name = String(t?.dataType ?? '').toUpperCase();
  const pg = TYPES[name];
  if (!pg) throw tx.fail(`the type ${name || '(none)'}`);
  if (pg === 'numeric' && t?.length !== undefined && t.length !== null && name !== 'NUMBER') {
    return t.scale !== undefined && t.scale !== null ? `numeric(${t.length}, ${t.scale})` : `numeric(${t.length})`;
  }
  if (pg === 'numeric' && name === 'NUMBER' && t?.scale !== undefined && t.scale !== null && Number(t.scale) === 0) return 'bigint';
  return pg;
}

/** A type written as a function-call-like node (T-SQL's `CONVERT(varchar(10), x)` first argument) or a bare word. */
export function pgTypeFromName(tx: Translator, name: string): string {
  return pgType(tx, { dataType: name });
}
