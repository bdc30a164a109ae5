import type { CompiledColumn, Document } from '../commands/command-ir.js';
import { shortestFloat32 } from '../ir/float32.js';

/**
 * Documents → SQL result rows. With known columns each row is the columns' fields
 * in select-list order (a missing field is NULL); for `SELECT *` of an undeclared
 * collection the columns are the union of the documents' fields in order of first
 * appearance, `_id` first.
 */
export function toRows(docs: Document[], columns: CompiledColumn[] | undefined): { columns: string[]; rows: unknown[][] } {
  if (columns) {
    return { columns: columns.map((c) => c.name), rows: docs.map((d) => columns.map((c) => (c.real ? realValue(d[c.field]) : normalizeValue(d[c.field])))) };
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    for (const k of Object.keys(d)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  const ordered = seen.has('_id') ? ['_id', ...names.filter((n) => n !== '_id')] : names;
  return { columns: ordered, rows: docs.map((d) => ordered.map((n) => normalizeValue(d[n]))) };
}

/** BSON wrapper types → plain JS values (Long/Decimal128 → number, ObjectId → hex string). */
export function normalizeValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || v instanceof Date) return typeof v === 'bigint' ? Number(v) : v;
  if (Array.isArray(v)) return v.map(normalizeValue);
  const bsontype = (v as { _bsontype?: string })._bsontype;
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double') return Number((v as { toString(): string }).toString());
  if (bsontype === 'Decimal128') return Number((v as { toString(): string }).toString());
  if (bsontype === 'ObjectId') return (v as { toHexString(): string }).toHexString();
  if (bsontype) return String(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = normalizeValue(x);
  return out;
}

/** A real column's value as a client of PostgreSQL reads it: the shortest decimal of the single, as a number */
function realValue(v: unknown): unknown {
  const n = normalizeValue(v);
  return typeof n === 'number' ? shortestFloat32(n) : n;
}
