/**
 * The MongoDB engine's own behaviours on a real server (DESIGN §2): results streamed
 * through a cursor in batches, the run options accepted and applied by the server,
 * retries that never resend an unsafe write, redaction of a real authentication
 * failure, and `explain --analyze` with MongoDB's explain (read-only, index
 * suggestion gone once the suggested index exists). Registered by each server tier
 * (memory-server.test.ts on a real mongod, documentdb.test.ts on DocumentDB) inside
 * its describe block, after its beforeAll has started the server and loaded the
 * fixtures into `ctx.db`.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { FIXTURES_DIR } from './cases.js';
import { compareTables } from './compare.js';
import { type PgReference, readCollection } from './pglite.js';

export const SERVER_BEHAVIOURS = ['streaming', 'options', 'max-time-ms', 'auth', 'explain-analyze'] as const;
export type ServerBehaviour = (typeof SERVER_BEHAVIOURS)[number];

export interface ServerContext {
  /** the server's URI, known once the tier's beforeAll has run */
  uri(): string;
  /** PostgreSQL with the fixtures */
  pg(): PgReference;
  /** the database holding the fixtures */
  db: string;
  schema: string;
}

export function serverBehaviourTests(ctx: ServerContext, which: readonly ServerBehaviour[] = SERVER_BEHAVIOURS): void {
  const { db, schema } = ctx;
  const register = (key: ServerBehaviour, name: string, fn: () => Promise<void>) => {
    if (which.includes(key)) test(name, fn);
  };
  async function engine(opts: import('../../src/engine/mongodb.js').MongoEngineOptions = {}) {
    const { MongoEngine } = await import('../../src/engine/mongodb.js');
    return MongoEngine.connect(ctx.uri(), db, opts);
  }

  register('streaming', 'aggregateBatches streams a result in batches through a cursor, equal to PostgreSQL\'s rows', async () => {
    const uri = ctx.uri();
    const pg = ctx.pg();
    const { compile } = await import('../../src/index.js');
    const { toRows } = await import('../../src/run/rows.js');
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

  register('options', 'maxTimeMS, writeConcern, readPreference and retries are accepted by the server; a job run with them equals PostgreSQL', async () => {
    const uri = ctx.uri();
    const pg = ctx.pg();
    const { compile } = await import('../../src/index.js');
    const { toRows } = await import('../../src/run/rows.js');
    const e = await engine({ maxTimeMS: 60_000, writeConcern: { w: 'majority', wtimeout: 10_000 }, readPreference: 'primaryPreferred', retries: 2 });
    const sql = `CREATE TABLE big_orders (id int PRIMARY KEY, amount numeric);
      INSERT INTO big_orders SELECT _id, amount FROM orders WHERE amount > 50;
      UPDATE big_orders SET amount = 0 WHERE amount > 1000;
      SELECT id, amount FROM big_orders`;
    try {
      let rows: { columns: string[]; rows: unknown[][] } | undefined;
      for (const st of (await compile(sql, { schema, db })).statements) {
        for (const c of st.commands) {
          if (c.kind === 'loop') throw new Error('no loop expected');
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

  register('max-time-ms', 'maxTimeMS is enforced by the server and a time-limit error is not retried', async () => {
    const uri = ctx.uri();
    const pg = ctx.pg();
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

  register('auth', 'a real authentication failure never shows the password', async () => {
    const uri = ctx.uri();
    const pg = ctx.pg();
    const { MongoEngine } = await import('../../src/engine/mongodb.js');
    const secret = 'Sup3r$ecret/pw';
    const withCreds = uri.replace('mongodb://', `mongodb://nobody:${encodeURIComponent(secret)}@`);
    const err = await MongoEngine.connect(withCreds, db).then(() => undefined, (x: unknown) => x);
    if (err === undefined) return; // a server without auth may accept any credentials: nothing to show then
    const text = `${(err as Error).message}\n${String((err as Error).stack)}\n${String(((err as Error).cause as Error | undefined)?.stack)}`;
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  });

  register('explain-analyze', 'explain --analyze: MongoDB explain per stage, COLLSCAN then IXSCAN once the suggested index exists; nothing written', async () => {
    const uri = ctx.uri();
    const pg = ctx.pg();
    const { compile, run } = await import('../../src/index.js');
    const { analyzeStatements, formatAnalysis } = await import('../../src/run/analyze.js');
    const { ServerAnalyzer } = await import('../../src/run/analyze-server.js');
    const job = `SELECT amount FROM orders WHERE customer_id = 3 AND amount > 10;
      INSERT INTO orders_copy SELECT _id, amount FROM orders WHERE customer_id = 3`;
    const adb = `${db}_analyze`;
    const script = await compile(job, { schema, db: adb });
    await loadFixtures(uri, adb);
    const { MongoEngine } = await import('../../src/engine/mongodb.js');
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
  });}

/** Loads the grammar fixtures into a database of a server, replacing what it held. */
export async function loadFixtures(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri);
  try {
    const db = client.db(dbName);
    await db.dropDatabase();
    for (const f of readdirSync(FIXTURES_DIR)) {
      const m = /^(.*)\.(json|ndjson)$/.exec(f);
      if (!m) continue;
      const docs = readCollection(FIXTURES_DIR, m[1]);
      if (docs?.length) await db.collection(m[1]).insertMany(docs);
    }
  } finally {
    await client.close();
  }
}
