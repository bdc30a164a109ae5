import { Chalk } from 'chalk';
import { lineColumn } from './errors.js';
import type { CompiledScript, CompiledStatement } from './commands/command-ir.js';
import { compactJson } from './mongo/compact-json.js';
import { commandToEjson } from './mongo/print-json.js';
import { printShell } from './mongo/print-shell.js';

/**
 * What `sqletl explain` prints for a compiled script.
 *
 * shell: each statement's header and SQL as `//` comments, then its commands in
 * mongosh syntax, each ending in `;` — the whole output is itself a mongosh script
 * (`sqletl explain job.sql | mongosh URI` runs the pipelines), while every command
 * also pastes on its own.
 *
 * json: one JSON array (valid as a whole) of `{statement, line, sql, commands}`,
 * the commands in canonical Extended JSON, laid out as the golden files are (what
 * fits in 100 columns on one line).
 */
export interface ExplainFormatOptions {
  format: 'shell' | 'json';
  color: boolean;
}

export function formatExplain(script: CompiledScript, sqlText: string, options: ExplainFormatOptions): string {
  return options.format === 'json' ? formatJson(script, sqlText) : formatShell(script, sqlText, options.color);
}

function formatShell(script: CompiledScript, sqlText: string, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const blocks = script.statements.map((stmt) => {
    const lines = [c.bold(`// -- statement ${stmt.index} (line ${statementLine(stmt, sqlText)})`)];
    for (const line of statementSql(stmt, sqlText).split('\n')) lines.push(c.gray(`// ${line}`.trimEnd()));
    for (const cmd of stmt.commands) {
      if (cmd.note) for (const line of cmd.note.split('\n')) lines.push(c.gray(`// note: ${line}`));
      lines.push(`${printShell(cmd, { color })};`);
    }
    if (stmt.commands.length === 0) lines.push(c.gray('// (no MongoDB command)'));
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

function formatJson(script: CompiledScript, sqlText: string): string {
  const statements = script.statements.map((stmt) => {
    const notes = stmt.commands.flatMap((cmd) => (cmd.note ? [cmd.note] : []));
    return {
      statement: stmt.index,
      line: statementLine(stmt, sqlText),
      kind: stmt.kind,
      sql: statementSql(stmt, sqlText),
      commands: stmt.commands.map(commandToEjson),
      ...(notes.length > 0 ? { notes } : {}),
    };
  });
  return compactJson(statements) + '\n';
}

/**
 * The statement as the user wrote it, sliced from the script by its span (so
 * `:name` parameters show as written); the compiler's copy when the span does
 * not fit the text.
 */
function statementSql(stmt: CompiledStatement, sqlText: string): string {
  const { start, end } = stmt.span;
  const text = start >= 0 && end > start && end <= sqlText.length ? sqlText.slice(start, end) : stmt.sql;
  return text.trim();
}

function statementLine(stmt: CompiledStatement, sqlText: string): number {
  // skip leading whitespace inside the span: the header should point at the statement's first token
  const lead = /^\s*/.exec(sqlText.slice(stmt.span.start, stmt.span.end))?.[0].length ?? 0;
  return lineColumn(sqlText, stmt.span.start + lead).line;
}
