import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import fs from 'node:fs';
const { EJSON } = await import('bson');
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  const cmds = EJSON.parse(fs.readFileSync(process.argv[2], 'utf8'), { relaxed: false }) as any;
  const pipeline = cmds[0][0].pipeline;
  for (let n = 1; n <= pipeline.length; n++) {
    for (const m of [{ _id: 10 }, { _id: { $lt: 13 } }]) {
      try { const out = await coll.aggregate([{ $match: m }, ...pipeline.slice(1, n)]).toArray(); console.log(n, JSON.stringify(m), JSON.stringify(out).slice(0, 120)); }
      catch (err) { console.log(n, JSON.stringify(m), 'ERR', (err as Error).message.slice(0, 100)); }
    }
  }
  const p2 = [{ $match: { _id: 10 } }, pipeline[1], { $replaceWith: { r: '$r' } }];
  try { console.log('minimal', JSON.stringify(await coll.aggregate(p2).toArray())); } catch (err) { console.log('minimal ERR', (err as Error).message.slice(0, 100)); }
  const p3 = [{ $match: { _id: 10 } }, { $project: { _id: 0, r: pipeline[1].$replaceWith.r } }, { $replaceWith: { r: '$r' } }];
  try { console.log('project', JSON.stringify(await coll.aggregate(p3).toArray())); } catch (err) { console.log('project ERR', (err as Error).message.slice(0, 100)); }
  const p4 = [{ $match: { _id: 10 } }, { $set: { r: pipeline[1].$replaceWith.r } }, { $replaceWith: { r: '$r' } }];
  try { console.log('set', JSON.stringify(await coll.aggregate(p4).toArray())); } catch (err) { console.log('set ERR', (err as Error).message.slice(0, 100)); }
} finally { await client.close(); await wire.stop(); }
{
  const wire2 = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
  const c2 = new MongoClient(wire2.uri);
  const coll = c2.db('realscan_scratch').collection('singles');
  const cmds = EJSON.parse(fs.readFileSync(process.argv[2], 'utf8'), { relaxed: false }) as any;
  const pipeline = cmds[0][0].pipeline;
  const p5 = [{ $match: { _id: 10 } }, { $replaceWith: { r_single: pipeline[1].$replaceWith.r } }, { $replaceWith: { r: '$r_single' } }];
  try { console.log('renamed', JSON.stringify(await coll.aggregate(p5).toArray())); } catch (err) { console.log('renamed ERR', (err as Error).message.slice(0, 100)); }
  const p6 = [{ $match: { _id: { $lt: 13 } } }, { $replaceWith: { r_single: pipeline[1].$replaceWith.r } }, { $replaceWith: { r: '$r_single' } }];
  try { console.log('renamed all', JSON.stringify(await coll.aggregate(p6).toArray())); } catch (err) { console.log('renamed ERR', (err as Error).message.slice(0, 100)); }
  await c2.close(); await wire2.stop();
}
