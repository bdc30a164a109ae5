/**
 * The embedded engine's compiled expressions (src/engine/mingo-compiled.ts) give what
 * mingo's interpreter gives with the same operator set (EMBEDDED_CONTEXT), value for
 * value: `$not`, `$regexMatch`, `$in`, the engine's `$substrCP`, ordered comparisons of
 * strings and dates; and the keyed `$lookup` whose `let` filters run compiled
 * (mingo-extensions.ts) gives what its general path (a sub-pipeline run per row) gives.
 * Inputs with NULLs, missing fields, duplicates, empty strings and values of other types.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator, Context, evalExpr, pipelineOperators, ProcessingMode } from '../src/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT, EMBEDDED_OPERATORS } from '../src/engine/mingo-extensions.js';
import { compileExpr } from '../src/engine/mingo-compiled.js';
import { fieldReader } from '../src/engine/field-path.js';
import { MINGO_OWN } from './support/mingo-own.js';
import { resolve } from '../src/engine/mingo-runtime.js';

type Doc = Record<string, unknown>;
const d1 = new Date('1994-01-01T00:00:00Z');
const d2 = new Date('1995-01-01T00:00:00Z');
const docs: Doc[] = [
  { s: 'special big requests', t: 'b', n: 1, a: d1, b: d2, arr: ['x', 1] },
  { s: 'SPECIAL requests', t: 'a', n: 2, a: d2, b: d1, arr: [] },
  { s: 'special\nrequests', t: '', n: 0, a: d1, b: d1, arr: null },
  { s: '', t: 'ab', n: null, a: null, b: d1 },
  { s: null, t: null, n: '2', a: 'x', b: 3 },
  { t: 'é😀x', n: [1], a: new Date(Number.NaN), b: new Date(Number.NaN) },
  { s: 13, t: '13-555', n: true, a: d1 },
  { o: { x: 1, 'a.b': 2 }, arr: [{ x: 'first' }, { x: null }, {}], n: -1 },
  { o: 5, arr: [1, 2, 3], n: 1.5 },
  { o: d1, arr: [[1]], n: -4 },
  { o: [{ x: 1 }], arr: 'not an array', n: 0 },
  { o: null, arr: [undefined, 2], n: 3 },
  { n: Number.NaN, arr: [Number.NaN, 1, null], t: 'nan' },
  { n: -0, arr: [d2, d1], o: [3, '3'] },
  { n: Number.POSITIVE_INFINITY, arr: [true, 'a', 2], o: {} },
];
const exprs: unknown[] = [
  { $not: [{ $regexMatch: { input: '$s', regex: 'special.*requests', options: 's' } }] },
  { $not: { $regexMatch: { input: '$s', regex: 'special.*requests' } } },
  { $regexMatch: { input: '$s', regex: '^special', options: 'i' } },
  { $regexMatch: { input: '$s', regex: 'requests$', options: 'm' } },
  { $regexMatch: { input: '$s', regex: '', options: '' } },
  { $not: ['$n'] },
  { $not: '$t' },
  { $not: [{ $eq: ['$n', null] }] },
  { $in: ['$t', ['a', 'b', '']] },
  { $in: ['$n', [1, '2', null, [1]]] },
  { $in: [{ $substrCP: ['$t', 0, 2] }, ['13', 'ab', 'é😀', '']] },
  { $substrCP: ['$t', 0, 2] },
  { $substrCP: ['$t', 1, -1] },
  { $substrCP: [{ $ifNull: ['$t', ''] }, 1, 5] },
  { $gt: ['$a', '$b'] },
  { $lt: ['$a', '$b'] },
  { $gte: ['$t', '$s'] },
  { $lte: ['$t', 'ab'] },
  { $gt: ['$s', '$t'] },
  { $lt: ['$a', d2] },
  { $gte: ['$b', '$a'] },
  { $arrayElemAt: ['$arr', 0] },
  { $arrayElemAt: ['$arr', -1] },
  { $arrayElemAt: ['$arr', 5] },
  { $arrayElemAt: ['$arr', -5] },
  { $arrayElemAt: ['$arr', '$n'] },
  { $arrayElemAt: [[10, 20, 30], '$n'] },
  { $getField: { field: 'x', input: '$o' } },
  { $getField: { field: { $literal: 'a.b' }, input: '$o' } },
  { $getField: { input: { $arrayElemAt: ['$arr', 0] }, field: { $literal: 'x' } } },
  { $ifNull: [{ $getField: { field: { $literal: 'x' }, input: { $arrayElemAt: ['$arr', 1] } } }, 'none'] },
  // $size: null for null/missing, an error for a string, a number or a document
  { $size: '$arr' },
  { $size: { $ifNull: ['$arr', []] } },
  { $size: ['$arr'] },
  { $size: '$o' },
  { $gt: [{ $size: { $ifNull: ['$arr', []] } }, 0] },
  // $floor/$ceil: NaN, -0 and infinities stay; strings, booleans and arrays are errors
  { $floor: '$n' },
  { $ceil: '$n' },
  { $floor: { $multiply: [0.25, { $subtract: [{ $ifNull: ['$n', 0] }, 1] }] } },
  { $ceil: { $ifNull: ['$n', 2.5] } },
  { $ceil: '$t' },
  // the engine's $max/$min expressions: NULLs skipped, an array operand taken element by element, mixed types in BSON order
  { $max: ['$n', 1] },
  { $min: ['$n', 1] },
  { $max: '$arr' },
  { $min: ['$arr'] },
  { $max: ['$arr', '$o'] },
  { $min: [null, '$nothing'] },
  { $max: [1, { $ceil: { $multiply: [0.75, { $ifNull: ['$n', 0] }] } }] },
  // arithmetic of two operands (the form without an array per call) and of three: NULLs,
  // NaN, -0 (mingo adds from 0), infinities, dates, strings, booleans, arrays, division by zero
  { $add: ['$n', 1] },
  { $add: ['$n', '$n'] },
  { $add: [-0, '$n'] },
  { $add: ['$n', -0] },
  { $add: ['$a', 86400000] },
  { $add: ['$n', '$t'] },
  { $add: ['$t', null] },
  { $add: [null, '$t'] },
  { $add: ['$n', 1, 2] },
  { $multiply: ['$n', 2] },
  { $multiply: ['$n', -0] },
  { $multiply: ['$n', '$s'] },
  { $multiply: ['$n', '$n', 0.5] },
  { $multiply: [{ $subtract: [1, '$n'] }, { $add: [1, '$n'] }] },
  { $subtract: ['$n', 1] },
  { $subtract: ['$a', '$b'] },
  { $subtract: ['$a', 1000] },
  { $subtract: ['$n', '$t'] },
  { $divide: ['$n', 2] },
  { $divide: [1, '$n'] },
  { $divide: ['$n', '$nothing'] },
  { $divide: ['$t', 2] },
];

const options = () => ({ context: EMBEDDED_CONTEXT, useStrictMode: true, failOnError: true, processingMode: ProcessingMode.CLONE_OFF } as never);
/** a value or the error's message */
const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};

