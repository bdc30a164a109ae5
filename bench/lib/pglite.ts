/**
 * The reference engine: PostgreSQL (PGlite, WebAssembly) in the benchmark's own
 * process, loaded with the very documents the embedded engine reads. Rows go in with
 * `COPY … FROM '/dev/blob'` (CSV, batches of 50,000); a missing field is NULL, nested
 * documents are jsonb, dates timestamptz. The session runs in UTC.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import { fromPg } from '../../test/support/pglite.js';

const BATCH = 50_000;

export interface PgTable {
  columns: string[];
  rows: unknown[][];
}

export class PgBench {
  private constructor(readonly db: PGlite) {}

  static async start(schemaSql: string): Promise<PgBench> {
    const db = new PGlite();
    await db.waitReady;
    await db.exec(`SET TIME ZONE 'UTC'`);
    await db.exec(schemaSql);
    return new PgBench(db);
  }

  private async columns(table: string): Promise<{ name: string; type: string }[]> {
    const res = await this.db.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [table],
    );
    return res.rows;
  }

  /** Loads `<file>` (.ndjson, relaxed Extended JSON) into `table`; returns the row count. */
  async load(table: string, file: string): Promise<number> {
    const cols = await this.columns(table);
    const copy = `COPY ${table} (${cols.map((c) => c.name).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
    let batch: string[] = [];
    let n = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.db.query(copy, [], { blob: new Blob([batch.join('')]) });
      batch = [];
    };
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const doc = JSON.parse(line) as Record<string, unknown>;
      batch.push(cols.map((c) => csvCell(doc[c.name], c.type)).join(',') + '\n');
      n++;
      if (batch.length === BATCH) await flush();
    }
    await flush();
    await this.db.exec(`ANALYZE ${table}`);
    return n;
  }

  /** Runs one statement; rows as arrays with PostgreSQL values turned into sqletl's (numbers, Dates). */
  async query(sql: string): Promise<PgTable> {
    const res = await this.db.query(sql, [], { rowMode: 'array' });
    const types = res.fields.map((f) => f.dataTypeID);
    return { columns: res.fields.map((f) => f.name), rows: (res.rows as unknown[][]).map((r) => r.map((v, i) => fromPg(v, types[i]))) };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/** A JSON value (dates still as `{"$date": …}`) → a CSV cell; an unquoted empty cell is NULL. */
function csvCell(v: unknown, type: string): string {
  if (v === undefined || v === null) return '';
  let text: string;
  if (typeof v === 'object' && v !== null && '$date' in v) text = String((v as { $date: unknown }).$date);
  else if (type === 'jsonb' || type === 'json') text = JSON.stringify(v);
  else text = String(v);
  return `"${text.replace(/"/g, '""')}"`;
}
