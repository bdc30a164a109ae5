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
import { afterAll, beforeAll, describe, test } from 'vitest';
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
