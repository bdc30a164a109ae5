import type { Document, MongoCommand } from '../commands/command-ir.js';

/**
 * Limits a MongoDB server enforces on a command that the embedded engine does not:
 * BSON nesting depth (the server refuses objects nested deeper than 200 levels,
 * `maxBSONDepth`; the command wrapper takes 3 of them) and 1,000 stages per pipeline.
 * Deeply nested SQL (500 nested `x + 1`) compiles and runs on the embedded engine,
 * and fails here with a message that says why before anything is sent.
 */
export const MAX_COMMAND_DEPTH = 200;
const WRAPPER_DEPTH = 3; // { aggregate, pipeline: [ { $stage: … } ] }
export const MAX_PIPELINE_STAGES = 1000;

export function commandLimitProblem(cmd: MongoCommand): string | undefined {
  // a loop's aggregates are sent like any other
  if (cmd.kind === 'loop') return [...cmd.init, ...cmd.body, cmd.until, ...(cmd.enough ? [cmd.enough] : [])].map(commandLimitProblem).find((p) => p !== undefined);
  if (cmd.kind === 'aggregate') {
    if (cmd.pipeline.length > MAX_PIPELINE_STAGES) return `the pipeline has ${cmd.pipeline.length} stages; MongoDB accepts at most ${MAX_PIPELINE_STAGES}`;
    const depth = WRAPPER_DEPTH + Math.max(0, ...cmd.pipeline.map((s) => depthOf(s)));
    if (depth > MAX_COMMAND_DEPTH) return tooDeep(depth);
  }
  if (cmd.kind === 'updateMany') {
    const depth = WRAPPER_DEPTH + Math.max(depthOf(cmd.filter), ...cmd.update.map((s) => depthOf(s)));
    if (depth > MAX_COMMAND_DEPTH) return tooDeep(depth);
  }
  return undefined;
}

function tooDeep(depth: number): string {
  return `the command nests ${depth} levels deep; MongoDB refuses commands nested deeper than ${MAX_COMMAND_DEPTH} levels (simplify the most deeply nested expression, e.g. a long chain of nested function calls or operators)`;
}

/** Nesting depth of a value: an object or array counts one level, iteratively (no recursion limit). */
export function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || v instanceof Date || isBsonValue(v)) continue;
    if (d > max) max = d;
    for (const child of Array.isArray(v) ? v : Object.values(v as Document)) stack.push([child, d + 1]);
  }
  return max;
}

function isBsonValue(v: object): boolean {
  return typeof (v as { _bsontype?: unknown })._bsontype === 'string';
}
