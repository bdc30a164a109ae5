/**
 * Adding a kind must fail to compile until every dispatch handles it, and lowering's
 * output is typed. The first test compiles the real sources with the TypeScript
 * compiler API, with one fake kind added to each of the IR expression, plan node and
 * command unions (in memory, the files on disk are untouched), and expects the
 * compile errors at the dispatch sites. The other assertions are type-level: this file
 * is type-checked with the project (`npm run typecheck`), so each `@ts-expect-error`
 * fails the check if the line below it ever compiles.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { assertNever } from '../src/assert-never.js';
import { SqlEtlError } from '../src/errors.js';
import type { Expr } from '../src/ir/expr.js';
import type { MongoCommand } from '../src/commands/command-ir.js';
import type { Filter, Mql, Stage } from '../src/commands/mql-types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = (path: string) => join(root, 'src', path);

/** Source edits that add one kind to a union: [file, text to find, text with the new kind]. */
const FAKE_KINDS: [string, string, string][] = [
  ['ir/expr.ts', '  | SubqueryExpr;', "  | SubqueryExpr\n  | (Base & { kind: 'fake-expr' });"],
  ['plan/logical-plan.ts', "  | { kind: 'unnest';", "  | { kind: 'fake-node'; input: PlanNode }\n  | { kind: 'unnest';"],
  ['commands/command-ir.ts', "  | (CommandBase & { kind: 'deleteMany';", "  | (CommandBase & { kind: 'fakeCommand'; collection: string })\n  | (CommandBase & { kind: 'deleteMany';"],
];

function compileWithFakeKinds(roots: string[]): readonly ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json not readable');
  const edited = new Map<string, string>();
  for (const [file, find, replace] of FAKE_KINDS) {
    const text = ts.sys.readFile(src(file))!;
    expect(text, `${file} still holds the union member the test extends`).toContain(find);
    edited.set(src(file), text.replace(find, replace));
  }
  const host = ts.createCompilerHost({ ...config.options, noEmit: true });
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => edited.get(resolve(name)) ?? readFile(name);
  const program = ts.createProgram({ rootNames: roots, options: { ...config.options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program);
}

describe('exhaustive dispatch', () => {
  test('a new IR expression, plan node or command kind is a compile error at the dispatch sites', () => {
    const sites = ['mongo/lower-expr.ts', 'mongo/lower-match.ts', 'mongo/lower-plan.ts', 'catalog/nullability.ts', 'plan/trace-column.ts', 'mongo/print-json.ts', 'mongo/print-shell.ts', 'commands/retry-safety.ts', 'run/dry-run-checks.ts'];
    const diagnostics = compileWithFakeKinds(sites.map(src));
    const errors = diagnostics.map((d) => ({
      file: d.file ? relative(src(''), d.file.fileName) : '',
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    const at = (file: string) => errors.filter((e) => e.file === file).map((e) => e.text);
    // each fake kind reaches assertNever, whose parameter is `never`
    const unhandled = (kind: string) => new RegExp(`\\b${kind}\\b.*not assignable to parameter of type 'never'`, 's');
    for (const file of ['ir/expr.ts', 'mongo/lower-expr.ts', 'mongo/lower-match.ts', 'catalog/nullability.ts']) {
      expect(at(file).some((t) => unhandled('fake-expr').test(t)), `${file}: ${JSON.stringify(at(file))}`).toBe(true);
    }
    for (const file of ['mongo/lower-plan.ts', 'plan/trace-column.ts']) {
      expect(at(file).some((t) => unhandled('fake-node').test(t)), `${file}: ${JSON.stringify(at(file))}`).toBe(true);
    }
    for (const file of ['mongo/print-json.ts', 'mongo/print-shell.ts', 'commands/retry-safety.ts', 'run/dry-run-checks.ts']) {
      expect(at(file).some((t) => unhandled('fakeCommand').test(t)), `${file}: ${JSON.stringify(at(file))}`).toBe(true);
    }
  }, 120_000);

  test('assertNever at run time: an internal error naming the kind', () => {
    const stray = { kind: 'stray' } as unknown as never; // a value the types do not describe
    expect(() => assertNever(stray, 'lower')).toThrow(SqlEtlError);
    expect(() => assertNever(stray, 'lower')).toThrow('unhandled kind "stray"');
    try {
      assertNever(stray, 'plan');
    } catch (e) {
      expect((e as SqlEtlError).code).toBe('internal');
      expect((e as SqlEtlError).stage).toBe('plan');
    }
  });
});

describe('typed MQL (type-level: checked by npm run typecheck)', () => {
  test('stages, filters and expressions', () => {
    const stages: Stage[] = [
      { $match: { a: { $gt: 1 }, $expr: { $eq: ['$b', null] } } },
      { $group: { _id: '$a', n: { $sum: 1 } } },
      { $sort: { n: -1 } },
      { $lookup: { from: 'c', localField: 'a', foreignField: 'b', as: 'j' } },
      { $merge: { into: { db: 'd', coll: 't' }, on: '_id', whenMatched: [{ $set: { x: 1 } }], whenNotMatched: 'insert' } },
    ];
    // @ts-expect-error a misspelt stage name is not a Stage
    const misspelt: Stage = { $mtach: {} };
    // @ts-expect-error $sort takes 1 or -1
    const sortedBy: Stage = { $sort: { a: 'asc' } };
    // @ts-expect-error $lookup needs `as`
    const lookup: Stage = { $lookup: { from: 'c', pipeline: [] } };
    // @ts-expect-error $merge's whenNotMatched is insert, discard or fail
    const merge: Stage = { $merge: { into: 't', whenNotMatched: 'upsert' } };
    // @ts-expect-error a function is not a BSON value
    const fn: Mql = { $add: [() => 1, 2] };
    // @ts-expect-error a filter's values are BSON values
    const filter: Filter = { a: Symbol('x') };
    // @ts-expect-error a pipeline is a list of stages
    const command: MongoCommand = { kind: 'aggregate', collection: 'c', pipeline: [{ $limt: 1 }] };
    // @ts-expect-error a new IR kind needs its interface in the Expr union
    const expr: Expr = { kind: 'fake', type: 'int' };
    expect([stages, misspelt, sortedBy, lookup, merge, fn, filter, command, expr]).toHaveLength(9);
  });
});
