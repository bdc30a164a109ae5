/**
 * The MongoDB engine's own logic, on this machine without a server: which errors
 * are transient, which commands a retry may send again (over the commands the
 * compiler really emits), the retry loop, option parsing, and that the password of
 * the URI never reaches an error. Nothing here mocks the driver: the errors are the
 * driver's own classes, and the connection attempts are real ones to a closed port.
 * The behaviour against a real server is in memory-server.test.ts.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { compile } from '../src/index.js';
import { SqlEtlError } from '../src/errors.js';
import { MongoEngine, redactText, redactUri, toEngineError } from '../src/engine/mongodb.js';
import { backoffDelay, classifyError, RetryStopped, withRetries } from '../src/engine/mongo-retry.js';
import { retrySafety } from '../src/commands/retry-safety.js';
import { parseCount, parseReadPreference, parseWriteConcern } from '../src/engine/server-options.js';
import type { MongoCommand } from '../src/commands/command-ir.js';

const PASSWORD = 'S3cr@t!pw';
const URI = `mongodb://alice:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/shop?serverSelectionTimeoutMS=200`;

function leaks(text: string): boolean {
  return text.includes(PASSWORD) || text.includes(encodeURIComponent(PASSWORD)) || text.includes('alice:');
}

describe('the password never appears in an error', () => {
  it('connection failure (a real attempt to a closed port)', async () => {
    const err = await MongoEngine.connect(URI).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SqlEtlError);
    const e = err as SqlEtlError;
    expect(e.code).toBe('connect-failed');
    expect(e.message).toContain('mongodb://***@127.0.0.1:1');
    for (const text of [e.message, e.format(), inspect(e, { depth: 5 }), String((e.cause as Error).stack)]) expect(leaks(text)).toBe(false);
  });

  it('driver errors whose message contains the URI or the password', () => {
    const errors = [
      new MongoServerError({ errmsg: `cannot reach ${URI} (auth as alice:${encodeURIComponent(PASSWORD)})`, code: 6 }),
      new MongoNetworkError(`connection to mongodb+srv://alice:${PASSWORD}@cluster0.example.net closed`),
      new MongoServerSelectionError(`password ${PASSWORD} rejected`, { type: 'Unknown', servers: new Map(), stale: false, compatible: true, heartbeatFrequencyMS: 0, localThresholdMS: 0, setName: null, maxElectionId: null, maxSetVersion: null, commonWireVersion: 0, logicalSessionTimeoutMinutes: null } as never),
      new RetryStopped(new MongoNetworkError(`reset: ${URI}`), 4),
      new RetryStopped(new MongoNetworkError(`reset: ${URI}`), 1, 'a reason'),
    ];
    for (const raw of errors) {
      const e = toEngineError(raw, URI);
      expect(e).toBeInstanceOf(SqlEtlError);
      for (const text of [e.message, e.format(), inspect(e, { depth: 5 }), String((e.cause as Error).stack)]) {
        expect(leaks(text), text).toBe(false);
      }
    }
  });

  it('redactUri and redactText', () => {
    expect(redactUri(URI)).toBe('mongodb://***@127.0.0.1:1/shop?serverSelectionTimeoutMS=200');
    expect(redactText(`x ${PASSWORD} y ${encodeURIComponent(PASSWORD)} z`, URI)).toBe('x *** y *** z');
    expect(redactText('mongodb://bob:other@h/ and mongodb+srv://carol:x@c/', 'mongodb://h/')).toBe('mongodb://***@h/ and mongodb+srv://***@c/');
    expect(redactText('nothing secret', 'mongodb://localhost/')).toBe('nothing secret');
  });
});

describe('transient errors', () => {
  it('classifies the driver\'s errors', () => {
    expect(classifyError(new MongoNetworkError('socket hang up'))).toBe('unknown-outcome');
    expect(classifyError(new MongoServerError({ errmsg: 'not primary', code: 10107 }))).toBe('not-started');
    expect(classifyError(new MongoServerError({ errmsg: 'interrupted', code: 11602 }))).toBe('unknown-outcome');
    expect(classifyError(new MongoServerError({ errmsg: 'stepped down', code: 189 }))).toBe('unknown-outcome');
    expect(classifyError(new MongoServerError({ errmsg: 'x', code: 1, errorLabels: ['RetryableWriteError'] }))).toBe('unknown-outcome');
    expect(classifyError(new MongoServerError({ errmsg: 'x', code: 1, errorLabels: ['TransientTransactionError'] }))).toBe('unknown-outcome');
    expect(classifyError(new MongoServerError({ errmsg: 'x', code: 189, errorLabels: ['NoWritesPerformed'] }))).toBe('not-started');
    // a time limit the user set, a duplicate key, a bad pipeline: not transient
    expect(classifyError(new MongoServerError({ errmsg: 'operation exceeded time limit', code: 50 }))).toBeUndefined();
    expect(classifyError(new MongoServerError({ errmsg: 'E11000 duplicate key', code: 11000 }))).toBeUndefined();
    expect(classifyError(new Error('plain'))).toBeUndefined();
  });

  it('backoff doubles, is capped, and is jittered within [ceiling/2, ceiling]', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(4, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 1_000, () => 1)).toBe(1000);
  });

  const safe = { safe: true as const, why: 'test' };
  const unsafe = { safe: false as const, why: 'it would insert twice' };
  const policy = { retries: 3, baseDelayMs: 1 };

  it('retries a safe command until it succeeds', async () => {
    let calls = 0;
    const out = await withRetries(async () => {
      calls++;
      if (calls < 3) throw new MongoNetworkError('reset');
      return 'ok';
    }, safe, policy);
    expect(out).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after retries + 1 attempts', async () => {
    let calls = 0;
    const err = await withRetries(async () => {
      calls++;
      throw new MongoServerError({ errmsg: 'stepped down', code: 189 });
    }, safe, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryStopped);
    expect((err as RetryStopped).attempts).toBe(4);
    expect(calls).toBe(4);
  });

  it('never resends an unsafe command whose outcome is unknown, but resends one the server never started', async () => {
    let calls = 0;
    const err = await withRetries(async () => {
      calls++;
      throw new MongoNetworkError('reset');
    }, unsafe, policy).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect((err as RetryStopped).unsafe).toBe('it would insert twice');
    expect(toEngineError(err, URI).message).toMatch(/not retried, because it would insert twice/);

    calls = 0;
    await withRetries(async () => {
      calls++;
      if (calls === 1) throw new MongoServerError({ errmsg: 'not primary', code: 10107 });
    }, unsafe, policy);
    expect(calls).toBe(2);
  });

  it('does not retry errors that are not transient', async () => {
    let calls = 0;
    await withRetries(async () => {
      calls++;
      throw new MongoServerError({ errmsg: 'bad', code: 2 });
    }, safe, policy).catch(() => undefined);
    expect(calls).toBe(1);
  });
});

describe('retry safety of the commands the compiler emits', () => {
  const schema = `
    CREATE TABLE keyed (id int PRIMARY KEY, name text NOT NULL, n int);
    CREATE TABLE loose (name text, n int);`;
  async function commands(sql: string): Promise<MongoCommand[]> {
    const script = await compile(sql, { schema });
    return script.statements.at(-1)!.commands;
  }
  const byRole = (cmds: MongoCommand[], role: string) => cmds.filter((c) => c.role === role);

  it('reads, $out stages and DDL are safe', async () => {
    for (const c of await commands('SELECT name FROM keyed WHERE n > 1')) expect(retrySafety(c).safe).toBe(true);
    const insert = await commands("INSERT INTO keyed (id, name) VALUES (1, 'a')");
    expect(retrySafety(byRole(insert, 'stage')[0]).safe).toBe(true);
    for (const role of ['check', 'count', 'cleanup']) for (const c of byRole(insert, role)) expect(retrySafety(c).safe).toBe(true);
    // a keyed table's INSERT stages twice (the rows, then their outcomes into a second stage): each $out into another collection
    const upsert = await commands("INSERT INTO keyed (id, name, n) VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET n = keyed.n + excluded.n");
    expect(byRole(upsert, 'stage')).toHaveLength(2);
    for (const role of ['stage', 'check', 'count', 'cleanup']) for (const c of byRole(upsert, role)) expect(retrySafety(c)).toMatchObject({ safe: true });
    const ctas = await commands('CREATE TABLE t2 AS SELECT name FROM keyed');
    for (const c of ctas) expect(retrySafety(c)).toMatchObject({ safe: true });
  });

  it('INSERT into a keyed table: the write $merges on the key with keepExisting: safe', async () => {
    for (const sql of ["INSERT INTO keyed (id, name) VALUES (1, 'a')", "INSERT INTO keyed (id, name) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING"]) {
      const [write] = byRole(await commands(sql), 'write');
      expect(retrySafety(write)).toMatchObject({ safe: true });
    }
  });

  it('INSERT into a table without a key: the server gives each row a fresh _id, so a resend would insert twice', async () => {
    const [write] = byRole(await commands("INSERT INTO loose (name) VALUES ('a')"), 'write');
    expect(retrySafety(write)).toMatchObject({ safe: false, why: expect.stringMatching(/generated by the server/) });
  });

  it('rejects rows get fresh ids: unsafe; ON CONFLICT DO UPDATE runs a whenMatched pipeline: unsafe', async () => {
    const [rejects] = byRole(await commands("INSERT INTO keyed (id, name) VALUES (1, 'a')"), 'rejects');
    expect(retrySafety(rejects).safe).toBe(false);
    const [write] = byRole(await commands("INSERT INTO keyed (id, name, n) VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET n = keyed.n + excluded.n"), 'write');
    expect(retrySafety(write)).toMatchObject({ safe: false, why: expect.stringMatching(/whenMatched pipeline/) });
  });

  it('UPDATE is safe unless it reads what it assigns', async () => {
    const [constant] = (await commands("UPDATE loose SET name = 'x' WHERE n > 1")).filter((c) => c.kind === 'updateMany');
    expect(retrySafety(constant).safe).toBe(true);
    const [derived] = (await commands('UPDATE loose SET name = n::text')).filter((c) => c.kind === 'updateMany');
    expect(retrySafety(derived).safe).toBe(true);
    const [counter] = (await commands('UPDATE loose SET n = n + 1')).filter((c) => c.kind === 'updateMany');
    expect(retrySafety(counter)).toMatchObject({ safe: false, why: expect.stringMatching(/reads what it assigns \(n\)/) });
  });

  it('DELETE is safe; MERGE updates and deletes replace or mark by _id: safe', async () => {
    for (const c of await commands('DELETE FROM loose WHERE n > 1')) expect(retrySafety(c).safe).toBe(true);
    const merge = await commands(`MERGE INTO keyed t USING loose s ON t.name = s.name
      WHEN MATCHED THEN UPDATE SET n = s.n WHEN NOT MATCHED THEN INSERT (id, name, n) VALUES (s.n, s.name, s.n)`);
    const writes = byRole(merge, 'write');
    const updates = writes.find((c) => c.kind === 'aggregate' && JSON.stringify(c.pipeline).includes('"replace"'))!;
    expect(retrySafety(updates).safe).toBe(true);
    const inserts = writes.find((c) => c.kind === 'aggregate' && JSON.stringify(c.pipeline).includes('"whenMatched":"fail"'))!;
    expect(retrySafety(inserts).safe).toBe(false);
  });
});

describe('server options', () => {
  it('write concern', () => {
    expect(parseWriteConcern('majority')).toEqual({ w: 'majority' });
    expect(parseWriteConcern('1')).toEqual({ w: 1 });
    expect(parseWriteConcern('majority,j,wtimeout=5000')).toEqual({ w: 'majority', j: true, wtimeout: 5000 });
    expect(parseWriteConcern('2,j=false')).toEqual({ w: 2, j: false });
    expect(() => parseWriteConcern('majority,x')).toThrow(/unknown part 'x'/);
    expect(() => parseWriteConcern('')).toThrow(SqlEtlError);
    expect(() => parseWriteConcern('0,j')).toThrow(/w=0/);
  });
  it('read preference and counts', () => {
    expect(parseReadPreference('secondarypreferred')).toBe('secondaryPreferred');
    expect(() => parseReadPreference('closest')).toThrow(/expected one of primary/);
    expect(parseCount('--retries', '0', 0)).toBe(0);
    expect(() => parseCount('--batch-size', '0', 1)).toThrow(/from 1/);
    expect(() => parseCount('--max-time-ms', '1.5', 1)).toThrow(SqlEtlError);
  });
});

describe('a $merge of server-generated _ids, made resendable (fixed-id-merge.ts)', () => {
  const schema = 'CREATE TABLE loose (name text NOT NULL, n int); CREATE TABLE keyed (id int PRIMARY KEY, name text NOT NULL, n int);';
  const sql = "INSERT INTO loose (name, n) VALUES ('a', 1), (NULL, 2), ('b', 3), ('a', 1)";

  it('only fresh-id merges are fixable, and the plan\'s steps are each safe to resend', async () => {
    const { fixedIdMergePlan } = await import('../src/engine/fixed-id-merge.js');
    const cmds = (await compile(sql, { schema })).statements[0].commands;
    const fixable = cmds.filter((c) => c.kind === 'aggregate' && (retrySafety(c) as { freshIds?: boolean }).freshIds);
    expect(fixable.map((c) => c.role).sort()).toEqual(['rejects', 'write']);
    for (const c of fixable) {
      if (c.kind !== 'aggregate') continue;
      const plan = fixedIdMergePlan(c, '__sqletl_retry_test')!;
      expect(retrySafety(plan.fix)).toMatchObject({ safe: true });
      expect(retrySafety(plan.merge)).toMatchObject({ safe: true });
      expect(plan.drop).toMatchObject({ kind: 'drop', collection: '__sqletl_retry_test', ifExists: true });
    }
    // a whenMatched pipeline or a key that must not collide is not made resendable this way
    const upsert = (await compile("INSERT INTO keyed (id, name, n) VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET n = keyed.n + excluded.n", { schema })).statements[0].commands;
    expect(upsert.filter((c) => c.role === 'write').map((c) => (retrySafety(c) as { freshIds?: boolean }).freshIds)).toEqual([undefined]);
  });

  it('running the two steps (each twice, as after a lost reply) leaves the same rows as the single command ran once', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { EmbeddedEngine } = await import('../src/engine/embedded.js');
    const { fixedIdMergePlan } = await import('../src/engine/fixed-id-merge.js');
    const cmds = (await compile(sql, { schema })).statements[0].commands;
    const contents = async (dir: string, split: boolean) => {
      const engine = new EmbeddedEngine(dir);
      for (const c of cmds) {
        if (c.kind === 'loop') throw new Error('no loop expected');
        if (c.kind !== 'aggregate') await engine.write(c);
        else if (split && (retrySafety(c) as { freshIds?: boolean }).freshIds) {
          const plan = fixedIdMergePlan(c, '__sqletl_retry_test')!;
          await engine.aggregate(plan.fix);
          await engine.aggregate(plan.fix);
          await engine.aggregate(plan.merge);
          await engine.aggregate(plan.merge);
          await engine.write(plan.drop);
        } else await engine.aggregate(c);
      }
      const strip = (docs: Record<string, unknown>[]) => docs.map(({ _id, at, ...rest }) => JSON.stringify(rest)).sort();
      const out = { loose: strip(await engine.aggregate({ kind: 'aggregate', collection: 'loose', pipeline: [] })), rejects: strip(await engine.aggregate({ kind: 'aggregate', collection: 'loose__rejects', pipeline: [] })) };
      const ids = (await engine.aggregate({ kind: 'aggregate', collection: 'loose', pipeline: [] })).map((d) => String(d._id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(await engine.collectionSize('__sqletl_retry_test')).toBe(0);
      await engine.close();
      return out;
    };
    const once = await contents(mkdtempSync(join(tmpdir(), 'sqletl-once-')), false);
    const split = await contents(mkdtempSync(join(tmpdir(), 'sqletl-split-')), true);
    expect(once.loose).toHaveLength(3);
    expect(once.rejects).toHaveLength(1);
    expect(split).toEqual(once);
  });
});
