import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { RunOptions } from '../api-types.js';
import { compileScript } from '../compile.js';
import type { Engine } from '../engine/engine.js';
import { lineColumn, SqlEtlError } from '../errors.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { loadParser, parseScript } from '../sql/parse.js';
import { openEngine } from './run-job.js';
import { runStatement } from './run-script.js';
import { blankLiterals, sqlComments, type SqlComment } from './sql-text.js';
import { ReadChecker } from './strict-reads.js';

/**
 * `sqletl test` (issue 20): data tests in SQL, as dbt has them.
 *
 * - **Singular tests**: every SELECT in a test file is one test; it passes when it
 *   returns no rows. The comment lines right before it name it. CREATE TABLE/VIEW
 *   statements in a test file are declarations (columns, constraints) for the tests
 *   after them and are not run; anything else in a test file is a usage error.
 * - **Generic tests** from a declaration comment, in a test file, a job or the schema:
 *   `-- test customers: not_null(email), unique(_id), accepted_values(status: 'a', 'b'), relationships(customer_id -> customers._id), check(amount > 0)`;
 *   `-- test: …` without a table applies to the CREATE TABLE right after it.
 * - **Derived tests** from declared constraints (CREATE TABLE in --schema, a test file
 *   or the job `run --test` ran): NOT NULL → not_null, PRIMARY KEY → not_null and
 *   unique, UNIQUE → unique, CHECK → check. A declared table that does not exist is skipped.
 *
 * Each generic test is a SELECT returning the violating rows, so all tests run and
 * report the same way. Tests only read: no lock, no journal, no transaction.
 */

export interface DataTest {
  name: string;
  /** the file that holds the test or its declaration */
  file: string;
  line: number;
  kind: 'singular' | 'generic';
  /** the SELECT that returns the violating rows */
  sql: string;
  /** the compiled SELECT and the text its spans refer to */
  compiled?: { statement: CompiledStatement; text: string; file: string };
  /** compile error (or bad declaration): the test is an error, others still run */
  error?: SqlEtlError;
  /** derived tests only run when their table exists */
  table?: { name: string; db?: string; skipIfMissing: boolean };
  /** singular: the file's text with everything but this test and the declarations before it blanked (offsets kept) */
  source?: string;
  /** generic: where its declaration comment is, for errors */
  declaredAt?: { text: string; offset: number };
}

export type TestStatus = 'pass' | 'fail' | 'error' | 'skipped';

export interface TestResult {
  test: DataTest;
  status: TestStatus;
  /** rows the SELECT returned (failing rows) */
  rowCount: number;
  columns: string[];
  /** the first `maxRows` failing rows */
  rows: unknown[][];
  durationMs: number;
  error?: Error;
  /** why a test was skipped */
  reason?: string;
}

export interface TestSources {
  /** test files and directories (searched recursively for *.sql) */
  paths: string[];
  /** the job's files (`run --test`): their CREATE TABLE constraints and `-- test` declarations */
  jobs?: { path?: string; text: string }[];
  /** the --schema file's name, for messages (its text is RunOptions.schema) */
  schemaFile?: string;
}

export const MAX_SHOWN_ROWS = 10;

/** Test files named on the command line: files as given, directories' *.sql files (recursively, sorted). */
export function testFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new SqlEtlError('input-not-readable', 'usage', `${p}: no such file or directory`);
    }
    if (!isDir) out.push(p);
    else out.push(...sqlFilesIn(p));
  }
  return [...new Set(out)];
}

function sqlFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sqlFilesIn(p));
    else if (entry.name.endsWith('.sql')) out.push(p);
  }
  return out;
}

interface Declared {
  table: { name: string; db?: string };
  checks: string;
  file: string;
  text: string;
  offset: number;
}

