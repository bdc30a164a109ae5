/** mingo's operators alone, without the embedded engine's replacements: the reference the engine's own operators are checked against. */
import { accumulatorOperators, Context, expressionOperators, pipelineOperators, projectionOperators, queryOperators, windowOperators } from '../../src/engine/mingo-runtime.js';

export const MINGO_OWN = Context.init({
  pipeline: pipelineOperators,
  expression: expressionOperators,
  accumulator: accumulatorOperators,
  query: queryOperators,
  projection: projectionOperators,
  window: windowOperators,
} as never);
