/**
 * The layers of src/, lowest first: the one table of which file may import which
 * (README, "Layers and import rules"). test/import-boundaries.test.ts builds the
 * import graph of src/ with the TypeScript compiler (`import`, `import type`,
 * `export … from`, `import()` and `import('…').T` all count) and fails on:
 *
 * 1. an import cycle between files, type-only ones included (a cycle of types is
 *    still two modules that cannot be read, changed or tested one without the other);
 * 2. a wrong-way import: a file imports its own layer, the layers its layer `uses`,
 *    and what those use in turn — nothing else. So the front ends (sql, dialects)
 *    and the planner meet only at the IR, lowering and the COPY readers only at the
 *    command IR, and no layer imports one above it;
 * 3. a package imported outside the layers it is confined to (PACKAGES);
 * 4. a file in no layer, an import it cannot resolve, or an `import()` of a
 *    computed name not listed in COMPUTED_IMPORTS.
 *
 * A layer is listed after every layer it uses. This module only describes;
 * nothing in src/ imports it.
 */

export interface Layer {
  name: string;
  /** folders (ending in `/`) and files, relative to the repository root */
  paths: readonly string[];
  /** the layers it imports directly; it may also import what they use */
  uses: readonly string[];
  what: string;
}

export const LAYERS: readonly Layer[] = [
  { name: 'base', paths: ['src/errors.ts', 'src/error-codes.ts', 'src/assert-never.ts', 'src/closest-name.ts', 'src/layers.ts'], uses: [], what: 'errors with source spans; the error codes; did-you-mean; this table' },
  { name: 'ir', paths: ['src/ir/'], uses: ['base'], what: 'the SQL IR (values, expressions, queries, statements) and small functions over it' },
  { name: 'catalog', paths: ['src/catalog/'], uses: ['ir'], what: 'the function catalogue (data) and what it decides: nullability' },
  { name: 'sql', paths: ['src/sql/'], uses: ['catalog'], what: 'parse (libpg-query) and bind: SQL text → IR' },
  { name: 'plan', paths: ['src/plan/'], uses: ['catalog'], what: 'IR → logical plan, and the plan rewrites' },
  { name: 'commands', paths: ['src/commands/'], uses: ['ir'], what: 'the command IR: the MongoDB commands a statement compiles to, and facts about them' },
  { name: 'api-types', paths: ['src/api-types.ts'], uses: ['ir'], what: "the library's option and result types (types only)" },
  { name: 'dialects', paths: ['src/dialects/'], uses: ['sql'], what: 'the other dialects (node-sql-parser), translated to PostgreSQL for sql/' },
  { name: 'mongo', paths: ['src/mongo/'], uses: ['plan', 'commands'], what: 'lowering: logical plan → commands; MongoDB rule checks; printers' },
  { name: 'io', paths: ['src/io/'], uses: ['commands'], what: 'data files, COPY sources and sinks, atomic writes, the data directory' },
  { name: 'compile', paths: ['src/compile.ts', 'src/explain-format.ts'], uses: ['dialects', 'mongo', 'api-types'], what: 'the compiler: the stages chained; explain output' },
  { name: 'engine', paths: ['src/engine/'], uses: ['io', 'api-types'], what: 'the engines (mongodb driver, embedded mingo), their journal stores and change streams' },
  { name: 'run', paths: ['src/run/'], uses: ['compile', 'engine'], what: 'jobs: statements in order, journal and resume, checks, analyze' },
  { name: 'watch', paths: ['src/watch/'], uses: ['run'], what: 'sqletl watch: incremental runs on changes' },
  { name: 'library', paths: ['src/index.ts'], uses: ['run'], what: 'the public library API' },
  { name: 'cli', paths: ['src/cli/'], uses: ['library', 'watch'], what: 'the command-line tool' },
];

/** The layers a layer may import: itself, what it uses, and what those use in turn. */
export function reachable(layers: readonly Layer[], name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const u of layers.find((l) => l.name === n)?.uses ?? []) visit(u);
  };
  visit(name);
  return seen;
}

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