/** Collects every test: singular tests of the test files, generic ones from declarations and constraints. */
export async function collectTests(files: { path: string; text: string }[], sources: TestSources, options: RunOptions): Promise<DataTest[]> {
  await loadParser();
  const tests: DataTest[] = [];
  const declarations: Declared[] = [];
  /** CREATE TABLE statements (their text) that generic tests compile after, so declared columns map as in the job */
  const ddl: string[] = [];
  const derived: { file: string; text: string; offset: number; sql: string }[] = [];

  const scan = (file: string, text: string, isTestFile: boolean) => {
    let parsed;
    try {
      parsed = parseScript(text);
    } catch (err) {
      if (isTestFile) tests.push(broken(file, text, err, basename(file)));
      return;
    }
    const statements = parsed.statements;
    // `-- test …` declarations; `-- test: …` belongs to the CREATE TABLE after it
    for (const c of sqlComments(text)) {
      const m = /^test\b\s*([^:]*?)\s*:\s*([\s\S]*)$/i.exec(c.body);
      if (!m || !c.body.toLowerCase().startsWith('test')) continue;
      if (/^tests?\s*$/i.test(c.body)) continue;
      let table: { name: string; db?: string } | undefined = m[1] ? splitName(m[1]) : undefined;
      if (!table) {
        const next = statements.find((s) => s.start >= c.end);
        const created = next && /^\s*create\s+(?:(?:temp|temporary|unlogged)\s+)?table\s+(?:if\s+not\s+exists\s+)?("?[\w$]+"?(?:\s*\.\s*"?[\w$]+"?)?)/i.exec(next.sql);
        if (created) table = splitName(created[1]);
      }
      if (!table) {
        tests.push(declarationError(file, text, c.start, `"-- ${c.body}" names no table: write "-- test <table>: …", or put it right before a CREATE TABLE`));
        continue;
      }
      declarations.push({ table, checks: m[2], file, text, offset: c.start });
    }
    for (const s of statements) {
      if (/^\s*create\s+(?:(?:temp|temporary|unlogged)\s+)?table\b/i.test(s.sql) && !/\bas\s*\(?\s*(select|with|values|table)\b/i.test(s.sql)) {
        ddl.push(s.sql);
        derived.push({ file, text, offset: s.start, sql: s.sql });
      }
    }
    if (isTestFile) tests.push(...(singularTests(file, text, statements)));
  };

  if (options.schema && sources.schemaFile) scan(sources.schemaFile, options.schema, false);
  for (const job of sources.jobs ?? []) scan(job.path ?? '<sql>', job.text, false);
  for (const f of files) scan(f.path, f.text, true);

  // singular tests compile in their file: earlier CREATE statements of the file declare columns
  for (const t of tests) {
    if (t.kind === 'singular' && !t.error) await compileSingular(t, options);
  }

  const generic: DataTest[] = [];
  for (const d of declarations) generic.push(...genericTests(d));
  for (const d of derived) generic.push(...(await derivedTests(d, options)));
  const seen = new Set<string>();
  for (const t of generic) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    if (!t.error) await compileGeneric(t, ddl, options);
    tests.push(t);
  }
  return tests;
}

// ---------------------------------------------------------------- singular tests

interface Parsed {
  start: number;
  end: number;
  sql: string;
}

/** Blank text (spaces, newlines kept) for the parts of the file a test's compile must not see. */
function blankExcept(text: string, keep: (i: number) => boolean, statements: Parsed[]): string {
  const chars = text.split('');
  statements.forEach((s, i) => {
    if (keep(i)) return;
    // the statement and its semicolon
    let end = s.end;
    while (end < text.length && /\s/.test(text[end])) end++;
    if (text[end] === ';') end++;
    for (let k = s.start; k < end; k++) if (chars[k] !== '\n') chars[k] = ' ';
  });
  return chars.join('');
}

const DECLARATION = /^\s*create\s+(?:or\s+replace\s+)?(?:(?:temp|temporary|unlogged)\s+)?(?:table|view|materialized\s+view|index|unique\s+index|schema)\b/i;

