import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { findInexactInteger, inexactIntegerMessage, type FloatFields } from './json-integers.js';
import { decimalsToDoubles, decimalTextAsDouble, findInexactDecimal, inexactDecimalMessage } from './json-decimals.js';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { parse as parseCsv } from 'csv-parse/sync';
import { lineColumn, SqlEtlError } from '../errors.js';
import { jsonErrorOffset } from './json-locate.js';
import { decodeUtf8 } from './utf8.js';
import { cacheable, readCollectionCache, sourceStamp, writeCollectionCache } from './collection-cache.js';
import type { Document } from '../commands/command-ir.js';

/**
 * Collections of the embedded engine's data directory: `<name>.json` (an array),
 * `<name>.ndjson`/`.jsonl` (a document per line), `<name>.csv` (header row). JSON is
 * relaxed Extended JSON, so `{"$date": "…"}` is a date. `db.coll` lives in `<dir>/db/`.
 */
/** `.ndjson` first: it is what sqletl writes, and it must win over an older file of another format. */
export const COLLECTION_EXTENSIONS = ['.ndjson', '.json', '.jsonl', '.csv'] as const;

export function collectionFile(dataDir: string, name: string, db?: string): string | undefined {
  checkCollectionName(name, db);
  const base = db ? join(dataDir, db, name) : join(dataDir, name);
  for (const ext of COLLECTION_EXTENSIONS) {
    if (existsSync(base + ext)) return base + ext;
  }
  return undefined;
}

/**
 * A collection name is a name, never a path: `"../secret"` must not read a file
 * outside the data directory. The rules are MongoDB's (a collection name has no
 * `$` or NUL; a database name none of \/. "$*<>:|? or space), plus no path
 * separator and not `.`/`..` in a collection name, which the files need.
 */
export function checkCollectionName(name: string, db?: string): void {
  const bad = (what: string, value: string, why: string): SqlEtlError =>
    new SqlEtlError('bad-collection-name', 'run', `${what} name ${JSON.stringify(value)} is not valid: ${why}`);
  if (name === '') throw bad('collection', name, 'it is empty');
  if (/[$\0]/.test(name)) throw bad('collection', name, 'MongoDB collection names contain no $ or NUL character');
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw bad('collection', name, 'a collection of the data directory is a file name, not a path');
  }
  if (name.startsWith('system.')) throw bad('collection', name, 'system.* collections are reserved');
  if (db !== undefined) {
    if (db === '') throw bad('database', db, 'it is empty');
    if (/[/\\. "$*<>:|?\0]/.test(db)) throw bad('database', db, 'MongoDB database names contain none of /\\. "$*<>:|? or space');
  }
}

/**
 * The documents of a collection file. `.ndjson`/`.jsonl` come from the file's column
 * cache when it has a current one (collection-cache.ts; `readCollectionCache` builds
 * only some fields), and a file parsed here gets one when it is large enough.
 */
export function readCollectionFile(file: string, floatFields?: ReadonlySet<string>): Document[] {
  if (!file.endsWith('.csv') && !file.endsWith('.json')) {
    const cached = readCollectionCache(file);
    if (cached) return cached;
    const before = sourceStamp(file);
    const floats: FloatFields | undefined = floatFields?.size ? { names: floatFields, depth: 1 } : undefined;
    const docs = readJsonLinesFile(file, BLOCK_BYTES, floats);
    // documents read with a float column's large integer as a double depend on the declarations: not cached for other reads
    if (cacheable(before) && !floats?.skipped) writeCollectionCache(file, before, docs);
    return docs;
  }
  const bytes = readFileSync(file);
  if (bytes.length > MAX_TEXT_BYTES) {
    throw badData(file, `a ${file.endsWith('.csv') ? '.csv' : '.json'} collection is read as one text, and this file is over 512 MiB`, undefined, [
      'store it as .ndjson (one document per line), which is read line by line, or load it into a table with COPY … FROM',
    ]);
  }
  const text = decodeText(bytes, file);
  return file.endsWith('.csv') ? readCsv(text, file) : readJsonArray(text, file, floatFields?.size ? { names: floatFields, depth: 2 } : undefined);
}

/** V8's longest string (2^29 − 24 UTF-16 units); a file of more bytes may not fit in one */
const MAX_TEXT_BYTES = 0x1fffffe8;
/** `.ndjson` is read in blocks of whole lines of about this size */
const BLOCK_BYTES = 16 * 1024 * 1024;

/**
 * `<name>.ndjson` / `.jsonl`, read block by block: never one string of the whole file
 * (V8 cannot make a string over 512 MiB, and sqletl's own COPY appends can grow a
 * collection past that), and less held at once. Each block ends at a line end, so a
 * line is decoded and parsed whole; line numbers in errors count from the file's start.
 */
export function readJsonLinesFile(file: string, blockBytes = BLOCK_BYTES, floats?: FloatFields): Document[] {
  const docs: Document[] = [];
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(blockBytes);
    let carry: Buffer = Buffer.alloc(0);
    let linesBefore = 0;
    let started = false; // a BOM is dropped only at the file's start
    for (;;) {
      const n = readSync(fd, block, 0, blockBytes, null);
      const data = carry.length ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      const end = n === 0 ? data.length : data.lastIndexOf(0x0a) + 1;
      const text = decodeText(data.subarray(0, end), file, linesBefore, started);
      started ||= end > 0;
      linesBefore = readJsonLines(text, file, linesBefore, docs, floats);
      if (n === 0) break;
      // the unfinished last line waits for the next block (copied: the block buffer is reused)
      carry = Buffer.from(data.subarray(end));
    }
  } finally {
    closeSync(fd);
  }
  return docs;
}

