import { MongoClient } from 'mongodb';
import { DocumentDbWire } from '../test/support/documentdb-wire.js';
import { float32Parts } from '../src/mongo/float32.js';
import { raiseIf } from '../src/mongo/raise.js';
import { cond, isNull, letIn } from '../src/mongo/mql.js';
const MAX = 9007199254740991;
function variant(layers: string) {
  const isText = { $eq: [{ $type: '$$sr' }, 'string'] };
  const isNumber = process.env.ISN === '1' ? { $or: [{ $isNumber: '$$sr' }, { $eq: [{ $type: '$$sr' }, 'decimal'] }] } : { $in: [{ $type: '$$sr' }, ['double', 'int', 'long', 'decimal']] };
  const text = cond(isText, '$$sr', '');
  const double = cond(isNumber, { $toDouble: cond(isNumber, '$$sr', 0) }, cond(isNull('$$sr'), null, cond(isText, { $convert: { input: { $trim: { input: text } }, to: 'double', onError: 'invalid', onNull: 'invalid' } }, 'invalid')));
  const rounded = float32Parts(cond({ $isNumber: '$$sd' }, '$$sd', null), (r0, tie, x0) => {
    const G = process.env.GUARD === '1'; const r: any = G ? cond({ $isNumber: r0 }, r0, 0) : r0; const x: any = G ? cond({ $isNumber: x0 }, x0, 0) : x0;
    let v: any = r0;
    const outOfRange = { $or: [{ $and: [{ $eq: [{ $abs: r }, Infinity] }, { $ne: [{ $abs: x }, Infinity] }] }, { $and: [{ $eq: [r, 0] }, { $ne: [x, 0] }] }] };
    const inexactTie = { $and: [tie, { $or: [{ $ne: [x, { $trunc: [x, 0] }] }, { $gt: [{ $abs: x }, MAX] }] }] };
    if (layers.includes('i')) v = raiseIf(v, { $eq: ['$$sd', 'invalid'] }, 'invalid-text-representation', ['bad'], undefined);
    if (layers.includes('o')) v = raiseIf(v, outOfRange, 'numeric-value-out-of-range', ['range'], undefined);
    if (layers.includes('t')) v = raiseIf(v, inexactTie, 'feature-not-supported', ['tie'], undefined);
    if (layers.includes('O')) v = cond(outOfRange, 'x', v);
    if (layers.includes('T')) v = cond(inexactTie, 'x', v);
    return v;
  });
  return letIn({ sr: '$r' }, letIn({ sd: double }, rounded));
}
const wire = await DocumentDbWire.start('postgres://postgres@127.0.0.1:9712/postgres');
const client = new MongoClient(wire.uri);
try {
  const coll = client.db('realscan_scratch').collection('singles');
  for (const layers of ['', 'iot']) {
    try { const out = await coll.aggregate([{ $match: { _id: { $in: JSON.parse(process.env.IDS ?? '[1,2,3,4,5,6,7,8,9,10,11,12]') } } }, { $replaceWith: { v: variant(layers) } }]).toArray(); console.log(layers || '-', 'ok', JSON.stringify(out.map((o) => o.v))); }
    catch (err) { console.log(layers || '-', 'ERR', (err as Error).message.slice(0, 80)); }
  }
} finally { await client.close(); await wire.stop(); }
