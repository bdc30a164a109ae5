import { assertNever } from './assert-never.js';
import type { CompileOptions } from './api-types.js';
import { SqlEtlError } from './errors.js';
import type { RecursiveCte, Statement } from './ir/statement.js';
import type { Query } from './ir/expr.js';
import type { CompiledColumn, CompiledScript, CompiledStatement, MongoCommand } from './commands/command-ir.js';
import { printIntervalColumns } from './mongo/interval-text.js';
import { lowerPlan, type LowerOptions } from './mongo/lower-plan.js';
import { DEFAULT_MAX_RECURSION, lowerRecursive, rowsNeeded } from './mongo/lower-recursive.js';
import { lowerCreateTable, lowerCreateView, lowerDelete, lowerInsert, lowerMerge, lowerUpdate } from './mongo/lower-write.js';
import { buildPlan } from './plan/build-plan.js';
import { showCharColumns } from './plan/show-char-columns.js';
import { bindScript, placed } from './sql/bind-statement.js';
import type { Catalog } from './sql/bind-context.js';
import { loadParser, parseScript, type ParsedScript } from './sql/parse.js';
import { loadDialect, parseDialectScript } from './dialects/front-end.js';
import { dialectDirective } from './dialects/directive.js';
import { nameDialect, namingDialect } from './dialects/name-dialect.js';

/** The stages, one line each: parse → bind → plan → lower. */
export async function compileScript(sql: string, given: CompileOptions = {}): Promise<CompiledScript> {
  const options = withSource(sql, given.file, () => withDialect(sql, given));
  const catalog = await declarations(options);
  return withSource(sql, options.file, () => {
    const parsed = parseIn(sql, options, catalog);
    const statements = namingDialect(options.dialect, () => bindScript(parsed, catalog, options.vars ?? {}, options.sampledColumns));
    let onError = options.onError ?? 'reject';
    let maxRecursion = DEFAULT_MAX_RECURSION;
    return {
      floatColumns: floatColumns(catalog),
      statements: statements.map((s, i) => {
        if (s.kind === 'set' && s.name === 'sqletl.on_error') onError = s.value as 'reject' | 'stop';
        if (s.kind === 'set' && s.name === 'sqletl.max_recursion') maxRecursion = Number(s.value);
        try {
          return lowerStatement(s, i + 1, { ...options, onError }, maxRecursion);
        } catch (err) {
          // an error the lowering could not place points at its statement
          throw nameDialect(placed(err, s.span.start), options.dialect);
        }
      }),
    };
  });
}

