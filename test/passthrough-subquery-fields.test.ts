import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../src/index.js';

// `SELECT *` of a collection without declared columns passes its documents through as they
// are; the fields a subquery's $lookup attaches (`__sq0`, a NOT IN's `__sq0_s`) must not
// come out with them, nor be written back by an UPDATE/DELETE whose WHERE holds a subquery.
describe('rows passed through keep no subquery fields', () => {
  const data = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-passthrough-'));
    writeFileSync(join(dir, 'things.ndjson'), '{"_id":1,"v":1}\n{"_id":2,"v":5}\n{"_id":3,"v":null}\n');
    writeFileSync(join(dir, 'keys.ndjson'), '{"k":2}\n{"k":null}\n');
    return dir;
  };

  test.each([
    ['IN', 'SELECT * FROM things WHERE _id IN (SELECT k FROM keys)', 1],
    ['NOT IN', 'SELECT * FROM things WHERE _id NOT IN (SELECT k FROM keys WHERE k IS NOT NULL)', 2],
    ['EXISTS', 'SELECT * FROM things WHERE EXISTS (SELECT 1 FROM keys WHERE keys.k = things._id)', 1],
    ['scalar', 'SELECT * FROM things WHERE v < (SELECT max(k) FROM keys)', 1],
  ])('%s', async (_name, sql, n) => {
    const r = await run(sql, { dataDir: data() });
    const s = r.statements[0] as { rows?: unknown[][]; columns?: string[] };
    expect({ n: s.rows?.length, columns: s.columns }).toEqual({ n, columns: ['_id', 'v'] });
  });

  test('UPDATE … WHERE … IN (SELECT …) writes back only the documents’ own fields', async () => {
    const dir = data();
    await run('UPDATE things SET v = (SELECT count(*) FROM keys) WHERE _id IN (SELECT k FROM keys)', { dataDir: dir });
    const docs = readFileSync(join(dir, 'things.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs).toEqual([{ _id: 1, v: 1 }, { _id: 2, v: 2 }, { _id: 3, v: null }]);
  });
});
