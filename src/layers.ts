/**
 * The layers of src/, lowest first: the one table of which file may import which
 * (README, "Layers and import rules"). test/import-boundaries.test.ts builds the
 * import graph of src/ with the TypeScript compiler (`import`, `import type`,
 * `export … from`, `import()` and `import('…').T` all count) and fails on:
 *
 * 1. an import cycle between files, type-only ones included (a cycle of types is
 *    still two modules that cannot be read, changed or tested one without the other);
 * 2. an import from a layer to a layer of the same or a higher rank (a layer may
 *    import its own files and any layer of a lower rank; layers of equal rank never
 *    import each other: the front ends and the planner meet only at the IR, the
 *    lowering and the COPY readers only at the command IR);
 * 3. a package imported outside the layers it is confined to (PACKAGES);
 * 4. a file in no layer, an import it cannot resolve, or an `import()` of a
 *    computed name not listed in COMPUTED_IMPORTS.
 *
 * This module only describes; nothing in src/ imports it.
 */

export interface Layer {
  name: string;
  rank: number;
  /** folders (ending in `/`) and files, relative to the repository root */
  paths: string[];
  what: string;
}

export const LAYERS: readonly Layer[] = [
  { rank: 0, name: 'base', paths: ['src/errors.ts', 'src/closest-name.ts', 'src/layers.ts'], what: 'errors with source spans and codes; did-you-mean; this table' },
  { rank: 1, name: 'ir', paths: ['src/ir/'], what: 'the SQL IR (values, expressions, queries, statements) and small functions over it' },
  { rank: 2, name: 'sql', paths: ['src/sql/'], what: 'parse (libpg-query) and bind: SQL text → IR' },
  { rank: 2, name: 'plan', paths: ['src/plan/'], what: 'IR → logical plan, and the plan rewrites' },
  { rank: 2, name: 'commands', paths: ['src/commands/'], what: 'the command IR: the MongoDB commands a statement compiles to' },
  { rank: 2, name: 'api-types', paths: ['src/api-types.ts'], what: "the library's option and result types (types only)" },
  { rank: 3, name: 'dialects', paths: ['src/dialects/'], what: 'the other dialects (node-sql-parser), translated to PostgreSQL for sql/' },
  { rank: 3, name: 'mongo', paths: ['src/mongo/'], what: 'lowering: logical plan → commands; MongoDB rule checks; printers' },
  { rank: 3, name: 'io', paths: ['src/io/'], what: 'data files, COPY sources and sinks, atomic writes, the data directory' },
  { rank: 4, name: 'compile', paths: ['src/compile.ts', 'src/explain-format.ts'], what: 'the compiler: the stages chained; explain output' },
  { rank: 4, name: 'engine', paths: ['src/engine/'], what: 'the engines (mongodb driver, embedded mingo), their journal stores and change streams' },
  { rank: 5, name: 'run', paths: ['src/run/'], what: 'jobs: statements in order, journal and resume, checks, analyze' },
  { rank: 6, name: 'watch', paths: ['src/watch/'], what: 'sqletl watch: incremental runs on changes' },
  { rank: 7, name: 'library', paths: ['src/index.ts'], what: 'the public library API' },
  { rank: 8, name: 'cli', paths: ['src/cli/'], what: 'the command-line tool' },
];

/**
 * Packages confined to some layers. Any other package may be imported anywhere;
 * among them `bson`: it is the document format (Extended JSON text, ObjectId), not
 * the driver, and the data files, COPY readers, printers and watch read and write
 * it. The driver's own re-exports of bson types come through `mongodb`, so they
 * stay in engine/.
 */
export const PACKAGES: readonly { name: string; layers: readonly string[]; why: string }[] = [
  { name: 'mongodb', layers: ['engine'], why: 'the driver: only an engine talks to a server' },
  { name: 'mingo', layers: ['engine'], why: 'the embedded engine runs pipelines; nothing else executes them' },
  { name: 'libpg-query', layers: ['sql', 'dialects'], why: 'a parser: every stage after bind speaks IR' },
  { name: '@pgsql/types', layers: ['sql', 'dialects'], why: "the parser's raw tree: every stage after bind speaks IR" },
  { name: 'node-sql-parser', layers: ['sql', 'dialects'], why: 'a parser: every stage after bind speaks IR' },
];

/** Files that `import()` a computed name, with the packages it can be: checked against PACKAGES instead. */
export const COMPUTED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'src/dialects/parse-dialect.ts': ['node-sql-parser'],
};
