/**
 * Static checks over every compiled grammar case (DESIGN §5 and the injection rule):
 * no server-side JavaScript operators, never a whole document pushed into a group
 * (the 16 MB limit), a filter on a base collection starts with a $match, and no
 * command breaks a rule MongoDB enforces and mingo does not (src/mongo/server-rules.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EJSON } from 'bson';
import { discoverCases } from './support/cases.js';
import { serverRuleViolations } from '../src/mongo/server-rules.js';
import type { MongoCommand } from '../src/commands/command-ir.js';
import type { MqlDocument, SortSpec } from '../src/commands/mql-types.js';

const cases = discoverCases().filter((c) => !c.error);
/**
 * Tables of the fixture schema with real columns: a --schema table's stored reals are read
 * through a derived table that rounds them to singles (src/mongo/lower-stored-real.ts), so a
 * WHERE reading such a column follows the rounding instead of leading the pipeline.
 */
const STORED_REAL_TABLES = [...readFileSync('grammar-tests/fixtures/schema.sql', 'utf8').matchAll(/CREATE TABLE (\w+) \(([^;]*)\);/gi)]
  .filter((m) => /\s(real|float4)\b/i.test(m[2]))
  .map((m) => m[1]);

function walk(v: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v && typeof v === 'object' && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) {
      visit(k, x);
      walk(x, visit);
    }
  }
}

describe('generated pipelines', () => {
  for (const c of cases) {
    test(`${c.area}/${c.name}`, () => {
      const commands = EJSON.parse(readFileSync(c.pipelinePath, 'utf8'), { relaxed: true }) as { pipeline: Record<string, unknown>[] }[][];
      for (const cmd of commands.flat()) {
        expect(serverRuleViolations(cmd as unknown as MongoCommand)).toEqual([]);
        walk(cmd.pipeline ?? cmd, (key, value) => {
          expect(['$where', '$function', '$accumulator']).not.toContain(key);
          if (key === '$push' || key === '$addToSet') expect(value).not.toBe('$$ROOT');
        });
        if (commands.length !== 1) continue; // the WHERE heuristic below reads single-statement cases only
        const sql = c.sql.replace(/--.*$/gm, '');
        const simpleWhere =
          /\bFROM\s+\w+\s+(AS\s+\w+\s+)?WHERE\b/i.test(sql) && !/\bWITH\b|\(\s*SELECT|\b(UNION|INTERSECT|EXCEPT|JOIN|VALUES)\b/i.test(sql);
        const storedReals = STORED_REAL_TABLES.some((t) => new RegExp(`\\bFROM\\s+${t}\\b`, 'i').test(sql));
        if (simpleWhere && !storedReals && cmd.pipeline.length) expect(Object.keys(cmd.pipeline[0])[0]).toBe('$match');
      }
    });
  }
});

describe('MongoDB rules that mingo does not enforce', () => {
  const window = (sortBy: SortSpec, output: MqlDocument): MongoCommand => ({
    kind: 'aggregate',
    collection: 'c',
    pipeline: [{ $setWindowFields: { sortBy, output } }],
  });
  test('ranking operators need exactly one sortBy field (MongoDB error 5371602)', () => {
    for (const op of ['$documentNumber', '$rank', '$denseRank']) {
      expect(serverRuleViolations(window({ n: 1, k: -1 }, { r: { [op]: {} } }))[0]?.message).toMatch(/exactly one field.*5371602/);
      expect(serverRuleViolations(window({ k: -1 }, { r: { [op]: {} } }))).toEqual([]);
    }
  });
  test('a running count over several sort fields is accepted (how sqletl numbers rows)', () => {
    expect(serverRuleViolations(window({ n: 1, k: -1 }, { r: { $sum: 1, window: { documents: ['unbounded', 'current'] } } }))).toEqual([]);
  });
  test('range windows need one ascending sort field; bounded windows a sortBy', () => {
    expect(serverRuleViolations(window({ n: 1, k: 1 }, { s: { $sum: '$x', window: { range: [-1, 0] } } }))).toHaveLength(1);
    expect(serverRuleViolations(window({ k: -1 }, { s: { $sum: '$x', window: { range: [-1, 0] } } }))).toHaveLength(1);
    expect(serverRuleViolations(window({}, { s: { $sum: '$x', window: { documents: [-1, 0] } } }))).toHaveLength(1);
    expect(serverRuleViolations(window({}, { s: { $shift: { output: '$x', by: 1 } } }))).toHaveLength(1);
  });
  test('rules apply inside $lookup and $unionWith sub-pipelines; $percentile must be approximate', () => {
    const cmd: MongoCommand = {
      kind: 'aggregate',
      collection: 'c',
      pipeline: [
        { $lookup: { from: 'd', pipeline: [{ $setWindowFields: { sortBy: { a: 1, b: 1 }, output: { r: { $rank: {} } } } }], as: 'x' } },
        { $group: { _id: null, p: { $percentile: { input: '$x', p: [0.5], method: 'exact' } } } },
        { $project: { l: { $literal: { $median: 1 } } } },
      ],
    };
    expect(serverRuleViolations(cmd).map((v) => v.operator)).toEqual(['$setWindowFields.$rank', '$percentile']);
  });
});
