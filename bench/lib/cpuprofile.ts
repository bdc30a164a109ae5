/**
 * Summaries of a V8 `.cpuprofile` (from `node --cpu-prof`): where a sqletl run spends
 * its time. Buckets answer "engine glue, generated pipeline, or mingo itself?":
 * inclusive time under the glue functions (reading files with EJSON, CLONE_INPUT's
 * cloneDeep, compiling, building rows), under mingo's Aggregator, and inside that the
 * self time of the getters that mingo's CommonJS build routes every cross-module call
 * through; plus inclusive time per mingo operator (`$group`, `$cond`, …), each sample
 * counted once per distinct operator on its stack.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** inclusive buckets (they overlap where noted) */
  buckets: Share[];
  /** self time by area (mingo folder, bson, src file, GC …); sums to 100% */
  byArea: Share[];
  /** inclusive time per mingo operator ($-named functions) */
  operators: Share[];
  /** the functions with the most self time */
  selfTop: Share[];
}

const shortUrl = (url: string): string => {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length).replace('/cjs/', '/').replace('/esm/', '/');
  for (const dir of ['/src/', '/bench/', '/test/']) {
    const i = url.indexOf(dir);
    if (i >= 0) return url.slice(i + 1);
  }
  return url.replace(/^file:\/\//, '');
};

function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  const m = /node_modules\/mingo\/(?:cjs|esm)\/(.*)\.js$/.exec(url);
  if (m) return m[1].startsWith('operators/') ? `mingo ${m[1].split('/').slice(0, 2).join('/')}` : `mingo ${m[1].split('/')[0]}`;
  if (url.includes('node_modules/bson/')) return 'bson (EJSON)';
  if (url.includes('node_modules/libpg-query/')) return 'libpg-query';
  for (const dir of ['/src/', '/bench/', '/test/']) {
    const i = url.indexOf(dir);
    if (i >= 0) return url.slice(i + 1);
  }
  if (url.includes('node_modules/')) return url.split('node_modules/')[1].split('/')[0];
  return 'node/V8 (builtins, JSON, fs)';
}

/** `get` getters defined by esbuild's CommonJS interop (`__export`/`__copyProps`) in mingo's cjs build. */
const isInteropGetter = (f: ProfileNode['callFrame']) => f.functionName === 'get' && /node_modules\/mingo\/cjs\//.test(f.url);

const BUCKETS: [string, (f: ProfileNode['callFrame']) => boolean][] = [
  ['compile (src/compile.ts compileScript)', (f) => f.functionName === 'compileScript'],
  ['read (src/io/data-files.ts readCollectionFile)', (f) => f.functionName === 'readCollectionFile'],
  ['mingo Aggregator.run (everything below, incl. cloning)', (f) => f.functionName === 'run' && /mingo\/(cjs|esm)\/aggregator/.test(f.url)],
  ['  CLONE_INPUT: cloneDeep of every input document', (f) => f.functionName === 'cloneDeep' && /mingo/.test(f.url)],
  ['  mingo CommonJS interop getters (self)', isInteropGetter],
  ['rows (src/run/rows.ts toRows)', (f) => f.functionName === 'toRows'],
  ['GC (self)', (f) => f.functionName === '(garbage collector)'],
];

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const ops = new Map<string, number>();
  const buckets = new Map<string, number>(BUCKETS.map(([name]) => [name, 0]));
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') return;
    total += dt;
    const key = `${leaf.functionName || '(anonymous)'} ${shortUrl(leaf.url)}:${leaf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = areaOf(leaf.url, leaf.functionName);
    area.set(a, (area.get(a) ?? 0) + dt);
    const seenOps = new Set<string>();
    const seenBuckets = new Set<string>();
    let isLeaf = true;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      for (const [name, test] of BUCKETS) {
        const selfOnly = name.endsWith('(self)');
        if ((!selfOnly || isLeaf) && !seenBuckets.has(name) && test(f)) {
          seenBuckets.add(name);
          buckets.set(name, buckets.get(name)! + dt);
        }
      }
      if (f.functionName.startsWith('$') && /mingo|mingo-extensions/.test(f.url)) {
        const op = `${f.functionName} (${shortUrl(f.url).replace(/^mingo\/operators\//, '').replace(/\.js$/, '')})`;
        if (!seenOps.has(op)) {
          seenOps.add(op);
          ops.set(op, (ops.get(op) ?? 0) + dt);
        }
      }
      isLeaf = false;
    }
  });
  const shares = (m: Map<string, number>, n: number, sort = true) =>
    [...m.entries()]
      .sort((a, b) => (sort ? b[1] - a[1] : 0))
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((1000 * ms) / total) / 10 }));
  return { totalMs: Math.round(total), buckets: shares(buckets, BUCKETS.length, false), byArea: shares(area, 20), operators: shares(ops, top + 5), selfTop: shares(self, top) };
}
