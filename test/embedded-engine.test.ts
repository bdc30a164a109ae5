/**
 * The embedded engine's data-directory layout (DESIGN §2): `db.coll` is
 * `<data>/db/coll.*`, and unqualified names use the default database (`--db`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { run } from '../src/index.js';

test('unqualified names read the default database; qualified names their own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-db-'));
  mkdirSync(join(dir, 'shop'));
  mkdirSync(join(dir, 'crm'));
  writeFileSync(join(dir, 'items.json'), '[{"_id": 1, "x": "root"}]');
  writeFileSync(join(dir, 'shop', 'items.json'), '[{"_id": 1, "x": "shop"}]');
  writeFileSync(join(dir, 'crm', 'items.ndjson'), '{"_id": 1, "x": "crm"}\n');
  const sql = 'SELECT x FROM items; SELECT x FROM crm.items;';
  const withDb = await run(sql, { dataDir: dir, db: 'shop' });
  expect(withDb.statements.map((s) => s.rows)).toEqual([[['shop']], [['crm']]]);
  const withoutDb = await run(sql, { dataDir: dir });
  expect(withoutDb.statements.map((s) => s.rows)).toEqual([[['root']], [['crm']]]);
});
