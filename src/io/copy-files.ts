import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { SqlEtlError } from '../errors.js';
import type { CopyOptions } from '../ir/statement.js';
import { readHttpRows, redactUrl } from './copy-http.js';
import { readParquetRows, writeParquetFile } from './copy-parquet.js';
import { jsonValue, textValue } from './copy-values.js';

/**
 * COPY's sources and sinks: readers stream rows (memory stays bounded by the batch,
 * whatever the file's size) with their line numbers — CSV and text in copy-read.ts,
 * JSON in copy-json.ts, parquet in copy-parquet.ts, http(s) in copy-http.ts; writers write a
 * temporary file and rename it over the target, so a failed COPY TO never leaves
 * half a file, and print values as PostgreSQL does (copy-values.ts).
 */

/**
 * Where a COPY FROM's rows come from: STDIN, a file, or an http(s) URL (copy-http.ts).
 * Byte sources are streams that readCopyRows (copy-read.ts) parses; parquet files and http sources
 * are object streams of rows already parsed.
 */
export function openCopySource(file: string | undefined, options?: CopyOptions, columns: string[] = []): { stream: Readable; label: string } {
  if (!file) return { stream: process.stdin, label: 'STDIN' };
  if (isUrl(file) && options) return { stream: Readable.from(readHttpRows(file, options, columns)), label: redactUrl(file) };
  try {
    closeSync(openSync(file, 'r')); // fail early, with a clear message, on a missing file (without reading it)
  } catch (err) {
    throw new SqlEtlError('copy-missing-file', 'io', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { cause: err });
  }
  if (options?.format === 'parquet') return { stream: Readable.from(readParquetRows(file, file)), label: file };
  return { stream: createReadStream(file), label: file };
}

/** `http://` and `https://` locations are URLs; anything else is a path. */
export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** A COPY's location: a URL as it is, a relative path against the folder of the .sql file that names it. */
export function copyLocation(location: string, sqlFile: string | undefined): string {
  if (isUrl(location) || isAbsolute(location)) return location;
  return resolve(sqlFile ? dirname(resolve(sqlFile)) : process.cwd(), location);
}

/**
 * COPY … TO: the rows in the statement's format, into a file (written whole to a
 * temporary file and renamed over the target) or onto STDOUT.
 */
export async function writeCopyOutput(file: string | undefined, columns: string[], rows: unknown[][], options: CopyOptions): Promise<void> {
  if (options.format === 'parquet') {
    if (!file) throw new SqlEtlError('copy-parquet-stdout', 'io', 'COPY … TO STDOUT cannot write parquet: give a file');
    mkdirSync(dirname(file), { recursive: true });
    await writeParquetFile(file, columns, options.types ?? [], rows);
    return;
  }
  const text = formatCopyRows(columns, rows, options);
  if (file) await writeCopyFile(file, text);
  else process.stdout.write(text);
}

/**
 * COPY … TO written batch by batch (csv, text, ndjson, 'json'): the same bytes as
 * formatCopyRows over all the rows, without holding them. A file is written to a
 * temporary name and renamed at close, so readers never see half an export; each
 * write waits for the stream to drain. Parquet is columnar: it goes through
 * writeCopyOutput with the whole result.
 */
export interface CopyWriter {
  write(rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
  /** a failed statement: remove the temporary file */
  abort(): void;
}

export function openCopyWriter(file: string | undefined, columns: string[], options: CopyOptions): CopyWriter {
  let tmp: string | undefined;
  let out: NodeJS.WritableStream;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    tmp = `${file}.tmp-${process.pid}`;
    out = createWriteStream(tmp);
  } else out = process.stdout;
  let failed: Error | undefined;
  out.on('error', (err: Error) => {
    failed = err;
  });
  const put = (text: string): Promise<void> => {
    if (failed) return Promise.reject(failed);
    if (text === '' || out.write(text)) return Promise.resolve();
    return new Promise((resolveDrain, reject) => {
      out.once('drain', () => resolveDrain());
      out.once('error', reject);
    });
  };
  const arrayJson = options.format === 'json';
  let first = true;
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    if (arrayJson) await put('[');
    else if (options.header && (options.format === 'csv' || options.format === 'text')) await put(formatCopyRows(columns, [], options));
  };
  return {
    write: async (rows) => {
      await start();
      if (rows.length === 0) return;
      if (!arrayJson) {
        await put(formatCopyRows(columns, rows, { ...options, header: false }));
        return;
      }
      // JSON.stringify(all, null, 2) spelled one element at a time
      const types = options.types ?? [];
      let text = '';
      for (const r of rows) {
        const o = Object.fromEntries(columns.map((c, i) => [c, jsonValue(r[i], types[i])]));
        text += (first ? '\n' : ',\n') + JSON.stringify(o, null, 2).replace(/^/gm, '  ');
        first = false;
      }
      await put(text);
    },
    close: async () => {
      await start();
      if (arrayJson) await put(first ? ']\n' : '\n]\n');
      if (tmp) {
        await new Promise<void>((resolveEnd, reject) => {
          if (failed) return reject(failed);
          out.once('error', reject);
          (out as import('node:fs').WriteStream).end(() => resolveEnd());
        });
        renameSync(tmp, file!);
      }
    },
    abort: () => {
      if (!tmp) return;
      (out as import('node:fs').WriteStream).destroy();
      rmSync(tmp, { force: true });
    },
  };
}

/** Rows (arrays in column order) as the COPY TO format. */
export function formatCopyRows(columns: string[], rows: unknown[][], options: CopyOptions): string {
  const types = options.types ?? [];
  if (options.format === 'json' || options.format === 'ndjson') {
    const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, jsonValue(r[i], types[i])])));
    return options.format === 'json' ? JSON.stringify(objects, null, 2) + '\n' : objects.map((o) => JSON.stringify(o)).join('\n') + (objects.length ? '\n' : '');
  }
  const quoteIfNeeded = (s: string) =>
    options.format === 'csv' && (s.includes(options.delimiter) || s.includes(options.quote) || /[\r\n]/.test(s) || s === options.null)
      ? options.quote + s.split(options.quote).join(options.quote + options.quote) + options.quote
      : options.format === 'text'
        ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        : s;
  const line = (values: unknown[]) =>
    values
      .map((v, i) => {
        const t = textValue(v, types[i]);
        return t === null ? options.null : quoteIfNeeded(t);
      })
      .join(options.delimiter);
  const out = [...(options.header ? [columns.map((c) => quoteIfNeeded(c)).join(options.delimiter)] : []), ...rows.map(line)];
  return out.join('\n') + (out.length ? '\n' : '');
}

export async function writeCopyFile(file: string, content: string): Promise<void> {
  // an export folder such as `out/` is created on first use (kept out of version control, so absent after a clone)
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await new Promise<void>((resolveWrite, reject) => {
    const out = createWriteStream(tmp);
    out.on('error', reject);
    out.end(content, () => resolveWrite());
  });
  renameSync(tmp, file);
}
