import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunOptions } from '../api-types.js';
import type { Engine } from '../engine/engine.js';
import { SqlEtlError } from '../errors.js';
import { COLLECTION_EXTENSIONS } from '../io/data-files.js';
import type { CompiledStatement } from '../commands/command-ir.js';
import { isStageName } from '../commands/stage-names.js';
import { readsOf, writesOf } from './dry-run-checks.js';
import { closestName } from '../closest-name.js';
import { tableNameOffset } from './sql-text.js';

/**
 * Strictness about collections (issue 20): reading a collection that neither exists
 * nor was created earlier in the job is `relation "x" does not exist`, positioned at
 * the table name, as PostgreSQL says it — not an empty result. Checked right before
 * each statement runs, on the target as it is then (so earlier statements' writes
 * count), plus the collections the job's earlier statements created or filled.
 *
 * The CLI turns this on unless `--allow-missing`; the library keeps reading a
 * missing collection as empty (RunOptions.missingCollections, default 'empty').
 */
export class ReadChecker {
  private readonly created = new Set<string>();
  private candidates: string[] | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly options: Pick<RunOptions, 'db' | 'dataDir' | 'uri'>,
  ) {}

  private key(name: string, db?: string): string {
    return `${db ?? this.options.db ?? ''}.${name}`;
  }

  /** Throws `relation "x" does not exist` (code undefined-table) for the first collection the statement reads that is not there. */
  async check(st: CompiledStatement, text: string, file: string | undefined): Promise<void> {
    // no data directory at all: the statement's own read says so (a clearer error than every collection missing)
    if (this.engine.name === 'embedded' && !existsSync(this.options.dataDir ?? './data')) return;
    const ownWrites = new Set<string>();
    for (const cmd of st.commands) {
      for (const read of readsOf(cmd)) {
        const k = this.key(read.name, read.db);
        if (isStageName(read.name) || this.created.has(k) || ownWrites.has(k)) continue;
        if (await this.engine.hasCollection(read.name, read.db)) continue;
        throw this.missing(st, text, file, read.name, read.db);
      }
      for (const w of writesOf(cmd)) ownWrites.add(this.key(w.name, w.db));
    }
  }

  /** After a statement ran (or was skipped by --resume): what it wrote exists for the statements after it. */
  ran(st: CompiledStatement): void {
    for (const cmd of st.commands) {
      for (const w of writesOf(cmd)) this.created.add(this.key(w.name, w.db));
      if (cmd.kind === 'createCollection' || cmd.kind === 'createIndex') this.created.add(this.key(cmd.collection, cmd.db));
      if (cmd.kind === 'drop') this.created.delete(this.key(cmd.collection, cmd.db));
    }
  }

  private missing(st: CompiledStatement, text: string, file: string | undefined, name: string, db: string | undefined): SqlEtlError {
    const at = tableNameOffset(text, st.span.start, st.span.end, name, db) ?? st.span.start;
    const where = this.engine.name === 'embedded' ? `the data directory ${this.options.dataDir ?? './data'}` : `database ${db ?? this.options.db ?? '(default)'}`;
    const hints: string[] = [];
    const close = closestName(name, this.knownNames(db));
    if (close) hints.push(`did you mean "${close}"?`);
    hints.push(`no collection "${name}" in ${where}; create it earlier in the job, or pass --allow-missing to read it as empty`);
    const qualified = db && db !== this.options.db ? `${db}.${name}` : name;
    const err = new SqlEtlError('undefined-table', 'run', `relation "${qualified}" does not exist`, { span: { start: at, end: at + name.length }, hints, params: { table: qualified } });
    err.source = { text, file };
    return err;
  }

  /** Collection names for the hint: the data directory's files and what the job created. */
  private knownNames(db: string | undefined): string[] {
    const names = [...this.created].filter((k) => k.startsWith(`${db ?? this.options.db ?? ''}.`)).map((k) => k.slice(k.indexOf('.') + 1));
    if (this.engine.name === 'embedded') {
      if (this.candidates === undefined) {
        try {
          const dir = db ?? this.options.db ? join(this.options.dataDir ?? './data', db ?? this.options.db!) : this.options.dataDir ?? './data';
          this.candidates = readdirSync(dir)
            .map((f) => COLLECTION_EXTENSIONS.map((e) => (f.endsWith(e) ? f.slice(0, -e.length) : undefined)).find((x) => x !== undefined))
            .filter((x): x is string => x !== undefined && !x.startsWith('_sqletl') && !x.startsWith('.'));
        } catch {
          this.candidates = [];
        }
      }
      names.push(...this.candidates);
    }
    return names;
  }
}
