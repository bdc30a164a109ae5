import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EJSON } from 'bson';
import { COLLECTION_EXTENSIONS } from './data-files.js';
import type { Document } from '../commands/command-ir.js';

/**
 * Writing collections of the embedded engine's data directory. A collection is
 * saved as `<name>.ndjson` (relaxed Extended JSON, so dates and ObjectIds survive)
 * by writing a temporary file and renaming it over the old one: a crash leaves the
 * collection as it was before or as it is after, never half-written. Files of the
 * same collection in other formats are removed afterwards (and `.ndjson` is read
 * first, so a crash between the two steps still reads the new data).
 */
export function collectionPath(dataDir: string, name: string, db?: string): string {
  return db ? join(dataDir, db, name) : join(dataDir, name);
}

/** chunks of a collection's text hold about this many UTF-16 units */
const CHUNK_CHARS = 8 * 1024 * 1024;

/**
 * A collection's `.ndjson` text: one relaxed Extended JSON document per line, as
 * chunks of whole lines. Never one string: V8 cannot make a string over 512 MiB,
 * and a collection's file may be larger (writers write the chunks one by one).
 */
export function collectionText(docs: Document[]): string[] {
  const chunks: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const d of docs) {
    const line = floatsKept(EJSON.stringify(d, { relaxed: true }), d);
    lines.push(line);
    size += line.length + 1;
    if (size >= CHUNK_CHARS) {
      chunks.push(lines.join('\n') + '\n');
      lines = [];
      size = 0;
    }
  }
  if (lines.length) chunks.push(lines.join('\n') + '\n');
  return chunks;
}

/**
 * A double holding an integer past 2^53 (`1e20`, from a float column) is written by JSON as
 * its digits, `100000000000000000000`, which the reader refuses as an integer it cannot hold
 * exactly (json-integers.ts): such a line is written again with those numbers as
 * `{"$numberDouble": "…"}`, which reads back as the same double. Only lines with 16 digits
 * in a row can hold one.
 */
function floatsKept(line: string, d: Document): string {
  if (!/\d{16}/.test(line)) return line;
  return EJSON.stringify(d, (_key: string, v: unknown) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > Number.MAX_SAFE_INTEGER ? { $numberDouble: String(v) } : v), undefined, { relaxed: true });
}

/** The inverse of collectionText, for text staged by an open transaction (written by sqletl, so well-formed). */
export function parseCollectionText(chunks: string[]): Document[] {
  const docs: Document[] = [];
  for (const text of chunks) for (const l of text.split('\n')) if (l.trim() !== '') docs.push(EJSON.parse(l, { relaxed: true }) as Document);
  return docs;
}

/** Writes text given as chunks (collectionText) to a new file. */
export function writeChunks(file: string, chunks: string[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}

/** where index and view declarations live, relative to the data directory */
export const INDEXES_FILE = join('.sqletl', 'indexes.json');
export const VIEWS_FILE = join('.sqletl', 'views.json');

/**
 * Writes a whole file so that readers (and a crash) see the old or the new content,
 * never part of it: a temporary file in the same folder, renamed over the target.
 */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

export function saveCollection(dataDir: string, name: string, db: string | undefined, docs: Document[]): void {
  const base = collectionPath(dataDir, name, db);
  mkdirSync(dirname(base), { recursive: true });
  const tmp = `${base}.ndjson.tmp-${process.pid}`;
  writeChunks(tmp, collectionText(docs));
  renameSync(tmp, `${base}.ndjson`);
  for (const ext of COLLECTION_EXTENSIONS) if (ext !== '.ndjson' && existsSync(base + ext)) rmSync(base + ext);
}

/** Removes every file of a collection; false when there was none. */
export function dropCollectionFiles(dataDir: string, name: string, db?: string): boolean {
  const base = collectionPath(dataDir, name, db);
  let found = false;
  for (const ext of COLLECTION_EXTENSIONS) {
    if (existsSync(base + ext)) {
      rmSync(base + ext);
      found = true;
    }
  }
  return found;
}

export interface IndexSpec {
  name: string;
  keys: Record<string, 1>;
  unique: boolean;
  partialFilterExpression?: Document;
}

/** Index declarations of a data directory: `<data>/.sqletl/indexes.json`, keyed by `db.collection`. */
export function readIndexes(dataDir: string): Record<string, IndexSpec[]> {
  const file = join(dataDir, '.sqletl', 'indexes.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, IndexSpec[]>) : {};
}

export function writeIndexes(dataDir: string, indexes: Record<string, IndexSpec[]>): void {
  writeFileAtomically(join(dataDir, INDEXES_FILE), JSON.stringify(indexes, null, 2));
}

/** Views of a data directory: `<data>/.sqletl/views.json` (relaxed Extended JSON), keyed by `db.collection`. */
export interface ViewSpec {
  viewOn: string;
  pipeline: Document[];
}

export function readViews(dataDir: string): Record<string, ViewSpec> {
  const file = join(dataDir, '.sqletl', 'views.json');
  return existsSync(file) ? (EJSON.parse(readFileSync(file, 'utf8'), { relaxed: true }) as Record<string, ViewSpec>) : {};
}

export function writeViews(dataDir: string, views: Record<string, ViewSpec>): void {
  writeFileAtomically(join(dataDir, VIEWS_FILE), EJSON.stringify(views, undefined, 2, { relaxed: true }));
}
