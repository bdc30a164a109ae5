/**
 * The embedded engine's faster forms of stages (src/engine/): each gives what the
 * slower form gives on the same documents. `$lookupUnwind` (lookup-unwind-fusion.ts)
 * against the `$lookup` + `$unwind` pair it replaces; `$unset` (mingo-unset.ts) and the
 * partitions of `$setWindowFields` (mingo-partition.ts) against mingo's own stages;
 * blocking stages through lazy-release.ts give the documents `transform` gives.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator, Lazy } from '../src/engine/mingo-runtime.js';
import { MINGO_OWN } from './support/mingo-own.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';
import { fuseLookupUnwind, LOOKUP_UNWIND } from '../src/engine/lookup-unwind-fusion.js';
import { partitionDocs } from '../src/engine/mingo-partition.js';
import { releasingTransform } from '../src/engine/lazy-release.js';
import { withField } from '../src/engine/doc-copy.js';
import { prng } from './support/prng.js';

type Doc = Record<string, unknown>;
const foreign: Record<string, Doc[]> = {
  b: [
    { k: 1, v: 'x' },
    { k: 1, v: 'y' },
    { k: null, v: 'n' },
    { v: 'missing' },
    { k: [2, 3], v: 'arr' },
    { k: 4, v: 'z' },
  ],
};
const run = (pipeline: Doc[], docs: Doc[]) =>
  new Aggregator(pipeline as never, { context: EMBEDDED_CONTEXT, collectionResolver: (name: string) => foreign[name] ?? [] } as never).run(docs as never);

describe('$lookup + $unwind as one stage', () => {
  const left = (): Doc[] => [{ _id: 1, a: 1 }, { _id: 2, a: 2 }, { _id: 3, a: null }, { _id: 4 }, { _id: 5, a: 9 }, { _id: 6, a: [1, 4] }, { _id: 7, a: 1, j: 'before' }];
  const cases: [string, Doc][] = [
    ['localField/foreignField', { from: 'b', localField: 'a', foreignField: 'k', as: 'j' }],
    ['with a pipeline', { from: 'b', localField: 'a', foreignField: 'k', pipeline: [{ $match: { v: { $ne: 'y' } } }], as: 'j' }],
    ['with let', { from: 'b', localField: 'a', foreignField: 'k', let: { x: '$_id' }, pipeline: [{ $match: { $expr: { $ne: ['$v', { $cond: [{ $eq: ['$$x', 1] }, 'x', 'none'] }] } } }], as: 'j' }],
    ['with a $limit', { from: 'b', localField: 'a', foreignField: 'k', pipeline: [{ $limit: 1 }], as: 'j' }],
  ];
  for (const [name, lookup] of cases) {
    for (const unwind of ['$j', { path: '$j' }]) {
      it(`${name}, $unwind ${JSON.stringify(unwind)}: the pair's documents, in order`, () => {
        const pair = [{ $lookup: lookup }, { $unwind: unwind }];
        const fused = fuseLookupUnwind(pair);
        expect(fused).toEqual([{ [LOOKUP_UNWIND]: lookup }]);
        const expected = run(pair, left());
        expect(expected.length).toBeGreaterThan(0);
        expect(run(fused, left())).toStrictEqual(expected);
      });
    }
  }

  it('leaves other pairs alone', () => {
    const lookup = { from: 'b', localField: 'a', foreignField: 'k', as: 'j' };
    for (const unwind of ['$k', { path: '$j', preserveNullAndEmptyArrays: true }, { path: '$j', includeArrayIndex: 'i' }, '$j.v']) {
      const p = [{ $lookup: lookup }, { $unwind: unwind }];
      expect(fuseLookupUnwind(p)).toEqual(p);
    }
    const dotted = [{ $lookup: { ...lookup, as: 'j.x' } }, { $unwind: '$j.x' }];
    expect(fuseLookupUnwind(dotted)).toEqual(dotted);
    const uncorrelated = [{ $lookup: { from: 'b', pipeline: [{ $match: {} }], as: 'j' } }, { $unwind: '$j' }];
    expect(fuseLookupUnwind(uncorrelated)).toEqual(uncorrelated);
  });
});

describe('$unset of top-level fields', () => {
  const docs = (): Doc[] => [{ _id: 1, a: 1, b: { c: 2 }, d: undefined, e: null }, { _id: 2 }, { b: 3, 2: 'two', a: [1] }];
  for (const spec of ['a', ['a', 'b'], ['d', 'zz'], ['_id'], ['b.c'], ['a', '2']]) {
    it(`${JSON.stringify(spec)} gives mingo's documents`, () => {
      const own = new Aggregator([{ $unset: spec }] as never, { context: MINGO_OWN }).run(docs() as never);
      const out = new Aggregator([{ $unset: spec }] as never, { context: EMBEDDED_CONTEXT }).run(docs() as never);
      expect(out).toStrictEqual(own);
      expect(out.map((d) => Object.keys(d as Doc))).toEqual(own.map((d) => Object.keys(d as Doc)));
    });
  }
});

describe('partitions of $setWindowFields', () => {
  const docs: Doc[] = [
    { p: 1, q: 'a' },
    { p: 1.0, q: 'a' },
    { p: -0, q: 'a' },
    { p: 0, q: 'a' },
    { p: NaN, q: null },
    { p: NaN },
    { p: null },
    {},
    { p: '1', q: 'a' },
    { p: true, q: 'a' },
  ];
  const keyFns: [string, (d: Doc) => unknown][] = [
    ['a primitive', (d) => d.p],
    ['a document of primitives', (d) => ({ p: d.p, q: d.q })],
    ['field order', (d) => (d.p === 1 ? { q: d.q, p: d.p } : { p: d.p, q: d.q })],
    ['a date (mingo groups)', (d) => ({ p: new Date(d.p === 1 ? 0 : 5) })],
    // one field (sqletl's `{k0: …}`): grouped by field and value, without a string per row
    ['a document of one field', (d) => ({ k0: d.p })],
    ['one field, missing as undefined', (d) => ({ k0: d.q })],
    ['one field of two names', (d) => (d.q === 'a' ? { k0: d.p } : { k1: d.p })],
    ['one field or two', (d) => (d.p === 1 ? { k0: d.p } : { k0: d.p, k1: d.q })],
    ['one field holding a date or a primitive', (d) => ({ k0: d.p === 1 ? new Date(0) : d.p })],
    ['two fields, one of them missing as undefined', (d) => ({ p: d.p, k0: d.q })],
    ['two fields in either order, or one', (d) => (d.q === 'a' ? { k0: d.q, p: d.p } : d.q === null ? { p: d.p, k0: d.q } : { p: d.p })],
    ['three fields', (d) => ({ a: d.p, b: typeof d.p, c: d.q ?? 'none' })],
    ['equal documents with their fields in another order', (d) => (d.p === 1 ? { q: d.q, p: 0 } : { p: 0, q: d.q })],
  ];
  for (const [name, keyOf] of keyFns) {
    it(`${name}: mingo's $group partitions`, () => {
      const own = new Aggregator([{ $group: { _id: '$k', items: { $push: '$$CURRENT' } } }] as never, { context: MINGO_OWN }).run(docs.map((d) => ({ ...d, k: keyOf(d) })) as never);
      const mine = partitionDocs(docs.map((d) => ({ ...d, k: keyOf(d) })), (d) => d.k);
      expect(mine).toStrictEqual(own.map((g) => (g as { items: Doc[] }).items));
    });
  }
});

describe('blocking stages let go of their rows', () => {
  it('gives the documents transform gives, and clears what it handed on', () => {
    const input = [3, 1, 2].map((v) => ({ v }));
    const sorted = (items: Doc[]) => [...items].sort((a, b) => (a.v as number) - (b.v as number));
    const out = releasingTransform(Lazy(input) as never, sorted) as { collect(): Doc[] };
    expect(out.collect()).toEqual(sorted(input));
    expect((Lazy(input).transform((xs) => Lazy(sorted(xs as Doc[]))) as unknown as { collect(): Doc[] }).collect()).toEqual(out.collect());
  });
});

describe('the join stages\' copy of a document with one field set (doc-copy.ts)', () => {
  it('is the spread: same keys, same order, the field replaced in place or added last', () => {
    const docs: Doc[] = [{}, { a: 1, j: 'old', b: [1] }, { b: null, a: undefined }, JSON.parse('{"x":1,"__proto__":{"y":2},"z":3}') as Doc, { 2: 'n', a: 1 }];
    for (const d of docs) {
      for (const f of ['j', 'a', '__proto__', '1']) {
        const got = withField(d, f, { v: 1 });
        const want = { ...d, [f]: { v: 1 } };
        expect(got).toStrictEqual(want);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      }
    }
  });
});

describe('$unwind of a top-level field with preserveNullAndEmptyArrays', () => {
  it("gives mingo's documents, in order", () => {
    const docs = (): Doc[] => [
      { _id: 1, j: [1, 2], z: 0 },
      { _id: 2, j: [], z: 0 },
      { _id: 3, j: null },
      { _id: 4 },
      { _id: 5, j: '' },
      { _id: 6, j: {} },
      { _id: 7, j: [null, [], { a: 1 }] },
      { _id: 8, j: 5, k: [] },
      JSON.parse('{"_id":9,"__proto__":1,"j":[]}') as Doc,
    ];
    const stage = [{ $unwind: { path: '$j', preserveNullAndEmptyArrays: true } }];
    const input = docs();
    const ours = new Aggregator(stage as never, { context: EMBEDDED_CONTEXT } as never).run(input as never);
    expect(ours).toStrictEqual(new Aggregator(stage as never, { context: MINGO_OWN } as never).run(docs() as never));
    expect(ours.map((d) => Object.keys(d as Doc))).toEqual(new Aggregator(stage as never, { context: MINGO_OWN } as never).run(docs() as never).map((d) => Object.keys(d as Doc)));
    // the input is left as it was
    expect(input).toStrictEqual(docs());
  });
});

describe('$sort over keys that are all numbers (mingo-sort.ts, by index over Float64Arrays)', () => {
  const sortBoth = (spec: Record<string, 1 | -1>, docs: Doc[]) => {
    const stage = [{ $sort: spec }];
    const ours = new Aggregator(stage as never, { context: EMBEDDED_CONTEXT } as never).run(docs as never);
    return { ours, mingos: new Aggregator(stage as never, { context: MINGO_OWN } as never).run(docs as never) };
  };
  // ties (equal keys, -0 and 0) keep the input order; infinities; halves; a dotted key
  const numeric = (): Doc[] => [
    { _id: 1, n: 1, v: 2.5, o: { x: 3 } },
    { _id: 2, n: 0, v: -0, o: { x: 1 } },
    { _id: 3, n: 1, v: Number.POSITIVE_INFINITY, o: { x: 2 } },
    { _id: 4, n: 0, v: 0, o: { x: 1 } },
    { _id: 5, n: 1, v: 2.5, o: { x: -1 } },
    { _id: 6, n: 0, v: Number.NEGATIVE_INFINITY, o: { x: 0 } },
    { _id: 7, n: 0, v: -7, o: { x: 1 } },
    { _id: 8, n: 1, v: 2.5, o: { x: 3 } },
  ];
  for (const spec of [{ v: 1 }, { v: -1 }, { n: 1, v: 1 }, { n: -1, v: 1 }, { n: 1, v: -1 }, { 'o.x': 1, v: -1 }, { n: 1 }] as Record<string, 1 | -1>[]) {
    it(`${JSON.stringify(spec)}: mingo's order, ties in input order`, () => {
      const { ours, mingos } = sortBoth(spec, numeric());
      expect(ours.map((d) => (d as Doc)._id)).toEqual(mingos.map((d) => (d as Doc)._id));
      expect(ours).toStrictEqual(mingos);
    });
  }
  it('2,000 documents with many ties: mingo\'s order', () => {
    const r = prng(7);
    const docs = Array.from({ length: 2000 }, (_, i) => ({ _id: i, a: Math.floor(r() * 3), b: Math.floor(r() * 50) / 2 - 10 }));
    for (const spec of [{ a: 1, b: 1 }, { b: -1, a: 1 }, { b: 1 }] as Record<string, 1 | -1>[]) {
      const { ours, mingos } = sortBoth(spec, docs);
      expect(ours.map((d) => (d as Doc)._id)).toEqual(mingos.map((d) => (d as Doc)._id));
    }
  });
  it('a key that is missing, null, NaN or not a number somewhere: the general order (null, then NaN, then numbers, then strings)', () => {
    const docs: Doc[] = [{ _id: 1, v: 2 }, { _id: 2, v: Number.NaN }, { _id: 3, v: null }, { _id: 4, v: 'a' }, { _id: 5 }, { _id: 6, v: -1 }, { _id: 7, v: Number.NaN }];
    const ours = new Aggregator([{ $sort: { v: 1 } }] as never, { context: EMBEDDED_CONTEXT } as never).run(docs as never);
    expect(ours.map((d) => (d as Doc)._id)).toEqual([3, 5, 2, 7, 6, 1, 4]);
    const down = new Aggregator([{ $sort: { v: -1 } }] as never, { context: EMBEDDED_CONTEXT } as never).run(docs as never);
    expect(down.map((d) => (d as Doc)._id)).toEqual([4, 1, 6, 2, 7, 3, 5]);
  });
});
