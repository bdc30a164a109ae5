import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import fs from 'node:fs';
const { EJSON } = await import('bson');
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  await coll.deleteMany({});
  await coll.insertMany(EJSON.parse(fs.readFileSync('grammar-tests/fixtures/singles.json', 'utf8'), { relaxed: true }) as any);
  const cmds = EJSON.parse(fs.readFileSync(process.argv[2], 'utf8'), { relaxed: false }) as any;
  const pipeline = cmds[0][0].pipeline;
  for (const id of [0]) {
    try { const out = await coll.aggregate(pipeline).toArray(); console.log(id, JSON.stringify(out).slice(0, 150)); }
    catch (err) { console.log(id, 'ERR', (err as Error).message.slice(0, 150)); }
  }
} finally { await client.close(); await wire.stop(); }