function lowerStatement(s: Statement, index: number, options: CompileOptions, maxRecursion: number): CompiledStatement {
  const base = { index, sql: s.sql, span: s.span };
  const ctx = { index, options: { percentiles: options.percentiles }, onError: options.onError ?? 'reject' };
  const db = (t: { db?: string }) => (t.db ? { db: t.db } : {});
  switch (s.kind) {
    case 'select': {
      // WITH RECURSIVE queries first, each into its stage collection, which the SELECT reads
      const commands = withRecursive(s.recursive, [{ ...printIntervalColumns(lowerPlan(showCharColumns(buildPlan(s.query, { statement: true }), s.query.columns), ctx.options), s.query.columns), role: 'rows' as const }], ctx.options, maxRecursion, s.query);
      const columns = s.query.passthrough ? undefined : s.query.columns.map(compiledColumn);
      return { ...base, kind: 'select', commands, columns };
    }
    case 'create-schema':
      return { ...base, kind: 'create', commands: [] };
    case 'set':
      return { ...base, kind: 'create', commands: [], setting: { name: s.name, value: s.value } };
    case 'create-table':
      return { ...base, kind: 'create', commands: withRecursive(s.recursive, lowerCreateTable(s, ctx), ctx.options, maxRecursion) };
    case 'create-index':
      return {
        ...base,
        kind: 'create',
        commands: [{ kind: 'createIndex', collection: s.table.name, ...db(s.table), keys: Object.fromEntries(s.columns.map((c) => [c, 1 as const])), name: s.name, unique: s.unique, role: 'ddl' }],
      };
    case 'drop-table':
      return { ...base, kind: 'drop', commands: s.tables.map((t) => ({ kind: 'drop' as const, collection: t.name, ...db(t), ifExists: s.ifExists, role: 'ddl' as const })) };
    case 'truncate':
      return { ...base, kind: 'delete', commands: s.tables.map((t) => ({ kind: 'deleteMany' as const, collection: t.name, ...db(t), filter: {}, role: 'write' as const })) };
    case 'insert':
      return { ...base, kind: 'insert', commands: withRecursive(s.recursive, lowerInsert(s, ctx), ctx.options, maxRecursion) };
    case 'update':
      return { ...base, kind: 'update', commands: lowerUpdate(s, ctx) };
    case 'delete':
      return { ...base, kind: 'delete', commands: lowerDelete(s) };
    case 'merge':
      return { ...base, kind: 'merge', commands: lowerMerge(s, ctx) };
    case 'copy-from':
      return {
        ...base,
        kind: 'copy',
        commands: lowerInsert(s.insert, ctx),
        copy: { direction: 'from', file: s.file, options: s.options, columns: s.insert.columns },
      };
    case 'copy-to': {
      const commands = [{ ...printIntervalColumns(lowerPlan(showCharColumns(buildPlan(s.query, { statement: true }), s.query.columns), ctx.options), s.query.columns), role: 'rows' as const }];
      const columns = s.query.passthrough ? undefined : s.query.columns.map(compiledColumn);
      return { ...base, kind: 'copy', commands, columns, copy: { direction: 'to', file: s.file, options: s.options, columns: columns?.map((c) => c.name) ?? [] } };
    }
    case 'create-view':
      return { ...base, kind: 'create', commands: lowerCreateView(s, ctx) };
    case 'refresh-view':
      return {
        ...base,
        kind: 'insert',
        commands: lowerCreateTable({ kind: 'create-table', table: { name: s.table.name, db: s.table.db, columns: [], unique: [], checks: [] }, ifNotExists: true, asQuery: s.query, sql: s.sql, span: s.span }, ctx),
      };
    default:
      return assertNever(s, 'lower');
  }
}

/** A statement's commands after the loops of its WITH RECURSIVE queries, and before the drops of their collections. */
function withRecursive(recursive: RecursiveCte[] | undefined, commands: MongoCommand[], options: LowerOptions, maxRecursion: number, reads?: Query): MongoCommand[] {
  if (!recursive?.length) return commands;
  // a statement reading one recursive query alone may need only its first rows; with two, the other's are read too
  const loops = recursive.map((r) => lowerRecursive(r, options, maxRecursion, reads && recursive.length === 1 ? rowsNeeded(reads, r.collections.result) : undefined));
  return [...loops.map((l) => l.loop), ...commands, ...loops.flatMap((l) => l.cleanup)];
}

/** Loads the parser and the `schema` option's declarations (CREATE TABLE …) into a fresh catalog. */
/** The catalogue's `real` / `double precision` columns by collection key (CompiledScript.floatColumns). */
function floatColumns(catalog: Catalog): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const [key, table] of catalog) {
    const names = table.columns.filter((c) => c.type === 'float' || c.type === 'real').map((c) => c.name);
    if (names.length && !table.view) out[key] = names;
  }
  return Object.keys(out).length ? out : undefined;
}

async function declarations(options: CompileOptions): Promise<Catalog> {
  await loadParser();
  if (options.dialect && options.dialect !== 'postgres') await loadDialect(options.dialect);
  return options.schema ? new Map(schemaCatalog(options.schema)) : new Map();
}

/**
 * The `schema` option's catalog, bound once per text. A library caller (and the
 * watch loop, the bench, the tests) passes the same schema on every compile, and
 * parsing and binding it was a quarter of compiling a typical statement. Each
 * compile gets its own Map (a script's CREATE/DROP changes only that copy); the
 * table definitions are shared, so they are frozen: nothing may write into them.
 */
