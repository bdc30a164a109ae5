import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { loadFixtures } from '../test/support/server-behaviours.js';
import { readSchema } from '../test/support/cases.js';
import { run } from '../src/index.js';
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const db = 'realscan_w';
try {
  await loadFixtures(wire.uri, db);
  const schema = readSchema();
  for (const sql of ["UPDATE singles SET d = r WHERE r < 2;", "DELETE FROM singles WHERE r = '0.1';", "MERGE INTO singles t USING (VALUES (5, 1)) v(id, k) ON t._id = v.id WHEN MATCHED AND t.r = 16777216 THEN UPDATE SET grp = 'tie';", "UPDATE singles SET r = r * 2 WHERE _id IN (1, 6);"]) {
    const t0 = Date.now();
    try { await Promise.race([run(sql, { schema, uri: wire.uri, db, file: 'x.sql' }), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout 20s')), 20000))]); console.log(Date.now() - t0, 'ms', sql.slice(0, 40)); }
    catch (err) { console.log('ERR', Date.now() - t0, (err as Error).message.slice(0, 150), sql.slice(0, 40)); }
  }
} finally { await wire.stop(); process.exit(0); }