function singularTests(file: string, text: string, statements: Parsed[]): DataTest[] {
  const tests: DataTest[] = [];
  let previousEnd = 0;
  statements.forEach((s, i) => {
    const leading = adjacentComments(text, sqlComments(text).filter((c) => c.start >= previousEnd && c.end <= s.start), s.start);
    previousEnd = s.end;
    if (DECLARATION.test(s.sql) || /^\s*set\b/i.test(s.sql)) return;
    const line = lineColumn(text, s.start).line;
    const name = testName(leading.map((c) => c.body)) ?? `${basename(file)}:${line}`;
    const test: DataTest = { name, file, line, kind: 'singular', sql: s.sql.trim() };
    if (!/^\s*(\(\s*)*(select|with|values|table)\b/i.test(s.sql)) {
      const word = /^\s*(\w+)/.exec(s.sql)?.[1]?.toUpperCase() ?? 'statement';
      test.error = located(new SqlEtlError('not-a-test', 'usage', `a test is a SELECT that returns the bad rows; this ${word} statement cannot be a test (test files hold SELECTs, and CREATE TABLE/VIEW declarations)`), text, file, s.start);
    }
    // compile only this statement and the declarations before it, at their own offsets
    test.source = blankExcept(text, (k) => k === i || (k < i && DECLARATION.test(statements[k].sql)), statements);
    tests.push(test);
  });
  return tests;
}

/** The comments right before a statement: no blank line between them, nor between the last one and the statement. */
function adjacentComments(text: string, comments: SqlComment[], start: number): SqlComment[] {
  const out: SqlComment[] = [];
  let next = start;
  for (let k = comments.length - 1; k >= 0; k--) {
    const gap = text.slice(comments[k].end, next);
    if (/\S/.test(gap) || (gap.match(/\n/g)?.length ?? 0) > 1) break;
    out.unshift(comments[k]);
    next = comments[k].start;
  }
  return out;
}

/** The test's name: its first comment line that is not a directive (`test …:`, `dialect:`). */
function testName(comments: string[]): string | undefined {
  for (const body of comments) {
    for (const raw of body.split('\n')) {
      const line = raw.replace(/^\s*\*?\s*/, '').trim();
      if (!line || /^test\b[^:]*:/i.test(line) || /^dialect\s*:/i.test(line)) continue;
      return line;
    }
  }
  return undefined;
}

async function compileSingular(t: DataTest, options: RunOptions): Promise<void> {
  const source = t.source ?? '';
  try {
    const script = await compileScript(source, { ...options, file: t.file });
    const st = script.statements.at(-1);
    if (!st || st.kind !== 'select' || st.copy) throw new SqlEtlError('not-a-test', 'usage', 'not a SELECT');
    // the error positions refer to the file's own text (the blanked copy keeps every offset)
    t.compiled = { statement: st, text: source, file: t.file };
  } catch (err) {
    t.error = asSqlError(err);
  }
}

// ---------------------------------------------------------------- generic tests

/** `db.name`, `"Name"` → parts (unquoted names fold to lower case, as PostgreSQL does) */
function splitName(text: string): { name: string; db?: string } | undefined {
  const parts = [...text.trim().matchAll(/"((?:[^"]|"")*)"|([^\s."]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].toLowerCase()));
  if (parts.length === 0 || parts.length > 2 || !/^("((?:[^"]|"")*)"|[^\s."]+)(\s*\.\s*("((?:[^"]|"")*)"|[^\s."]+))?$/.test(text.trim())) return undefined;
  return parts.length === 2 ? { db: parts[0], name: parts[1] } : { name: parts[0] };
}

/** An identifier (or a dotted path of a nested field) as SQL: quoted when it is not a plain lower-case name. */
function ident(name: string): string {
  return name
    .split('.')
    .map((p) => (/^[a-z_][a-z0-9_]*$/.test(p) && !RESERVED.has(p) ? p : `"${p.replace(/"/g, '""')}"`))
    .join('.');
}
const RESERVED = new Set(['all', 'and', 'any', 'as', 'asc', 'case', 'check', 'column', 'constraint', 'create', 'default', 'desc', 'distinct', 'do', 'else', 'end', 'false', 'for', 'from', 'group', 'having', 'in', 'into', 'limit', 'not', 'null', 'offset', 'on', 'or', 'order', 'select', 'table', 'then', 'to', 'true', 'union', 'unique', 'user', 'using', 'when', 'where', 'with']);

function tableSql(t: { name: string; db?: string }): string {
  return t.db ? `${ident(t.db)}.${ident(t.name)}` : ident(t.name);
}

function tableLabel(t: { name: string; db?: string }): string {
  return t.db ? `${t.db}.${t.name}` : t.name;
}

