import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { loadFixtures } from '../test/support/server-behaviours.js';
import fs from 'node:fs';
const { EJSON } = await import('bson');
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const db = 'realscan_w2';
const client = new MongoClient(wire.uri);
const race = (p: Promise<unknown>) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout 15s')), 15000))]);
try {
  await loadFixtures(wire.uri, db);
  const cmds = EJSON.parse(fs.readFileSync('grammar-tests/real/stored-writes.pipeline.json', 'utf8'), { relaxed: false }) as any;
  const [agg, upd] = cmds[0];
  const coll = client.db(db).collection('singles');
  let t0 = Date.now();
  try { await race(coll.aggregate(agg.pipeline.slice(0, 1)).toArray()); console.log('agg $match only', Date.now() - t0); } catch (e) { console.log('agg match ERR', (e as Error).message); }
  t0 = Date.now();
  try { await race(coll.aggregate(agg.pipeline.slice(0, -1)).toArray()); console.log('agg no merge', Date.now() - t0); } catch (e) { console.log('agg ERR', (e as Error).message); }
  t0 = Date.now();
  try { await race(coll.find(upd.filter).toArray()); console.log('upd filter', Date.now() - t0); } catch (e) { console.log('upd filter ERR', (e as Error).message); }
  console.log(Object.keys(upd));
} finally { await client.close(); await wire.stop(); process.exit(0); }