describe('compiled expressions against mingo interpreting them', () => {
  for (const e of exprs) {
    it(JSON.stringify(e), () => {
      const f = compileExpr(e, options());
      for (const doc of docs) {
        expect(outcome(() => f(doc, options())), JSON.stringify(doc)).toStrictEqual(outcome(() => evalExpr(doc, e, options())));
      }
    });
  }
  it('an $in whose list is not an array is mingo\'s error', () => {
    const e = { $in: ['$t', '$t'] };
    const f = compileExpr(e, options());
    expect(outcome(() => f(docs[0], options()))).toStrictEqual(outcome(() => evalExpr(docs[0], e, options())));
  });
});

describe('field paths of $lookup keys', () => {
  const objs: unknown[] = [{ a: { b: 1 } }, { a: { b: null } }, { a: null }, {}, { a: [{ b: 1 }, { b: 2 }, {}] }, { a: { b: [3, 4] } }, { a: d1 }, { a: 5 }, { a: { b: { c: 2 } } }];
  for (const path of ['a', 'a.b', 'a.b.c', 'a.0', 'a.constructor']) {
    it(path, () => {
      const read = fieldReader(path);
      for (const o of objs) expect(read(o), JSON.stringify(o)).toStrictEqual(resolve(o as Doc, path));
    });
  }
});