/** Splits `a, b(c, d), 'x,y'` at top-level commas. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      cur += ch;
      if (ch === quote) {
        if (text[i + 1] === quote) cur += text[++i];
        else quote = undefined;
      }
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === '(') {
      depth++;
      cur += ch;
    } else if (ch === ')') {
      depth--;
      cur += ch;
    } else if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** A column argument: a name or "quoted name", dotted for nested fields; undefined when it is not one. */
function columnArg(text: string): string | undefined {
  const t = text.trim();
  if (!/^("(?:[^"]|"")*"|[A-Za-z_][\w$]*)(\s*\.\s*("(?:[^"]|"")*"|[A-Za-z_][\w$]*))*$/.test(t)) return undefined;
  return [...t.matchAll(/"((?:[^"]|"")*)"|([A-Za-z_][\w$]*)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].toLowerCase())).join('.');
}

const LITERAL = /^('(?:[^']|'')*'|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false)$/i;

function genericTests(d: Declared): DataTest[] {
  const line = lineColumn(d.text, d.offset).line;
  const label = tableLabel(d.table);
  const from = tableSql(d.table);
  const out: DataTest[] = [];
  const bad = (message: string) => out.push(declarationError(d.file, d.text, d.offset, message));
  for (const check of splitTop(d.checks)) {
    const m = /^([a-z_]+)\s*\(([\s\S]*)\)$/i.exec(check);
    if (!m) {
      bad(`"${check}" is not a test; expected not_null(col), unique(col, …), accepted_values(col: 'a', 'b'), relationships(col -> table.col), check(condition)`);
      continue;
    }
    const kind = m[1].toLowerCase();
    const args = m[2];
    const test = (name: string, sql: string): void => {
      out.push({ name, file: d.file, line, kind: 'generic', sql, table: { ...d.table, skipIfMissing: false }, declaredAt: { text: d.text, offset: d.offset } });
    };
    if (kind === 'not_null') {
      const cols = splitTop(args).map(columnArg);
      if (cols.length === 0 || cols.some((c) => !c)) {
        bad(`not_null(${args}): expected column names`);
        continue;
      }
      for (const c of cols as string[]) test(`not_null(${label}.${c})`, notNullSql(from, c));
    } else if (kind === 'unique') {
      const cols = splitTop(args).map(columnArg);
      if (cols.length === 0 || cols.some((c) => !c)) {
        bad(`unique(${args}): expected column names`);
        continue;
      }
      test(`unique(${label}.${(cols as string[]).join(', ')})`, uniqueSql(from, cols as string[]));
    } else if (kind === 'accepted_values') {
      const colon = /^([^:]+):([\s\S]*)$/.exec(args);
      const col = colon && columnArg(colon[1]);
      const values = colon ? splitTop(colon[2]) : [];
      if (!col || values.length === 0 || values.some((v) => !LITERAL.test(v))) {
        bad(`accepted_values(${args}): expected accepted_values(column: 'a', 'b', …) with quoted strings or numbers`);
        continue;
      }
      test(`accepted_values(${label}.${col})`, `SELECT ${ident(col)} AS value, count(*) AS n_records FROM ${from} WHERE ${ident(col)} IS NOT NULL AND ${ident(col)} NOT IN (${values.join(', ')}) GROUP BY ${ident(col)} ORDER BY ${ident(col)}`);
    } else if (kind === 'check') {
      if (!args.trim()) {
        bad('check(): expected a condition every row must meet, e.g. check(amount > 0)');
        continue;
      }
      test(`check(${label}: ${args.trim()})`, checkSql(from, args.trim()));
    } else if (kind === 'relationships') {
      const arrow = /^([\s\S]+?)->([\s\S]+)$/.exec(args);
      const col = arrow && columnArg(arrow[1]);
      const target = arrow ? /^\s*([\s\S]+)\.([^.]+?)\s*$/.exec(arrow[2]) : null;
      const parent = target && splitName(target[1]);
      const parentCol = target && columnArg(target[2]);
      if (!col || !parent || !parentCol) {
        bad(`relationships(${args}): expected relationships(column -> table.column)`);
        continue;
      }
      test(
        `relationships(${label}.${col} -> ${tableLabel(parent)}.${parentCol})`,
        `SELECT child.${ident(col)} AS ${ident(col.split('.').at(-1)!)}, count(*) AS n_records FROM ${from} AS child LEFT JOIN ${tableSql(parent)} AS parent ON child.${ident(col)} = parent.${ident(parentCol)} WHERE child.${ident(col)} IS NOT NULL AND parent.${ident(parentCol)} IS NULL GROUP BY child.${ident(col)} ORDER BY 1`,
      );
    } else {
      bad(`unknown test "${m[1]}": expected not_null, unique, accepted_values, relationships or check`);
    }
  }
  return out;
}

