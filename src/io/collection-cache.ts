import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import v8 from 'node:v8';
import type { Document } from '../commands/command-ir.js';

/**
 * A column store of a parsed `.ndjson` collection, kept next to it in
 * `.sqletl-cache/<file>.bin`, so that a later run builds the documents from typed
 * arrays instead of parsing the text again, and builds only the top-level fields its
 * query reads (embedded-projection.ts). Parsing is most of a query's time on large
 * files (bench/README.md, TPC-H lineitem: 250 MB, seconds of JSON.parse).
 *
 * Never stale: the cache records the source file's size, mtime, ctime, inode and device
 * (nanoseconds) as they were before it was parsed and again after, and is written only
 * when the two agree and both timestamps were over two seconds old at the first look
 * (file timestamps tick coarsely: a change in the same tick could keep them equal, a
 * change after that tick cannot, and ctime cannot be set back). A read compares the
 * record with the file as it is; any difference, or a cache that cannot be read, means
 * the text is parsed again. Concurrent runs: a cache is written to a temporary file and
 * renamed over the old one, so a reader sees a whole old or a whole new cache.
 *
 * Only plain JSON is cached (numbers, strings, booleans, null, arrays, objects, and
 * `{"$date": …}` dates): values of other Extended JSON types (ObjectId, Decimal128, …)
 * are classes that v8's serializer would turn into plain objects, so such a collection is
 * parsed every time. Small files are not cached: parsing them costs little.
 */

export const CACHE_DIR = '.sqletl-cache';
/** files smaller than this are parsed every time */
export const MIN_CACHED_BYTES = 1024 * 1024;
const MAGIC = Buffer.from('sqletl collection cache 1\n');
/** a timestamp this recent (ns) could still change within its own tick */
const SETTLED_NS = 2_000_000_000n;
/** more shapes (distinct key lists) than this: an irregular collection, not cached */
const MAX_SHAPES = 255;
/** distinct strings of a column at most, for it to be stored as a dictionary */
const MAX_DICT = 4096;

/** `SQLETL_CACHE=off` turns the cache off (neither read nor written). */
function cacheEnabled(): boolean {
  return process.env.SQLETL_CACHE !== 'off';
}

export function cachePath(file: string): string {
  return join(dirname(file), CACHE_DIR, `${basename(file)}.bin`);
}

/** The identity of a file's content as the file system reports it. */
export interface SourceStamp {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
}

export function sourceStamp(file: string): SourceStamp | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return { size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino), dev: String(s.dev) };
  } catch {
    return undefined;
  }
}

const sameStamp = (a: SourceStamp, b: SourceStamp): boolean =>
  a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;

/** Whether a cache written now for a file of stamp `s` would be safe (see above), and worth it. */
export function cacheable(s: SourceStamp | undefined): s is SourceStamp {
  if (!s || !cacheEnabled() || Number(s.size) < MIN_CACHED_BYTES) return false;
  const now = BigInt(Date.now()) * 1_000_000n;
  return now - BigInt(s.mtimeNs) > SETTLED_NS && now - BigInt(s.ctimeNs) > SETTLED_NS;
}

type ColumnKind = 'f64' | 'date' | 'dict' | 'str' | 'any';
interface ColumnHeader {
  name: string;
  kind: ColumnKind;
  /** [offset, length] of each blob in the file: f64/date one, dict two (indices, values), str two (offsets, bytes), any one */
  blobs: [number, number][];
}
interface CacheHeader {
  stamp: SourceStamp;
  rows: number;
  /** each shape: the column numbers of a document's fields, in the document's order */
  shapes: number[][];
  /** blob of one byte per row: its shape (absent when there is one shape) */
  rowShapes?: [number, number];
  columns: ColumnHeader[];
}

/**
 * Writes the cache of `file`, parsed into `docs` from the content of stamp `before`.
 * Does nothing when the file changed meanwhile, the documents do not fit the column
 * store, or the cache cannot be written (a read-only data directory): it is only a cache.
 */
