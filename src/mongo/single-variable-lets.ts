import type { Document, MongoCommand } from './commands.js';

/**
 * The last lowering pass: every `$let` binds one variable, nesting where the lowering
 * bound several (`{$let: {vars: {a: A, b: B}, in: E}}` → `{$let: {vars: {a: A}, in:
 * {$let: {vars: {b: B}, in: E}}}}`). The same expression on MongoDB; DocumentDB
 * (the engine of Azure Cosmos DB vCore and FerretDB 2) crashes its backend on any
 * `$let` with two or more variables (measured: two field paths, a field and a
 * constant, two constants), and handles nested single ones.
 *
 * Nesting changes the scope of a later variable's expression: B now sees `a`. So a
 * `$let` whose later expressions read one of its own names (an outer variable of that
 * name) is left as it is.
 */
export function singleVariableLets(cmd: MongoCommand): MongoCommand {
  switch (cmd.kind) {
    case 'aggregate':
    case 'createView':
      return { ...cmd, pipeline: cmd.pipeline.map((s) => rewrite(s) as Document) };
    case 'updateMany':
      return { ...cmd, update: cmd.update.map((s) => rewrite(s) as Document) };
    default:
      return cmd;
  }
}

function rewrite(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date || typeof (v as { _bsontype?: unknown })._bsontype === 'string') return v;
  if (Array.isArray(v)) return v.map(rewrite);
  const entries = Object.entries(v as Document);
  if (entries.length === 1 && entries[0][0] === '$literal') return v; // data, never an expression
  if (entries.length === 1 && entries[0][0] === '$let') {
    const spec = entries[0][1] as { vars?: Document; in?: unknown };
    if (spec && typeof spec === 'object' && spec.vars && Object.keys(spec.vars).length > 1) return nest(spec.vars, spec.in);
  }
  return Object.fromEntries(entries.map(([k, x]) => [k, rewrite(x)]));
}

function nest(vars: Document, body: unknown): unknown {
  const names = Object.keys(vars);
  const reads = (x: unknown, name: string) => JSON.stringify(x ?? null).includes(`"$$${name}`);
  // a later expression reading one of these names reads an outer variable: keep one $let
  const clash = names.some((_, i) => names.slice(i + 1).some((later) => names.slice(0, i + 1).some((n) => reads(vars[later], n))));
  if (clash) return { $let: { vars: Object.fromEntries(names.map((n) => [n, rewrite(vars[n])])), in: rewrite(body) } };
  let out = rewrite(body);
  for (const n of [...names].reverse()) out = { $let: { vars: { [n]: rewrite(vars[n]) }, in: out } };
  return out;
}
