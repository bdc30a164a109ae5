/**
 * SQL types as far as sqletl knows them statically. Documents carry no schema, so
 * `unknown` is common: lowering then emits run-time type checks where the answer
 * depends on the type (integer division, ROUND, casts).
 */
export type SqlType =
  | 'int' // int2/int4/int8: integer arithmetic truncates
  | 'numeric' // exact decimal in PostgreSQL, a double or Decimal128 in MongoDB
  | 'float'
  | 'text'
  | 'bool'
  | 'date'
  | 'timestamp'
  | 'interval'
  | 'json' // jsonb/json: a nested document or array
  | 'array'
  | 'unknown';

export const isNumericType = (t: SqlType): boolean => t === 'int' || t === 'numeric' || t === 'float';
export const isDateType = (t: SqlType): boolean => t === 'date' || t === 'timestamp';

/** PostgreSQL type names (as the parser reports them) → our types. */
const TYPE_NAMES: Record<string, SqlType> = {
  int2: 'int', int4: 'int', int8: 'int', int: 'int', integer: 'int', smallint: 'int', bigint: 'int',
  serial: 'int', bigserial: 'int', serial4: 'int', serial8: 'int',
  numeric: 'numeric', decimal: 'numeric',
  float4: 'float', float8: 'float', real: 'float', float: 'float', 'double precision': 'float',
  text: 'text', varchar: 'text', bpchar: 'text', char: 'text', 'character varying': 'text', character: 'text', name: 'text', uuid: 'text',
  bool: 'bool', boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp', timestamptz: 'timestamp',
  interval: 'interval',
  json: 'json', jsonb: 'json',
};

export function typeFromName(name: string): SqlType | undefined {
  return TYPE_NAMES[name.toLowerCase()];
}
