/**
 * Which parts of a generated pipeline cost the time (mingo, CLONE_OFF; CPU time, every
 * figure the fastest of k runs, each after a full GC):
 *  - every stage on its own, fed the materialised output of the stages before it;
 *  - every expression the stages evaluate per document — each `$group` key and
 *    accumulator argument (mingo's accumulators evaluate their argument for every
 *    document of the group, then reduce), each computed `$project`/`$set` field —
 *    evaluated with mingo's `evalExpr` over that stage's input, less the same loop
 *    evaluating a constant.
 */
import { Aggregator, ProcessingMode, evalExpr } from '../../dist/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT } from '../../dist/engine/mingo-extensions.js';
import type { Document } from '../../src/commands/command-ir.js';
import { cpuMark, cpuSince, gc, round } from './measure.js';

export interface StageCost {
  index: number;
  op: string;
  ms: number;
  docsOut: number;
}

export interface ExpressionCost {
  stage: number;
  /** `_id` (a group key), an accumulator's field, or a computed field */
  field: string;
  /** the expression, abbreviated */
  expr: string;
  ms: number;
}

export interface StageProfile {
  stages: StageCost[];
  expressions: ExpressionCost[];
}

const agg = (pipeline: Document[], docs: Document[]) =>
  new Aggregator(pipeline, { processingMode: ProcessingMode.CLONE_OFF, scriptEnabled: true, context: EMBEDDED_CONTEXT }).run(docs) as Document[];

/** CPU ms: the fastest of `k` runs, each after a full GC (when node runs with --expose-gc): noise only ever adds time. */
export function timed(pipeline: Document[], docs: Document[], k = 1): { ms: number; out: Document[] } {
  let best = Infinity;
  let out: Document[] = [];
  for (let i = 0; i < k; i++) {
    gc();
    const c = cpuMark();
    out = agg(pipeline, docs);
    best = Math.min(best, cpuSince(c));
  }
  return { ms: best, out };
}

function evalLoop(expr: unknown, docs: Document[], k: number): number {
  const options = { context: EMBEDDED_CONTEXT } as Parameters<typeof evalExpr>[2];
  let best = Infinity;
  for (let i = 0; i < k; i++) {
    gc();
    const c = cpuMark();
    for (const d of docs) evalExpr(d, expr, options);
    best = Math.min(best, cpuSince(c));
  }
  return best;
}

export const abbreviate = (v: unknown, max = 70): string => {
  const s = JSON.stringify(v, (_k, x: unknown) => (x instanceof Date ? x.toISOString() : x)) ?? 'undefined';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

const isExpression = (v: unknown) => (v !== null && typeof v === 'object') || (typeof v === 'string' && v.startsWith('$'));

export function stageProfile(pipeline: Document[], docs: Document[], k = 3): StageProfile {
  const result: StageProfile = { stages: [], expressions: [] };
  let input = docs;
  pipeline.forEach((stage, index) => {
    const op = Object.keys(stage)[0];
    const spec = stage[op] as Record<string, unknown>;
    const perDoc: [string, unknown][] = [];
    if (op === '$group') {
      for (const [field, acc] of Object.entries(spec)) {
        if (field === '_id') perDoc.push([field, acc]);
        else if (acc && typeof acc === 'object') perDoc.push([field, Object.values(acc)[0]]);
      }
    } else if (op === '$project' || op === '$set' || op === '$addFields') {
      for (const [field, v] of Object.entries(spec)) if (isExpression(v)) perDoc.push([field, v]);
    }
    if (perDoc.length && input.length >= 1000) {
      const base = evalLoop({ $literal: 1 }, input, k);
      for (const [field, expr] of perDoc) {
        if (!isExpression(expr)) continue;
        result.expressions.push({ stage: index, field, expr: abbreviate(op === '$group' && field !== '_id' ? spec[field] : expr), ms: round(Math.max(0, evalLoop(expr, input, k) - base), 1) });
      }
    }
    const { ms, out } = timed([stage], input, k);
    result.stages.push({ index, op, ms: round(ms, 1), docsOut: out.length });
    input = out;
  });
  return result;
}
