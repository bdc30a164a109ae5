/**
 * The import boundaries of src/ (src/layers.ts): no cycles, no import from a lower
 * layer to a higher one, the driver and mingo only in engine/, the parsers only in
 * the front ends. The graph is read with the TypeScript compiler, so `import type`,
 * `export … from`, `import()` and `import('…').T` all count.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { COMPUTED_IMPORTS, LAYERS, PACKAGES, type Layer } from '../src/layers.js';
import { buildImportGraph, checkBoundaries, findCycles, type ImportEdge, type ImportGraph } from './support/import-graph.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rules = { layers: LAYERS, packages: PACKAGES, computedImports: COMPUTED_IMPORTS };
const graph = buildImportGraph(root, 'src');

describe('import boundaries of src/', () => {
  test('the graph is read whole: every form of import is an edge', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    const has = (from: string, to: string, form: ImportEdge['form']) => graph.edges.some((e) => e.from === from && e.to === to && e.form === form);
    expect(has('src/ir/statement.ts', 'src/ir/expr.ts', 'import type')).toBe(true);
    expect(has('src/index.ts', 'src/run/run-job.ts', 'import()')).toBe(true);
    expect(has('src/commands/command-ir.ts', 'src/ir/statement.ts', "import('…').T")).toBe(true);
    expect(has('src/ir/query.ts', 'src/ir/expr.ts', 'export from')).toBe(true);
    expect(has('src/engine/mongodb.ts', 'mongodb', 'import')).toBe(true);
  });

  test('no cycles, no wrong-way imports, packages where they belong', () => {
    expect(checkBoundaries(graph, rules)).toEqual([]);
  });

  test('every layer in the table holds files, and is listed after the layers it uses', () => {
    for (const layer of LAYERS) expect(graph.files.some((f) => layer.paths.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p))), layer.name).toBe(true);
    const above = (l: Layer) => LAYERS.slice(0, LAYERS.indexOf(l)).map((x) => x.name);
    for (const layer of LAYERS) expect(layer.uses.filter((u) => !above(layer).includes(u)), layer.name).toEqual([]);
  });

  test("README's layer table is src/layers.ts", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('### Layers and import rules');
    const section = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('| layer |', start)));
    const rows = [...section.matchAll(/^\| ([a-z-]+) \| (.+) \| (.+) \|$/gm)].filter((m) => m[1] !== 'layer');
    const table = rows.map((m) => ({ name: m[1], paths: [...m[2].matchAll(/`([^`]+)`/g)].map((p) => p[1]), uses: m[3] === '—' ? [] : m[3].split(', ') }));
    expect(table).toEqual(LAYERS.map((l) => ({ name: l.name, paths: [...l.paths], uses: [...l.uses] })));
  });
});

describe('the checker finds what it is for', () => {
  const edge = (from: string, to: string, form: ImportEdge['form'] = 'import'): ImportEdge => ({ from, to, external: !to.startsWith('src/'), form });
  const made: ImportGraph = {
    files: ['src/ir/a.ts', 'src/ir/b.ts', 'src/ir/c.ts', 'src/sql/bind.ts', 'src/plan/pass.ts', 'src/mongo/lower.ts', 'src/stray.ts', 'src/dialects/load.ts', 'src/run/job.ts'],
    edges: [
      edge('src/ir/a.ts', 'src/ir/b.ts'),
      edge('src/ir/b.ts', 'src/ir/c.ts', 'import type'),
      edge('src/ir/c.ts', 'src/ir/a.ts', 'import type'),
      edge('src/sql/bind.ts', 'src/plan/pass.ts'),
      edge('src/ir/a.ts', 'src/mongo/lower.ts', "import('…').T"),
      edge('src/plan/pass.ts', 'src/ir/a.ts'),
      edge('src/mongo/lower.ts', 'src/sql/bind.ts'),
      edge('src/mongo/lower.ts', 'src/plan/pass.ts'),
      edge('src/mongo/lower.ts', 'mongodb'),
      edge('src/mongo/lower.ts', '@pgsql/types', 'import type'),
      edge('src/mongo/lower.ts', 'bson'),
      edge('src/run/job.ts', 'src/mongo/lower.ts', 'import()'),
    ],
    computed: ['src/dialects/load.ts', 'src/run/job.ts'],
    unresolved: [{ from: 'src/run/job.ts', specifier: './gone.js' }],
  };

  test('a cycle (type-only edges included) is printed as its path of files', () => {
    expect(findCycles(made)).toEqual([['src/ir/a.ts', 'src/ir/b.ts', 'src/ir/c.ts', 'src/ir/a.ts']]);
  });

  test('each broken rule is reported once, and nothing else', () => {
    const problems = checkBoundaries(made, { ...rules, computedImports: { 'src/dialects/load.ts': ['node-sql-parser', 'mingo'] } });
    expect(problems).toEqual([
      'not in any layer of src/layers.ts: src/stray.ts',
      "unresolved import: src/run/job.ts imports './gone.js'",
      'import cycle: src/ir/a.ts → src/ir/b.ts → src/ir/c.ts → src/ir/a.ts',
      'wrong-way import: src/sql/bind.ts (sql) import src/plan/pass.ts (plan): sql may import catalog, ir, base',
      "wrong-way import: src/ir/a.ts (ir) import('…').T src/mongo/lower.ts (mongo): ir may import base",
      'wrong-way import: src/mongo/lower.ts (mongo) import src/sql/bind.ts (sql): mongo may import plan, catalog, ir, base, commands',
      "package outside its layers: src/mongo/lower.ts (mongo) import 'mongodb', which only engine may",
      "package outside its layers: src/mongo/lower.ts (mongo) import type '@pgsql/types', which only sql, dialects may",
      "package outside its layers: src/dialects/load.ts (dialects) import() of 'mingo', which only engine may",
      'computed import(): src/run/job.ts imports a name the check cannot read; list what it can load in COMPUTED_IMPORTS (src/layers.ts)',
    ]);
  });
});
