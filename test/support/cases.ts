/**
 * Grammar-test case discovery (DESIGN §7): `grammar-tests/<area>/<case>.sql`, with
 * header comments, an optional PostgreSQL spelling `<case>.pg.sql`, the expected
 * commands `<case>.pipeline.json` and, for error cases, `<case>.error.txt`.
 *
 * Header directives are `--` comment lines at the top of the case, one per line:
 *   -- ordered            compare rows in order (the query must fix a total order)
 *   -- error              sqletl must reject the script with a SqlEtlError that has a position
 *   -- error at L:C       ... and that position must be line L, column C (1-based)
 *   -- no-schema          run sqletl without the schema declarations (run-time typing)
 *   -- postgres-error     (with -- error) PostgreSQL rejects the script too, with the same message
 * Any other comment lines in the header are free text.
 *
 * Shared by test/grammar.test.ts and scripts/update-golden.ts; no vitest imports here.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EJSON } from 'bson';
import { compactJson } from '../../src/mongo/compact-json.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GRAMMAR_DIR = join(ROOT, 'grammar-tests');
export const FIXTURES_DIR = join(GRAMMAR_DIR, 'fixtures');
export const SCHEMA_FILE = join(FIXTURES_DIR, 'schema.sql');

export interface GrammarCase {
  area: string;
  name: string;
  /** `grammar-tests/<area>/<case>.sql`, the file name sqletl reports errors against */
  file: string;
  sqlPath: string;
  sql: string;
  /** the text PostgreSQL runs: `<case>.pg.sql` when present, else `sql` */
  pgSql: string;
  hasPgSql: boolean;
  ordered: boolean;
  error: boolean;
  /** PostgreSQL must fail with the same message (a run-time error such as `division by zero`) */
  postgresError: boolean;
  /** expected 1-based error position from `-- error at L:C` */
  errorAt?: { line: number; column: number };
  noSchema: boolean;
  pipelinePath: string;
  errorPath: string;
}

const DIRECTIVE = /^--\s*(ordered|no-schema|postgres-error|error(?:\s+at\s+(\d+):(\d+))?)\s*$/i;

export function parseHeader(sql: string): Pick<GrammarCase, 'ordered' | 'error' | 'errorAt' | 'noSchema' | 'postgresError'> {
  const h = { ordered: false, error: false, noSchema: false, postgresError: false } as Pick<GrammarCase, 'ordered' | 'error' | 'errorAt' | 'noSchema' | 'postgresError'>;
  for (const raw of sql.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('--')) break; // the header ends at the first non-comment line
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const word = m[1].toLowerCase();
    if (word === 'ordered') h.ordered = true;
    else if (word === 'no-schema') h.noSchema = true;
    else if (word === 'postgres-error') h.postgresError = true;
    else {
      h.error = true;
      if (m[2]) h.errorAt = { line: Number(m[2]), column: Number(m[3]) };
    }
  }
  return h;
}

/** Every case, sorted by area then name. */
export function discoverCases(): GrammarCase[] {
  const out: GrammarCase[] = [];
  for (const area of readdirSync(GRAMMAR_DIR).sort()) {
    const dir = join(GRAMMAR_DIR, area);
    if (area === 'fixtures' || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.sql') || f.endsWith('.pg.sql')) continue;
      const name = f.slice(0, -'.sql'.length);
      const sqlPath = join(dir, f);
      const sql = readFileSync(sqlPath, 'utf8');
      const pgPath = join(dir, `${name}.pg.sql`);
      const hasPgSql = existsSync(pgPath);
      out.push({
        area,
        name,
        file: `grammar-tests/${area}/${f}`,
        sqlPath,
        sql,
        pgSql: hasPgSql ? readFileSync(pgPath, 'utf8') : sql,
        hasPgSql,
        ...parseHeader(sql),
        pipelinePath: join(dir, `${name}.pipeline.json`),
        errorPath: join(dir, `${name}.error.txt`),
      });
    }
  }
  return out;
}

export function readSchema(): string {
  return readFileSync(SCHEMA_FILE, 'utf8');
}

/**
 * The options sqletl gets for a case (no schema for `-- no-schema` cases). Areas
 * named `dialect-<name>` (grammar-tests/dialect-tsql/ …) are compiled with
 * `--dialect <name>`; their `<case>.pg.sql` is the PostgreSQL equivalent PGlite runs.
 */
export function caseOptions(c: GrammarCase, schema: string): { file: string; schema?: string; dialect?: CaseDialect } {
  const dialect = caseDialect(c.area);
  const base = c.noSchema ? { file: c.file } : { file: c.file, schema };
  return dialect ? { ...base, dialect } : base;
}

export type CaseDialect = 'tsql' | 'snowflake' | 'bigquery' | 'mysql';

export function caseDialect(area: string): CaseDialect | undefined {
  const m = /^dialect-(tsql|snowflake|bigquery|mysql)$/.exec(area);
  return m ? (m[1] as CaseDialect) : undefined;
}

/**
 * The golden text of a compiled script: every statement's commands, canonical Extended
 * JSON, each array or object on one line when it fits in 100 columns (src/mongo/compact-json.ts).
 */
export function pipelineText(script: { statements: { commands: unknown[] }[] }): string {
  return compactJson(EJSON.serialize(script.statements.map((s) => s.commands), { relaxed: false })) + '\n';
}
