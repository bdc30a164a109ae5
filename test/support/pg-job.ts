/**
 * Runs an example job's statements on PostgreSQL (PGlite) as faithfully as PostgreSQL
 * allows, for the examples test to compare with sqletl. Only what PostgreSQL cannot
 * do as written is translated, statement by statement:
 *
 * - `COPY t FROM 'file'` (csv): PGlite cannot read host files, so the same file's bytes
 *   are handed to the same statement through PGlite's `/dev/blob`;
 * - `COPY t FROM 'file' WITH (FORMAT 'json')`: PostgreSQL has no JSON COPY format; the
 *   file's documents go through `json_populate_recordset` into the same table;
 * - `COPY (q) TO 'file'`: csv through `/dev/blob` (its text is returned), json as the
 *   rows of `q` (PostgreSQL cannot write it);
 * - `INSERT`: PostgreSQL aborts a statement at the first row that breaks a constraint,
 *   where sqletl rejects that row and writes the rest. So the source query is run once
 *   into a temporary table, and its rows are inserted one at a time in source order,
 *   each in a savepoint: a row PostgreSQL refuses is a reject, with PostgreSQL's message.
 *
 * Everything else (CREATE, DROP, SELECT …) runs as written.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { EJSON } from 'bson';
import type { CompiledStatement } from '../../src/index.js';
import { fromPg } from './pglite.js';

export interface PgReject {
  /** the source row, keyed by the target's column names */
  row: Record<string, unknown>;
  message: string;
}

export type PgStatementResult =
  | { kind: 'rows'; columns: string[]; rows: unknown[][] }
  | { kind: 'copy-to'; format: string; text?: string; columns?: string[]; rows?: unknown[][] }
  | { kind: 'insert'; inserted: number; updated: number; rejects: PgReject[] }
  | { kind: 'other' };

export async function runOnPg(db: PGlite, jobFile: string, st: CompiledStatement): Promise<PgStatementResult> {
  const sql = st.sql;
  if (st.copy?.direction === 'from') return copyFrom(db, jobFile, st);
  if (st.copy?.direction === 'to') return copyTo(db, st);
  if (st.kind === 'insert') return insertRowByRow(db, sql);
  const res = await db.query(sql, [], { rowMode: 'array' });
  if (st.kind === 'select') return { kind: 'rows', ...pgRows(res) };
  return { kind: 'other' };
}

function pgRows(res: { fields: { name: string; dataTypeID: number }[]; rows: unknown[] }): { columns: string[]; rows: unknown[][] } {
  const types = res.fields.map((f) => f.dataTypeID);
  return { columns: res.fields.map((f) => f.name), rows: (res.rows as unknown[][]).map((r) => r.map((v, i) => fromPg(v, types[i]))) };
}

const FILE_LITERAL = /'((?:[^']|'')*)'/;

async function copyFrom(db: PGlite, jobFile: string, st: CompiledStatement): Promise<PgStatementResult> {
  const copy = st.copy!;
  const text = readFileSync(resolve(dirname(jobFile), copy.file!), 'utf8');
  if (copy.options.format === 'csv') {
    await db.query(st.sql.replace(FILE_LITERAL, "'/dev/blob'"), [], { blob: new Blob([text]) });
    return { kind: 'other' };
  }
  if (copy.options.format === 'json') {
    const table = /^\s*COPY\s+([A-Za-z_][A-Za-z0-9_.]*)\s+FROM\b/i.exec(st.sql)?.[1];
    if (!table) throw new Error(`examples test: cannot translate ${st.sql}`);
    // the documents as sqletl reads them (relaxed Extended JSON), back to plain JSON for PostgreSQL
    const docs = EJSON.parse(text, { relaxed: true }) as Record<string, unknown>[];
    await db.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(docs)]);
    return { kind: 'other' };
  }
  throw new Error(`examples test: COPY format ${copy.options.format} has no PostgreSQL translation`);
}

async function copyTo(db: PGlite, st: CompiledStatement): Promise<PgStatementResult> {
  const format = st.copy!.options.format;
  if (format === 'csv') {
    const res = await db.query(st.sql.replace(/TO\s+'(?:[^']|'')*'/i, "TO '/dev/blob'"));
    return { kind: 'copy-to', format, text: await res.blob!.text() };
  }
  const query = /^\s*COPY\s*\(([\s\S]*)\)\s*TO\s+'(?:[^']|'')*'\s*(?:WITH\s*\([^)]*\))?\s*;?\s*$/i.exec(st.sql)?.[1];
  if (!query) throw new Error(`examples test: cannot translate ${st.sql}`);
  return { kind: 'copy-to', format, ...pgRows(await db.query(query, [], { rowMode: 'array' })) };
}

const INSERT = /^\s*INSERT\s+INTO\s+([A-Za-z_][A-Za-z0-9_.]*)\s*(\([^)]*\))?\s*([\s\S]*?)(\s+ON\s+CONFLICT\b[\s\S]*?)?\s*;?\s*$/i;

async function insertRowByRow(db: PGlite, sql: string): Promise<PgStatementResult> {
  const m = INSERT.exec(sql);
  if (!m) throw new Error(`examples test: cannot translate ${sql}`);
  const [, table, columnList, query, onConflict = ''] = m;
  await db.exec('DROP TABLE IF EXISTS pg_temp.__src');
  // the source in its own order (a window without ORDER BY numbers the rows as they come)
  await db.exec(`CREATE TEMP TABLE __src AS SELECT row_number() OVER () AS __n, q.* FROM (${query}\n) q`);
  const srcColumns = (await db.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute WHERE attrelid = 'pg_temp.__src'::regclass AND attnum > 1 AND NOT attisdropped ORDER BY attnum`,
  )).rows.map((r) => r.attname);
  const targetColumns = columnList
    ? columnList.slice(1, -1).split(',').map((c) => c.trim())
    : (await db.query<{ attname: string }>(`SELECT attname FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`)).rows.map((r) => r.attname).slice(0, srcColumns.length);
  const n = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM __src')).rows[0].n);
  const select = srcColumns.map((c) => `"${c}"`).join(', ');
  let inserted = 0;
  let updated = 0;
  const rejects: PgReject[] = [];
  await db.exec('BEGIN');
  try {
    for (let i = 1; i <= n; i++) {
      await db.exec('SAVEPOINT row_insert');
      try {
        const res = await db.query<{ inserted: boolean }>(
          `INSERT INTO ${table} ${columnList ?? ''} SELECT ${select} FROM __src WHERE __n = $1 ${onConflict} RETURNING (xmax = 0) AS inserted`,
          [i],
        );
        for (const r of res.rows) (r.inserted ? inserted++ : updated++);
        await db.exec('RELEASE SAVEPOINT row_insert');
      } catch (err) {
        await db.exec('ROLLBACK TO SAVEPOINT row_insert');
        const src = await db.query(`SELECT ${select} FROM __src WHERE __n = $1`, [i], { rowMode: 'array' });
        const { rows } = pgRows(src);
        rejects.push({ row: Object.fromEntries(targetColumns.map((c, k) => [c, rows[0][k]])), message: (err as Error).message });
      }
    }
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
  return { kind: 'insert', inserted, updated, rejects };
}
