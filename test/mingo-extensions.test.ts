/**
 * Operators the embedded engine implements itself (src/engine/mingo-extensions.ts):
 * each must do what MongoDB documents. `$unwind` of a plain top-level path has its
 * own implementation; it is checked against mingo's own `$unwind` where mingo follows
 * MongoDB, and against MongoDB's documented rule where mingo does not.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../src/engine/mingo-runtime.js';
import { MINGO_OWN } from './support/mingo-own.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';

const run = (pipeline: object[], docs: object[]) => new Aggregator(pipeline as never, { context: EMBEDDED_CONTEXT }).run(docs as never);

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

describe('$setWindowFields range windows with a calendar unit', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const docs = () => [
    { _id: 1, p: 'a', t: d('2023-01-22'), v: 1 },
    { _id: 2, p: 'a', t: d('2024-01-05'), v: 10 },
    { _id: 3, p: 'a', t: d('2024-02-29'), v: 100 },
    { _id: 4, p: 'a', t: d('2024-03-31'), v: 1000 },
    { _id: 5, p: 'b', t: d('2025-01-02'), v: 10000 },
  ];
  const sums = (window: object, partitionBy?: string) =>
    run([{ $setWindowFields: { ...(partitionBy ? { partitionBy } : {}), sortBy: { t: 1 }, output: { s: { $sum: '$v', window } } } }, { $sort: { _id: 1 } }], docs()).map((x) => (x as { s: number }).s);

  it('moves a bound by 12 months from a January date a whole year (mingo: not at all)', () => {
    // 2024-01-05 - 12 months = 2023-01-05, so the 2023-01-22 document is inside
    expect(sums({ range: [-12, 0], unit: 'month' })).toEqual([1, 11, 110, 1110, 11110]);
  });

  it("clamps to the month's last day as $dateAdd does (2024-03-31 minus one month is 2024-02-29; mingo: March 2nd)", () => {
    expect(sums({ range: [-1, 0], unit: 'month' }, '$p')).toEqual([1, 10, 100, 1100, 10000]);
    // 2024-02-29 minus one year is 2023-02-28 (mingo: 2023-03-01)
    expect(sums({ range: [-1, 'current'], unit: 'year' }, '$p')).toEqual([1, 11, 110, 1110, 10000]);
  });

  it('leaves windows without a calendar unit to mingo, with the same documents out', () => {
    const mine = run([{ $setWindowFields: { sortBy: { t: 1 }, output: { s: { $sum: '$v', window: { range: [-40, 0], unit: 'day' } } } } }], docs());
    const mingoOwn = new Aggregator([{ $setWindowFields: { sortBy: { t: 1 }, output: { s: { $sum: '$v', window: { range: [-40, 0], unit: 'day' } } } } }], { context: MINGO_OWN }).run(docs());
    expect(mine).toStrictEqual(mingoOwn);
  });
});

describe('$round (src/engine/mongo-round.ts)', () => {
  // MongoDB reads a double as its exact value (a 34-digit Decimal128) and rounds half to even
  const cases: [number | null, number, number | null][] = [
    [2.675, 2, 2.67], [0.125, 2, 0.12], [0.375, 2, 0.38], [0.0151, 2, 0.02], [1.005, 2, 1], [0.045, 2, 0.04],
    [8.049999999999999, 2, 8.05], [0.30000000000000004, 2, 0.3], [-2.675, 2, -2.67], [1234.5678, 2, 1234.57],
    [2.5, 0, 2], [3.5, 0, 4], [-2.5, 0, -2], [3.4999999999999996, 0, 3], [123456789.12345679, 4, 123456789.1235], [null, 2, null],
  ];
  for (const compiled of [false, true]) {
    it(`rounds doubles as MongoDB does (${compiled ? 'compiled in $addFields' : 'interpreted in $project'})`, () => {
      const docs = cases.map(([x, p], i) => ({ _id: i, x, p }));
      const stage = compiled ? { $addFields: { r0: { $round: ['$x', 0] }, r2: { $round: ['$x', 2] }, r4: { $round: ['$x', 4] } } } : { $project: { r0: { $round: ['$x', 0] }, r2: { $round: ['$x', 2] }, r4: { $round: ['$x', 4] } } };
      const out = run([stage], docs) as { _id: number; r0: number; r2: number; r4: number }[];
      for (const [i, [x, p, want]] of cases.entries()) {
        const got = p === 0 ? out[i].r0 : p === 2 ? out[i].r2 : out[i].r4;
        expect([x, p, got]).toEqual([x, p, want]);
      }
    });
  }

  it("mingo's own $round departs from MongoDB (0.0151 → 0.01), which is why the engine has its own", () => {
    const own = new Aggregator([{ $project: { r: { $round: ['$x', 2] } } }], { context: MINGO_OWN }).run([{ x: 0.0151 }] as never) as { r: number }[];
    expect(own[0].r).toBe(0.01);
  });
});
