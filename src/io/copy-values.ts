/**
 * Values as PostgreSQL's COPY TO writes them. The text and CSV formats use each
 * type's output function: a date is `2024-01-05`, a timestamp `2024-01-05 10:30:00.5`
 * (fractional seconds without trailing zeros), a timestamptz the same with the
 * session's offset (`+00`: sqletl runs in UTC), a boolean `t`/`f`, jsonb
 * `{"a": 1, "b": [1, 2]}` (keys ordered as jsonb stores them), an array `{1,2,"a b"}`.
 * The JSON formats follow `row_to_json`: ISO 8601 with a `T`, no `Z` for a timestamp
 * without time zone, `+00:00` with one.
 *
 * `type` is the column's type name from the binder (`undefined` when unknown: then a
 * value prints by its own kind, a Date as a timestamp).
 */
export function textValue(v: unknown, type: string | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateText(v, type, ' ');
  if (typeof v === 'boolean') return isBool(type) ? (v ? 't' : 'f') : String(v);
  if (Array.isArray(v)) return type === 'json' || type === 'jsonb' || type === 'unknown' ? jsonText(v, type) : arrayText(v);
  if (typeof v === 'object') return bsonScalar(v) ?? jsonText(v, type);
  return String(v);
}

/** A value of a `json`/`ndjson` COPY TO object (dates as row_to_json prints them). */
export function jsonValue(v: unknown, type: string | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateText(v, type, 'T');
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map((x) => jsonValue(x, undefined));
  if (typeof v === 'object') {
    const scalar = bsonScalar(v);
    if (scalar !== undefined) return /^-?\d+(\.\d+)?$/.test(scalar) && Number.isSafeInteger(Math.trunc(Number(scalar))) ? Number(scalar) : scalar;
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, jsonValue(x, undefined)]));
  }
  return v;
}

const isBool = (t: string | undefined) => t === 'bool' || t === 'boolean';

function dateText(d: Date, type: string | undefined, sep: ' ' | 'T'): string {
  const iso = d.toISOString(); // 2024-01-05T10:30:00.500Z
  if (type === 'date') return iso.slice(0, 10);
  const ms = iso.slice(20, 23).replace(/0+$/, '');
  const text = `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}${ms ? `.${ms}` : ''}`;
  if (type === 'timestamptz' || type === 'timestamp with time zone') return text + (sep === 'T' ? '+00:00' : '+00');
  return text;
}

/** bson's numeric wrappers and ObjectId print as their digits / hex. */
function bsonScalar(v: object): string | undefined {
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === 'Long' || t === 'Decimal128' || t === 'Int32' || t === 'Double') return String(v.toString());
  if (t === 'ObjectId') return (v as { toHexString(): string }).toHexString();
  return undefined;
}

/**
 * jsonb's text: `{"a": 1}` with a space after `:` and `,`, and object keys in jsonb's
 * storage order (shorter keys first, then bytewise). Plain `json` keeps its input
 * text in PostgreSQL, which a document no longer has: it prints compact.
 */
function jsonText(v: unknown, type: string | undefined): string {
  if (type !== 'jsonb') return JSON.stringify(plain(v));
  const out = (x: unknown): string => {
    if (x === null || x === undefined) return 'null';
    if (Array.isArray(x)) return `[${x.map(out).join(', ')}]`;
    if (typeof x === 'object') {
      const keys = Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined);
      keys.sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
      return `{${keys.map((k) => `${JSON.stringify(k)}: ${out((x as Record<string, unknown>)[k])}`).join(', ')}}`;
    }
    return JSON.stringify(x);
  };
  return out(plain(v));
}

const plain = (v: unknown): unknown => jsonValue(v, undefined);

/** PostgreSQL's array literal: `{1,2,NULL,"a b"}`; an element is quoted when it would be read back otherwise. */
function arrayText(values: unknown[]): string {
  const element = (x: unknown): string => {
    if (x === null || x === undefined) return 'NULL';
    if (Array.isArray(x)) return arrayText(x);
    const s = textValue(x, undefined) ?? 'NULL';
    return s === '' || /^null$/i.test(s) || /[{},"\\\s]/.test(s) ? `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"` : s;
  };
  return `{${values.map(element).join(',')}}`;
}
