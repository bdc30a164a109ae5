/**
 * `explain --analyze` on the embedded engine (src/run/analyze*.ts): the per-stage
 * counts are the real ones — each is checked against PostgreSQL (PGlite) answering
 * the same question over the same fixtures — nothing is written, and the index
 * suggestion appears for a selective leading $match and only then.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compile } from '../src/index.js';
import { EmbeddedEngine } from '../src/engine/embedded.js';
import { analyzeStatements, formatAnalysis, type StatementAnalysis } from '../src/run/analyze.js';
import { EmbeddedAnalyzer } from '../src/run/analyze-embedded.js';
import { indexableFields } from '../src/run/suggest-index.js';
import { main } from '../src/cli/main.js';
import { FIXTURES_DIR, readSchema } from './support/cases.js';
import { PgReference } from './support/pglite.js';

const schema = readSchema();
let pg: PgReference;
let dataDir: string;

/** every file under a directory with its content hash: "nothing was written" is this staying equal */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function count(sql: string): Promise<number> {
  const r = await pg.run(sql);
  return Number(r.rows[0][0]);
}

async function analyze(sql: string): Promise<StatementAnalysis[]> {
  const script = await compile(sql, { schema });
  const engine = new EmbeddedEngine(dataDir);
  try {
    return await analyzeStatements(script.statements, new EmbeddedAnalyzer(engine));
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  pg = await PgReference.start(FIXTURES_DIR, schema);
  dataDir = mkdtempSync(join(tmpdir(), 'sqletl-analyze-'));
  cpSync(FIXTURES_DIR, dataDir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await pg?.close();
});

describe('explain --analyze on the embedded engine', () => {
  it('a SELECT: the scan, the leading $match, the groups and the result, counted as PostgreSQL counts them', async () => {
    const where = "status = 'shipped' AND amount > 50";
    const [st] = await analyze(`SELECT customer_id, count(*) AS n FROM orders WHERE ${where} GROUP BY customer_id ORDER BY n DESC`);
    const [cmd] = st.commands;
    const rows = cmd.stages;
    expect(rows[0]).toMatchObject({ stage: 'COLLSCAN orders', plan: 'COLLSCAN', docsExamined: await count('SELECT count(*) FROM orders') });
    expect(rows[1]).toMatchObject({ stage: '$match', docsIn: await count('SELECT count(*) FROM orders'), returned: await count(`SELECT count(*) FROM orders WHERE ${where}`) });
    const group = rows.find((r) => r.stage === '$group')!;
    expect(group.returned).toBe(await count(`SELECT count(*) FROM (SELECT customer_id FROM orders WHERE ${where} GROUP BY customer_id) g`));
    expect(rows.at(-1)!.returned).toBe(await count(`SELECT count(*) FROM (SELECT customer_id FROM orders WHERE ${where} GROUP BY customer_id) g`));
    // each stage's input is the previous stage's output
    for (let i = 2; i < rows.length; i++) expect(rows[i].docsIn).toBe(rows[i - 1].returned);
    for (const r of rows.slice(1)) expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('suggests CREATE INDEX for a selective leading $match, equality fields before ranges, and not for an unselective one', async () => {
    const [selective] = await analyze('SELECT amount FROM orders WHERE amount > 10 AND customer_id = 3');
    const total = await count('SELECT count(*) FROM orders');
    const kept = await count('SELECT count(*) FROM orders WHERE amount > 10 AND customer_id = 3');
    expect(kept / total).toBeLessThanOrEqual(0.1);
    const s = selective.commands[0].suggestion!;
    expect(s.sql).toBe('CREATE INDEX orders_customer_id_amount_idx ON orders (customer_id, amount);');
    expect(s.shell).toBe('db.getCollection("orders").createIndex({ "customer_id": 1, "amount": 1 })');
    expect(s.reason).toContain(`keeps ${kept} of ${total} documents`);
    // the suggestion is a statement sqletl runs: it creates that index
    const created = await compile(s.sql!);
    expect(created.statements[0].commands[0]).toMatchObject({ kind: 'createIndex', collection: 'orders', keys: { customer_id: 1, amount: 1 } });

    const [broad] = await analyze("SELECT amount FROM orders WHERE status = 'shipped'");
    expect(await count("SELECT count(*) FROM orders WHERE status = 'shipped'")).toBeGreaterThan(total * 0.1);
    expect(broad.commands[0].suggestion).toBeUndefined();
    // a predicate the query language cannot use (computed) gives no suggestion either
    const [computed] = await analyze('SELECT amount FROM orders WHERE amount * 2 = 91');
    expect(computed.commands[0].suggestion).toBeUndefined();
  });

  it('an INSERT: the stage step, the rows that would reach each write, DDL and cleanup not run; nothing written', async () => {
    const before = snapshot(dataDir);
    const sql = `CREATE TABLE big_orders (id int PRIMARY KEY, amount numeric NOT NULL);
      INSERT INTO big_orders SELECT _id, amount FROM orders WHERE amount > 100`;
    const report = await analyze(sql);
    expect(report[0].commands[0]).toMatchObject({ run: false, notes: [expect.stringMatching(/not run: DDL/)] });
    const insert = report[1].commands;
    const wouldInsert = await count('SELECT count(*) FROM orders WHERE amount > 100 AND amount IS NOT NULL');
    const stage = insert.find((c) => c.what.includes('(stage)'))!;
    expect(stage.notes.join('\n')).toMatch(new RegExp(`\\$out into __sqletl_stage_2_big_orders: not run \\(analyze is read-only\\); ${await count('SELECT count(*) FROM orders WHERE amount > 100')} document`));
    const write = insert.find((c) => c.what.includes('(write)'))!;
    // a keyed table: the write reads the stage whose rows' outcomes are decided (insert-outcomes.ts)
    expect(write.stages[0]).toMatchObject({ stage: 'stage step → __sqletl_stage_2_big_orders__rows', stageStep: true });
    expect(write.notes.join('\n')).toContain(`$merge into big_orders: not run (analyze is read-only); ${wouldInsert} document`);
    expect(insert.at(-1)).toMatchObject({ run: false, notes: ['not run: cleanup (analyze is read-only)'] });
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('UPDATE and DELETE: the documents their filters match, not applied', async () => {
    const before = snapshot(dataDir);
    const [update, del] = await analyze("UPDATE orders SET note = 'big' WHERE quantity > 2; DELETE FROM orders WHERE customer_id = 1");
    const n1 = await count('SELECT count(*) FROM orders WHERE quantity > 2');
    const n2 = await count('SELECT count(*) FROM orders WHERE customer_id = 1');
    expect(update.commands[0].stages[0]).toMatchObject({ stage: 'update filter', returned: n1, plan: 'COLLSCAN' });
    expect(update.commands[0].notes[0]).toBe(`not run (analyze is read-only): would update the ${n1} matching documents`);
    expect(del.commands[0].stages[0]).toMatchObject({ stage: 'delete filter', returned: n2 });
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('prints one table per command', async () => {
    const text = formatAnalysis(await analyze("SELECT amount FROM orders WHERE customer_id = 3"), 'embedded');
    expect(text).toMatch(/\/\/ statement 1: SELECT amount FROM orders WHERE customer_id = 3/);
    expect(text).toMatch(/\/\/ {5}stage +docs in +examined +keys +returned +ms +plan/);
    expect(text).toMatch(/suggestion: the leading \$match keeps \d+ of \d+ documents/);
    expect(text).toContain('CREATE INDEX orders_customer_id_idx ON orders (customer_id);');
  });

  it('orders index fields equality first, then ranges; ignores $ne, $nin and $expr', () => {
    expect(indexableFields({ $and: [{ a: { $gt: 1 } }, { b: { $eq: 2 } }, { c: { $nin: [1, null] } }, { d: { $in: [1, 2] } }] })).toEqual(['b', 'd', 'a']);
    expect(indexableFields({ $or: [{ t: { $gte: new Date(0) } }, { t: { $gte: 'x' } }] })).toEqual(['t']);
    expect(indexableFields({ $or: [{ a: { $eq: 1 } }, { b: { $eq: 1 } }] })).toEqual([]);
    expect(indexableFields({ name: { $regex: '^abc', $options: 's' }, other: { $regex: 'abc' } })).toEqual(['name']);
  });
});

describe('sqletl explain --analyze (CLI, in process)', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      const code = await main(['node', 'sqletl', ...args]);
      return { code, out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('prints the analysis, JSON with --format json, and sharding warnings', async () => {
    const file = join(dataDir, 'job.sql');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'INSERT INTO totals SELECT customer_id, sum(amount) FROM orders WHERE customer_id = 3 GROUP BY customer_id;\n');
    const env = { ...process.env };
    delete process.env.SQLETL_MONGODB_URI;
    delete process.env.MONGODB_URI;
    try {
      const text = await cli(['explain', file, '--analyze', '--data', dataDir, '--shard-key', 'totals=customer_id']);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/explain --analyze: embedded engine/);
      expect(text.out).toContain('CREATE INDEX orders_customer_id_idx ON orders (customer_id);');
      expect(text.err).toMatch(/warning: statement 1: sharded cluster: cannot run with "totals" sharded on \{ customer_id: 1 \}/);
      const json = await cli(['explain', file, '--analyze', '--data', dataDir, '--format', 'json']);
      const parsed = JSON.parse(json.out) as { engine: string; statements: StatementAnalysis[] };
      expect(parsed.engine).toBe('embedded');
      expect(parsed.statements[0].commands[0].suggestion?.fields).toEqual(['customer_id']);
      const bad = await cli(['explain', file, '--analyze', '--stage', 'ir']);
      expect(bad.code).toBe(2);
      const badKey = await cli(['explain', file, '--shard-key', 'totals']);
      expect(badKey.code).toBe(2);
    } finally {
      process.env = env;
    }
  });
});

/**
 * The parser of MongoDB's explain output, over documents of the shapes the server
 * documents (classic `$cursor` + stages, a pipeline wholly in the query layer, a
 * sharded answer). Written here for the parser only: what the server really
 * returns is checked by the real-server tier (memory-server.test.ts).
 */
describe('explain output parsing', () => {
  it('$cursor then pipeline stages: the plan leaves first, times made per stage', async () => {
    const { explainStages, planStages, leadingExamined } = await import('../src/run/analyze-server.js');
    const explained = {
      stages: [
        {
          $cursor: {
            queryPlanner: { winningPlan: { stage: 'PROJECTION_SIMPLE', inputStage: { stage: 'COLLSCAN', direction: 'forward' } }, rejectedPlans: [{ stage: 'IXSCAN', indexName: 'unused' }] },
            executionStats: {
              nReturned: 3, executionTimeMillis: 5, totalKeysExamined: 0, totalDocsExamined: 40,
              executionStages: { stage: 'PROJECTION_SIMPLE', nReturned: 3, executionTimeMillisEstimate: 4, inputStage: { stage: 'COLLSCAN', nReturned: 3, docsExamined: 40, executionTimeMillisEstimate: 3 } },
            },
          },
          nReturned: 3,
          executionTimeMillisEstimate: 4,
        },
        { $group: { _id: '$customer_id' }, nReturned: 2, executionTimeMillisEstimate: 6 },
        { $lookup: { from: 'customers', as: 'c' }, nReturned: 2, executionTimeMillisEstimate: 9, totalDocsExamined: 2, totalKeysExamined: 2, collectionScans: 0, indexesUsed: ['_id_'] },
      ],
    };
    const rows = explainStages(explained);
    expect(rows.map((r) => r.stage)).toEqual(['COLLSCAN', 'PROJECTION_SIMPLE', 'query total', '$group', '$lookup']);
    expect(rows[0]).toMatchObject({ docsExamined: 40, returned: 3, ms: 3, plan: 'COLLSCAN' });
    expect(rows[1]).toMatchObject({ ms: 1 });
    expect(rows[2]).toMatchObject({ docsExamined: 40, keysExamined: 0, returned: 3, plan: 'COLLSCAN' });
    expect(rows[3]).toMatchObject({ returned: 2, ms: 2 });
    expect(rows[4]).toMatchObject({ returned: 2, ms: 3, docsExamined: 2, plan: 'IXSCAN { _id_ }' });
    expect(planStages(explained)).toEqual(['PROJECTION_SIMPLE', 'COLLSCAN']);
    expect(leadingExamined(explained)).toBe(40);
  });

  it('a pipeline wholly in the query layer (slot-based plan) and a sharded answer', async () => {
    const { explainStages, planStages, leadingExamined } = await import('../src/run/analyze-server.js');
    const sbe = {
      explainVersion: '2',
      queryPlanner: { winningPlan: { queryPlan: { stage: 'GROUP', inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'customer_id_1' } } }, slotBasedPlan: { stages: 'opaque' } } },
      executionStats: { nReturned: 1, executionTimeMillis: 1, totalKeysExamined: 2, totalDocsExamined: 2, executionStages: { stage: 'group', nReturned: 1 } },
    };
    const rows = explainStages(sbe);
    expect(rows.map((r) => r.stage)).toEqual(['IXSCAN', 'FETCH', 'GROUP', 'query total']);
    expect(rows[0].plan).toBe('IXSCAN customer_id_1');
    expect(rows.at(-1)).toMatchObject({ docsExamined: 2, keysExamined: 2, returned: 1, plan: 'IXSCAN customer_id_1' });
    expect(planStages(sbe)).toContain('IXSCAN customer_id_1');
    const sharded = { shards: { s0: { ...sbe }, s1: { ...sbe, executionStats: { ...sbe.executionStats, totalDocsExamined: 5 } } } };
    expect(explainStages(sharded).filter((r) => r.stage.endsWith('query total')).map((r) => r.stage)).toEqual(['s0: query total', 's1: query total']);
    expect(leadingExamined(sharded)).toBe(7);
  });
});