function badData(file: string, message: string, cause?: unknown, hints?: string[]): SqlEtlError {
  return new SqlEtlError('bad-data-file', 'io', `${file}: ${message}`, { cause, ...(hints ? { hints } : {}) });
}

/**
 * Strict UTF-8: a byte sequence that is not UTF-8 is an error at its line, never silently
 * U+FFFD. `linesBefore`: lines of the file before these bytes (a block of a larger file).
 */
function decodeText(bytes: Buffer, file: string, linesBefore = 0, midFile = false): string {
  const r = decodeUtf8(bytes, midFile);
  if ('text' in r) return r.text;
  throw badData(`${file}:${linesBefore + r.error.line}:${r.error.column}`, 'invalid UTF-8 (the file must be UTF-8 text)');
}

/** `<name>.json`: one array of documents. A syntax error is reported at its line and column. */
function readJsonArray(text: string, file: string, floats?: FloatFields): Document[] {
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (err) {
    const at = jsonErrorOffset(text);
    const pos = at === undefined ? undefined : lineColumn(text, at);
    throw badData(pos ? `${file}:${pos.line}:${pos.column}` : file, jsonMessage(err), err);
  }
  if (!Array.isArray(parsed)) throw badData(file, `expected a JSON array of documents, found ${describe(parsed)}`);
  const inexact = findInexactInteger(text, floats);
  if (inexact) {
    const pos = lineColumn(text, inexact.offset);
    throw badData(`${file}:${pos.line}:${pos.column}`, inexactIntegerMessage(inexact.digits));
  }
  const decimal = findInexactDecimal(text);
  if (decimal) {
    const pos = lineColumn(text, decimal.offset);
    throw badData(`${file}:${pos.line}:${pos.column}`, inexactDecimalMessage(decimal.text));
  }
  decimalsToDoubles(parsed);
  for (let k = 0; k < parsed.length; k++) {
    if (!isDocument(parsed[k])) throw badData(file, `element ${k + 1} of the array is ${describe(parsed[k])}, not a document (an object)`);
  }
  return parsed as Document[];
}

/**
 * Lines of a `.ndjson` / `.jsonl` file: a document per line; blank lines are skipped.
 * Adds the documents to `docs`; returns the line count after this text (`linesBefore`
 * plus its line ends).
 */
