/**
 * The real-MongoDB tier (DESIGN §2, §7): every grammar case that returns rows runs on
 * a real `mongod` through the driver engine, and must equal PostgreSQL's answer, as
 * the embedded engine's must. It needs a mongod binary: `MONGOMS_SYSTEM_BINARY`, or
 * `mongod` on PATH. Machines without one (this project's development machines cannot
 * download it) skip the tier and say why; it is never replaced by a mock.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import type { MongoMemoryServer } from 'mongodb-memory-server-core';
import { FIXTURES_DIR, caseOptions, discoverCases, readSchema } from './support/cases.js';
import { compareTables } from './support/compare.js';
import { PgReference, readCollection } from './support/pglite.js';
import { writes } from './support/sqletl.js';

function findMongod(): string | undefined {
  const env = process.env.MONGOMS_SYSTEM_BINARY;
  if (env) return existsSync(env) ? env : undefined;
  try {
    return execFileSync('which', ['mongod'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const binary = findMongod();
const DB = 'sqletl_grammar';

if (!binary) {
  console.log(
    'memory-server tier SKIPPED: no mongod binary (set MONGOMS_SYSTEM_BINARY=/path/to/mongod, or put mongod on PATH); ' +
      'this machine cannot download one. The grammar cases still run on the embedded engine and PostgreSQL.',
  );
}

describe.skipIf(!binary)('real MongoDB (memory server)', () => {
  let server: MongoMemoryServer;
  let uri: string;
  let pg: PgReference;
  const schema = readSchema();

  beforeAll(async () => {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    server = await MongoMemoryServer.create({ binary: { systemBinary: binary } });
    uri = server.getUri();
    await loadFixtures(uri, DB);
    pg = await PgReference.start(FIXTURES_DIR, schema);
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
    await server?.stop();
  });

  const cases = discoverCases().filter((c) => !c.error);
  cases.forEach((c, i) => {
    test(`${c.area}/${c.name}`, async () => {
      const { run } = await import('../src/index.js');
      // a case that writes gets a database of its own, loaded with the fixtures
      let db = DB;
      if (writes(c.sql)) {
        db = `${DB}_w${i}`;
        await loadFixtures(uri, db);
      }
      const result = await run(c.sql, { ...caseOptions(c, schema), uri, db });
      const last = result.statements.at(-1)!;
      const expected = await pg.run(c.pgSql);
      const cmp = compareTables({ columns: expected.columns, rows: expected.rows }, { columns: last.columns ?? [], rows: last.rows ?? [] }, c.ordered);
      if (!cmp.ok) throw new Error(`real MongoDB's result differs from PostgreSQL's:\n${cmp.diff}`);
    });
  });
});

/**
 * The MongoDB engine's own behaviours on a real server: results streamed through a
 * cursor in batches, the run options accepted and applied by the server, retries
 * that never resend an unsafe write, redaction of a real authentication failure,
 * and `explain --analyze` with MongoDB's explain (read-only, index suggestion gone
 * once the suggested index exists).
 */
