/**
 * Result values as the CLI shows them: `jsonValue` for `run --json` (dates as
 * ISO-8601 strings, BSON wrapper types as plain JSON), `cellText` for the
 * psql-like tables. Result rows may hold JSON scalars, Dates, arrays, nested
 * documents and, from a server, bson's wrapper classes.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface BsonLike {
  _bsontype: string;
  toString(): string;
  toHexString?: () => string;
  value?: unknown;
  sub_type?: number;
  buffer?: Uint8Array;
}

export function jsonValue(v: unknown): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      // JSON has no NaN or Infinity; PostgreSQL's to_json writes them as strings too
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      return exactNumber(v.toString());
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if ('_bsontype' in v) return bsonJson(v as BsonLike);
  const out: { [key: string]: Json } = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonValue(x);
  return out;
}

function bsonJson(v: BsonLike): Json {
  switch (v._bsontype) {
    case 'Decimal128':
    case 'Long':
      return exactNumber(v.toString());
    case 'Int32':
    case 'Double':
      return jsonValue(v.value);
    case 'ObjectId':
      return v.toHexString ? v.toHexString() : v.toString();
    case 'Binary':
      // UUID's toString gives the dashed form; other binaries print as base64
      return v.sub_type === 4 ? v.toString() : Buffer.from(v.buffer ?? []).toString('base64');
    default:
      return v.toString();
  }
}

/** A JSON number when a double holds the value exactly enough (≤ 15 significant digits), else the digits as a string. */
function exactNumber(text: string): Json {
  const n = Number(text);
  const digits = text.replace(/^[-+]?0*/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  return Number.isFinite(n) && digits.length <= 15 ? n : text;
}

/** A table cell: NULL is empty (as in psql), dates in UTC as `2024-01-31 00:00:00`. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid date' : timestampText(v);
  if (typeof v === 'string') return escapeControls(v);
  if (typeof v === 'object' && !('_bsontype' in v)) return escapeControls(JSON.stringify(jsonValue(v)));
  const j = jsonValue(v);
  return typeof j === 'string' ? escapeControls(j) : JSON.stringify(j);
}

function timestampText(d: Date): string {
  const iso = d.toISOString(); // 2024-01-31T00:00:00.000Z
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms === '.000' ? '' : ms}`;
}

/** Newlines and tabs would break the table's columns, so they print as escapes. */
function escapeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** Whether a value is shown right-aligned (numbers, as psql does). */
export function isNumeric(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'bigint') return true;
  if (typeof v !== 'object' || v === null || !('_bsontype' in v)) return false;
  const t = (v as BsonLike)._bsontype;
  return t === 'Decimal128' || t === 'Long' || t === 'Int32' || t === 'Double';
}
