import type { CompileOptions } from './api-types.js';
import { SqlEtlError } from './errors.js';
import type { Statement } from './ir/statement.js';
import type { CompiledScript, CompiledStatement } from './mongo/commands.js';
import { lowerPlan } from './mongo/lower-plan.js';
import { buildPlan } from './plan/build-plan.js';
import { bindScript } from './sql/bind-statement.js';
import type { Catalog } from './sql/bind-select.js';
import { loadParser, parseScript } from './sql/parse.js';

/** The stages, one line each: parse → bind → plan → lower. */
export async function compileScript(sql: string, options: CompileOptions = {}): Promise<CompiledScript> {
  await loadParser();
  const catalog: Catalog = new Map();
  if (options.schema) withSource(options.schema, 'schema', () => bindScript(parseScript(options.schema!), catalog, {}));
  return withSource(sql, options.file, () => {
    const parsed = parseScript(sql);
    const statements = bindScript(parsed, catalog, options.vars ?? {});
    return { statements: statements.map((s, i) => lowerStatement(s, i + 1, options)) };
  });
}

function lowerStatement(s: Statement, index: number, options: CompileOptions): CompiledStatement {
  switch (s.kind) {
    case 'select': {
      const commands = [lowerPlan(buildPlan(s.query), { percentiles: options.percentiles })];
      const columns = s.query.passthrough ? undefined : s.query.columns.map((c) => ({ name: c.name, field: c.field }));
      return { index, kind: 'select', sql: s.sql, span: s.span, commands, columns };
    }
    case 'create-schema':
    case 'create-table':
      // a declaration: it gives the collection its columns and types; nothing runs yet
      return { index, kind: 'create', sql: s.sql, span: s.span, commands: [] };
  }
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