const SCHEMA_CACHE = new Map<string, Catalog>();
const SCHEMA_CACHE_SIZE = 8;
function schemaCatalog(schema: string): Catalog {
  const cached = SCHEMA_CACHE.get(schema);
  if (cached) return cached;
  const catalog: Catalog = new Map();
  withSource(schema, 'schema', () => bindScript(parseScript(schema), catalog, {}, undefined, true));
  for (const [key, table] of catalog) {
    const declared = { ...table, fromSchema: true };
    deepFreeze(declared);
    catalog.set(key, declared);
  }
  if (SCHEMA_CACHE.size >= SCHEMA_CACHE_SIZE) SCHEMA_CACHE.delete(SCHEMA_CACHE.keys().next().value!);
  SCHEMA_CACHE.set(schema, catalog);
  return catalog;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** The dialect: the option, else a `-- dialect: name` line in the script's leading comments, else PostgreSQL. */
function withDialect(sql: string, options: CompileOptions): CompileOptions {
  return options.dialect ? options : { ...options, dialect: dialectDirective(sql) };
}

/**
 * The front end of the script's dialect: PostgreSQL's parser, or a translation
 * from T-SQL/Snowflake/BigQuery/MySQL (src/dialects/) that yields the same parse
 * trees. The --schema declarations stay PostgreSQL DDL in every dialect.
 */
function parseIn(sql: string, options: CompileOptions, catalog: Catalog): ParsedScript {
  if (!options.dialect || options.dialect === 'postgres') return parseScript(sql);
  return parseDialectScript(sql, options.dialect, (name, db) => {
    const t = catalog.get(db ? `${db}.${name}` : name);
    if (!t) return undefined;
    const key = t.primaryKey ?? [];
    return { columns: t.columns.map((c) => c.name), key };
  });
}

/**
 * The table names a script mentions (every `RangeVar` of its parse trees: what it
 * reads, and also what it writes, CTE names and views), for `--strict-columns` to
 * sample before compiling. A syntax error throws, as compiling would.
 */
export async function tableNamesOf(sql: string, given: CompileOptions = {}): Promise<{ name: string; db?: string }[]> {
  const options = withSource(sql, given.file, () => withDialect(sql, given));
  const catalog = await declarations(options);
  const parsed = withSource(sql, options.file, () => parseIn(sql, options, catalog));
  const seen = new Map<string, { name: string; db?: string }>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      // a RangeVar's body (a FROM item is wrapped as { RangeVar: … }; an INSERT/UPDATE/DELETE/COPY target is not)
      const range = v as { relname?: unknown; schemaname?: string };
      if (typeof range.relname === 'string') seen.set(`${range.schemaname ?? ''}.${range.relname}`, { name: range.relname, ...(range.schemaname ? { db: range.schemaname } : {}) });
      Object.values(v).forEach(walk);
    }
  };
  for (const st of parsed.statements) walk(st.node);
  return [...seen.values()];
}

/** Attach the script text to errors so they print `file:line:col` with a caret. */
export function withSource<T>(text: string, file: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SqlEtlError && !err.source) err.source = { text, file };
    throw err;
  }
}

/**
 * The intermediate stages of a script, for `explain --stage ir|plan`: each
 * statement's bound IR, and for queries its logical plan, as JSON-ready values.
 */
export async function compileStages(sql: string, given: CompileOptions = {}): Promise<{ sql: string; ir: unknown; plan?: unknown }[]> {
  const options = withSource(sql, given.file, () => withDialect(sql, given));
  const catalog = await declarations(options);
  return withSource(sql, options.file, () =>
    bindScript(parseIn(sql, options, catalog), catalog, options.vars ?? {}).map((s) => ({
      sql: s.sql,
      ir: withoutSpans(s),
      plan: s.kind === 'select' ? withoutSpans(buildPlan(s.query, { statement: true })) : undefined,
    })),
  );
}

/** Source spans are positions, not structure: left out of the printed stages. */
function withoutSpans(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'span' ? undefined : x instanceof Date ? x.toISOString() : x)));
}

/** An output column; a real one is marked so that its values print as PostgreSQL prints a single (run/rows.ts). */
function compiledColumn(c: { name: string; field: string; expr: { type: string } }): CompiledColumn {
  return { name: c.name, field: c.field, ...(c.expr.type === 'real' ? { real: true } : {}) };
}
