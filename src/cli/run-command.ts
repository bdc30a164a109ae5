import { resolve } from 'node:path';
import type { RunOptions, StatementResult } from '../api-types.js';
import { formatExplain } from '../explain-format.js';
import { compile, run } from '../index.js';
import type { Value } from '../ir/expr.js';
import type { CompiledStatement } from '../mongo/commands.js';
import { commandToEjson } from '../mongo/print-json.js';
import { formatSummary, formatTable } from './format-table.js';
import { checkDataDir, readInputFile, resolveTarget } from './options.js';
import { EXIT_OK, wantsColor, writeErr, writeOut } from './terminal.js';
import { jsonValue } from './values.js';

/**
 * `sqletl run <file.sql>...`: runs each file's statements in order and prints
 * SELECT results as tables and a summary, or JSON lines with --json. The first
 * failing statement stops everything (the caller prints the error, exit 1).
 */
export interface RunCommandOptions {
  uri?: string;
  db?: string;
  data: string;
  schema?: string;
  var: Record<string, Value>;
  percentiles?: 'exact' | 'approximate';
  onError?: 'reject' | 'stop';
  /** SQL dialect of the files (--dialect) */
  dialect?: 'postgres' | 'tsql' | 'snowflake' | 'bigquery' | 'mysql';
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** MongoDB options and --batch-size, as RunOptions */
  server?: Pick<RunOptions, 'maxTimeMS' | 'writeConcern' | 'readPreference' | 'retries' | 'batchSize'>;
}

export async function runCommand(files: string[], opts: RunCommandOptions, dataExplicit: boolean): Promise<number> {
  // Read every input before running anything: a typo in the third file name must not leave a half-run job.
  const inputs = files.map((file) => ({ file, text: readInputFile(file, 'SQL file') }));
  const schema = opts.schema === undefined ? undefined : readInputFile(opts.schema, 'schema file');
  const target = resolveTarget({ uri: opts.uri, data: resolve(opts.data), dataExplicit });
  if (target.dataDir !== undefined && dataExplicit && !opts.dryRun) checkDataDir(opts.data);
  const multi = inputs.length > 1;
  const done: { file?: string; result: StatementResult }[] = [];

  try {
    for (const { file, text } of inputs) {
      const common = { file, vars: opts.var, schema, db: opts.db, percentiles: opts.percentiles, onError: opts.onError, dialect: opts.dialect };
      if (opts.dryRun) {
        const script = await compile(text, common);
        if (!opts.quiet) printDryRun(script.statements, text, file, opts.json === true, multi);
        continue;
      }
      // print each statement's result as soon as it completes
      await run(text, {
        ...common,
        ...target,
        ...opts.server,
        onStatement: (r) => {
          done.push({ file, result: r });
          for (const w of r.warnings ?? []) writeErr(`warning: statement ${r.statement}: ${w}`);
          if (opts.quiet) return;
          if (opts.json) writeOut(JSON.stringify(jsonLine(r, multi ? file : undefined)));
          else if (r.columns && r.rows) writeOut(formatTable({ columns: r.columns, rows: r.rows }) + '\n');
        },
      });
    }
  } finally {
    // also after a failure: the summary shows what completed before it
    if (!opts.quiet && !opts.json && !opts.dryRun && done.length > 0) writeOut(formatSummary(done));
  }
  return EXIT_OK;
}

/** One `run --json` line; keys in the documented order, write counts only when the statement has them. */
function jsonLine(r: StatementResult, file: string | undefined): Record<string, unknown> {
  const line: Record<string, unknown> = { ...(file === undefined ? {} : { file }), statement: r.statement, kind: r.kind };
  if (r.columns) line.columns = r.columns;
  if (r.rows) line.rows = r.rows.map((row) => row.map(jsonValue));
  line.rowCount = r.rowCount;
  for (const key of ['rowsRead', 'inserted', 'updated', 'deleted', 'rejected'] as const) {
    if (r[key] !== undefined) line[key] = r[key];
  }
  line.durationMs = Math.round(r.durationMs * 1000) / 1000;
  return line;
}

/** --dry-run: the commands that would run, as explain prints them (JSON lines with --json). */
function printDryRun(statements: CompiledStatement[], text: string, file: string, json: boolean, multi: boolean): void {
  if (!json) {
    const header = multi ? `// ==> ${file} <==\n` : '';
    writeOut(header + formatExplain({ statements }, text, { format: 'shell', color: wantsColor(process.stdout) }));
    return;
  }
  for (const s of statements) {
    const line = { ...(multi ? { file } : {}), statement: s.index, kind: s.kind, sql: s.sql, commands: s.commands.map(commandToEjson) };
    writeOut(JSON.stringify(line));
  }
}
