/**
 * Join lowering choices that grammar goldens show but do not name (issue 4):
 * a two-collection equi-join is an index-eligible `$lookup` with
 * localField/foreignField, NULL keys never match (INNER: left rows with a NULL key
 * are dropped before the $lookup; LEFT: NULL keys excluded on the foreign side), and the
 * `$unwind` comes right after its `$lookup` (so MongoDB coalesces the pair).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, explain } from '../src/index.js';
import type { AggregateCommand } from '../src/commands/command-ir.js';
import type { LookupSpec } from '../src/commands/mql-types.js';

/** the `$lookup` of stage `i` */
function lookupAt(cmd: AggregateCommand, i: number): LookupSpec {
  const stage = cmd.pipeline[i];
  if (!('$lookup' in stage)) throw new Error(`stage ${i} is not a $lookup`);
  return stage.$lookup;
}

const schema = readFileSync('grammar-tests/fixtures/schema.sql', 'utf8');
const sql = 'SELECT c.first_name, o.amount FROM orders o JOIN customers c ON c._id = o.customer_id';

describe('equi-join lowering', () => {
  test('explain shows $lookup with localField/foreignField', async () => {
    const text = await explain(sql, { schema });
    expect(text).toMatch(/\$lookup: \{[^}]*from: "customers"/s);
    expect(text).toContain('localField: "customer_id"');
    expect(text).toContain('foreignField: "_id"');
  });

  test('INNER: NULL left keys are dropped before a plain $lookup, and $unwind follows $lookup directly', async () => {
    const [cmd] = (await compile(sql, { schema })).statements[0].commands as AggregateCommand[];
    const i = cmd.pipeline.findIndex((s) => '$lookup' in s);
    expect(cmd.pipeline[i - 1]).toEqual({ $match: { customer_id: { $ne: null } } });
    expect(lookupAt(cmd, i).pipeline).toBeUndefined();
    expect(Object.keys(cmd.pipeline[i + 1])).toEqual(['$unwind']);
  });

  test('LEFT: a NULL left key keeps its row, so NULL foreign keys are excluded in the lookup pipeline', async () => {
    const left = 'SELECT c.first_name, o.amount FROM orders o LEFT JOIN customers c ON c._id = o.customer_id';
    const [cmd] = (await compile(left, { schema })).statements[0].commands as AggregateCommand[];
    const i = cmd.pipeline.findIndex((s) => '$lookup' in s);
    const lookup = lookupAt(cmd, i);
    expect(lookup.pipeline?.[0]).toEqual({ $match: { _id: { $ne: null } } });
    expect(cmd.pipeline.slice(0, i).some((s) => '$match' in s)).toBe(false);
    expect(Object.keys(cmd.pipeline[i + 1])).toEqual(['$unwind']);
  });

  test('a non-equi condition uses let/pipeline, never localField', async () => {
    const [cmd] = (await compile('SELECT o._id FROM orders o JOIN products p ON o.amount > p.price', { schema })).statements[0].commands as AggregateCommand[];
    const lookup = cmd.pipeline.find((s) => '$lookup' in s)!.$lookup as Record<string, unknown>;
    expect(lookup.localField).toBeUndefined();
    expect(lookup.let).toEqual({ l0: '$amount' });
  });
});