/** A CHECK: the rows where the condition is false (NULL passes, as in PostgreSQL). */
function checkSql(from: string, condition: string): string {
  return `SELECT * FROM ${from} WHERE NOT (${condition})`;
}

/** The CHECK constraints of a CREATE TABLE, as written: `[CONSTRAINT name] CHECK (condition)`. */
function checkConstraints(sql: string): { name?: string; expr: string }[] {
  const code = blankLiterals(sql);
  const out: { name?: string; expr: string }[] = [];
  const re = /(?:\bconstraint\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s+)?\bcheck\s*\(/gi;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < code.length && depth > 0; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')') depth--;
    }
    if (depth !== 0) break;
    const expr = sql.slice(m.index + m[0].length, i - 1).replace(/\s+/g, ' ').trim();
    out.push({ ...(m[1] ? { name: m[1].replace(/^"|"$/g, '') } : {}), expr });
    re.lastIndex = i;
  }
  return out;
}

function notNullSql(from: string, col: string): string {
  return `SELECT * FROM ${from} WHERE ${ident(col)} IS NULL`;
}

function uniqueSql(from: string, cols: string[]): string {
  const list = cols.map(ident).join(', ');
  return `SELECT ${list}, count(*) AS n_records FROM ${from} WHERE ${cols.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${list} HAVING count(*) > 1 ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`;
}

/** NOT NULL / PRIMARY KEY / UNIQUE of a CREATE TABLE → tests (named as a declaration would name them). */
async function derivedTests(d: { file: string; text: string; offset: number; sql: string }, options: RunOptions): Promise<DataTest[]> {
  const { bindScript } = await import('../sql/bind-statement.js');
  const catalog: import('../sql/bind-context.js').Catalog = new Map();
  try {
    bindScript(parseScript(d.sql), catalog, options.vars ?? {});
  } catch {
    return []; // the job's own compile reports it
  }
  const line = lineColumn(d.text, d.offset).line;
  const out: DataTest[] = [];
  for (const def of catalog.values()) {
    if (def.view || def.materialized) continue;
    const table = { name: def.name, db: def.db };
    const label = tableLabel(table);
    const from = tableSql(table);
    const mk = (name: string, sql: string): DataTest => ({ name, file: d.file, line, kind: 'generic', sql, table: { ...table, skipIfMissing: true }, declaredAt: { text: d.text, offset: d.offset } });
    const notNull = new Set(def.columns.filter((c) => c.notNull).map((c) => c.name));
    for (const c of def.primaryKey ?? []) notNull.add(c);
    for (const c of notNull) out.push(mk(`not_null(${label}.${c})`, notNullSql(from, c)));
    const uniques = [...(def.primaryKey?.length ? [def.primaryKey] : []), ...def.unique];
    for (const u of uniques) out.push(mk(`unique(${label}.${u.join(', ')})`, uniqueSql(from, u)));
    for (const c of checkConstraints(d.sql)) out.push(mk(`check(${label}${c.name ? `.${c.name}` : ''}: ${c.expr})`, checkSql(from, c.expr)));
  }
  return out;
}

async function compileGeneric(t: DataTest, ddl: string[], options: RunOptions): Promise<void> {
  // the declarations first, so a declared column maps to its field (a PRIMARY KEY column is `_id`)
  const prefix = ddl.map((s) => `${s};\n`).join('');
  const text = `${prefix}${t.sql};\n`;
  try {
    const script = await compileScript(text, { ...options, file: `test ${t.name}` });
    const st = script.statements.at(-1)!;
    t.compiled = { statement: st, text, file: `test ${t.name}` };
  } catch (err) {
    t.error = atDeclaration(t, asSqlError(err));
  }
}

