import { readFileSync } from 'node:fs';
import { EJSON } from 'bson';
import { readCollectionFile } from '../../src/io/data-files.ts';
const f = process.argv[2];
const t0 = performance.now();
const a = readCollectionFile(f);
const t1 = performance.now();
const text = readFileSync(f, 'utf8');
const lines = text.split('\n').filter((l) => l !== '');
const b = lines.map((l) => EJSON.deserialize(JSON.parse(l), { relaxed: true }));
const t2 = performance.now();
const c = lines.map((l) => JSON.parse(l, (k, v) => (v !== null && typeof v === 'object' && typeof v.$date === 'string' && Object.keys(v).length === 1 ? new Date(v.$date) : v)));
const t3 = performance.now();
function fix(v: any): any {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = fix(v[i]); return v; }
  for (const k in v) {
    const x = v[k];
    if (x !== null && typeof x === 'object') {
      if (k[0] === '$') return EJSON.deserialize(v, { relaxed: true });
      v[k] = fix(x);
    } else if (k[0] === '$') return EJSON.deserialize(v, { relaxed: true });
  }
  return v;
}
const d = lines.map((l) => (l.includes('"$') ? fix(JSON.parse(l)) : JSON.parse(l)));
const t4 = performance.now();
console.log({ ejsonParse: t1 - t0, jsonThenDeserialize: t2 - t1, reviver: t3 - t2, jsonPlusWalk: t4 - t3 });
console.log(JSON.stringify(a[5]) === JSON.stringify(d[5]), a[5].registered_at instanceof Date, d[5].registered_at instanceof Date, c[5].registered_at instanceof Date, b[5].registered_at instanceof Date);
