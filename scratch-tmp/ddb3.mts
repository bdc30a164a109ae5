import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import fs from 'node:fs';
const { EJSON } = await import('bson');
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  const cmds = EJSON.parse(fs.readFileSync('grammar-tests/real/stored-star.pipeline.json', 'utf8'), { relaxed: false }) as any;
  let pipeline = cmds[0][0].pipeline.slice(1);
  const v = process.argv[2]; if (v) { let t = JSON.stringify(pipeline); t = t.split(v.split('=>')[0]).join(v.split('=>')[1]); pipeline = JSON.parse(t); }
  for (const ids of [[1,2,3,4,5,6,7,8,9,10,11,12], [3,10], [10], [3]]) {
    try { const out = await coll.aggregate([{ $match: { _id: { $in: ids } } }, ...pipeline]).toArray(); console.log(ids, JSON.stringify(out.map((o) => o.r))); }
    catch (err) { console.log(ids, 'ERR', (err as Error).message.slice(0, 100)); }
  }
} finally { await client.close(); await wire.stop(); }