export function writeCollectionCache(file: string, before: SourceStamp, docs: Document[]): void {
  const after = sourceStamp(file);
  if (!after || !sameStamp(before, after)) return;
  const encoded = encode(docs, before);
  if (!encoded) return;
  const target = cachePath(file);
  const tmp = `${target}.${process.pid}-${randomBytes(6).toString('hex')}.part`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      for (const b of encoded) for (let off = 0; off < b.length; ) off += writeSync(fd, b, off, b.length - off);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * The documents of `file` from its cache, with only the top-level `fields` (all when
 * undefined), or undefined when there is no cache of the file as it is now. Only the
 * blobs of those fields are read from the cache file.
 */
export function readCollectionCache(file: string, fields?: ReadonlySet<string>): Document[] | undefined {
  return readFilteredCache(file, fields)?.docs;
}

/**
 * The same, building only the rows `rowFilter` does not drop (embedded-prefilter.ts);
 * `allKept`: every row built had the verdict Keep (none Maybe).
 */
export function readFilteredCache(file: string, fields?: ReadonlySet<string>, rowFilter?: RowFilter): { docs: Document[]; allKept: boolean } | undefined {
  const opened = openCache(file);
  if (!opened) return undefined;
  try {
    return decode(opened, fields, rowFilter);
  } catch {
    return undefined; // a damaged cache is no cache: the text is parsed
  } finally {
    closeSync(opened.fd);
  }
}

/** How many documents `file` holds, from its current cache (its header only), or undefined. */
export function cachedRowCount(file: string): number | undefined {
  const opened = openCache(file);
  if (!opened) return undefined;
  closeSync(opened.fd);
  return opened.header.rows;
}

interface OpenCache {
  fd: number;
  header: CacheHeader;
  /** where the blob area starts in the file */
  base: number;
}

/** The cache file of `file`, open, when its header says it holds the file's content as it is now. */
function openCache(file: string): OpenCache | undefined {
  if (!cacheEnabled()) return undefined;
  const now = sourceStamp(file);
  if (!now) return undefined;
  let fd: number;
  try {
    fd = openSync(cachePath(file), 'r');
  } catch {
    return undefined;
  }
  try {
    const lead = readAt(fd, 0, MAGIC.length + 4);
    if (!lead.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a cache');
    const headerLength = lead.readUInt32LE(MAGIC.length);
    const header = JSON.parse(readAt(fd, MAGIC.length + 4, headerLength).toString('utf8')) as CacheHeader;
    if (!sameStamp(header.stamp, now)) throw new Error('stale');
    const start = MAGIC.length + 4 + headerLength;
    return { fd, header, base: start + ((8 - (start % 8)) % 8) };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** `length` bytes at `position`, in a buffer of their own (so typed arrays over it are aligned) */
function readAt(fd: number, position: number, length: number): Buffer {
  return readInto(fd, Buffer.allocUnsafeSlow(length), position, length);
}

/** `length` bytes at `position` into the start of `b` (a buffer read into again and again) */
function readInto(fd: number, b: Buffer, position: number, length: number): Buffer {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, position + got);
    if (n === 0) throw new Error('cache file is shorter than its header says');
    got += n;
  }
  return b;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isPlainObject = (v: object): boolean => Object.getPrototypeOf(v) === Object.prototype;

/** The file's bytes as blobs in order, or undefined when the documents do not fit the store. */
function encode(docs: Document[], stamp: SourceStamp): Buffer[] | undefined {
  const columnOf = new Map<string, number>();
  const names: string[] = [];
  const shapeOf = new Map<string, number>();
  const shapes: number[][] = [];
  const rowShape = new Uint8Array(docs.length);
  const values: unknown[][] = [];
  let lastKeys: string[] = [];
  let last = -1;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (!isPlainObject(d)) return undefined;
    const keys = Object.keys(d);
    // most documents have the shape of the one before (JSON.parse interns keys: cheap to compare)
    let s = sameKeys(keys, lastKeys) ? last : shapeOf.get(keys.join('\0'));
    if (s === undefined) {
      const id = keys.join('\0');
      // "__proto__" as a key of the object literal that rebuilds a document would set its prototype
      if (keys.includes('__proto__') || shapes.length >= MAX_SHAPES) return undefined;
      s = shapes.length;
      shapeOf.set(id, s);
      shapes.push(
        keys.map((k) => {
          let c = columnOf.get(k);
          if (c === undefined) {
            c = names.length;
            columnOf.set(k, c);
            names.push(k);
            values.push(new Array<unknown>(docs.length));
          }
          return c;
        }),
      );
    }
    rowShape[i] = s;
    lastKeys = keys;
    last = s;
    const cols = shapes[s];
    const vs = Object.values(d);
    for (let j = 0; j < vs.length; j++) values[cols[j]][i] = vs[j];
  }
  const blobs: Buffer[] = [];
  let offset = 0; // from the start of the blob area
  const addBlob = (b: Buffer): [number, number] => {
    const at: [number, number] = [offset, b.length];
    blobs.push(b);
    offset += b.length;
    const pad = (8 - (b.length % 8)) % 8; // typed arrays read in place need aligned offsets
    if (pad) {
      blobs.push(Buffer.alloc(pad));
      offset += pad;
    }
    return at;
  };
  const columns: ColumnHeader[] = [];
  for (let c = 0; c < names.length; c++) {
    const col = encodeColumn(values[c], addBlob);
    if (!col) return undefined;
    columns.push({ name: names[c], ...col });
  }
  const header: CacheHeader = { stamp, rows: docs.length, shapes, columns, ...(shapes.length > 1 ? { rowShapes: addBlob(Buffer.from(rowShape.buffer)) } : {}) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const start = MAGIC.length + 4 + headerBytes.length;
  const lead = Buffer.alloc(4 + ((8 - (start % 8)) % 8));
  lead.writeUInt32LE(headerBytes.length, 0);
  // blob offsets in the header count from the blob area, which starts at an 8-byte boundary
  return [MAGIC, lead.subarray(0, 4), headerBytes, lead.subarray(4), ...blobs];
}

/** One column's blobs. Values are undefined in rows that lack the field. */
function encodeColumn(vals: unknown[], addBlob: (b: Buffer) => [number, number]): Omit<ColumnHeader, 'name'> | undefined {
  let numbers = true;
  let dates = true;
  let strings = true;
  let plain = true; // JSON values and Dates only, which v8's serializer keeps as they are
  for (const v of vals) {
    if (v === undefined) continue;
    const t = typeof v;
    if (t !== 'number') numbers = false;
    if (!(v instanceof Date)) dates = false;
    // a lone surrogate would come back from UTF-8 as U+FFFD: such a column keeps v8's encoding
    if (t !== 'string' || !(v as unknown as { isWellFormed(): boolean }).isWellFormed()) strings = false;
    if (t === 'object' && v !== null && !isJsonValue(v)) plain = false;
  }
  if (!plain) return undefined;
  const n = vals.length;
  if (numbers || dates) {
    const f = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v !== undefined) f[i] = numbers ? (v as number) : (v as Date).getTime();
    }
    return { kind: numbers ? 'f64' : 'date', blobs: [addBlob(Buffer.from(f.buffer))] };
  }
  if (strings) {
    const dict = new Map<string, number>();
    for (const v of vals) {
      if (v !== undefined && !dict.has(v as string)) {
        dict.set(v as string, dict.size);
        if (dict.size > MAX_DICT) break;
      }
    }
    if (dict.size <= MAX_DICT) {
      const idx = new Uint16Array(n);
      for (let i = 0; i < n; i++) if (vals[i] !== undefined) idx[i] = dict.get(vals[i] as string)!;
      return { kind: 'dict', blobs: [addBlob(Buffer.from(idx.buffer)), addBlob(v8.serialize([...dict.keys()]))] };
    }
    let total = 0;
    for (const v of vals) if (v !== undefined) total += Buffer.byteLength(v as string, 'utf8');
    if (total > 0xffffffff) return undefined;
    const bytes = Buffer.allocUnsafe(total);
    const offsets = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v !== undefined) at += bytes.write(v as string, at, 'utf8');
      offsets[i + 1] = at;
    }
    return { kind: 'str', blobs: [addBlob(Buffer.from(offsets.buffer)), addBlob(bytes)] };
  }
  return { kind: 'any', blobs: [addBlob(v8.serialize(vals))] };
}