describe('keyed $lookup with let: compiled filters against the per-row sub-pipeline', () => {
  const foreign: Doc[] = [
    { k: 1, nat: 1, v: 'x' },
    { k: 1, nat: 2, v: 'y' },
    { k: 1, nat: 1, v: 'x' },
    { k: null, nat: 1, v: 'n' },
    { nat: null, v: 'missing' },
    { k: 2, v: 'no nat' },
    { k: [2, 3], nat: 3, v: 'arr' },
    { k: 4, nat: '1', v: 'string nat' },
  ];
  const left: Doc[] = [
    { _id: 1, j: { key: 1 }, nat: 1 },
    { _id: 2, j: { key: 1 }, nat: 2 },
    { _id: 3, j: { key: 1 } },
    { _id: 4, j: { key: null }, nat: 1 },
    { _id: 5, j: {}, nat: null },
    { _id: 6, j: { key: 2 }, nat: 3 },
    { _id: 7, j: { key: [1, 4] }, nat: '1' },
    { _id: 8, j: [{ key: 1 }, { key: 2 }], nat: 1 },
    { _id: 9, j: null, nat: 1 },
  ];
  const lookup = {
    from: 'f',
    localField: 'j.key',
    foreignField: 'k',
    let: { l0: '$nat' },
    pipeline: [
      { $match: { k: { $ne: 'zz' } } },
      { $match: { $expr: { $and: [{ $ne: [{ $ifNull: ['$$l0', null] }, null] }, { $ne: [{ $ifNull: ['$nat', null] }, null] }, { $eq: ['$$l0', '$nat'] }] } } },
    ],
    as: 'out',
  };
  const run = (pipeline: Doc[], mode: ProcessingMode) =>
    new Aggregator(pipeline as never, { context: EMBEDDED_CONTEXT, processingMode: mode, collectionResolver: () => foreign } as never).run(structuredClone(left) as never);
  for (const stages of [[{ $lookup: lookup }], [{ $lookup: lookup }, { $unwind: '$out' }]]) {
    it(stages.map((s) => Object.keys(s)[0]).join(' '), () => {
      // CLONE_INPUT: the general path (an Aggregator per row); CLONE_OFF: the compiled filters
      const general = run(stages, ProcessingMode.CLONE_INPUT);
      expect(general.some((d) => Array.isArray((d as Doc).out) ? ((d as Doc).out as unknown[]).length > 0 : true)).toBe(true);
      expect(run(stages, ProcessingMode.CLONE_OFF)).toStrictEqual(general);
    });
  }
});

describe('compiled $group against mingo\'s, keys told apart by their string code', () => {
  const rows: Doc[] = [
    { k: 1, v: 1 },
    { k: 1.0, v: 2 },
    { k: -0, v: 3 },
    { k: 0, v: 4 },
    { k: '1', v: 5 },
    { k: null, v: 6 },
    { v: 7 },
    { k: true, v: 8 },
    { k: Number.NaN, v: 9 },
    { k: Number.NaN, v: 10 },
    { k: 'a', v: 11 },
  ];
  const ids: unknown[] = [
    '$k',
    { k0: { $ifNull: ['$k', null] } },
    { k0: '$k', k1: { $ifNull: ['$v', null] } },
    { k0: '$k' },
    { d: { $literal: d1 } },
    { a: ['$k'] },
  ];
  for (const _id of ids) {
    it(JSON.stringify(_id), () => {
      const stage = [{ $group: { _id, n: { $sum: 1 }, vs: { $push: '$v' } } }];
      const ours = new Aggregator(stage as never, { context: EMBEDDED_CONTEXT } as never).run(rows as never);
      const mingos = new Aggregator(stage as never, { context: MINGO_OWN } as never).run(rows as never);
      expect(ours).toStrictEqual(mingos);
    });
  }
});

