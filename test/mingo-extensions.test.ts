/**
 * Operators the embedded engine implements itself (src/engine/mingo-extensions.ts):
 * each must do what MongoDB documents. `$unwind` of a plain top-level path has its
 * own implementation; it is checked against mingo's own `$unwind` where mingo follows
 * MongoDB, and against MongoDB's documented rule where mingo does not.
 */
import { describe, expect, it } from 'vitest';
import { accumulatorOperators, Aggregator, Context, expressionOperators, pipelineOperators, projectionOperators, queryOperators, windowOperators } from '../src/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';

const run = (pipeline: object[], docs: object[]) => new Aggregator(pipeline as never, { context: EMBEDDED_CONTEXT }).run(docs as never);
/** mingo's operators alone, without the embedded engine's replacements */
const MINGO_OWN = Context.init({
  pipeline: pipelineOperators,
  expression: expressionOperators,
  accumulator: accumulatorOperators,
  query: queryOperators,
  projection: projectionOperators,
  window: windowOperators,
} as never);

describe('$unwind', () => {
  const docs = () => [
    { _id: 1, a: [1, 2, { x: 3 }], b: 'keep' },
    { _id: 2, a: [] },
    { _id: 3, a: null },
    { _id: 4 },
    { _id: 5, a: 7, c: [9] },
    { _id: 6, a: [null, [1, 2]] },
  ];

  it("gives what mingo's own $unwind gives where mingo follows MongoDB, for both spellings", () => {
    const mingoOwn = new Aggregator([{ $unwind: '$a' }], { context: MINGO_OWN }).run(docs());
    expect(mingoOwn.length).toBe(6);
    expect(run([{ $unwind: '$a' }], docs())).toStrictEqual(mingoOwn);
    expect(run([{ $unwind: { path: '$a' } }], docs())).toStrictEqual(mingoOwn);
  });

  it('keeps a document whose field is "" or {} (MongoDB: a non-array value other than null is a one-element array)', () => {
    const out = run([{ $unwind: '$a' }], [{ _id: 1, a: '' }, { _id: 2, a: {} }, { _id: 3, a: false }, { _id: 4, a: 0 }]);
    expect(out.map((d) => (d as { _id: number })._id)).toEqual([1, 2, 3, 4]);
    // where mingo's own $unwind departs from MongoDB
    const mingoOwn = new Aggregator([{ $unwind: '$a' }], { context: MINGO_OWN }).run([{ _id: 1, a: '' }, { _id: 2, a: {} }]);
    expect(mingoOwn).toEqual([]);
  });

  it('leaves its input documents untouched and keeps field order', () => {
    const input = docs();
    const before = JSON.stringify(input);
    const out = run([{ $unwind: '$a' }], input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.keys(out[0] as object)).toEqual(['_id', 'a', 'b']);
  });

  it('hands the other forms to mingo (includeArrayIndex, preserveNullAndEmptyArrays, dotted paths)', () => {
    const out = run([{ $unwind: { path: '$a', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true } }], docs());
    expect(out.filter((d) => (d as { _id: number })._id === 2)).toHaveLength(1);
    expect((out[1] as { i: unknown }).i).toBe(1);
    const nested = run([{ $unwind: '$n.a' }], [{ _id: 1, n: { a: [1, 2] } }]);
    expect(nested).toHaveLength(2);
  });
});
