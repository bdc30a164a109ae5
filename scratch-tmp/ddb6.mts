import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { storedReal } from '../src/mongo/lower-stored-real.js';
import { float32Parts } from '../src/mongo/float32.js';
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
const variants: Record<string, any> = {
  full: storedReal('$r', 'r'),
  f32text: { $let: { vars: { sd: { $cond: [{ $isNumber: '$r' }, '$r', { $convert: { input: '$r', to: 'double', onError: null } }] } }, in: float32Parts('$$sd', (r) => r) } },
  f32plain: float32Parts({ $convert: { input: '$r', to: 'double', onError: null } }, (r) => r),
  f32num: float32Parts({ $cond: [{ $isNumber: '$r' }, '$r', 0] }, (r) => r),
};
try {
  const coll = client.db('realscan_scratch').collection('singles');
  for (const [k, e] of Object.entries(variants)) for (const ids of [[10], [9, 10], [1,2,3,4,5,6,7,8,9,10,11,12]]) {
    try { const out = await coll.aggregate([{ $match: { _id: { $in: ids } } }, process.env.STAGE === 'rw' ? { $replaceWith: { v: e } } : process.env.STAGE === 'set' ? { $set: { v: e } } : { $project: { v: e } }]).toArray(); console.log(k, ids.length, JSON.stringify(out.map((o) => o.v))); }
    catch (err) { console.log(k, ids.length, 'ERR', (err as Error).message.slice(0, 80)); }
  }
} finally { await client.close(); await wire.stop(); }