describe('compiled $group accumulators, folded in one pass over the rows, against mingo\'s $group over the engine\'s operators', () => {
  // the engine's accumulators and expressions ($sum adds NaN, as MongoDB does), mingo's $group stage interpreting them
  const engine = EMBEDDED_OPERATORS as Record<string, Record<string, unknown>>;
  const reference = Context.init({ ...engine, pipeline: { ...engine.pipeline, $group: pipelineOperators.$group } } as never);
  const numbers: Doc[] = [
    { k: 1, v: 1 },
    { k: 1, v: 0.1 },
    { k: 1, v: -0 },
    { k: 2, v: Number.NaN },
    { k: 2, v: null },
    { k: 2 },
    { k: 3, v: Number.POSITIVE_INFINITY },
    { k: 3, v: -1e308 },
    { k: 4, v: 0.2 },
    { k: 4, v: 0.3 },
  ];
  const mixed: Doc[] = [
    { k: 1, v: 1 },
    { k: 1, v: 0.1 },
    { k: 1, v: -0 },
    { k: 2, v: Number.NaN },
    { k: 2, v: '7' },
    { k: 2, v: null },
    { k: 2 },
    { k: 3, v: Number.POSITIVE_INFINITY },
    { k: 3, v: [1, 2] },
    { k: 3, v: d1 },
    { k: 4, v: 0.2 },
    { k: 4, v: 0.3 },
  ];
  const groups: [Doc[], Doc][] = [
    [mixed, { s: { $sum: '$v' }, a: { $avg: '$v' }, mx: { $max: '$v' }, mn: { $min: '$v' }, p: { $push: '$v' } }],
    [numbers, { s: { $sum: '$v' }, a: { $avg: '$v' }, mx: { $max: '$v' }, mn: { $min: '$v' }, p: { $push: '$v' } }],
    [numbers, { s: { $sum: { $multiply: ['$v', 0.1] } }, a: { $avg: { $add: ['$v', 1] } }, c: { $sum: 1 }, s0: { $sum: null }, a0: { $avg: null } }],
    [numbers, { p: { $push: { $subtract: [1, '$v'] } }, s: { $sum: { $subtract: [1, '$v'] } }, a: { $avg: { $divide: ['$v', 3] } } }],
  ];
  for (const [rows, fields] of groups) {
    it(`${rows === mixed ? 'mixed values' : 'numbers'}: ${Object.keys(fields).join(' ')}`, () => {
      const stage = [{ $group: { _id: '$k', ...fields } }, { $sort: { _id: 1 } }];
      const ours = new Aggregator(stage as never, { context: EMBEDDED_CONTEXT } as never).run(rows as never);
      const mingos = new Aggregator(stage as never, { context: reference } as never).run(rows as never);
      expect(ours).toStrictEqual(mingos);
    });
  }
});

describe('compiled $let (inside a compiled stage) against mingo interpreting it ($project)', () => {
  const lets: unknown[] = [
    { $let: { vars: { s0_1: { $ifNull: [{ $getField: { field: { $literal: 'n' }, input: { $arrayElemAt: ['$arr', 1] } } }, null] } }, in: { $and: [{ $ne: ['$$s0_1', null] }, { $gt: ['$n', '$$s0_1'] }] } } },
    { $let: { vars: { x: '$n', y: '$t' }, in: { $cond: [{ $eq: ['$$x', null] }, '$$y', ['$$x', '$$y']] } } },
    { $let: { vars: { x: '$t' }, in: { $let: { vars: { x: { $substrCP: [{ $ifNull: ['$$x', ''] }, 0, 1] } }, in: ['$$x', '$s'] } } } },
    { $let: { vars: {}, in: '$t' } },
  ];
  const rows: Doc[] = docs.map((d, i) => ({ ...d, _id: i, arr: i % 2 ? [{ n: 1 }, { n: i }] : [] }));
  for (const e of lets) {
    it(JSON.stringify(e), () => {
      const value = { $ifNull: [e, 'missing'] };
      const compiled = new Aggregator([{ $replaceWith: { r: value } }] as never, { context: EMBEDDED_CONTEXT } as never).run(rows as never);
      const interpreted = new Aggregator([{ $project: { _id: 0, r: value } }] as never, { context: EMBEDDED_CONTEXT } as never).run(rows as never);
      expect(compiled).toStrictEqual(interpreted);
      const matched = new Aggregator([{ $match: { $expr: e } }] as never, { context: EMBEDDED_CONTEXT } as never).run(rows as never);
      // $expr's truth: strict mode counts '' as true
      const truth = (r: unknown) => r !== 'missing' && (!!r || r === '');
      expect(matched).toStrictEqual(rows.filter((_, i) => truth((interpreted[i] as Doc).r)));
    });
  }
});
