/**
 * Keyed `$lookup`s of a command's own pipeline build their foreign side for the keys of
 * their input (src/engine/semi-join.ts): the same joined rows as the whole hash, on
 * crafted keys (numbers, strings, dates, null, missing, arrays, a column of mixed types,
 * duplicates, an empty input), through the reader of a column cache that leaves rows out
 * and through a reader that applies the `$in` it is given.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Aggregator } from '../src/engine/mingo-runtime.js';
import { EMBEDDED_CONTEXT } from '../src/engine/mingo-extensions.js';
import { fuseLookupUnwind, LOOKUP_UNWIND } from '../src/engine/lookup-unwind-fusion.js';
import { isOutermost, markOutermost, semiJoinMatch } from '../src/engine/semi-join.js';
import { dataDirs } from './support/data-dirs.js';
import { run } from '../src/index.js';

type Doc = Record<string, unknown>;
const day = (n: number) => new Date(Date.UTC(2024, 0, n));
const right: Doc[] = [
  ...Array.from({ length: 3000 }, (_, i) => ({ _id: i, k: i % 700, s: `s${i % 40}`, d: day(1 + (i % 90)), m: i % 2 ? i % 50 : `${i % 50}`, v: i })),
  { _id: 'n', k: null, s: null, d: null, m: null, v: -1 },
  { _id: 'missing', v: -2 },
  { _id: 'arr', k: [1, 2, 650], s: ['s1', 's2'], v: -3 },
];
const left: Doc[] = [
  { _id: 1, k: 1, s: 's1', d: day(3), m: 7 },
  { _id: 2, k: 1, s: 's1', d: day(3), m: '7' },
  { _id: 3, k: 650, s: 's39', d: day(90), m: 8 },
  { _id: 4, k: null, s: null, d: null, m: null },
  { _id: 5 },
  { _id: 6, k: [2, 3, 3], s: ['s2', 'zz'], d: [day(4)], m: [9, '9'] },
  { _id: 7, k: 9999, s: 'none', d: day(200), m: 'none' },
  { _id: 8, k: 1.5, s: '', d: day(5), m: true },
];

describe('semi-join of an outermost keyed $lookup (reader applying the $in it is given)', () => {
  for (const field of ['k', 's', 'd', 'm']) {
    for (const unwind of [false, true]) {
      for (const pipeline of [undefined, [{ $match: { v: { $gte: 0 } } }], [{ $match: { v: { $ne: 5 } } }, { $limit: 2 }]]) {
        const name = `${field}${unwind ? ', unwound' : ''}${pipeline ? `, pipeline ${JSON.stringify(pipeline)}` : ''}`;
        it(name, () => {
          const lookup = { from: 'r', localField: field, foreignField: field, ...(pipeline ? { pipeline } : {}), as: 'j' };
          const stages = [{ $match: { _id: { $ne: 0 } } }, { $lookup: lookup }, ...(unwind ? [{ $unwind: '$j' }] : [])];
          const given: Doc[][] = [];
          const exec = (outermost: boolean, input: Doc[]) => {
            const p = fuseLookupUnwind(structuredClone(stages));
            if (outermost) markOutermost(p, ['$lookup', LOOKUP_UNWIND]);
            return new Aggregator(p as never, {
              context: EMBEDDED_CONTEXT,
              // a reader that keeps what the given $match stages keep (a column cache keeps more)
              collectionResolver: (_name: string, leading?: Doc[]) => {
                if (outermost) given.push(leading ?? []);
                return leading?.length ? new Aggregator(leading as never, { context: EMBEDDED_CONTEXT }).run(right as never) : right;
              },
            } as never).run(structuredClone(input) as never);
          };
          for (const input of [left, [], [left[6]]]) {
            const whole = exec(false, input);
            expect(exec(true, input)).toStrictEqual(whole);
          }
          // the reader was given the $in of the input's keys (not for the empty input: nothing was read);
          // m's keys include a boolean, which no reader tests: no $in, the whole side
          expect(given.length).toBe(2);
          const last = JSON.stringify(given[0].at(-1) ?? null);
          if (field === 'm') expect(last).not.toContain('$in');
          else expect(last).toContain('$in');
        });
      }
    }
  }
  it('gives no $in for keys a reader cannot test, or a dotted field', () => {
    expect(semiJoinMatch('k', [1, 's', null, day(1)])).toEqual({ $match: { k: { $in: [1, 's', null, day(1)] } } });
    expect(semiJoinMatch('k', [1, { a: 1 }])).toBeUndefined();
    expect(semiJoinMatch('k', [true])).toBeUndefined();
    expect(semiJoinMatch('a.k', [1])).toBeUndefined();
  });
});

describe('semi-join through a column cache (SQL joins, cached against not cached)', () => {
  const dirs = dataDirs('sqletl-semi-');
  afterAll(() => dirs.cleanup());
  const dataDir = (cached: boolean) => dirs.make({ l: left, r: right }, cached);
  const plain = dataDir(false);
  const cached = dataDir(true);
  const queries = [
    'SELECT l._id AS a, r._id AS b FROM l JOIN r ON l.k = r.k ORDER BY 1, 2',
    'SELECT l._id AS a, r._id AS b FROM l JOIN r ON l.s = r.s ORDER BY 1, 2',
    'SELECT l._id AS a, r._id AS b FROM l JOIN r ON l.d = r.d ORDER BY 1, 2',
    'SELECT l._id AS a, count(r._id) AS n FROM l LEFT JOIN r ON l.k = r.k GROUP BY l._id ORDER BY 1',
    'SELECT l._id AS a FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k AND r.v > 100) ORDER BY 1',
    'SELECT l._id AS a FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.s = l.s) ORDER BY 1',
    'SELECT l._id AS a, r._id AS b FROM l JOIN r ON l.k = r.k WHERE l._id < 0 ORDER BY 1, 2',
  ];
  for (const sql of queries) {
    it(sql, async () => {
      const rows = async (dir: string) => {
        try {
          const res = await run(sql, { dataDir: dir, journal: false });
          return { rows: res.statements.at(-1)?.rows };
        } catch (err) {
          return { error: (err as Error).message };
        }
      };
      const a = await rows(plain);
      expect(await rows(cached)).toStrictEqual(a);
    });
  }
});

describe('which $lookups build for their input\'s keys', () => {
  it('not one a $limit follows before any blocking stage', () => {
    const spec = () => ({ from: 'r', localField: 'k', foreignField: 'k', as: 'j' });
    const [a, b, c, d] = [spec(), spec(), spec(), spec()];
    markOutermost([{ $lookup: a }, { $sort: { k: 1 } }, { $lookup: b }, { $match: { k: 1 } }, { $limit: 5 }, { $lookup: c }, { $group: { _id: null } }, { $lookup: d }], ['$lookup']);
    // a: a $sort reads everything before the $limit; b: the $limit stops it early; c, d: no $limit after them
    expect([a, b, c, d].map(isOutermost)).toEqual([true, false, true, true]);
  });
});