/** A generic test's error points at its declaration (or names the test), not at generated SQL. */
function atDeclaration(t: DataTest, e: SqlEtlError): SqlEtlError {
  const out = new SqlEtlError(e.code, e.stage, `${t.name}: ${e.message}`, { hints: e.hints, cause: e, params: e.params });
  const at = t.declaredAt;
  if (at) {
    out.span = { start: at.offset, end: at.offset + 1 };
    out.source = { text: at.text, file: t.file };
  } else out.source = { text: '', file: t.file };
  return out;
}

function declarationError(file: string, text: string, offset: number, message: string): DataTest {
  const line = lineColumn(text, offset).line;
  return { name: `${basename(file)}:${line} test declaration`, file, line, kind: 'generic', sql: '', error: located(new SqlEtlError('bad-test-declaration', 'usage', message), text, file, offset) };
}

function broken(file: string, text: string, err: unknown, name: string): DataTest {
  const e = asSqlError(err);
  if (!e.source) e.source = { text, file };
  return { name, file, line: e.position()?.line ?? 1, kind: 'singular', sql: '', error: e };
}

function located(err: SqlEtlError, text: string, file: string, offset: number): SqlEtlError {
  err.span = { start: offset, end: offset + 1 };
  err.source = { text, file };
  return err;
}

function asSqlError(err: unknown): SqlEtlError {
  return err instanceof SqlEtlError ? err : new SqlEtlError('internal-error', 'run', err instanceof Error ? err.message : String(err), { cause: err });
}

// ---------------------------------------------------------------- running

/** Runs the tests on the target; every test gets a result, one failing test never stops the others. */
export async function runTests(tests: DataTest[], options: RunOptions, onResult?: (r: TestResult) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const runnable = tests.some((t) => t.compiled);
  const engine: Engine | undefined = runnable ? await openEngine(options) : undefined;
  try {
    const reads = engine ? new ReadChecker(engine, options) : undefined;
    for (const test of tests) {
      const r = await runOne(engine, reads, test, options);
      results.push(r);
      onResult?.(r);
    }
  } finally {
    await engine?.close();
  }
  return results;
}

async function runOne(engine: Engine | undefined, reads: ReadChecker | undefined, test: DataTest, options: RunOptions): Promise<TestResult> {
  const started = performance.now();
  const base = { test, rowCount: 0, columns: [] as string[], rows: [] as unknown[][] };
  const elapsed = () => Math.round(performance.now() - started);
  if (test.error || !test.compiled || !engine || !reads) return { ...base, status: 'error', durationMs: 0, error: test.error ?? new Error('not compiled') };
  const { statement, text, file } = test.compiled;
  try {
    if (test.table?.skipIfMissing && !(await engine.hasCollection(test.table.name, test.table.db))) {
      return { ...base, status: 'skipped', durationMs: elapsed(), reason: `collection "${tableLabel(test.table)}" does not exist` };
    }
    if (options.missingCollections !== 'empty') await reads.check(statement, text, file);
    let columns: string[] = [];
    const shown: unknown[][] = [];
    let count = 0;
    const result = await runStatement(engine, statement, text, {
      ...options,
      file,
      onRows: (_n, cols, rows) => {
        columns = cols;
        count += rows.length;
        for (const row of rows) if (shown.length < MAX_SHOWN_ROWS) shown.push(row);
      },
    });
    if (result.rows) {
      columns = result.columns ?? columns;
      count = result.rows.length;
      shown.push(...result.rows.slice(0, MAX_SHOWN_ROWS));
    } else if (result.columns) columns = result.columns;
    return { ...base, status: count === 0 ? 'pass' : 'fail', rowCount: count, columns, rows: shown, durationMs: elapsed() };
  } catch (err) {
    const e = err instanceof SqlEtlError && test.kind === 'generic' ? atDeclaration(test, err) : err;
    return { ...base, status: 'error', durationMs: elapsed(), error: e instanceof Error ? e : new Error(String(e)) };
  }
}

/** A path as shown in reports: relative to the working directory when it is below it. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}
