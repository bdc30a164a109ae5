/**
 * Runs a grammar case through sqletl's library API (src/index.ts): compile for the
 * golden pipeline, run on the embedded engine over the fixtures directory for rows.
 * The library is imported lazily so a broken or missing src/index.ts fails each case
 * with its import error instead of hiding the whole suite.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR, caseOptions, pipelineText, type GrammarCase } from './cases.js';

type Lib = typeof import('../../src/index.js');
type ErrorsModule = typeof import('../../src/errors.js');

let libPromise: Promise<{ lib: Lib; errors: ErrorsModule }> | undefined;

export function loadSqletl(): Promise<{ lib: Lib; errors: ErrorsModule }> {
  libPromise ??= (async () => ({ lib: await import('../../src/index.js'), errors: await import('../../src/errors.js') }))();
  return libPromise;
}

export interface CaseOutcome {
  /** golden text of the compiled commands, when compile succeeded */
  pipeline?: string;
  compileError?: unknown;
  /** last statement's result, when run succeeded and returned rows */
  result?: { columns: string[]; rows: unknown[][] };
  runError?: unknown;
  /** the error an error case produced (compile's, else run's) */
  error?: unknown;
}

/** Compiles (and unless `compileOnly`, runs) a case. */
export async function runCase(c: GrammarCase, schema: string, compileOnly = false): Promise<CaseOutcome> {
  const { lib } = await loadSqletl();
  const opts = caseOptions(c, schema);
  const out: CaseOutcome = {};
  try {
    out.pipeline = pipelineText(await lib.compile(c.sql, opts));
  } catch (err) {
    out.compileError = err;
    out.error = err;
    return out;
  }
  if (compileOnly && !c.error) return out;
  try {
    // a case that writes runs on its own copy of the fixtures
    const dataDir = writes(c.sql) ? copyFixtures() : FIXTURES_DIR;
    const res = await lib.run(c.sql, { ...opts, dataDir });
    const last = res.statements[res.statements.length - 1];
    if (last?.columns && last.rows) out.result = { columns: last.columns, rows: last.rows };
  } catch (err) {
    out.runError = err;
    out.error = err;
  }
  return out;
}

/** Does a case change data (so it needs its own copy of the fixtures, and a rolled-back PostgreSQL transaction)? */
export function writes(sql: string): boolean {
  return /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|DROP|REFRESH|CREATE\s+(OR\s+REPLACE\s+)?(UNIQUE\s+|MATERIALIZED\s+)?(TABLE|INDEX|VIEW))\b/i.test(sql.replace(/--.*$/gm, ''));
}

function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-case-'));
  cpSync(FIXTURES_DIR, dir, { recursive: true });
  return dir;
}

/** A readable one-liner for any thrown value (SqlEtlError.format() when available). */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && typeof (err as { format?: unknown }).format === 'function') {
    try {
      return String((err as { format: () => string }).format());
    } catch {
      /* fall through */
    }
  }
  if (err instanceof Error) return `${err.name}: ${err.message}\n${err.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(err);
}
