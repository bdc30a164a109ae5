import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { storedReal } from '../src/mongo/lower-stored-real.js';
import * as f32 from '../src/mongo/float32.js';
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  const e: any = storedReal('$r', 'r');
  const sdExpr = e.$let.in.$let.vars.sd;
  const probe = { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: { t: { $type: '$$sd' }, v: '$$sd' } } } } };
  for (const stage of ['project', 'group']) {
    const p = stage === 'project' ? [{ $project: { v: probe } }] : [{ $group: { _id: null, v: { $push: probe } } }];
    try { console.log(stage, JSON.stringify(await coll.aggregate([{ $match: { _id: { $lt: 13 } } }, ...p]).toArray())); } catch (err) { console.log(stage, 'ERR', (err as Error).message.slice(0, 100)); }
  }
  const p2 = [{ $match: { _id: { $lt: 13 } } }, { $group: { _id: null, v: { $push: e } } }];
  try { console.log('group full', JSON.stringify(await coll.aggregate(p2).toArray())); } catch (err) { console.log('group full ERR', (err as Error).message.slice(0, 100)); }
  const p3 = [{ $match: { _id: { $lt: 13 } } }, { $group: { _id: null, v: { $push: { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: f32.roundToFloat32({ $cond: [{ $isNumber: '$$sd' }, '$$sd', null] }) } } } } } } }];
  try { console.log('group f32', JSON.stringify(await coll.aggregate(p3).toArray())); } catch (err) { console.log('group f32 ERR', (err as Error).message.slice(0, 100)); }
} finally { await client.close(); await wire.stop(); }
