/**
 * The DocumentDB tier (issue 17, DESIGN §2): every grammar case that returns rows, and
 * the MongoSQL conformance suite, run through sqletl's MongoDB engine — the real
 * `mongodb` driver — against DocumentDB, an independent implementation of MongoDB's
 * API (../shared/documentdb), reached through test/support/documentdb-wire.ts. Each
 * result must equal PostgreSQL's (PGlite), as on a real mongod (memory-server.test.ts).
 *
 * DocumentDB is not MongoDB. A case that differs must be listed in
 * test/documentdb/expected-differences.tsv with why: `sqletl-bug` (sqletl emits
 * something MongoDB's documentation rejects or computes differently),
 * `documentdb-deviation` (DocumentDB departs from MongoDB's documentation; see
 * ../shared/documentdb/README.md), `adapter` (the wire adapter's limit), or `unspecified-order`
 * (SQL leaves the answer to the order of rows among peers: PostgreSQL and the embedded engine keep
 * the order rows arrive in, a MongoDB server promises none). An unlisted
 * difference fails, and so does a listed case that now equals PostgreSQL, so the list
 * stays true. Without a reachable DocumentDB (SQLETL_DOCUMENTDB_URL, default
 * postgres://postgres@127.0.0.1:9712/postgres) the tier is skipped and says why.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoClient, type Document } from 'mongodb';
import { EJSON } from 'bson';
import { FIXTURES_DIR, ROOT, caseOptions, discoverCases, readSchema } from './support/cases.js';
import { compareTables } from './support/compare.js';
import { PgReference } from './support/pglite.js';
import { loadFixtures, serverBehaviourTests } from './support/server-behaviours.js';
import { writes } from './support/sqletl.js';
import { conformancePg, conformanceSchema, readConformanceCases, SUITE_DIR, suiteAvailable } from './support/conformance.js';
import type { DocumentDbWire } from './support/documentdb-wire.js';

const PG_URL = process.env.SQLETL_DOCUMENTDB_URL ?? 'postgres://postgres@127.0.0.1:9712/postgres';
const DIFFERENCES_FILE = join(ROOT, 'test', 'documentdb', 'expected-differences.tsv');
const CATEGORIES = new Set(['sqletl-bug', 'documentdb-deviation', 'adapter', 'unspecified-order']);
// one set of databases per run: another session may run the tier on the same DocumentDB
const DB = `sqletl_docdb_${process.pid}`;

/** Why the tier cannot run here, or undefined when DocumentDB answers. */
async function unreachable(): Promise<string | undefined> {
  let pg: typeof import('pg').default;
  try {
    pg = (await import('pg')).default;
  } catch {
    return 'the `pg` package is not installed (npm ci installs it)';
  }
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ v: string }>('SELECT documentdb_api.binary_version() AS v');
    return r.rows.length ? undefined : 'documentdb_api.binary_version() returned nothing';
  } catch (err) {
    return `no DocumentDB at ${PG_URL.replace(/\/\/[^@/]*@/, '//***@')}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const why = await unreachable();
if (why) {
  console.log(
    `documentdb tier SKIPPED: ${why}. Start one with ../shared/documentdb/start.sh (see README, "Compatible engines / the DocumentDB tier") ` +
      'or set SQLETL_DOCUMENTDB_URL; the grammar cases still run on the embedded engine and PostgreSQL.',
  );
}

/** test/documentdb/expected-differences.tsv: `area/case<TAB>category<TAB>reason`. */
function readDifferences(): Map<string, { category: string; reason: string }> {
  const out = new Map<string, { category: string; reason: string }>();
  if (!existsSync(DIFFERENCES_FILE)) return out;
  for (const line of readFileSync(DIFFERENCES_FILE, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [key, category, reason] = line.split('\t');
    out.set(key, { category, reason });
  }
  return out;
}

const differences = readDifferences();
const tally = { run: 0, equal: 0, listed: 0 };

/**
 * The outcome of one case against its listing: an unlisted difference fails with the
 * diff; a listed case must still differ.
 */
function judge(key: string, problem: string | undefined): void {
  tally.run++;
  // SQLETL_DOCUMENTDB_REPORT=file.ndjson keeps every difference, for classifying them
  if (problem && process.env.SQLETL_DOCUMENTDB_REPORT) appendFileSync(process.env.SQLETL_DOCUMENTDB_REPORT, JSON.stringify({ key, problem }) + '\n');
  const listed = differences.get(key);
  if (listed) {
    tally.listed++;
    expect(problem, `${key} now equals PostgreSQL on DocumentDB: remove it from test/documentdb/expected-differences.tsv (listed as ${listed.category}: ${listed.reason})`).toBeDefined();
    return;
  }
  if (problem) throw new Error(`DocumentDB's result differs from PostgreSQL's:\n${problem}`);
  tally.equal++;
}

/** Loading runs again once if it fails: a backend crash caused by another session ends every session. */
async function twice(load: () => Promise<void>): Promise<void> {
  await load().catch(async () => {
    await new Promise((r) => setTimeout(r, 1000));
    await load();
  });
}

const describeError = (err: unknown) => (err as { format?: () => string }).format?.() ?? String((err as Error)?.message ?? err);
/** DocumentDB crashed a backend (possibly another session's doing): worth one more try, alone. */
const lostBackend = (problem: string | undefined) => !!problem && /backend connection lost/.test(problem);

describe.skipIf(!!why)('DocumentDB through the MongoDB driver', () => {
  let wire: DocumentDbWire;
  let uri: string;

  beforeAll(async () => {
    const { DocumentDbWire } = await import('./support/documentdb-wire.js');
    wire = await DocumentDbWire.start(PG_URL);
    uri = wire.uri;
  });

  afterAll(async () => {
    if (wire) for (const db of [DB, `${DB}_engine`]) await dropDatabase(uri, db).catch(() => undefined);
    await wire?.stop();
    console.log(`documentdb tier: ${tally.equal}/${tally.run} cases equal PostgreSQL (${tally.listed} listed differences)`);
  });

  test('the expected-differences list names only existing cases, with a known category and a reason', () => {
    const known = new Set(discoverCases().filter((c) => !c.error).map((c) => `${c.area}/${c.name}`));
    if (suiteAvailable()) for (const c of readConformanceCases()) known.add(`conformance/${c.name}`);
    for (const [key, { category, reason }] of differences) {
      expect(known.has(key), `${key}: no such case`).toBe(true);
      expect(CATEGORIES.has(category), `${key}: category ${category}`).toBe(true);
      expect(reason?.trim(), `${key}: reason`).toBeTruthy();
    }
  });

  describe('grammar cases', () => {
    let pg: PgReference;
    const schema = readSchema();

    beforeAll(async () => {
      await twice(() => loadFixtures(uri, DB));
      pg = await PgReference.start(FIXTURES_DIR, schema);
    });

    afterAll(async () => {
      await pg?.close();
    });

    const cases = discoverCases().filter((c) => !c.error);
    cases.forEach((c, i) => {
      test(`${c.area}/${c.name}`, async () => {
        const { run } = await import('../src/index.js');
        const expected = await pg.run(c.pgSql);
        const attempt = async (): Promise<string | undefined> => {
          // a case that writes gets a database of its own, loaded with the fixtures
          const db = writes(c.sql) ? `${DB}_w${i}` : DB;
          try {
            if (db !== DB) await loadFixtures(uri, db);
            const last = (await run(c.sql, { ...caseOptions(c, schema), uri, db })).statements.at(-1)!;
            const cmp = compareTables({ columns: expected.columns, rows: expected.rows }, { columns: last.columns ?? [], rows: last.rows ?? [] }, c.ordered);
            return cmp.ok ? undefined : cmp.diff;
          } catch (err) {
            return describeError(err);
          } finally {
            if (db !== DB) await dropDatabase(uri, db).catch(() => undefined);
          }
        };
        let problem = await attempt();
        if (lostBackend(problem)) problem = await attempt();
        judge(`${c.area}/${c.name}`, problem);
      });
    });
  });

  /**
   * The MongoDB engine's own behaviours (test/support/server-behaviours.ts), where they
   * can hold on DocumentDB: not 'options', whose INSERT … SELECT stages through $out
   * after a $shift (refused by DocumentDB: "mutable functions"), nor 'explain-analyze'
   * (the adapter forwards no explain: DocumentDB's SQL API has none in MongoDB's format).
   */
  describe('engine behaviours', () => {
    let pg: PgReference;
    const schema = readSchema();
    const db = `${DB}_engine`;

    beforeAll(async () => {
      await twice(() => loadFixtures(uri, db));
      pg = await PgReference.start(FIXTURES_DIR, schema);
    });

    afterAll(async () => {
      await pg?.close();
    });

    serverBehaviourTests({ uri: () => uri, pg: () => pg, db, schema }, ['streaming', 'max-time-ms', 'auth']);
  });

  describe.skipIf(!suiteAvailable())('MongoSQL conformance', () => {
    const cases = suiteAvailable() ? readConformanceCases() : [];
    let pg: Awaited<ReturnType<typeof conformancePg>>;
    let schema: string;

    beforeAll(async () => {
      pg = await conformancePg();
      schema = conformanceSchema();
      // data/<db>.<coll>.ndjson: collection <coll> of database <db>, as the cases name them
      const byDb = new Map<string, string[]>();
      for (const f of readdirSync(join(SUITE_DIR, 'data'))) {
        const m = /^([^.]+)\.(.+)\.ndjson$/.exec(f);
        if (m) byDb.set(m[1], [...(byDb.get(m[1]) ?? []), f]);
      }
      await twice(async () => {
        const client = new MongoClient(uri);
        try {
          for (const [db, files] of byDb) {
            await client.db(db).dropDatabase();
            for (const f of files) {
              const docs = readFileSync(join(SUITE_DIR, 'data', f), 'utf8').split('\n').filter(Boolean).map((l) => EJSON.parse(l, { relaxed: true }) as Document);
              const coll = /^[^.]+\.(.+)\.ndjson$/.exec(f)![1];
              if (docs.length) await client.db(db).collection(coll).insertMany(docs);
              else await client.db(db).createCollection(coll);
            }
          }
        } finally {
          await client.close();
        }
      });
    });

    afterAll(async () => {
      await pg?.close();
    });

    for (const c of cases) {
      test(c.name, async () => {
        const { run } = await import('../src/index.js');
        const expected = await pg.run(c.sql);
        const attempt = async (): Promise<string | undefined> => {
          try {
            const result = (await run(c.sql, { uri, db: DB, schema, file: c.name })).statements.at(-1)!;
            const cmp = compareTables(expected, { columns: result.columns ?? [], rows: result.rows ?? [] }, c.ordered);
            return cmp.ok ? undefined : cmp.diff;
          } catch (err) {
            return describeError(err);
          }
        };
        let problem = await attempt();
        if (lostBackend(problem)) problem = await attempt();
        judge(`conformance/${c.name}`, problem);
      });
    }
  });
});

async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
