/**
 * WITH RECURSIVE's loop (src/mongo/lower-recursive.ts, src/run/run-loop.ts): what
 * explain prints, that its stage collections are gone after the statement (also
 * after the iteration limit stops it), and that a SELECT with one stays read-only.
 * The rows themselves are compared with PostgreSQL by grammar-tests/cte/recursive-*.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { compile, explain, run } from '../src/index.js';
import { EmbeddedEngine } from '../src/engine/embedded.js';
import { runStatement } from '../src/run/run-script.js';

const COUNT = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 4) SELECT n FROM t';

test('explain prints the loop as the mongosh script that does the same, with its limit', async () => {
  const text = await explain(`SET sqletl.max_recursion = 7;\n${COUNT}`, { color: false });
  expect(text).toContain('// WITH RECURSIVE t: repeat the body while the working table has rows');
  expect(text).toMatch(/for \(let pass = 0; db\.getCollection\("__sqletl_stage_2_rec1_t__work"\)\.aggregate\(\[[\s\S]*\]\, \{ allowDiskUse: true \}\)\.hasNext\(\); pass\+\+\) \{/);
  expect(text).toContain('if (pass === 7) throw new Error(');
  expect(text).toContain('db.getCollection("__sqletl_stage_2_rec1_t").drop();');
});

test('the stage collections are dropped after the statement, and after the iteration limit stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-rec-'));
  const engine = new EmbeddedEngine(dir);
  try {
    const names = ['__sqletl_stage_1_rec1_t', '__sqletl_stage_1_rec1_t__work', '__sqletl_stage_1_rec1_t__next'];
    const [ok] = (await compile(COUNT)).statements;
    const done = await runStatement(engine, ok, COUNT, {});
    expect(done.rows).toEqual([[1], [2], [3], [4]]);
    for (const n of names) expect(await engine.hasCollection(n)).toBe(false);
    const endless = 'SET sqletl.max_recursion = 3;\nWITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t';
    const st = (await compile(endless)).statements[1];
    await expect(runStatement(engine, st, endless, {})).rejects.toMatchObject({ code: 'recursion-limit', message: 'recursive query "t" is still producing rows after 3 iterations' });
    for (const n of names.map((x) => x.replace('_1_', '_2_'))) expect(await engine.hasCollection(n)).toBe(false);
  } finally {
    await engine.close();
  }
});

test('a SELECT with WITH RECURSIVE only reads: no lock, no journal in the data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-rec-'));
  writeFileSync(join(dir, 'edges.json'), '[{"_id": 1, "a": 1, "b": 2}, {"_id": 2, "a": 2, "b": 1}]');
  const sql = 'WITH RECURSIVE r(x) AS (SELECT 1 UNION SELECT e.b FROM edges e JOIN r ON e.a = r.x) SELECT x FROM r ORDER BY x';
  const res = await run(sql, { dataDir: dir });
  expect(res.statements[0].rows).toEqual([[1], [2]]);
  expect(existsSync(join(dir, '.sqletl'))).toBe(false);
});
