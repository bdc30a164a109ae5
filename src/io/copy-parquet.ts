import { assertNever } from '../assert-never.js';
import { renameSync, rmSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { SqlEtlError } from '../errors.js';
import type { CopyRow } from './copy-row.js';

/**
 * COPY … FORMAT parquet, both ways (hyparquet / hyparquet-writer, pure JavaScript).
 *
 * Reading goes row group by row group, so memory holds one row group whatever the
 * file's size. Values keep parquet's types (numbers, strings, booleans, dates);
 * the COPY's INSERT then types them by the target's declared columns, as it does
 * for JSON. A row's "line" (for rejects) is its 1-based row number in the file.
 *
 * Writing maps each output column's SQL type to a parquet type (int → INT64,
 * numeric/float → DOUBLE, text → UTF8, bool → BOOLEAN, date → DATE, timestamp →
 * TIMESTAMP_MILLIS, json → JSON); a column of unknown type takes the type its
 * values share, JSON when they differ.
 */
export async function* readParquetRows(file: string, label: string): AsyncGenerator<CopyRow> {
  let metadata;
  let buffer;
  try {
    buffer = await asyncBufferFromFile(file);
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw new SqlEtlError('copy-bad-file', 'io', `${label}: not a parquet file (${(err as Error).message})`, { cause: err });
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = (await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd })) as Record<string, unknown>[];
    } catch (err) {
      throw new SqlEtlError('copy-bad-file', 'io', `${label}: rows ${rowStart + 1}–${rowEnd}: ${(err as Error).message}`, { cause: err });
    }
    for (let k = 0; k < rows.length; k++) {
      const values: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(rows[k])) values[name] = fromParquet(v);
      yield { line: rowStart + k + 1, values };
    }
    rowStart = rowEnd;
  }
}

/** INT64 arrives as a bigint: a number when a double holds it exactly, else its digits (the INSERT casts them). */
function fromParquet(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(fromParquet);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromParquet(x)]));
  return v;
}

type ParquetKind = 'int' | 'double' | 'text' | 'bool' | 'date' | 'timestamp' | 'json';

const BY_SQL_TYPE: Record<string, ParquetKind> = {
  int: 'int', numeric: 'double', float: 'double', text: 'text', bool: 'bool', date: 'date', timestamp: 'timestamp', timestamptz: 'timestamp', json: 'json', array: 'json', interval: 'text', time: 'text',
};

function schemaElement(name: string, kind: ParquetKind): SchemaElement {
  const optional = { name, repetition_type: 'OPTIONAL' as const };
  switch (kind) {
    case 'int':
      return { ...optional, type: 'INT64' };
    case 'double':
      return { ...optional, type: 'DOUBLE' };
    case 'bool':
      return { ...optional, type: 'BOOLEAN' };
    case 'date':
      return { ...optional, type: 'INT32', converted_type: 'DATE' };
    case 'timestamp':
      return { ...optional, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'json':
      return { ...optional, type: 'BYTE_ARRAY', converted_type: 'JSON' };
    case 'text':
      return { ...optional, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    default:
      return assertNever(kind, 'io');
  }
}

/** The parquet type of a column of unknown SQL type: the one its non-NULL values share. */
function kindOfValues(rows: unknown[][], i: number): ParquetKind {
  let kind: ParquetKind | undefined;
  for (const r of rows) {
    const v = r[i];
    if (v === null || v === undefined) continue;
    const k: ParquetKind =
      typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'double') : typeof v === 'bigint' ? 'int' : typeof v === 'string' ? 'text' : v instanceof Date ? 'timestamp' : 'json';
    if (kind === undefined) kind = k;
    else if (kind !== k) kind = (kind === 'int' && k === 'double') || (kind === 'double' && k === 'int') ? 'double' : 'json';
  }
  return kind ?? 'text';
}

function toParquet(v: unknown, kind: ParquetKind): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'int':
      return typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
    case 'double':
      return Number(v);
    case 'bool':
      return Boolean(v);
    case 'date':
    case 'timestamp':
      return v instanceof Date ? v : new Date(String(v));
    case 'json':
      return v;
    case 'text':
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    default:
      return assertNever(kind, 'io');
  }
}

/** Writes rows (arrays in column order) as a parquet file: a temporary file renamed over the target. */
export async function writeParquetFile(file: string, columns: string[], types: (string | undefined)[], rows: unknown[][]): Promise<void> {
  if (columns.length === 0) throw new SqlEtlError('copy-no-columns', 'io', `${file}: a parquet file needs at least one column`);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice !== undefined) throw new SqlEtlError('copy-duplicate-column', 'io', `${file}: column "${twice}" appears twice; a parquet file needs distinct column names (alias one of them)`);
  const kinds = columns.map((_, i) => BY_SQL_TYPE[types[i] ?? ''] ?? kindOfValues(rows, i));
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c, i) => schemaElement(c, kinds[i]))];
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await parquetWriteRows({
      writer: fileWriter(tmp),
      schema,
      columns: columns.map((name) => ({ name })),
      // converted as the writer pulls them, one row group at a time
      rows: (function* () {
        for (const r of rows) yield Object.fromEntries(columns.map((c, i) => [c, toParquet(r[i], kinds[i])]));
      })(),
      rowGroupSize: 100_000,
    });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof SqlEtlError) throw err;
    throw new SqlEtlError('copy-write-failed', 'io', `${file}: ${(err as Error).message}`, { cause: err });
  }
}
