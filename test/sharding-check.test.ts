/**
 * The sharded-cluster analysis of compiled statements (src/mongo/sharding-check.ts):
 * real compiler output, checked against MongoDB's rules for sharded targets.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { SqlEtlError } from '../src/errors.js';
import { checkSharding, parseShardKey, type ShardKeys } from '../src/mongo/sharding-check.js';

const schema = `
  CREATE TABLE orders (id int PRIMARY KEY, customer_id int, amount numeric, code text UNIQUE);
  CREATE TABLE totals (customer_id int PRIMARY KEY, total numeric);`;

async function warnings(sql: string, keys: ShardKeys) {
  const script = await compile(sql, { schema });
  return checkSharding(script.statements, keys);
}

describe('sharding check', () => {
  it('parses --shard-key', () => {
    expect(parseShardKey('orders=customer_id, region', undefined)).toEqual({ orders: ['customer_id', 'region'] });
    expect(parseShardKey('shop.totals=_id', { orders: ['x'] })).toEqual({ orders: ['x'], 'shop.totals': ['_id'] });
    expect(() => parseShardKey('orders', undefined)).toThrow(SqlEtlError);
    expect(() => parseShardKey('orders=', undefined)).toThrow(/collection=field/);
  });

  it('nothing declared: nothing reported', async () => {
    expect(await warnings('CREATE TABLE big AS SELECT customer_id FROM orders; INSERT INTO totals SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id', {})).toEqual([]);
  });

  it('reading sharded collections is fine, and so is an INSERT into a target sharded on _id', async () => {
    const sql = 'INSERT INTO totals SELECT o.customer_id, sum(o.amount) FROM orders o JOIN totals t ON t.customer_id = o.customer_id GROUP BY o.customer_id';
    expect(await warnings(sql, { orders: ['customer_id'], totals: ['_id'] })).toEqual([]);
  });

  it('$merge into a target sharded on another field: the on fields miss the shard key', async () => {
    const w = await warnings('INSERT INTO totals SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id', { totals: ['customer_id'] });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ statement: 1, collection: 'totals' });
    expect(w[0].message).toMatch(/\$merge matches rows on _id.*include the shard key \(customer_id missing\)/);
    expect(w[0].message).toMatch(/_id: "hashed"/);
  });

  it('$out into a sharded table cannot run; with shard keys declared, an undeclared $out target is noted', async () => {
    const w = await warnings('CREATE TABLE big AS SELECT customer_id FROM orders', { big: ['customer_id'] });
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/CREATE TABLE … AS writes it with \$out, which cannot write into a sharded collection/);
    const note = await warnings('CREATE TABLE big AS SELECT customer_id FROM orders', { orders: ['_id'] });
    expect(note.map((x) => x.message)).toEqual([expect.stringMatching(/"big" is written with \$out.*must not be sharded/)]);
  });

  it('the stage collection of an INSERT is written with $out but is never reported', async () => {
    const script = await compile('INSERT INTO totals SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id', { schema });
    expect(JSON.stringify(script.statements[0].commands)).toContain('__sqletl_stage_1_totals');
    expect(checkSharding(script.statements, { totals: ['_id'], orders: ['_id'] })).toEqual([]);
  });

  it('a UNIQUE constraint on a sharded table must start with the shard key', async () => {
    const sql = 'CREATE TABLE accounts (id int PRIMARY KEY, email text UNIQUE, region text)';
    const w = await warnings(sql, { accounts: ['region'] });
    expect(w.map((x) => x.message)).toEqual([expect.stringMatching(/cannot enforce UNIQUE \(email\) on "accounts" sharded on \{ region: 1 \}/)]);
    expect(await warnings(sql, { accounts: ['email'] })).toEqual([]);
  });

  it('a database-qualified declaration matches the statement\'s database', async () => {
    const sql = 'INSERT INTO shop.totals SELECT customer_id, sum(amount) FROM shop.orders GROUP BY customer_id';
    expect(await warnings(sql, { 'shop.totals': ['customer_id'] })).toHaveLength(1);
    expect(await warnings(sql, { 'other.totals': ['customer_id'] })).toEqual([]);
  });
});