/** Arrays, plain objects and Dates all the way down (what JSON.parse and the $date reviver make). */
function isJsonValue(v: object): boolean {
  if (v instanceof Date) return true;
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object' || isJsonValue(x));
  if (!isPlainObject(v) || Object.prototype.hasOwnProperty.call(v, '__proto__')) return false;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object' && !isJsonValue(x)) return false;
  }
  return true;
}

/** A column's values as an accessor for row i (only rows that have the field ask). */
type Column = (i: number) => unknown;

/**
 * A column as a row filter reads it (embedded-prefilter.ts): its scalar kind and its
 * values in place, without building documents. Only columns of one scalar kind are
 * offered (numbers, dates as milliseconds, strings); `has(i)` says whether row i has the
 * field at all (a document of another shape lacks it).
 */
export interface ColumnView {
  kind: 'number' | 'date' | 'string';
  has(i: number): boolean;
  /** every row has the field (`has` is always true) */
  everyRow?: boolean;
  /** number and date columns */
  numbers?: Float64Array;
  /** string columns kept as a dictionary: row i's string is values[codes[i]] */
  dict?: { codes: Uint16Array; values: string[] };
  /** the string of row i (string columns) */
  str?(i: number): string;
}

/** A row filter's answer for one row: not built, built and certainly wanted, built but maybe not wanted. */
export type RowVerdict = typeof DROP | typeof KEEP | typeof MAYBE;
export const DROP = 0;
export const KEEP = 1;
export const MAYBE = 2;

