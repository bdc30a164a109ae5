/**
 * The external MongoSQL conformance suite (../shared/conformance/mongosql, read-only):
 * its cases, its data as an embedded-engine data directory (`<db>/<collection>.ndjson`)
 * and as PostgreSQL tables. Shared by test/conformance.test.ts and scripts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { EJSON } from 'bson';
import { ROOT } from './cases.js';
import { fromPg } from './pglite.js';

export const SUITE_DIR = resolve(ROOT, '..', 'shared', 'conformance', 'mongosql');
export const EXPECTED_FAILURES = join(ROOT, 'test', 'conformance', 'expected-failures.tsv');

export interface ConformanceCase {
  name: string;
  ordered: boolean;
  sql: string;
}

export const suiteAvailable = (): boolean => existsSync(join(SUITE_DIR, 'cases.sql'));

/** cases.sql: `-- case: <name> [ordered]` starts a case; other `--` lines are comments. */
export function readConformanceCases(): ConformanceCase[] {
  const cases: { name: string; ordered: boolean; lines: string[] }[] = [];
  let cur: (typeof cases)[number] | undefined;
  for (const line of readFileSync(join(SUITE_DIR, 'cases.sql'), 'utf8').split('\n')) {
    const m = /^-- case: (\S+)( ordered)?\s*$/.exec(line);
    if (m) {
      cur = { name: m[1], ordered: !!m[2], lines: [] };
      cases.push(cur);
      continue;
    }
    if (!cur || line.startsWith('--')) continue;
    cur.lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, ordered: c.ordered, sql: c.lines.join('\n').trim() }));
}

export const conformanceSchema = (): string => readFileSync(join(SUITE_DIR, 'schema.sql'), 'utf8');

/** `data/<db>.<coll>.ndjson` → a temporary data directory laid out as `<db>/<coll>.ndjson`. */
export function conformanceDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-conformance-'));
  for (const f of readdirSync(join(SUITE_DIR, 'data'))) {
    const m = /^([^.]+)\.(.+)\.ndjson$/.exec(f);
    if (!m) continue;
    mkdirSync(join(dir, m[1]), { recursive: true });
    cpSync(join(SUITE_DIR, 'data', f), join(dir, m[1], `${m[2]}.ndjson`));
  }
  return dir;
}

/** PostgreSQL with the suite's schema and rows (a field a document lacks is NULL). */
export async function conformancePg(): Promise<{ run(sql: string): Promise<{ columns: string[]; rows: unknown[][] }>; close(): Promise<void> }> {
  const db = new PGlite();
  await db.exec(conformanceSchema());
  for (const f of readdirSync(join(SUITE_DIR, 'data')).sort()) {
    const m = /^([^.]+)\.(.+)\.ndjson$/.exec(f);
    if (!m) continue;
    const docs = readFileSync(join(SUITE_DIR, 'data', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => EJSON.parse(l, { relaxed: true }));
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const table = `${q(m[1])}.${q(m[2])}`;
    await db.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(docs)]);
  }
  return {
    async run(sql: string) {
      const res = await db.query<unknown[]>(sql, [], { rowMode: 'array' });
      const columns = res.fields.map((f) => f.name);
      const types = res.fields.map((f) => f.dataTypeID);
      return { columns, rows: res.rows.map((r) => (r as unknown[]).map((v, i) => fromPg(v, types[i]))) };
    },
    close: () => db.close(),
  };
}

/** test/conformance/expected-failures.tsv: `case<TAB>reason`, one known difference per line. */
export function readExpectedFailures(): Map<string, string> {
  if (!existsSync(EXPECTED_FAILURES)) return new Map();
  return new Map(
    readFileSync(EXPECTED_FAILURES, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t') as [string, string]),
  );
}