function readJsonLines(text: string, file: string, linesBefore: number, docs: Document[], floats?: FloatFields): number {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const lineNo = linesBefore + i + 1;
    let doc: unknown;
    try {
      doc = parseExtendedJsonLine(line);
    } catch (err) {
      const at = jsonErrorOffset(line);
      throw badData(`${file}:${lineNo}${at === undefined ? '' : `:${at + 1}`}`, jsonMessage(err), err);
    }
    if (!isDocument(doc)) throw badData(`${file}:${lineNo}`, `expected a document (an object), found ${describe(doc)}`);
    const inexact = findInexactInteger(line, floats);
    if (inexact) throw badData(`${file}:${lineNo}:${inexact.offset + 1}`, inexactIntegerMessage(inexact.digits));
    const decimal = line.includes('$numberDecimal') ? findInexactDecimal(line) : undefined;
    if (decimal) throw badData(`${file}:${lineNo}:${decimal.offset + 1}`, inexactDecimalMessage(decimal.text));
    docs.push(doc);
  }
  return linesBefore + lines.length - 1;
}

/**
 * One line of relaxed Extended JSON, giving exactly what `EJSON.parse(line, { relaxed:
 * true })` gives, but 2–3× faster on typical data (bench/README.md): EJSON.parse runs a
 * reviver on every value, while most values are plain JSON. So: `JSON.parse`, then only
 * where the line has a `"$` key, revive — `{"$date": "<text>"}` becomes a Date directly
 * (what EJSON does with a string), any other object with a `$` key goes through
 * `EJSON.deserialize` (which is EJSON.parse of that object). A line with an escaped NUL
 * takes EJSON.parse itself, which rejects NUL in field names.
 */
export function parseExtendedJsonLine(line: string): unknown {
  if (line.includes('\\u0000')) return decimalsToDoubles(EJSON.parse(line, { relaxed: true }));
  const value = JSON.parse(line) as unknown;
  return line.includes('"$') ? revive(value) : value;
}

function revive(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (k.charCodeAt(0) === 36 /* $ */) {
      const d = o.$date;
      if (typeof d === 'string' && k === '$date' && Object.keys(o).length === 1) return new Date(Date.parse(d));
      // a Decimal128 is read as its double (json-decimals.ts: the embedded engine has no decimal arithmetic)
      if (k === '$numberDecimal' && typeof o.$numberDecimal === 'string' && Object.keys(o).length === 1) return decimalTextAsDouble(o.$numberDecimal);
      return EJSON.deserialize(o, { relaxed: true });
    }
  }
  for (const k in o) {
    const x = o[k];
    if (x === null || typeof x !== 'object') continue;
    const r = revive(x);
    if (r === x) continue;
    // JSON.parse made "__proto__" an own field; assigning to it would set the prototype instead
    if (k === '__proto__') Object.defineProperty(o, k, { value: r, writable: true, enumerable: true, configurable: true });
    else o[k] = r;
  }
  return v;
}

function isDocument(v: unknown): v is Document {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** JSON.parse's message without its echo of the whole input. */
function jsonMessage(err: unknown): string {
  const m = (err as Error).message ?? String(err);
  return m.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}

/** CSV cells are typed the way a reader expects: numbers, booleans, ISO dates; empty is missing. */
function readCsv(text: string, file: string): Document[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: csvHeader, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (err) {
    if (err instanceof SqlEtlError) throw badData(`${file}:1`, err.message);
    // csv-parse counts the lines it has read; its messages say "line N" too
    const line = (err as { lines?: number }).lines;
    throw badData(line ? `${file}:${line}` : file, (err as Error).message, err);
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

/** The header row names the fields: each once, none empty (a later column must not silently overwrite an earlier one). */
function csvHeader(names: string[]): string[] {
  const seen = new Set<string>();
  names.forEach((name, k) => {
    if (name === '') throw new SqlEtlError('bad-data-file', 'io', `column ${k + 1} of the header row has no name`);
    if (seen.has(name)) throw new SqlEtlError('bad-data-file', 'io', `column ${JSON.stringify(name)} appears twice in the header row`);
    seen.add(name);
  });
  return names;
}

function typedCell(v: string): unknown {
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v) && !/^-?0\d/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    // a day that is not on the calendar (2024-02-30) stays text: a Date would roll it over to March 1st
    const [year, month, day] = [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))];
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return v;
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return v;
}
