/**
 * The embedded engine's `$setWindowFields` (src/engine/mingo-window.ts) computes
 * windows incrementally where mingo's calls the accumulator on every row's whole
 * window. Its results must be mingo's, for every window shape and operator sqletl
 * emits and a few it does not: checked here on random partitions with ties, NULLs,
 * missing fields and non-numbers, against mingo's own stage.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../src/engine/mingo-runtime.js';
import { MINGO_OWN } from './support/mingo-own.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';
import { prng } from './support/prng.js';

const ours = (pipeline: object[], docs: object[]) => new Aggregator(pipeline as never, { context: EMBEDDED_CONTEXT }).run(structuredClone(docs) as never);
const mingos = (pipeline: object[], docs: object[]) => new Aggregator(pipeline as never, { context: MINGO_OWN }).run(structuredClone(docs) as never);

function documents(seed: number, n: number): object[] {
  const r = prng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const d: Record<string, unknown> = { _id: i, v: Math.floor(r() * 12), t: new Date(Date.UTC(2024, 0, 1 + Math.floor(r() * 40))) };
    const g = pick([0, 1, 2, null, undefined]);
    if (g !== undefined) d.g = g;
    // halves and integers: every order of addition gives the same sum
    const x = pick([1, 2.5, -3, 7, 0, null, undefined, 'text', 10.5]);
    if (x !== undefined) d.x = x;
    return d;
  });
}

const OPERATORS: Record<string, object> = {
  sum: { $sum: '$x' },
  one: { $sum: 1 },
  count: { $count: {} },
  avg: { $avg: '$x' },
  min: { $min: '$x' },
  max: { $max: '$x' },
  first: { $first: '$x' },
  last: { $last: '$x' },
  push: { $push: '$x' },
  sd: { $stdDevPop: '$x' },
  // an expression as the argument (compiled by the engine, interpreted by mingo)
  sumExpr: { $sum: { $cond: [{ $eq: ['$g', 1] }, '$x', '$v'] } },
  avgExpr: { $avg: { $cond: [{ $eq: ['$g', 1] }, '$x', '$v'] } },
  maxExpr: { $max: { $cond: [{ $eq: ['$g', 2] }, '$x', '$v'] } },
};
const DOCUMENT_WINDOWS: [unknown, unknown][] = [
  ['unbounded', 'unbounded'],
  ['unbounded', 'current'],
  ['unbounded', 2],
  ['current', 'unbounded'],
  [1, 'unbounded'],
  [-2, 'unbounded'],
  [-2, 'current'],
  [-1, 1],
  [-3, -1],
  ['current', 'current'],
];

describe('$setWindowFields: the same results as mingo', () => {
  for (const seed of [1, 2, 3]) {
    const docs = documents(seed, 60);
    for (const [lo, hi] of DOCUMENT_WINDOWS) {
      it(`documents [${lo}, ${hi}], seed ${seed}`, () => {
        const output = Object.fromEntries(Object.entries(OPERATORS).map(([f, op]) => [f, { ...op, window: { documents: [lo, hi] } }]));
        const pipeline = [{ $setWindowFields: { partitionBy: '$g', sortBy: { v: 1, _id: -1 }, output } }];
        const expected = mingos(pipeline, docs);
        expect(expected).toHaveLength(60);
        expect(ours(pipeline, docs)).toStrictEqual(expected);
      });
    }
    for (const [lo, hi] of [['unbounded', 0], [-3, 0], [0, 2], [-2, 2], ['current', 3], [-4, 'current'], [1, 'unbounded']] as [unknown, unknown][]) {
      it(`range [${lo}, ${hi}] over a numeric key, seed ${seed}`, () => {
        const output = Object.fromEntries(Object.entries(OPERATORS).map(([f, op]) => [f, { ...op, window: { range: [lo, hi] } }]));
        const pipeline = [{ $setWindowFields: { partitionBy: '$g', sortBy: { v: 1 }, output } }];
        expect(ours(pipeline, docs)).toStrictEqual(mingos(pipeline, docs));
      });
    }
    it(`range [-7, 0] days over a date key, seed ${seed}`, () => {
      const pipeline = [{ $setWindowFields: { sortBy: { t: 1 }, output: { s: { $sum: '$x', window: { range: [-7, 0], unit: 'day' } }, c: { $count: {}, window: { range: [-1, 1], unit: 'week' } } } } }];
      expect(ours(pipeline, docs)).toStrictEqual(mingos(pipeline, docs));
    });
    it(`window operators ($shift) and no window at all, seed ${seed}`, () => {
      const pipeline = [
        { $setWindowFields: { partitionBy: { a: '$g' }, sortBy: { v: -1, _id: 1 }, output: { prev: { $shift: { output: '$x', by: -1, default: 'none' } }, all: { $sum: '$x' }, n: { $count: {} } } } },
      ];
      expect(ours(pipeline, docs)).toStrictEqual(mingos(pipeline, docs));
    });
  }

  it('[unbounded, -2]: a partition\'s first two rows have an empty window (mingo takes all rows but the last there)', () => {
    const docs = documents(4, 40);
    const output = Object.fromEntries(Object.entries(OPERATORS).map(([f, op]) => [f, { ...op, window: { documents: ['unbounded', -2] } }]));
    const pipeline = [{ $setWindowFields: { partitionBy: '$g', sortBy: { v: 1, _id: -1 }, output } }];
    const running = [{ $setWindowFields: { partitionBy: '$g', sortBy: { v: 1, _id: -1 }, output: { rank: { $sum: 1, window: { documents: ['unbounded', 'current'] } } } } }];
    const rank = new Map((ours(running, docs) as { _id: number; rank: number }[]).map((d) => [d._id, d.rank]));
    const expected = mingos(pipeline, docs) as Record<string, unknown>[];
    const got = ours(pipeline, docs) as Record<string, unknown>[];
    expect(got).toHaveLength(40);
    got.forEach((row, i) => {
      // mingo's slice(0, index - 1) is right from a partition's third row on
      if (rank.get(row._id as number)! > 2) expect(row).toStrictEqual(expected[i]);
      else expect(row).toMatchObject({ count: 0, one: 0, sum: 0, avg: null, min: null, max: null, push: [] });
    });
  });

  it('a whole partition\'s $sum/$avg of an expression is the engine\'s accumulator over the partition: NaN counts, non-numbers do not', () => {
    const docs = [
      { _id: 1, g: 1, x: 2 },
      { _id: 2, g: 1, x: Number.NaN },
      { _id: 3, g: 1, x: 'text' },
      { _id: 4, g: 2, x: 1.5 },
      { _id: 5, g: 2, x: null },
      { _id: 6, g: 2 },
      { _id: 7, g: 3, x: 'only text' },
      { _id: 8, x: 4 },
    ];
    const arg = { $cond: [{ $eq: ['$x', 'never'] }, 0, '$x'] };
    const pipeline = [{ $setWindowFields: { partitionBy: '$g', output: { s: { $sum: arg }, a: { $avg: arg } } } }];
    const got = ours(pipeline, docs) as Record<string, unknown>[];
    const accumulator = (name: string) => EMBEDDED_CONTEXT.getOperator('accumulator' as never, name) as unknown as (coll: object[], expr: unknown, options: object) => unknown;
    for (const row of got) {
      const partition = docs.filter((d) => (d as { g?: number }).g === row.g);
      expect(row.s).toStrictEqual(accumulator('$sum')(partition, arg, { context: EMBEDDED_CONTEXT }));
      expect(row.a).toStrictEqual(accumulator('$avg')(partition, arg, { context: EMBEDDED_CONTEXT }));
    }
    const byId = Object.fromEntries(got.map((r) => [r._id, r]));
    expect(byId[1]).toMatchObject({ s: Number.NaN, a: Number.NaN });
    expect(byId[4]).toMatchObject({ s: 1.5, a: 1.5 });
    expect(byId[7]).toMatchObject({ s: 0, a: null });
    expect(byId[8]).toMatchObject({ s: 4, a: 4 });
  });

  it('a range window over keys that are not all numbers takes the rows mingo takes', () => {
    const docs = [{ _id: 1, v: 1, x: 1 }, { _id: 2, v: null, x: 2 }, { _id: 3, v: 3, x: 4 }, { _id: 4, x: 8 }, { _id: 5, v: 4, x: 16 }];
    const pipeline = [{ $setWindowFields: { sortBy: { v: 1 }, output: { s: { $sum: '$x', window: { range: [-2, 0] } } } } }];
    expect(ours(pipeline, docs)).toStrictEqual(mingos(pipeline, docs));
  });

  it('an empty output value removes the field; dotted output fields are mingo\'s', () => {
    const docs = [{ _id: 1, v: 1 }, { _id: 2, v: 2 }];
    const pipeline = [{ $setWindowFields: { sortBy: { v: 1 }, output: { 'a.b': { $sum: '$v', window: { documents: ['unbounded', 'current'] } }, f: { $first: '$nothing' } } } }];
    expect(ours(pipeline, docs)).toStrictEqual(mingos(pipeline, docs));
  });

  it('refuses what mingo refuses (bounded window without sortBy)', () => {
    const pipeline = [{ $setWindowFields: { output: { s: { $sum: '$x', window: { documents: ['unbounded', 'current'] } } } } }];
    expect(() => ours(pipeline, [{ x: 1 }])).toThrow(/sortBy' is required/);
  });

  it('completes a running count over one partition of 200,000 rows and 100,000 partitions of 2', () => {
    const big = Array.from({ length: 200_000 }, (_, i) => ({ _id: i, v: (i * 7919) % 100_003, g: i >> 1 }));
    const out = ours([{ $setWindowFields: { sortBy: { v: 1, _id: 1 }, output: { n: { $sum: 1, window: { documents: ['unbounded', 'current'] } }, c: { $count: {} } } } }], big) as { n: number; c: number }[];
    expect(out.at(-1)).toMatchObject({ n: 200_000, c: 200_000 });
    const many = ours([{ $setWindowFields: { partitionBy: '$g', sortBy: { v: 1 }, output: { n: { $sum: 1, window: { documents: ['unbounded', 'current'] } } } } }], big);
    expect(many).toHaveLength(200_000);
    // (mingo's own stage needs minutes for the first and overflows the stack on the second)
  });
});
