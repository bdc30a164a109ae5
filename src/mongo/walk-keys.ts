import type { Document } from '../commands/command-ir.js';

/**
 * Every key of a command's documents with its value, depth first, iteratively (a
 * deeply nested expression does not exhaust the stack). `$literal` values are data,
 * never operators, and are not entered; BSON values and dates are leaves. `visit`
 * returning true stops the walk. Shared by the checks that look for operators in
 * what the lowering emitted (server-rules.ts, locate-operator.ts).
 */
export function walkKeys(root: unknown, visit: (key: string, value: unknown) => boolean | void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || v instanceof Date || typeof (v as { _bsontype?: unknown })._bsontype === 'string') continue;
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    for (const [k, x] of Object.entries(v as Document)) {
      if (visit(k, x) === true) return;
      if (k !== '$literal') stack.push(x);
    }
  }
}
