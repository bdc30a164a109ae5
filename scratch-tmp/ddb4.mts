import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { storedReal } from '../src/mongo/lower-stored-real.js';
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  const e: any = storedReal('$r', 'r');
  // e = {$let: {vars: {sr}, in: {$let: {vars: {sd}, in: rounded}}}}
  const sdExpr = e.$let.in.$let.vars.sd;
  const probes: Record<string, unknown> = {
    full: e,
    sd: { $let: { vars: { sr: '$r' }, in: sdExpr } },
    isnum: { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: { $isNumber: '$$sd' } } } } },
    guarded: { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: { $cond: [{ $isNumber: '$$sd' }, '$$sd', null] } } } } },
    abs: { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: { $abs: { $cond: [{ $isNumber: '$$sd' }, '$$sd', null] } } } } } },
    abs2: { $let: { vars: { sr: '$r' }, in: { $let: { vars: { sd: sdExpr }, in: { $let: { vars: { q: { $cond: [{ $isNumber: '$$sd' }, '$$sd', null] } }, in: { $abs: '$$q' } } } } } } },
  };
  for (const [k, p] of Object.entries(probes)) {
    try { console.log(k, JSON.stringify(await coll.aggregate([{ $match: { _id: 10 } }, { $project: { v: p } }]).toArray())); }
    catch (err) { console.log(k, 'ERR', (err as Error).message.slice(0, 100)); }
  }
} finally { await client.close(); await wire.stop(); }