describe.skipIf(!binary)('real MongoDB: engine options, streaming, explain --analyze', () => {
  let server: MongoMemoryServer;
  let uri: string;
  let pg: PgReference;
  const schema = readSchema();
  const db = `${DB}_engine`;

  beforeAll(async () => {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    server = await MongoMemoryServer.create({ binary: { systemBinary: binary } });
    uri = server.getUri();
    await loadFixtures(uri, db);
    pg = await PgReference.start(FIXTURES_DIR, schema);
  }, 120_000);

  afterAll(async () => {
    await pg?.close();
    await server?.stop();
  });

  async function engine(opts: import('../src/engine/mongodb.js').MongoEngineOptions = {}) {
    const { MongoEngine } = await import('../src/engine/mongodb.js');
    return MongoEngine.connect(uri, db, opts);
  }

  test('aggregateBatches streams a result in batches through a cursor, equal to PostgreSQL\'s rows', async () => {
    const { compile } = await import('../src/index.js');
    const { toRows } = await import('../src/run/rows.js');
    const sql = 'SELECT _id, customer_id, amount FROM orders WHERE amount > 10';
    const st = (await compile(sql, { schema, db })).statements[0];
    const cmd = st.commands.find((c) => c.kind === 'aggregate')!;
    if (cmd.kind !== 'aggregate') throw new Error('unreachable');
    const e = await engine();
    try {
      const sizes: number[] = [];
      const docs: Record<string, unknown>[] = [];
      for await (const batch of e.aggregateBatches(cmd, 7)) {
        sizes.push(batch.length);
        docs.push(...batch);
      }
      expect(sizes.length).toBeGreaterThan(1);
      expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);
      expect(sizes.at(-1)).toBeLessThanOrEqual(7);
      const expected = await pg.run(sql);
      const got = toRows(docs, st.columns);
      const cmp = compareTables({ columns: expected.columns, rows: expected.rows }, got, false);
      if (!cmp.ok) throw new Error(cmp.diff);
      // stopping early closes the cursor and leaves the engine usable
      for await (const batch of e.aggregateBatches(cmd, 2)) {
        expect(batch.length).toBe(2);
        break;
      }
      expect((await e.aggregate(cmd)).length).toBe(docs.length);
    } finally {
      await e.close();
    }
  });

  test('maxTimeMS, writeConcern, readPreference and retries are accepted by the server; a job run with them equals PostgreSQL', async () => {
    const { compile } = await import('../src/index.js');
    const { toRows } = await import('../src/run/rows.js');
    const e = await engine({ maxTimeMS: 60_000, writeConcern: { w: 'majority', wtimeout: 10_000 }, readPreference: 'primaryPreferred', retries: 2 });
    const sql = `CREATE TABLE big_orders (id int PRIMARY KEY, amount numeric);
      INSERT INTO big_orders SELECT _id, amount FROM orders WHERE amount > 50;
      UPDATE big_orders SET amount = 0 WHERE amount > 1000;
      SELECT id, amount FROM big_orders`;
    try {
      let rows: { columns: string[]; rows: unknown[][] } | undefined;
      for (const st of (await compile(sql, { schema, db })).statements) {
        for (const c of st.commands) {
          if (c.kind !== 'aggregate') await e.write(c);
          else if (c.role === 'rows' || c.role === undefined) rows = toRows(await e.aggregate(c), st.columns);
          else await e.aggregate(c);
        }
      }
      const expected = await pg.run(`SELECT _id AS id, CASE WHEN amount > 1000 THEN 0 ELSE amount END AS amount FROM orders WHERE amount > 50`);
      const cmp = compareTables({ columns: expected.columns, rows: expected.rows }, rows!, false);
      if (!cmp.ok) throw new Error(cmp.diff);
      // the rejects $merge (server-generated ids) ran through a temporary collection: none is left, nor a stage
      const client = new MongoClient(uri);
      await client.connect();
      const names = (await client.db(db).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      await client.close();
      expect(names.filter((n) => n.startsWith('__sqletl_'))).toEqual([]);
    } finally {
      await e.close();
    }
  });

  test('maxTimeMS is enforced by the server and a time-limit error is not retried', async () => {
    const retries: unknown[] = [];
    const e = await engine({ maxTimeMS: 20, retries: 3, onRetry: (i) => retries.push(i) });
    // a few hundred million additions: far beyond 20 ms on any machine
    const slow = { $reduce: { input: { $range: [0, 5_000_000] }, initialValue: 0, in: { $add: ['$$value', 1] } } };
    try {
      const err = await e.aggregate({ kind: 'aggregate', collection: 'orders', pipeline: [{ $match: { $expr: { $gt: [slow, 0] } } }] }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(Error);
      expect(String((err as Error).message)).toMatch(/time limit|MaxTimeMSExpired|exceeded/i);
      expect(retries).toEqual([]);
    } finally {
      await e.close();
    }
  });

  test('a real authentication failure never shows the password', async () => {
    const { MongoEngine } = await import('../src/engine/mongodb.js');
    const secret = 'Sup3r$ecret/pw';
    const withCreds = uri.replace('mongodb://', `mongodb://nobody:${encodeURIComponent(secret)}@`);
    const err = await MongoEngine.connect(withCreds, db).then(() => undefined, (x: unknown) => x);
    if (err === undefined) return; // a server without auth may accept any credentials: nothing to show then
    const text = `${(err as Error).message}\n${String((err as Error).stack)}\n${String(((err as Error).cause as Error | undefined)?.stack)}`;
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  });

  test('explain --analyze: MongoDB explain per stage, COLLSCAN then IXSCAN once the suggested index exists; nothing written', async () => {
    const { compile, run } = await import('../src/index.js');
    const { analyzeStatements, formatAnalysis } = await import('../src/run/analyze.js');
    const { ServerAnalyzer } = await import('../src/run/analyze-server.js');
    const job = `SELECT amount FROM orders WHERE customer_id = 3 AND amount > 10;
      INSERT INTO orders_copy SELECT _id, amount FROM orders WHERE customer_id = 3`;
    const adb = `${DB}_analyze`;
    const script = await compile(job, { schema, db: adb });
    await loadFixtures(uri, adb);
    const { MongoEngine } = await import('../src/engine/mongodb.js');
    const e = await MongoEngine.connect(uri, adb);
    const client = new MongoClient(uri);
    await client.connect();
    try {
      const collections = async () => (await client.db(adb).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
      const before = await collections();
      const report = await analyzeStatements(script.statements, new ServerAnalyzer(e));
      expect(await collections()).toEqual(before);
      const select = report[0].commands[0];
      expect(select.stages.length).toBeGreaterThan(0);
      expect(select.stages.some((s) => s.plan?.includes('COLLSCAN'))).toBe(true);
      const kept = Number((await pg.run('SELECT count(*) FROM orders WHERE customer_id = 3 AND amount > 10')).rows[0][0]);
      expect(select.suggestion?.sql).toBe('CREATE INDEX orders_customer_id_amount_idx ON orders (customer_id, amount);');
      expect(select.suggestion?.reason).toContain(`keeps ${kept} of `);
      const insertNotes = report[1].commands.flatMap((c) => c.notes).join('\n');
      expect(insertNotes).toMatch(/\$merge into orders_copy: not run \(analyze is read-only\)/);
      expect(formatAnalysis(report, 'mongodb')).toMatch(/MongoDB explain \(executionStats\)/);

      await run(select.suggestion!.sql!, { uri, db: adb });
      const after = await analyzeStatements(script.statements.slice(0, 1), new ServerAnalyzer(e));
      expect(after[0].commands[0].stages.some((s) => s.plan?.includes('IXSCAN'))).toBe(true);
      expect(after[0].commands[0].suggestion).toBeUndefined();
    } finally {
      await client.close();
      await e.close();
    }
  });
});

async function loadFixtures(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri);
  await client.connect();
  const db = client.db(dbName);
  for (const f of readdirSync(FIXTURES_DIR)) {
    const m = /^(.*)\.(json|ndjson)$/.exec(f);
    if (!m) continue;
    const docs = readCollection(FIXTURES_DIR, m[1]);
    if (docs?.length) await db.collection(m[1]).insertMany(docs);
  }
  await client.close();
}

/**
 * `sqletl watch` on a real server (issue 7): change streams need a replica set, so
 * this block starts a one-node replica set from the same binary. After each batch
 * the derived collections must equal a from-scratch run of the job on a copy of
 * the source, with pre-images on (grouped tables follow by key) and off (they
 * recompute fully); a standalone server is refused with the reason.
 */
describe.skipIf(!binary)('real MongoDB: sqletl watch over change streams (replica set)', () => {
  const JOB = `
    CREATE TABLE totals AS SELECT region, sum(amount) AS total, count(*) AS n FROM orders GROUP BY region;
    CREATE TABLE ranked AS SELECT cust, amount, rank() OVER (PARTITION BY region ORDER BY amount DESC) AS r FROM orders;
    CREATE TABLE doubled AS SELECT cust, amount * 2 AS twice FROM orders WHERE amount >= 5;`;
  const TARGETS = ['totals', 'ranked', 'doubled'];
  const ORDERS = [
    { _id: 1, region: 'north', cust: 'ann', amount: 10 },
    { _id: 2, region: 'south', cust: 'bob', amount: 20 },
    { _id: 3, region: 'north', cust: 'cy', amount: 5 },
  ];
  let replSet: { getUri(): string; stop(): Promise<boolean> };
  let uri: string;
  let client: MongoClient;

  beforeAll(async () => {
    const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
    replSet = await MongoMemoryReplSet.create({ replSet: { count: 1 }, binary: { systemBinary: binary } });
    uri = replSet.getUri();
    client = new MongoClient(uri);
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await replSet?.stop();
  });

  const contents = async (db: string, coll: string) =>
    (await client.db(db).collection(coll).find({}, { projection: { _id: 0 } }).toArray()).map((d) => JSON.stringify(Object.fromEntries(Object.entries(d).sort()))).sort();

  async function expectEqualsFullRun(db: string): Promise<void> {
    const { run } = await import('../src/index.js');
    const ref = `${db}_ref`;
    await client.db(ref).dropDatabase();
    const orders = await client.db(db).collection('orders').find().toArray();
    if (orders.length) await client.db(ref).collection('orders').insertMany(orders);
    await run(JOB, { uri, db: ref });
    for (const t of TARGETS) expect(await contents(db, t), t).toEqual(await contents(ref, t));
  }

  /** applies batches until `expected` change events are applied (the stream delivers them asynchronously) */
  async function applyEvents(watch: { applyPending(): Promise<{ changedDocuments: number } | undefined> }, expected: number): Promise<void> {
    let applied = 0;
    const deadline = Date.now() + 30_000;
    while (applied < expected) {
      if (Date.now() > deadline) throw new Error(`only ${applied} of ${expected} changes arrived`);
      applied += (await watch.applyPending())?.changedDocuments ?? 0;
    }
  }

  for (const preImages of [true, false]) {
    test(`inserts, updates, key changes, deletes and a restart; pre-images ${preImages ? 'on' : 'off'}`, async () => {
      const { Watch } = await import('../src/watch/watch.js');
      const db = `sqletl_watch_${preImages ? 'pre' : 'nopre'}`;
      await client.db(db).dropDatabase();
      await client.db(db).createCollection('orders', preImages ? { changeStreamPreAndPostImages: { enabled: true } } : {});
      await client.db(db).collection<{ _id: number }>('orders').insertMany(ORDERS);
      const first = await Watch.open(JOB, { uri, db });
      await expectEqualsFullRun(db);
      const orders = client.db(db).collection<{ _id: number; region?: string; cust?: string; amount?: number }>('orders');
      await orders.insertOne({ _id: 4, region: 'east', cust: 'di', amount: 7 });
      await orders.updateOne({ _id: 2 }, { $set: { region: 'north' } });
      await applyEvents(first, 2);
      await expectEqualsFullRun(db);
      await first.close();

      // changes while stopped are applied by the next watch of the same job, once
      await orders.deleteOne({ _id: 1 });
      await orders.updateOne({ _id: 3 }, { $set: { amount: 50 } });
      const second = await Watch.open(JOB, { uri, db });
      try {
        expect(second.runId).toBe(first.runId);
        await applyEvents(second, 2);
        await expectEqualsFullRun(db);
      } finally {
        await second.close();
      }
    }, 120_000);
  }

  test('a standalone server is refused: change streams need a replica set', async () => {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const standalone = await MongoMemoryServer.create({ binary: { systemBinary: binary } });
    try {
      const { Watch } = await import('../src/watch/watch.js');
      const err = await Watch.open(JOB, { uri: standalone.getUri(), db: 'x' }).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('replica-set-required');
      expect(String((err as Error).message)).toMatch(/replica set/);
    } finally {
      await standalone.stop();
    }
  }, 120_000);
});
