/**
 * PostgreSQL (PGlite, in process) loaded with the grammar-test fixture collections:
 * the reference side of every grammar case.
 *
 * Each collection `<name>.json` of the fixtures directory becomes table `<name>` as
 * declared in fixtures/schema.sql (the same text sqletl gets as its schema); a field a
 * document lacks is NULL, nested documents are jsonb, arrays PostgreSQL arrays, dates
 * timestamps. The session runs in UTC and the database collation is C, so text sorts
 * by code point as DESIGN §4 asks.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { EJSON } from 'bson';

export interface PgResult {
  columns: string[];
  /** PostgreSQL type OID of each column */
  types: number[];
  rows: unknown[][];
}

interface ColumnInfo {
  name: string;
  /** format_type() of the column, e.g. `integer`, `text[]`, `jsonb` */
  type: string;
}

/** Reads a fixture collection file as relaxed Extended JSON (`.json` array or `.ndjson`). */
export function readCollection(fixturesDir: string, name: string): Record<string, unknown>[] | undefined {
  const json = join(fixturesDir, `${name}.json`);
  if (existsSync(json)) return EJSON.parse(readFileSync(json, 'utf8'), { relaxed: true }) as Record<string, unknown>[];
  const nd = join(fixturesDir, `${name}.ndjson`);
  if (existsSync(nd)) {
    return readFileSync(nd, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => EJSON.parse(l, { relaxed: true }) as Record<string, unknown>);
  }
  return undefined;
}

export interface StartOptions {
  /** insert each collection's documents in reverse order (to detect order-dependent cases) */
  reverse?: boolean;
}

export class PgReference {
  private constructor(readonly db: PGlite) {}

  static async start(fixturesDir: string, schemaSql: string, opts: StartOptions = {}): Promise<PgReference> {
    const db = new PGlite();
    await db.waitReady;
    await db.exec(`SET TIME ZONE 'UTC'`);
    const coll = await db.query<{ datcollate: string }>(`SELECT datcollate FROM pg_database WHERE datname = current_database()`);
    if (coll.rows[0]?.datcollate !== 'C') {
      // DESIGN §4: strings compare by code point. PGlite's databases use C; fail loudly if that ever changes.
      throw new Error(`PGlite database collation is ${coll.rows[0]?.datcollate}, expected C (code-point order)`);
    }
    await db.exec(schemaSql);
    const pg = new PgReference(db);
    await pg.load(fixturesDir, opts);
    return pg;
  }

  private async tables(): Promise<Map<string, ColumnInfo[]>> {
    const res = await this.db.query<{ table_name: string; column_name: string; type: string }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
    );
    const out = new Map<string, ColumnInfo[]>();
    for (const r of res.rows) {
      if (!out.has(r.table_name)) out.set(r.table_name, []);
      out.get(r.table_name)!.push({ name: r.column_name, type: r.type });
    }
    return out;
  }

  private async load(fixturesDir: string, opts: StartOptions): Promise<void> {
    for (const [table, columns] of await this.tables()) {
      const docs = readCollection(fixturesDir, table);
      if (!docs) throw new Error(`schema.sql declares table ${table} but fixtures have no ${table}.json`);
      const known = new Set(columns.map((c) => c.name));
      const colList = columns.map((c) => quoteIdent(c.name)).join(', ');
      const params = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
      const insert = `INSERT INTO ${quoteIdent(table)} (${colList}) VALUES (${params})`;
      const ordered = opts.reverse ? [...docs].reverse() : docs;
      for (const doc of ordered) {
        for (const k of Object.keys(doc)) {
          if (!known.has(k)) throw new Error(`${table}.json: field "${k}" is not declared in schema.sql`);
        }
        await this.db.query(insert, columns.map((c) => toParam(doc[c.name], c.type)));
      }
    }
  }

  /** Runs a script (one or more statements); returns the last statement's result. */
  /** Runs a case; what it changes is rolled back, so every case sees the fixtures as loaded. */
  async run(sql: string): Promise<PgResult> {
    await this.db.exec('BEGIN');
    let results;
    try {
      results = await this.db.exec(sql, { rowMode: 'array' });
    } finally {
      await this.db.exec('ROLLBACK');
    }
    const last = results[results.length - 1];
    if (!last) throw new Error('PostgreSQL returned no result');
    const types = last.fields.map((f) => f.dataTypeID);
    return {
      columns: last.fields.map((f) => f.name),
      types,
      rows: (last.rows as unknown[][]).map((row) => row.map((v, i) => fromPg(v, types[i]))),
    };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A document field → the text of a query parameter cast to the column's type. */
function toParam(value: unknown, type: string): string | null {
  if (value === undefined || value === null) return null;
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) throw new Error(`expected an array for a ${type} column, got ${JSON.stringify(value)}`);
    return `{${value.map(arrayElement).join(',')}}`;
  }
  return scalarText(value);
}

function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return `"${scalarText(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function scalarText(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw new Error(`cannot store ${JSON.stringify(v)} in a scalar column`);
}

const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]);
/** array OID → element OID, for arrays whose elements need converting */
const NUMERIC_ARRAY_OIDS = new Set([1005, 1007, 1016, 1021, 1022, 1231]);

/** PGlite's value for a column of type `oid` → the JS value sqletl is expected to return. */
export function fromPg(v: unknown, oid: number): unknown {
  if (v === null || v === undefined) return null;
  if (NUMERIC_OIDS.has(oid)) return toNumber(v);
  if (NUMERIC_ARRAY_OIDS.has(oid) && Array.isArray(v)) return deepNumbers(v);
  return v;
}

function toNumber(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  return v;
}

function deepNumbers(a: unknown[]): unknown[] {
  return a.map((x) => (Array.isArray(x) ? deepNumbers(x) : x === null ? null : toNumber(x)));
}
