/**
 * The import graph of src/, read with the TypeScript compiler, and the checks of
 * src/layers.ts over it (test/import-boundaries.test.ts). The checks take a plain
 * graph, so the test can also run them on a small made-up one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { reachable, type Layer } from '../../src/layers.js';

export type ImportForm = 'import' | 'import type' | 'export from' | 'import()' | "import('…').T" | 'require';

export interface ImportEdge {
  /** repository-relative path of the importing file */
  from: string;
  /** a repository-relative .ts path for a relative import; the package name for a package */
  to: string;
  external: boolean;
  form: ImportForm;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  /** `import(expr)` with a computed name, by file */
  computed: string[];
  /** relative imports that name no file */
  unresolved: { from: string; specifier: string }[];
}

/** The graph of every .ts file under `dir` (repository-relative, e.g. `src`), from `root`. */
export function buildImportGraph(root: string, dir: string): ImportGraph {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      const p = posix.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(dir);
  files.sort();
  const graph: ImportGraph = { files, edges: [], computed: [], unresolved: [] };
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
    const add = (specifier: string, form: ImportForm) => {
      if (specifier.startsWith('.')) {
        const to = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
        if (existsSync(join(root, to))) graph.edges.push({ from: file, to, external: false, form });
        else graph.unresolved.push({ from: file, specifier });
      } else if (!specifier.startsWith('node:')) {
        graph.edges.push({ from: file, to: packageName(specifier), external: true, form });
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly ? 'import type' : 'import');
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, 'export from');
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        add(node.moduleReference.expression.text, 'require');
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, "import('…').T");
      } else if (ts.isCallExpression(node)) {
        const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const req = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (dynamic || req) {
          const arg = node.arguments[0];
          if (arg && ts.isStringLiteralLike(arg)) add(arg.text, dynamic ? 'import()' : 'require');
          else graph.computed.push(file);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return graph;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export interface Rules {
  layers: readonly Layer[];
  packages: readonly { name: string; layers: readonly string[] }[];
  computedImports: Readonly<Record<string, readonly string[]>>;
}

/** The layer of a file: the longest path in the table that names it. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of layers) {
    for (const p of layer.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && (!best || p.length > best.length)) best = { layer, length: p.length };
    }
  }
  return best?.layer;
}

/** Every broken rule, one line each (empty when the graph keeps them all). */
export function checkBoundaries(graph: ImportGraph, rules: Rules): string[] {
  const problems: string[] = [];
  const layerName = (f: string) => layerOf(f, rules.layers)?.name ?? '?';
  for (const f of graph.files) if (!layerOf(f, rules.layers)) problems.push(`not in any layer of src/layers.ts: ${f}`);
  for (const u of graph.unresolved) problems.push(`unresolved import: ${u.from} imports '${u.specifier}'`);
  for (const cycle of findCycles(graph)) problems.push(`import cycle: ${cycle.join(' → ')}`);
  for (const e of graph.edges) {
    if (e.external) continue;
    const a = layerOf(e.from, rules.layers);
    const b = layerOf(e.to, rules.layers);
    if (!a || !b || reachable(rules.layers, a.name).has(b.name)) continue;
    const may = [...reachable(rules.layers, a.name)].filter((n) => n !== a.name);
    problems.push(`wrong-way import: ${e.from} (${a.name}) ${e.form} ${e.to} (${b.name}): ${a.name} may import ${may.join(', ') || 'nothing else'}`);
  }
  const confined = (file: string, pkg: string, form: string) => {
    const rule = rules.packages.find((p) => p.name === pkg);
    if (rule && !rule.layers.includes(layerName(file))) problems.push(`package outside its layers: ${file} (${layerName(file)}) ${form} '${pkg}', which only ${rule.layers.join(', ')} may`);
  };
  for (const e of graph.edges) if (e.external) confined(e.from, e.to, e.form);
  for (const f of new Set(graph.computed)) {
    const listed = rules.computedImports[f];
    if (!listed) problems.push(`computed import(): ${f} imports a name the check cannot read; list what it can load in COMPUTED_IMPORTS (src/layers.ts)`);
    else for (const pkg of listed) confined(f, pkg, 'import() of');
  }
  return problems;
}

/** One cycle per strongly connected component of the file graph (Tarjan), as the path of files round it. */
export function findCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const f of graph.files) next.set(f, []);
  for (const e of graph.edges) if (!e.external && next.has(e.to)) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || next.get(v)!.includes(v)) components.push(c);
    }
  };
  for (const f of graph.files) if (!index.has(f)) strongConnect(f);
  // a path round each component: the shortest way from its first file back to itself
  return components.map((c) => {
    const inside = new Set(c);
    const start = [...c].sort()[0];
    const from = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of next.get(v)!) {
        if (!inside.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let x = v; x !== start; x = from.get(x)!) path.splice(1, 0, x);
          return [...path, start];
        }
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}