/** Given the columns by name, the verdict on row i, or undefined to build every row (each a Maybe). */
export type RowFilter = (column: (name: string) => ColumnView | undefined) => ((i: number) => RowVerdict) | undefined;

/**
 * A collection's cache read into memory for building rows one at a time (a keyed lookup
 * builds only the rows of the keys it is asked for: src/engine/keyed-rows.ts). Every blob
 * it needs is read when it is made; the cache file is closed again.
 */
export interface ColumnTable {
  rows: number;
  /** a column of one scalar kind, as a row filter reads it */
  column(name: string): ColumnView | undefined;
  /** the row filter's verdict on row i, when one was given and it tests something */
  verdict?: (i: number) => RowVerdict;
  /** row i as a document with the fields asked for */
  build(i: number): Document;
}

/** `file`'s current cache as a ColumnTable of the top-level `fields` (all when undefined), or undefined when there is none. */
export function readColumnTable(file: string, fields?: ReadonlySet<string>, rowFilter?: RowFilter): ColumnTable | undefined {
  const opened = openCache(file);
  if (!opened) return undefined;
  try {
    const table = columnTable(opened, fields, rowFilter);
    // the file closes now: only the columns already read (the fields asked for, the filter's) can be offered
    return { ...table, column: (name) => (fields === undefined || fields.has(name) ? table.column(name) : undefined) };
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * A ColumnTable whose rows are read from the cache file one value at a time: only the
 * column `eager` is read whole (a keyed lookup's key, indexed by keyed-rows.ts); the others
 * are read for the rows built, with a positioned read per value, and the file stays open
 * until `close()`. For building a few rows of a large collection (the lineitem rows of forty
 * parts read 8 bytes each instead of 4.8 MB per column). No row filter: the caller runs the
 * `$match` stages on the rows built.
 */
export function readRowTable(file: string, fields: ReadonlySet<string>, eager: string): (ColumnTable & { close(): void }) | undefined {
  const opened = openCache(file);
  if (!opened) return undefined;
  const { fd, header, base } = opened;
  try {
    const whole = columnTable({ fd, header, base }, new Set([eager]));
    const cell = Buffer.allocUnsafeSlow(8);
    const readCell = (position: number, length: number): Buffer => readInto(fd, cell, position, length);
    const at = (blob: [number, number]) => base + blob[0];
    // a column asked for many rows is read whole after all: a positioned read costs about what
    // 4 KB of a whole read does (the names of three thousand parts: one 660 KB read, not 6,000)
    const perRow = (col: ColumnHeader, one: Column): Column => {
      let reads = 0;
      const budget = Math.max(256, col.blobs.reduce((n, b) => n + b[1], 0) / 4096);
      let all: Column | undefined;
      return (i) => {
        if (all) return all(i);
        if (++reads > budget) {
          all = valuesOf(columnTable({ fd, header, base }, new Set([col.name])).column(col.name)!);
          return all(i);
        }
        return one(i);
      };
    };
    const columns: (Column | undefined)[] = header.columns.map((col): Column | undefined => {
      if (!fields.has(col.name) || col.name === eager) return undefined;
      const [first, second] = col.blobs;
      switch (col.kind) {
        case 'f64':
          return perRow(col, (i) => readCell(at(first) + 8 * i, 8).readDoubleLE(0));
        case 'date':
          return perRow(col, (i) => new Date(readCell(at(first) + 8 * i, 8).readDoubleLE(0)));
        case 'dict': {
          let values: string[] | undefined;
          return perRow(col, (i) => {
            values ??= v8.deserialize(readAt(fd, at(second), second[1])) as string[];
            return values[readCell(at(first) + 2 * i, 2).readUInt16LE(0)];
          });
        }
        case 'str':
          return perRow(col, (i) => {
            const b = readCell(at(first) + 4 * i, 8);
            const from = b.readUInt32LE(0);
            const to = b.readUInt32LE(4);
            return readAt(fd, at(second) + from, to - from).toString('utf8');
          });
        case 'any': {
          let values: unknown[] | undefined;
          return (i) => (values ??= v8.deserialize(readAt(fd, at(first), first[1])) as unknown[])[i];
        }
      }
    });
    // the eager column's values come from the whole read
    const c = header.columns.findIndex((col) => col.name === eager);
    const view = whole.column(eager);
    if (c < 0 || !view) throw new Error('no such column');
    columns[c] = valuesOf(view);
    const rowShape = header.rowShapes ? readAt(fd, base + header.rowShapes[0], header.rowShapes[1]) : undefined;
    const builders = header.shapes.map((shape) => builder(shape.filter((k) => columns[k] !== undefined), header.columns, columns));
    return {
      rows: header.rows,
      column: (name) => (name === eager ? view : undefined),
      build: rowShape ? (i) => builders[rowShape[i]](i) : builders[0],
      close: () => closeSync(fd),
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** row i's value of a column of one scalar kind, as a document holds it */
function valuesOf(view: ColumnView): Column {
  const numbers = view.numbers;
  if (numbers) return view.kind === 'date' ? (i) => new Date(numbers[i]) : (i) => numbers[i];
  return (i) => view.str!(i);
}

type RawColumn =
  | { kind: 'f64' | 'date'; numbers: Float64Array }
  | { kind: 'dict'; codes: Uint16Array; values: string[] }
  | { kind: 'str'; offsets: Uint32Array; bytes: Buffer }
  | { kind: 'any'; values: unknown[] };

function columnTable({ fd, header, base }: OpenCache, fields?: ReadonlySet<string>, rowFilter?: RowFilter): ColumnTable {
  const blob = ([off, len]: [number, number]): Buffer => readAt(fd, base + off, len);
  const typed = <T>(make: new (b: ArrayBuffer, offset: number, length: number) => T, width: number) => (b: Buffer): T =>
    new make(b.buffer as ArrayBuffer, b.byteOffset, b.length / width);
  const f64 = typed(Float64Array, 8);
  const u16 = typed(Uint16Array, 2);
  const u32 = typed(Uint32Array, 4);
  const raws = new Map<number, RawColumn>();
  // each column's blobs are read once, when first asked for (by the filter or a document)
  const raw = (c: number): RawColumn => {
    let r = raws.get(c);
    if (r) return r;
    const col = header.columns[c];
    switch (col.kind) {
      case 'f64':
      case 'date':
        r = { kind: col.kind, numbers: f64(blob(col.blobs[0])) };
        break;
      case 'dict':
        r = { kind: 'dict', codes: u16(blob(col.blobs[0])), values: v8.deserialize(blob(col.blobs[1])) as string[] };
        break;
      case 'str':
        r = { kind: 'str', offsets: u32(blob(col.blobs[0])), bytes: blob(col.blobs[1]) };
        break;
      case 'any':
        r = { kind: 'any', values: v8.deserialize(blob(col.blobs[0])) as unknown[] };
        break;
    }
    raws.set(c, r);
    return r;
  };
  const rowShape = header.rowShapes ? blob(header.rowShapes) : undefined;
  const byName = new Map(header.columns.map((col, c) => [col.name, c]));
  const view = (name: string): ColumnView | undefined => {
    const c = byName.get(name);
    if (c === undefined) return undefined;
    const inShape = header.shapes.map((shape) => shape.includes(c));
    const has = rowShape ? (i: number) => inShape[rowShape[i]] : inShape[0] ? () => true : () => false;
    const everyRow = inShape.every(Boolean);
    const r = raw(c);
    switch (r.kind) {
      case 'f64':
        return { kind: 'number', has, everyRow, numbers: r.numbers };
      case 'date':
        return { kind: 'date', has, everyRow, numbers: r.numbers };
      case 'dict':
        return { kind: 'string', has, dict: { codes: r.codes, values: r.values }, str: (i) => r.values[r.codes[i]] };
      case 'str':
        return { kind: 'string', has, str: (i) => r.bytes.toString('utf8', r.offsets[i], r.offsets[i + 1]) };
      case 'any':
        return undefined;
    }
  };
  const test = rowFilter?.(view);
  const wanted = (c: number) => fields === undefined || fields.has(header.columns[c].name);
  const columns: (Column | undefined)[] = header.columns.map((_col, c): Column | undefined => {
    if (!wanted(c)) return undefined;
    const r = raw(c);
    switch (r.kind) {
      case 'f64': {
        const a = r.numbers;
        return (i) => a[i];
      }
      case 'date': {
        const a = r.numbers;
        return (i) => new Date(a[i]);
      }
      case 'dict': {
        const { codes, values } = r;
        return (i) => values[codes[i]];
      }
      case 'str': {
        const { offsets, bytes } = r;
        return (i) => bytes.toString('utf8', offsets[i], offsets[i + 1]);
      }
      case 'any': {
        const a = r.values;
        return (i) => a[i];
      }
    }
  });
  const builders = header.shapes.map((shape) => builder(shape.filter(wanted), header.columns, columns));
  return { rows: header.rows, column: view, verdict: test, build: rowShape ? (i) => builders[rowShape[i]](i) : builders[0] };
}

function decode(opened: OpenCache, fields?: ReadonlySet<string>, rowFilter?: RowFilter): { docs: Document[]; allKept: boolean } {
  const { rows, verdict, build } = columnTable(opened, fields, rowFilter);
  if (verdict) {
    const docs: Document[] = [];
    let allKept = true;
    for (let i = 0; i < rows; i++) {
      const v = verdict(i);
      if (v === DROP) continue;
      if (v === MAYBE) allKept = false;
      docs.push(build(i));
    }
    return { docs, allKept };
  }
  const docs = new Array<Document>(rows);
  for (let i = 0; i < rows; i++) docs[i] = build(i);
  return { docs, allKept: false };
}

/**
 * A function building a document of one shape from row i: an object literal with the
 * fields in the document's order (V8 makes those with one hidden class, far faster than
 * assigning fields one by one). Field names are JSON string literals in the source; the
 * values come from the column accessors passed in.
 */
function builder(shape: number[], headers: ColumnHeader[], columns: (Column | undefined)[]): (i: number) => Document {
  const body = shape.map((c, k) => `${JSON.stringify(headers[c].name)}: c${k}(i)`).join(', ');
  const make = new Function(...shape.map((_, k) => `c${k}`), `return (i) => ({ ${body} });`) as (...cols: Column[]) => (i: number) => Document;
  return make(...shape.map((c) => columns[c]!));
}
