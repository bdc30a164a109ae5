import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { storedReal } from '../src/mongo/lower-stored-real.js';
import { float32Parts } from '../src/mongo/float32.js';
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('t');
  await coll.deleteMany({});
  const { EJSON } = await import('bson'); const fs = await import('node:fs'); await coll.insertMany(EJSON.parse(fs.readFileSync('grammar-tests/fixtures/singles.json','utf8'), { relaxed: true }) as any);
  for (const id of [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]) {
    for (const [name, e] of [['stored', storedReal('$r', 'r')]] as const) {
      try {
        const out = await coll.aggregate([{ $match: { _id: id } }, { $project: { v: e } }]).toArray();
        console.log(id, name, JSON.stringify(out));
      } catch (err) { console.log(id, name, 'ERR', (err as Error).message.slice(0, 200)); }
    }
  }
  const probe = { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: { $switch: { branches: [{ case: { $eq: [{ $type: '$$sr' }, 'string'] }, then: { $convert: { input: '$$sr', to: 'double', onError: 'invalid', onNull: 'invalid' } } }], default: '$$sr' } } }, in: { t: { $type: '$$sd' }, n: { $isNumber: '$$sd' }, c: { $cond: [{ $isNumber: '$$sd' }, '$$sd', null] } } } } } };
  console.log(JSON.stringify(await coll.aggregate([{ $project: { v: probe } }]).toArray()));
} finally { await client.close(); await wire.stop(); }
