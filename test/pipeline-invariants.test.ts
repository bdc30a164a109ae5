/**
 * Static checks over every compiled grammar case (DESIGN §5 and the injection rule):
 * no server-side JavaScript operators, never a whole document pushed into a group
 * (the 16 MB limit), and a filter on a base collection starts with a $match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EJSON } from 'bson';
import { discoverCases } from './support/cases.js';

const cases = discoverCases().filter((c) => !c.error);

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
        walk(cmd.pipeline, (key, value) => {
          expect(['$where', '$function', '$accumulator']).not.toContain(key);
          if (key === '$push' || key === '$addToSet') expect(value).not.toBe('$$ROOT');
        });
        if (commands.length !== 1) continue; // the WHERE heuristic below reads single-statement cases only
        const sql = c.sql.replace(/--.*$/gm, '');
        const simpleWhere =
          /\bFROM\s+\w+\s+(AS\s+\w+\s+)?WHERE\b/i.test(sql) && !/\bWITH\b|\(\s*SELECT|\b(UNION|INTERSECT|EXCEPT|JOIN|VALUES)\b/i.test(sql);
        if (simpleWhere && cmd.pipeline.length) expect(Object.keys(cmd.pipeline[0])[0]).toBe('$match');
      }
    });
  }
});
