import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { parse as parseCsv } from 'csv-parse/sync';
import { SqlEtlError } from '../errors.js';
import type { Document } from '../mongo/commands.js';

/**
 * Collections of the embedded engine's data directory: `<name>.json` (an array),
 * `<name>.ndjson`/`.jsonl` (a document per line), `<name>.csv` (header row). JSON is
 * relaxed Extended JSON, so `{"$date": "…"}` is a date. `db.coll` lives in `<dir>/db/`.
 */
export const COLLECTION_EXTENSIONS = ['.json', '.ndjson', '.jsonl', '.csv'] as const;

export function collectionFile(dataDir: string, name: string, db?: string): string | undefined {
  const base = db ? join(dataDir, db, name) : join(dataDir, name);
  for (const ext of COLLECTION_EXTENSIONS) {
    if (existsSync(base + ext)) return base + ext;
  }
  return undefined;
}

export function readCollectionFile(file: string): Document[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.csv')) return readCsv(text, file);
  if (file.endsWith('.json')) {
    try {
      const parsed = EJSON.parse(text, { relaxed: true }) as unknown;
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of documents');
      return parsed as Document[];
    } catch (err) {
      throw new SqlEtlError('bad-data-file', 'io', `${file}: ${(err as Error).message}`, { cause: err });
    }
  }
  const docs: Document[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      docs.push(EJSON.parse(line, { relaxed: true }) as Document);
    } catch (err) {
      throw new SqlEtlError('bad-data-file', 'io', `${file}:${i + 1}: ${(err as Error).message}`, { cause: err });
    }
  });
  return docs;
}

/** CSV cells are typed the way a reader expects: numbers, booleans, ISO dates; empty is missing. */
function readCsv(text: string, file: string): Document[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (err) {
    throw new SqlEtlError('bad-data-file', 'io', `${file}: ${(err as Error).message}`, { cause: err });
  }
  return records.map((r) => {
    const doc: Document = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === '') continue;
      doc[k] = typedCell(v);
    }
    return doc;
  });
}

function typedCell(v: string): unknown {
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v) && !/^-?0\d/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return v;
}
