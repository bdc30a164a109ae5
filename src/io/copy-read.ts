import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { SqlEtlError } from '../errors.js';
import type { CopyOptions } from '../ir/statement.js';
import type { CopyRow } from './copy-row.js';
import { readJsonRows } from './copy-json.js';

/**
 * COPY FROM's rows from a source stream (copy-files.ts opens it): CSV and text
 * parsed here, JSON in copy-json.ts; parquet files and http sources are object
 * streams of rows already parsed, which pass through.
 */
export async function* readCopyRows(input: Readable, options: CopyOptions, columns: string[], label: string): AsyncGenerator<CopyRow> {
  if (input.readableObjectMode) {
    // parquet files and http sources hand over rows themselves (see openCopySource)
    yield* input as AsyncIterable<CopyRow>;
    return;
  }
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

