import type { Document, MongoCommand } from '../commands/command-ir.js';
import { walkKeys } from './walk-keys.js';

/**
 * Rules MongoDB (7.0+) enforces on a pipeline that mingo does not. sqletl's own
 * lowering must never break them: the embedded engine runs what MongoDB would get,
 * so a pipeline mingo accepts and the server refuses is a compiler bug that the
 * tests on mingo alone would not see. Every command is checked before it runs, on
 * both engines, and every golden pipeline in the tests.
 *
 * Each rule names MongoDB's documented restriction (and the server's error code
 * where it has one); DocumentDB enforces the same ones.
 */
export interface RuleViolation {
  /** the stage or operator the rule is about, e.g. `$setWindowFields.$documentNumber` */
  operator: string;
  message: string;
}

/** Window operators that take a `sortBy` with exactly one field (server error 5371602). */
const ONE_SORT_FIELD = new Set(['$rank', '$denseRank', '$documentNumber']);
/** Window operators that need a `sortBy` at all (their result depends on the order). */
const NEEDS_SORT = new Set([...ONE_SORT_FIELD, '$shift', '$derivative', '$integral', '$expMovingAvg', '$linearFill', '$locf']);
/** Accumulators that MongoDB 7.0 accepts only with `method: 'approximate'`. */
const APPROXIMATE_ONLY = new Set(['$percentile', '$median']);

export function serverRuleViolations(cmd: MongoCommand): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (cmd.kind === 'aggregate' || cmd.kind === 'createView') checkPipeline(cmd.pipeline, out);
  if (cmd.kind === 'updateMany') checkPipeline(cmd.update, out);
  // a loop's aggregates are sent like any other
  if (cmd.kind === 'loop') for (const c of [...cmd.init, ...cmd.body, cmd.until, ...(cmd.enough ? [cmd.enough] : [])]) out.push(...serverRuleViolations(c));
  return out;
}

function checkPipeline(pipeline: Document[], out: RuleViolation[]): void {
  for (const stage of pipeline) {
    const [op, spec] = Object.entries(stage)[0] ?? [];
    if (op === '$setWindowFields') checkWindowStage(spec as Document, out);
    // sub-pipelines run under the same rules
    if ((op === '$lookup' || op === '$unionWith') && spec && typeof spec === 'object' && Array.isArray((spec as Document).pipeline)) {
      checkPipeline((spec as Document).pipeline as Document[], out);
    }
    if (op === '$facet') for (const p of Object.values(spec as Document)) checkPipeline(p as Document[], out);
    walkExpressions(spec, out);
  }
}

function checkWindowStage(spec: Document, out: RuleViolation[]): void {
  const sortFields = spec.sortBy ? Object.entries(spec.sortBy as Record<string, number>) : [];
  for (const [field, output] of Object.entries((spec.output ?? {}) as Record<string, Document>)) {
    const op = Object.keys(output).find((k) => k.startsWith('$'));
    if (!op) continue;
    const where = `$setWindowFields.${op}`;
    if (ONE_SORT_FIELD.has(op) && sortFields.length !== 1) {
      out.push({ operator: where, message: `${op} (output "${field}") needs a sortBy with exactly one field, it has ${sortFields.length} (MongoDB error 5371602)` });
    } else if (NEEDS_SORT.has(op) && sortFields.length === 0) {
      out.push({ operator: where, message: `${op} (output "${field}") needs a sortBy` });
    }
    const window = output.window as { documents?: unknown[]; range?: unknown[] } | undefined;
    if (window?.range) {
      if (sortFields.length !== 1 || sortFields[0][1] !== 1) {
        out.push({ operator: where, message: `a range window (output "${field}") needs a sortBy with exactly one ascending field` });
      }
    } else if (window?.documents && !(window.documents[0] === 'unbounded' && window.documents[1] === 'unbounded') && sortFields.length === 0) {
      out.push({ operator: where, message: `a bounded documents window (output "${field}") needs a sortBy` });
    }
  }
}

/** Operator rules inside expressions and accumulators, anywhere in a stage. */
function walkExpressions(root: unknown, out: RuleViolation[]): void {
  walkKeys(root, (k, x) => {
    if (APPROXIMATE_ONLY.has(k) && (x as Document | null)?.method !== 'approximate') {
      out.push({ operator: k, message: `${k} needs method: 'approximate' (the only method MongoDB 7.0 accepts)` });
    }
  });
}
