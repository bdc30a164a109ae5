import type { RunOptions } from '../api-types.js';
import { compileScript, tableNamesOf } from '../compile.js';
import type { Engine } from '../engine/engine.js';
import type { CompiledScript } from '../commands/command-ir.js';
import { isStageName } from '../commands/stage-names.js';
import { writesOf } from './dry-run-checks.js';

/** how many documents of a collection are read for its field names */
export const SAMPLE_SIZE = 1000;

/**
 * `--strict-columns` (issue 20): compiles a job's files in order, each with the
 * field names of the collections it names (CompileOptions.sampledColumns), so that a
 * column reference to a field none of the sampled documents has is a compile error.
 * Sampled: the first SAMPLE_SIZE documents of each collection the file names that
 * exists, is not empty and is not written by an earlier file (what an earlier file
 * writes is not known before the run; within a file, the binder stops checking a
 * collection after the statement that writes it). The names come from the parse
 * tree, not from a first compile: without the samples, an unqualified column of a
 * join of two undeclared collections is ambiguous, with them it need not be.
 */
export async function compileSampled<F extends { path?: string; text: string }>(engine: Engine, files: F[], options: RunOptions): Promise<{ file: F; script: CompiledScript }[]> {
  const written = new Set<string>();
  const cache = new Map<string, string[] | undefined>();
  const full = (name: string, db?: string) => `${db ?? options.db ?? ''}.${name}`;
  const out: { file: F; script: CompiledScript }[] = [];
  for (const f of files) {
    const compileOptions = { ...options, file: f.path };
    const sampled: Record<string, string[]> = {};
    for (const t of await tableNamesOf(f.text, compileOptions)) {
      const k = full(t.name, t.db);
      if (isStageName(t.name) || written.has(k)) continue;
      if (!cache.has(k)) cache.set(k, await fieldNames(engine, t.name, t.db));
      const names = cache.get(k);
      if (names) sampled[t.db ? `${t.db}.${t.name}` : t.name] = names;
    }
    const script = await compileScript(f.text, { ...compileOptions, sampledColumns: sampled });
    for (const st of script.statements) {
      for (const cmd of st.commands) {
        for (const w of writesOf(cmd)) written.add(full(w.name, w.db));
        if (cmd.kind === 'drop' || cmd.kind === 'updateMany' || cmd.kind === 'createCollection') written.add(full(cmd.collection, cmd.db));
      }
    }
    out.push({ file: f, script });
  }
  return out;
}

/**
 * `sqletl test --strict-columns`: the sampled field names of every collection the
 * texts name (test files only read, so nothing is left out). A text that does not
 * parse is skipped: collecting the tests reports it.
 */
export async function sampleTables(engine: Engine, texts: string[], options: RunOptions): Promise<Record<string, string[]>> {
  const sampled: Record<string, string[]> = {};
  for (const text of texts) {
    let tables: { name: string; db?: string }[];
    try {
      tables = await tableNamesOf(text, options);
    } catch {
      continue;
    }
    for (const t of tables) {
      const key = t.db ? `${t.db}.${t.name}` : t.name;
      if (isStageName(t.name) || key in sampled) continue;
      const names = await fieldNames(engine, t.name, t.db);
      if (names) sampled[key] = names;
    }
  }
  return sampled;
}

/** The top-level field names of a collection's first documents; undefined when it does not exist or is empty (no evidence). */
async function fieldNames(engine: Engine, collection: string, db: string | undefined): Promise<string[] | undefined> {
  if (!(await engine.hasCollection(collection, db))) return undefined;
  const docs = await engine.aggregate({ kind: 'aggregate', collection, ...(db ? { db } : {}), pipeline: [{ $limit: SAMPLE_SIZE }] });
  if (docs.length === 0) return undefined;
  const names = new Set<string>(['_id']);
  for (const d of docs) for (const k of Object.keys(d)) names.add(k);
  return [...names];
}
