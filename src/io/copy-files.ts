import { createReadStream, createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { EJSON } from 'bson';
import { parse as parseCsv } from 'csv-parse';
import { SqlEtlError } from '../errors.js';
import type { CopyOptions } from '../ir/statement.js';

/**
 * COPY's files: readers stream rows (memory stays bounded by the batch, whatever the
 * file's size) with their line numbers; writers write a temporary file and rename it
 * over the target, so a failed COPY TO never leaves half a file.
 */
export interface CopyRow {
  line: number;
  values: Record<string, unknown>;
}

export async function* readCopyRows(input: Readable, options: CopyOptions, columns: string[], label: string): AsyncGenerator<CopyRow> {
  if (options.format === 'json' || options.format === 'ndjson') {
    yield* readJsonRows(input, label);
    return;
  }
  const parser = input.pipe(
    parseCsv({
      delimiter: options.delimiter,
      quote: options.format === 'csv' ? options.quote : false,
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
      bom: true,
    }),
  );
  let names = columns;
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (first && options.header) {
        first = false;
        if (names.length === 0) names = record;
        continue;
      }
      first = false;
      if (record.length !== names.length) {
        throw new SqlEtlError('copy-bad-row', 'io', `${label}:${info.lines}: ${record.length > names.length ? 'extra data after last expected column' : `missing data for column "${names[record.length]}"`}`);
      }
      const values: Record<string, unknown> = {};
      names.forEach((n, i) => (values[n] = record[i] === options.null ? null : record[i]));
      yield { line: info.lines, values };
    }
  } catch (err) {
    if (err instanceof SqlEtlError) throw err;
    const e = err as { message: string; lines?: number };
    throw new SqlEtlError('copy-bad-file', 'io', `${label}${e.lines ? `:${e.lines}` : ''}: ${e.message}`, { cause: err });
  }
}

/** A JSON array of documents, or one document per line (relaxed Extended JSON). */
async function* readJsonRows(input: Readable, label: string): AsyncGenerator<CopyRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let buffered: string[] | undefined;
  for await (const raw of lines) {
    lineNo++;
    const text = raw.trim();
    if (buffered) {
      buffered.push(raw);
      continue;
    }
    if (text === '') continue;
    if (text.startsWith('[')) {
      buffered = [raw];
      continue;
    }
    try {
      yield { line: lineNo, values: EJSON.parse(text, { relaxed: true }) as Record<string, unknown> };
    } catch (err) {
      throw new SqlEtlError('copy-bad-file', 'io', `${label}:${lineNo}: ${(err as Error).message}`, { cause: err });
    }
  }
  if (buffered) {
    let docs: unknown;
    try {
      docs = EJSON.parse(buffered.join('\n'), { relaxed: true });
    } catch (err) {
      throw new SqlEtlError('copy-bad-file', 'io', `${label}: ${(err as Error).message}`, { cause: err });
    }
    if (!Array.isArray(docs)) throw new SqlEtlError('copy-bad-file', 'io', `${label}: expected a JSON array of documents`);
    let i = 0;
    for (const d of docs) yield { line: ++i, values: d as Record<string, unknown> };
  }
}

export function openCopySource(file: string | undefined): { stream: Readable; label: string } {
  if (!file) return { stream: process.stdin, label: 'STDIN' };
  try {
    readFileSync(file, { flag: 'r' }).subarray(0, 0); // fail early, with a clear message, on a missing file
  } catch (err) {
    throw new SqlEtlError('copy-missing-file', 'io', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { cause: err });
  }
  return { stream: createReadStream(file), label: file };
}

/** Rows (arrays in column order) as the COPY TO format. */
export function formatCopyRows(columns: string[], rows: unknown[][], options: CopyOptions): string {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (options.format === 'json' || options.format === 'ndjson') {
    const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] instanceof Date ? (r[i] as Date).toISOString() : r[i] ?? null])));
    return options.format === 'json' ? JSON.stringify(objects, null, 2) + '\n' : objects.map((o) => JSON.stringify(o)).join('\n') + (objects.length ? '\n' : '');
  }
  const quoteIfNeeded = (s: string) =>
    options.format === 'csv' && (s.includes(options.delimiter) || s.includes(options.quote) || /[\r\n]/.test(s) || s === options.null)
      ? options.quote + s.split(options.quote).join(options.quote + options.quote) + options.quote
      : options.format === 'text'
        ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        : s;
  const line = (values: unknown[]) => values.map((v) => (text(v) === null ? options.null : quoteIfNeeded(text(v)!))).join(options.delimiter);
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
